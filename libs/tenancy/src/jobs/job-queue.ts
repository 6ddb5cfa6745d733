/**
 * Background jobs (DESIGN.md §5). Domain libraries define processors and enqueue work through
 * the JobQueue port; the application provides the driver: bull on Redis, or in-process when
 * no Redis is configured. Both drivers run the same processor classes.
 */

/** Jobs that touch tenant data name the tenant and the acting user; others are platform chores. */
export type JobScope = 'platform' | 'tenant';

export interface TenantJobData {
  tenantId: string;
  actorId: string;
}

export interface JobProcessor<TData extends object = object> {
  readonly jobName: string;
  readonly scope: JobScope;
  process(data: TData): Promise<unknown>;
}

export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');

export interface EnqueueOptions {
  /** A job with the same id is only queued once (idempotent enqueue). */
  jobId?: string;
}

export abstract class JobQueue {
  abstract enqueue(jobName: string, data: object, options?: EnqueueOptions): Promise<void>;
  /** Registers a repeatable job; registering the same job again does not duplicate it. */
  abstract repeat(jobName: string, everyMs: number): Promise<void>;
  /** Whether the queue's backend answers (for /health/ready). */
  abstract ping(): Promise<void>;
}

/** Raised for a job the runner refuses: unknown kind, or tenant job without its context. */
export class RejectedJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedJobError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks that a job may run at all before its processor sees it. */
export function assertRunnable(
  processor: JobProcessor | undefined,
  jobName: string,
  data: unknown,
): asserts processor is JobProcessor {
  if (!processor) throw new RejectedJobError(`No processor for job "${jobName}"`);
  if (typeof data !== 'object' || data === null) {
    throw new RejectedJobError(`Job "${jobName}" has no payload object`);
  }
  if (processor.scope === 'tenant') {
    const { tenantId, actorId } = data as Partial<TenantJobData>;
    if (
      typeof tenantId !== 'string' ||
      !UUID.test(tenantId) ||
      typeof actorId !== 'string' ||
      !UUID.test(actorId)
    ) {
      throw new RejectedJobError(`Job "${jobName}" must carry tenantId and actorId`);
    }
  }
}
