import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Configuration } from '../config/configuration';
import { ensureApplicationLogin } from '../database/application-role';
import { generateDemoHistory } from '../demo/demo-history';
import { DemoSeedRefusedError, seedDemo } from '../demo/seed-demo';
import { identityOptionsFor } from './identity-options';
import { type Runtime, startRuntime } from './runtime';

/** Applies pending migrations, each in its own transaction. */
export async function runMigrations(dataSource: DataSource, logger: Logger): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  logger.info(
    { applied: applied.map((m) => m.name) },
    applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date',
  );
}

/**
 * The owner's chores on PostgreSQL: migrations, the application login named in DATABASE_URL
 * (when the owner connects through MIGRATION_DATABASE_URL), and optionally the demo data
 * with (demoHistory) its months of applications.
 */
export async function prepareDatabase(
  config: Configuration,
  logger: Logger,
  options: { seedDemo: boolean; demoHistory?: boolean },
): Promise<void> {
  if (options.seedDemo && config.NODE_ENV === 'production') throw new DemoSeedRefusedError();
  const owner = await startRuntime(config, logger, 'migrate', { redis: false, connectAs: 'owner' });
  try {
    await runMigrations(owner.dataSource, logger);
    if (config.MIGRATION_DATABASE_URL && config.DATABASE_URL) {
      const login = await ensureApplicationLogin(owner.dataSource, config.DATABASE_URL);
      logger.info({ login }, 'application login is an unprivileged member of tongban_app');
    }
    if (options.seedDemo) {
      logger.info({ added: await seedDemo(owner.dataSource, config.NODE_ENV) }, 'demo data seeded');
      if (options.demoHistory) await seedDemoHistory(owner, logger);
    }
  } finally {
    await owner.close();
  }
}

/** The demo's months of applications, played through the services (demo/demo-history.ts). */
export async function seedDemoHistory(
  runtime: Runtime,
  logger: Logger,
  options: { scale?: number } = {},
): Promise<void> {
  const history = await generateDemoHistory(
    {
      dataSource: runtime.dataSource,
      config: runtime.config,
      identity: identityOptionsFor(runtime, { signsTokens: false }),
    },
    options,
  );
  logger.info({ history }, 'demo history generated');
}
