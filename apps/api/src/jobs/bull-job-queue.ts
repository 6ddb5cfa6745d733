import { EnqueueOptions, JobQueue } from '@tongban/core';
import Bull from 'bull';

export const QUEUE_NAME = 'tongban';

/** Jobs on Redis through bull; processed by the worker entrypoint. */
export class BullJobQueue extends JobQueue {
  readonly queue: Bull.Queue;

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
  }

  protected async add(jobName: string, data: object, options: EnqueueOptions): Promise<void> {
    await this.queue.add(jobName, data, { jobId: options.jobId });
  }

  protected async repeatByName(jobName: string, everyMs: number): Promise<void> {
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
