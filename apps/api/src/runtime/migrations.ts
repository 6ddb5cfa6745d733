import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

/** Applies pending migrations, each in its own transaction. */
export async function runMigrations(dataSource: DataSource, logger: Logger): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  logger.info(
    { applied: applied.map((m) => m.name) },
    applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date',
  );
}
