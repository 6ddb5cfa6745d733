import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

export class DatabaseUnavailableError extends Error {
  constructor(target: string, attempts: number, cause: unknown) {
    super(
      `Could not connect to the database at ${target} after ${attempts} attempt(s): ${describe(cause)}`,
    );
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Initializes a data source, retrying with exponential backoff (capped at 10 s) while the
 * database does not answer, e.g. when the API starts before PostgreSQL in a compose file.
 */
export async function connectWithRetry(
  create: () => DataSource,
  options: { attempts: number; backoffMs: number; target: string; logger: Logger },
): Promise<DataSource> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const dataSource = create();
    try {
      await dataSource.initialize();
      await dataSource.query('SELECT 1');
      return dataSource;
    } catch (error) {
      lastError = error;
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (attempt === options.attempts) break;
      const delay = Math.min(options.backoffMs * 2 ** (attempt - 1), 10_000);
      options.logger.warn(
        { attempt, of: options.attempts, retryInMs: delay, error: describe(error) },
        `database at ${options.target} not reachable, retrying`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  throw new DatabaseUnavailableError(options.target, options.attempts, lastError);
}

/** host:port/database of a connection URL, without credentials, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
