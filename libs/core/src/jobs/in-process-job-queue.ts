import { Logger } from '@nestjs/common';
import { EnqueueOptions, JobQueue } from './job-queue';
import { JobRunner } from './job-runner';

/**
 * The embedded default's queue: without Redis, jobs run in this process through the same
 * JobRunner and processors the worker uses. Nothing survives a restart, which is fine for a
 * single-machine demo and never used in production (REDIS_URL is required there).
 */
export class InProcessJobQueue extends JobQueue {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly seenJobIds = new Set<string>();
  private closed = false;

  constructor(private readonly runner: JobRunner) {
    super();
  }

  protected async add(jobName: string, data: object, options: EnqueueOptions): Promise<void> {
    if (this.closed) throw new Error('job queue is closed');
    if (options.jobId) {
      if (this.seenJobIds.has(options.jobId)) return;
      this.seenJobIds.add(options.jobId);
    }
    this.track(jobName, data);
  }

  protected async repeatByName(jobName: string, everyMs: number): Promise<void> {
    clearInterval(this.timers.get(jobName));
    const timer = setInterval(() => this.track(jobName, {}), everyMs);
    timer.unref();
    this.timers.set(jobName, timer);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('job queue is closed');
  }

  /** Resolves when no job is running (jobs a job enqueues included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Stops the schedules and waits for running jobs. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }

  private track(jobName: string, data: object): void {
    const run = this.runner
      .run(jobName, data)
      .catch((error: unknown) =>
        this.logger.error({ msg: 'job failed', jobName, error: String(error) }),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
