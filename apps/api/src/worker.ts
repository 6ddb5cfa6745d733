import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JobQueue } from '@tongban/core';
import { createRootLogger } from './runtime/logger';
import { NestPinoLogger } from './runtime/nest-logger';
import { exitOnStartupFailure, loadConfigurationOrExit, onShutdownSignal } from './runtime/process';
import { startRuntime } from './runtime/runtime';
import { heartbeatPath, startHeartbeat } from './runtime/worker-heartbeat';
import { WorkerModule } from './worker.module';

/**
 * The worker: runs the bull processors in their own process. SIGTERM stops taking new jobs,
 * lets active ones finish and exits within SHUTDOWN_TIMEOUT_MS (jobs still running then are
 * requeued by bull as stalled).
 */
async function main(): Promise<void> {
  // No signing keys: the worker issues and verifies no access tokens.
  const config = loadConfigurationOrExit({ redis: true, signingKeys: false });
  if (!config.REDIS_URL || !config.DATABASE_URL) {
    process.stderr.write(
      'tongban-worker needs DATABASE_URL and REDIS_URL; without them the API runs jobs in-process\n',
    );
    process.exit(1);
  }
  const logger = createRootLogger(config.LOG_LEVEL, 'tongban-worker');
  const runtime = await startRuntime(config, logger, 'worker');
  await runtime.enterApplicationRole();
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(runtime, config.REDIS_URL),
    {
      bufferLogs: true,
    },
  );
  app.useLogger(new NestPinoLogger(logger));
  let heartbeat: { stop(): void } | null = null;
  onShutdownSignal(config.SHUTDOWN_TIMEOUT_MS, async (signal) => {
    logger.info({ signal }, 'worker shutting down');
    heartbeat?.stop();
    await app.close();
    await runtime.close();
  });
  await app.init();
  const queue = app.get(JobQueue);
  heartbeat = startHeartbeat(heartbeatPath(config), () => queue.ping(), logger);
  logger.info('worker ready');
}

main().catch((error) => exitOnStartupFailure('tongban-worker', error));
