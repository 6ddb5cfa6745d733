import { Redis, RedisOptions } from 'ioredis';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ServiceUnavailableError } from './errors';
import { asServiceUnavailable, unreachableService } from './unreachable-service';

/** A real ioredis error: a command to a port nobody listens on. */
async function redisError(options: RedisOptions): Promise<Error> {
  const redis = new Redis({ port: 1, lazyConnect: true, ...options });
  redis.on('error', () => {});
  try {
    return await redis.get('x').then(
      () => new Error('unexpected answer'),
      (error: Error) => error,
    );
  } finally {
    redis.disconnect();
  }
}

describe('unreachableService', () => {
  it('recognises Redis away: offline queue off (the API), retries used up (bull)', async () => {
    const offline = await redisError({ enableOfflineQueue: false, retryStrategy: () => null });
    expect(unreachableService(offline)).toBe('redis');
    const retried = await redisError({ maxRetriesPerRequest: 1, retryStrategy: () => 10 });
    expect(retried.name).toBe('MaxRetriesPerRequestError');
    expect(unreachableService(retried)).toBe('redis');
    expect(unreachableService(new Error('Connection is closed.'))).toBe('redis');
    expect(unreachableService(new Error('LOADING Redis is loading the dataset in memory'))).toBe(
      'redis',
    );
  });

  it('recognises a database gone under a transaction (TypeORM, pg), however wrapped', () => {
    expect(unreachableService(new QueryRunnerAlreadyReleasedError())).toBe('database');
    expect(unreachableService(new QueryRunnerProviderAlreadyReleasedError())).toBe('database');
    expect(
      unreachableService(new Error('terminating connection due to administrator command')),
    ).toBe('database');
    expect(
      unreachableService({ driverError: new Error('Connection terminated unexpectedly') }),
    ).toBe('database');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(unreachableService(new AggregateError([refused]))).toBe('network');
    expect(unreachableService(new Error('wrapped', { cause: refused }))).toBe('network');
  });

  it('leaves every other error alone', () => {
    expect(
      unreachableService(new Error('duplicate key value violates unique constraint')),
    ).toBeNull();
    expect(unreachableService(new TypeError('Cannot read properties of undefined'))).toBeNull();
    expect(unreachableService('ECONNREFUSED')).toBeNull();
    expect(unreachableService(null)).toBeNull();
  });

  it('answers with a typed SERVICE_UNAVAILABLE error, or null', async () => {
    const typed = asServiceUnavailable(await redisError({ enableOfflineQueue: false }));
    expect(typed).toBeInstanceOf(ServiceUnavailableError);
    expect(typed?.code).toBe('SERVICE_UNAVAILABLE');
    expect(typed?.message).not.toMatch(/enableOfflineQueue|6379/);
    expect(asServiceUnavailable(new Error('boom'))).toBeNull();
  });
});
