import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InProcessJobQueue, JobQueue, JobRunner, RejectedJobError } from '@tongban/core';
import { PurgeExpiredSessionsJob } from '@tongban/tenancy';
import {
  DeadlineSweepJob,
  DefaultRatingsJob,
  InsightsBackfillJob,
  NotificationDeliveryJob,
} from '@tongban/workflow';
import { BullJobQueue } from './bull-job-queue';

export interface JobsOptions {
  /** bull on this Redis; absent: in-process. */
  redisUrl: string | null;
  prefix: string;
  /** bull's lockDuration and stalledInterval (QUEUE_STALLED_MS). */
  stalledMs: number;
  /** Whether this process runs jobs (the worker, or the API without Redis). */
  runsJobs: boolean;
  concurrency: number;
  purgeSessionsEveryMs: number;
  /** The deadline sweep (DESIGN.md §4.4) and the notification outbox's delivery. */
  sweepDeadlinesEveryMs: number;
  deliverNotificationsEveryMs: number;
  /** Default ratings of applications left unrated (好差评). */
  defaultRatingsEveryMs: number;
}

const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/** Starts processing and registers the repeatable jobs, in the process that runs jobs. */
@Injectable()
class JobLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    private readonly queue: JobQueue,
    private readonly runner: JobRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runsJobs) return;
    if (this.queue instanceof BullJobQueue) {
      // '*' takes every job name; the runner dispatches and refuses unknown ones.
      void this.queue.queue.process('*', this.options.concurrency, async (job) => {
        try {
          return await this.runner.run(job.name, job.data, job.id);
        } catch (error) {
          // A refused job (no context, unknown kind) fails for good: retrying cannot help.
          if (error instanceof RejectedJobError) await job.discard();
          throw error;
        }
      });
    }
    await this.queue.repeat(PurgeExpiredSessionsJob, this.options.purgeSessionsEveryMs);
    await this.queue.repeat(DeadlineSweepJob, this.options.sweepDeadlinesEveryMs);
    await this.queue.repeat(NotificationDeliveryJob, this.options.deliverNotificationsEveryMs);
    await this.queue.repeat(DefaultRatingsJob, this.options.defaultRatingsEveryMs);
    // Once per start: the insights' facts of applications older than the insights (a pass
    // over the applications' keys that records nothing once they are all there).
    await this.queue.enqueue(InsightsBackfillJob, {});
    this.logger.log({ msg: 'processing jobs', jobs: this.runner.jobNames });
  }

  /** Lets active jobs finish; bull requeues what is still running when the process dies. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

@Module({})
export class JobsModule {
  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      providers: [
        { provide: JOBS_OPTIONS, useValue: options },
        {
          provide: JobQueue,
          useFactory: (runner: JobRunner) =>
            options.redisUrl
              ? new BullJobQueue(options.redisUrl, options.prefix, options.stalledMs)
              : new InProcessJobQueue(runner),
          inject: [JobRunner],
        },
        JobLifecycle,
      ],
      exports: [JobQueue],
    };
  }
}
