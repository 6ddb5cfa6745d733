import 'reflect-metadata';
import { seedDemo } from './demo/seed-demo';
import { createRootLogger } from './runtime/logger';
import { runMigrations } from './runtime/migrations';
import { exitOnStartupFailure, loadConfigurationOrExit } from './runtime/process';
import { startRuntime } from './runtime/runtime';

/** One-shot: applies pending migrations (and with --seed-demo, the demo data), then exits. */
async function main(): Promise<void> {
  const config = loadConfigurationOrExit();
  const logger = createRootLogger(config.LOG_LEVEL, 'tongban-migrate');
  const runtime = await startRuntime(config, logger, 'migrate', { redis: false });
  try {
    await runMigrations(runtime.dataSource, logger);
    if (process.argv.includes('--seed-demo')) {
      logger.info(
        { added: await seedDemo(runtime.dataSource, config.NODE_ENV) },
        'demo data seeded',
      );
    }
  } finally {
    await runtime.close();
  }
}

main().catch((error) => exitOnStartupFailure('tongban-migrate', error));
