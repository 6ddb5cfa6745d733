import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ClsService } from 'nestjs-cls';
import { serveAdminApp } from './http/admin-app';
import { configureHttp, httpAdapter } from './http/http-server';
import { AppModule } from './app.module';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-data';
import { EMBEDDED_HISTORY_SCALE } from './demo/demo-history';
import { DemoSeedRefusedError, seedDemo } from './demo/seed-demo';
import { createRootLogger } from './runtime/logger';
import { NestPinoLogger } from './runtime/nest-logger';
import { prepareDatabase, runMigrations, seedDemoHistory } from './runtime/migrations';
import { exitOnStartupFailure, loadConfigurationOrExit, onShutdownSignal } from './runtime/process';
import { startRuntime } from './runtime/runtime';

/**
 * The API server. Flags: --migrate applies pending migrations first (always done on the
 * embedded database, which only this process can open); --seed-demo adds the demo data;
 * --demo-history (with --seed-demo) adds its months of applications too.
 */
async function main(): Promise<void> {
  const flags = new Set(process.argv.slice(2));
  const config = loadConfigurationOrExit();
  const logger = createRootLogger(config.LOG_LEVEL, 'tongban-api');
  const seedDemoData = flags.has('--seed-demo');
  const demoHistory = seedDemoData && flags.has('--demo-history');
  if (seedDemoData && config.NODE_ENV === 'production') throw new DemoSeedRefusedError();
  if (config.DATABASE_URL && (flags.has('--migrate') || seedDemoData)) {
    await prepareDatabase(config, logger, { seedDemo: seedDemoData, demoHistory });
  }
  const runtime = await startRuntime(config, logger, 'api', {
    redis: true,
    connectAs: 'application',
    readsReports: true,
  });
  if (runtime.databaseMode === 'embedded') {
    // Only this process can open the embedded database, so it migrates it itself.
    await runMigrations(runtime.dataSource, logger);
    if (seedDemoData)
      logger.info(
        { added: await seedDemo(runtime.dataSource, config.NODE_ENV) },
        'demo data seeded',
      );
    // PGlite plays the history slower than PostgreSQL; a smaller one keeps start-up short.
    if (demoHistory) await seedDemoHistory(runtime, logger, { scale: EMBEDDED_HISTORY_SCALE });
  }
  await runtime.enterApplicationRole();

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(runtime),
    httpAdapter(config.trustProxy),
    { bufferLogs: true },
  );
  app.useLogger(new NestPinoLogger(logger));
  await configureHttp(app, { logger, cls: app.get(ClsService) });
  const servesAdmin = await serveAdminApp(app, config.ADMIN_DIST_DIR, logger);

  onShutdownSignal(config.SHUTDOWN_TIMEOUT_MS, async (signal) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
  });

  await app.listen(config.PORT, config.HOST);
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const address = `http://${shownHost}:${config.PORT}`;
  logger.info({ address, admin: servesAdmin }, `Tongban is listening on ${address}`);
  if (seedDemoData) {
    app.flushLogs(); // so the banner is the last thing a newcomer sees
    const lines = DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(22)} ${a.role}`).join('\n');
    process.stdout.write(
      `\nTongban is running at ${address}  (GraphQL: ${address}/graphql)\n` +
        `Demo accounts (password ${DEMO_PASSWORD}):\n${lines}\n\n`,
    );
  }
}

main().catch((error) => exitOnStartupFailure('tongban-api', error));
