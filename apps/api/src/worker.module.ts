import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule } from '@tongban/core';
import { CatalogModule } from '@tongban/catalog';
import { TenancyModule } from '@tongban/tenancy';
import { WorkflowModule } from '@tongban/workflow';
import { InsightsModule } from '@tongban/insights';
import { DatabaseModule } from './database/database.module';
import { JobsModule } from './jobs/jobs.module';
import { identityOptionsFor } from './runtime/identity-options';
import { clockFor } from './runtime/clock';
import { Runtime } from './runtime/runtime';

/** The worker process: the same processors as the API, fed by bull from Redis. */
@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime, redisUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DatabaseModule.forRoot(runtime.dataSource),
        CoreModule.forRoot({ clock: clockFor(runtime.config) }),
        TenancyModule.forRoot(identityOptionsFor(runtime, { signsTokens: false })),
        CatalogModule,
        WorkflowModule,
        InsightsModule,
        JobsModule.forRoot({
          redisUrl,
          prefix: runtime.config.QUEUE_PREFIX,
          stalledMs: runtime.config.QUEUE_STALLED_MS,
          runsJobs: true,
          concurrency: 4,
          purgeSessionsEveryMs: runtime.config.PURGE_SESSIONS_EVERY_MS,
          sweepDeadlinesEveryMs: runtime.config.SWEEP_DEADLINES_EVERY_MS,
          deliverNotificationsEveryMs: runtime.config.DELIVER_NOTIFICATIONS_EVERY_MS,
          defaultRatingsEveryMs: runtime.config.DEFAULT_RATINGS_EVERY_MS,
        }),
      ],
    };
  }
}
