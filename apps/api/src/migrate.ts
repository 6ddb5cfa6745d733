import 'reflect-metadata';
import { createRootLogger } from './runtime/logger';
import { prepareDatabase } from './runtime/migrations';
import { exitOnStartupFailure, loadConfigurationOrExit } from './runtime/process';

/**
 * One-shot, as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL): applies pending
 * migrations, creates the application login of DATABASE_URL, and with --seed-demo adds the
 * demo data, and with --demo-history (besides --seed-demo) its months of applications. Needs PostgreSQL; the embedded database is migrated by the API itself.
 */
async function main(): Promise<void> {
  const config = loadConfigurationOrExit({ redis: false, signingKeys: false });
  if (!config.DATABASE_URL && !config.MIGRATION_DATABASE_URL) {
    process.stderr.write(
      'migrate needs DATABASE_URL (the embedded database is migrated by `npm start`)\n',
    );
    process.exit(1);
  }
  const logger = createRootLogger(config.LOG_LEVEL, 'tongban-migrate');
  await prepareDatabase(config, logger, {
    seedDemo: process.argv.includes('--seed-demo'),
    demoHistory: process.argv.includes('--demo-history'),
  });
}

main().catch((error) => exitOnStartupFailure('tongban-migrate', error));
