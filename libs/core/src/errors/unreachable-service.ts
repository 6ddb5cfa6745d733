import { ServiceUnavailableError } from './errors';

/**
 * Errors that mean a service this process depends on did not answer, not that the request
 * was wrong: PostgreSQL or Redis down, restarting or cut off. The client is told
 * SERVICE_UNAVAILABLE and may try again; nothing about the request needs fixing.
 */
const DATABASE =
  /Connection terminated|timeout exceeded when trying to connect|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)|terminating connection|Client has encountered a connection error|Client was closed and is not queryable|Query runner already released|provided by a query runner was already released/i;
// TypeORM raises these when a transaction's connection died under it (a PostgreSQL restart).
const DATABASE_ERROR_NAMES = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);
// ioredis (also under bull and rate-limiter-flexible) while Redis is away or restarting.
const REDIS =
  /Stream isn't writeable|Reached the max retries per request limit|Connection is closed|Command aborted due to connection close|LOADING Redis is loading|Command timed out|Redis connection is not ready/i;
const REDIS_ERROR_NAMES = new Set(['MaxRetriesPerRequestError']);
const NETWORK = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN/;

export type UnreachableService = 'database' | 'redis' | 'network';

/** Which service an error says is unreachable, looking through causes and driver errors. */
export function unreachableService(error: unknown): UnreachableService | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e instanceof AggregateError) {
      for (const inner of e.errors) {
        const found = unreachableService(inner);
        if (found) return found;
      }
      return null;
    }
    if (e instanceof Error) {
      const text = `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`;
      if (DATABASE_ERROR_NAMES.has(e.name) || DATABASE.test(text)) return 'database';
      if (REDIS_ERROR_NAMES.has(e.name) || REDIS.test(text)) return 'redis';
      if (NETWORK.test(text)) return 'network';
    }
    e =
      (e as { driverError?: unknown; cause?: unknown }).driverError ??
      (e as { cause?: unknown }).cause;
  }
  return null;
}

/** The typed error to answer with when `error` says a service is unreachable; else null. */
export function asServiceUnavailable(error: unknown): ServiceUnavailableError | null {
  if (error instanceof ServiceUnavailableError) return error;
  return unreachableService(error)
    ? new ServiceUnavailableError('The service is temporarily unavailable; try again shortly')
    : null;
}
