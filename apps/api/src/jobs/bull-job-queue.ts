import { EnqueueOptions, JobQueue } from '@tongban/core';
import Bull from 'bull';

export const QUEUE_NAME = 'tongban';

/** Jobs on Redis through bull; processed by the worker entrypoint. */
export class BullJobQueue extends JobQueue {
  readonly queue: Bull.Queue;
  /** The schedules this process registered, to register again after Redis comes back. */
  private readonly repeats = new Map<string, number>();

  constructor(redisUrl: string, prefix: string, stalledMs = 30_000) {
    super();
    this.queue = new Bull(QUEUE_NAME, redisUrl, {
      prefix,
      settings: { lockDuration: stalledMs, stalledInterval: stalledMs },
      defaultJobOptions: {
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    });
    // A Redis restarted without its data has forgotten every schedule, and nothing else would
    // add them again: each (re)connection after the first registers this process's again
    // (adding one that is still there changes nothing).
    let connections = 0;
    this.queue.client.on('ready', () => {
      if (++connections > 1 && this.repeats.size) void this.registerAgain();
    });
  }

  private async registerAgain(): Promise<void> {
    for (const [jobName, everyMs] of this.repeats) {
      try {
        await this.repeatByName(jobName, everyMs);
      } catch {
        // Redis gone again: the next reconnection tries once more.
        return;
      }
    }
  }

  protected async add(jobName: string, data: object, options: EnqueueOptions): Promise<void> {
    await this.queue.add(jobName, data, { jobId: options.jobId });
  }

  protected async repeatByName(jobName: string, everyMs: number): Promise<void> {
    this.repeats.set(jobName, everyMs);
    // Bull keys repeatable jobs by name and schedule, so adding the same one again is a
    // no-op; a changed interval replaces the old schedule instead of running both.
    for (const job of await this.queue.getRepeatableJobs()) {
      if (job.name === jobName && Number(job.every) !== everyMs) {
        await this.queue.removeRepeatableByKey(job.key);
      }
    }
    await this.queue.add(jobName, {}, { repeat: { every: everyMs }, jobId: jobName });
  }

  async ping(): Promise<void> {
    await this.queue.client.ping();
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
