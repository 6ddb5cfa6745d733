import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Configuration } from '../config/configuration';
import { APPLICATION_ROLE, assertUnprivilegedRole } from '../database/application-role';
import { connectWithRetry, describeDatabaseUrl } from '../database/connect';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../database/embedded-database';

/**
 * The outside world a process runs against: the database (PostgreSQL at DATABASE_URL, or
 * the embedded PGlite) and Redis (at REDIS_URL, or none: jobs and counters in-process).
 */
export interface Runtime {
  config: Configuration;
  logger: Logger;
  dataSource: DataSource;
  /** The read replica the insights read from (INSIGHTS_DATABASE_URL), if any. */
  insightsReplica: DataSource | null;
  databaseMode: 'postgres' | 'embedded';
  /** null in the embedded default: jobs run in-process, login counters live in memory. */
  redis: Redis | null;
  /**
   * From here on the process works as the application role, under row-level security:
   * checked for PostgreSQL (the login must be unprivileged); the embedded database has one
   * superuser session, so it switches that session to the application role.
   */
  enterApplicationRole(): Promise<void>;
  close(): Promise<void>;
}

export async function startRuntime(
  config: Configuration,
  logger: Logger,
  processName: string,
  options: {
    redis: boolean;
    connectAs: 'application' | 'owner';
    /** Serves the insights: connects to their replica (INSIGHTS_DATABASE_URL) if set. */
    readsReports?: boolean;
  } = {
    redis: true,
    connectAs: 'application',
  },
): Promise<Runtime> {
  let embedded: EmbeddedDatabase | null = null;
  let url =
    options.connectAs === 'owner'
      ? (config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL)
      : config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase(config.DATA_DIR, logger);
    url = embedded.url;
  }
  const target = config.DATABASE_URL ? describeDatabaseUrl(url) : 'embedded PGlite';
  const dataSource = await connectWithRetry(
    () =>
      createDataSource({
        url: url,
        poolSize: embedded ? 1 : config.DATABASE_POOL_SIZE,
        keepIdleConnections: Boolean(embedded),
        connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        applicationName: `tongban-${processName}`,
        onConnectionLost: (error) =>
          logger.warn({ error: error.message }, 'database connection lost'),
      }),
    {
      attempts: config.DATABASE_CONNECT_ATTEMPTS,
      backoffMs: config.DATABASE_CONNECT_BACKOFF_MS,
      target,
      logger,
    },
  ).catch(async (error) => {
    await embedded?.stop();
    throw error;
  });

  // Only the API reads reports, and only as the application role (RLS applies there too).
  const insightsReplica =
    config.INSIGHTS_DATABASE_URL &&
    config.DATABASE_URL &&
    options.readsReports &&
    options.connectAs === 'application'
      ? await connectWithRetry(
          () =>
            createDataSource({
              url: config.INSIGHTS_DATABASE_URL!,
              poolSize: config.DATABASE_POOL_SIZE,
              connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
              statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
              applicationName: `tongban-${processName}-insights`,
              onConnectionLost: (error) =>
                logger.warn({ error: error.message }, 'insights replica connection lost'),
            }),
          {
            attempts: config.DATABASE_CONNECT_ATTEMPTS,
            backoffMs: config.DATABASE_CONNECT_BACKOFF_MS,
            target: describeDatabaseUrl(config.INSIGHTS_DATABASE_URL),
            logger,
          },
        ).catch(async (error) => {
          await dataSource.destroy();
          throw error;
        })
      : null;
  if (insightsReplica) {
    logger.info(
      { replica: describeDatabaseUrl(config.INSIGHTS_DATABASE_URL!) },
      'insights read from a replica',
    );
  }

  const redis =
    config.REDIS_URL && options.redis ? await connectRedis(config.REDIS_URL, logger) : null;
  const database = embedded ? 'the embedded database (PGlite)' : 'PostgreSQL';
  if (options.redis) {
    const jobs = redis ? 'Redis-backed jobs' : 'in-process jobs (no REDIS_URL)';
    logger.info(
      {
        database: embedded ? 'embedded PGlite' : target,
        jobs: redis ? 'bull on Redis' : 'in-process',
      },
      `running with ${database} and ${jobs}`,
    );
  } else {
    logger.info({ database: embedded ? 'embedded PGlite' : target }, `connected to ${database}`);
  }

  return {
    config,
    logger,
    dataSource,
    insightsReplica,
    databaseMode: embedded ? 'embedded' : 'postgres',
    redis,
    async enterApplicationRole() {
      if (!embedded) {
        await assertUnprivilegedRole(dataSource);
        if (insightsReplica) await assertUnprivilegedRole(insightsReplica);
        return;
      }
      // PGlite serves one session to the pool of one connection, kept open for good.
      await dataSource.query(`SET ROLE ${APPLICATION_ROLE}`);
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (insightsReplica?.isInitialized) await insightsReplica.destroy();
      redis?.disconnect();
      await embedded?.stop();
    },
  };
}

async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  // Commands fail fast while Redis is away instead of piling up in memory.
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: true,
  });
  redis.on('error', (error) => logger.warn({ error: error.message }, 'redis connection error'));
  await redis.connect();
  await warnUnlessNoEviction(redis, logger);
  return redis;
}

/** Queues lose jobs silently when Redis evicts keys; DESIGN.md asks for noeviction. */
async function warnUnlessNoEviction(redis: Redis, logger: Logger): Promise<void> {
  try {
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy !== 'noeviction') {
      logger.warn(
        { policy },
        'Redis maxmemory-policy should be noeviction: queued jobs can be evicted',
      );
    }
  } catch {
    // Managed Redis services often forbid CONFIG; nothing to check then.
  }
}
