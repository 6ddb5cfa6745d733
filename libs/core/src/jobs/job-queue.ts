import { Injectable, SetMetadata, Type, applyDecorators } from '@nestjs/common';
import { isUuid } from '../vocabulary/uuid';

/**
 * Background jobs (DESIGN.md §5). A domain declares a processor with `@JobProcessor` and
 * enqueues work through the JobQueue port; the application provides the driver: bull on
 * Redis, or in-process when no Redis is configured. Both drivers run the same processors,
 * found at start-up by their decorator (JobProcessorRegistry).
 */

/** Jobs that touch tenant data name the tenant and the acting user; others are platform chores. */
export type JobScope = 'platform' | 'tenant';

export interface TenantJobData {
  tenantId: string;
  actorId: string;
}

/** What a processor class does with one job's payload. */
export interface JobHandler<TData extends object = object> {
  process(data: TData): Promise<unknown>;
}

export interface JobDeclaration {
  /** Unique, `<domain>.<what-it-does>`; the name the queue stores. */
  name: string;
  scope: JobScope;
}

export const JOB_DECLARATION = 'tongban:job';

/**
 * Marks a class as the processor of one kind of job (and makes it injectable). A `tenant`
 * job's payload must carry `tenantId` and `actorId`: the runner re-enters that actor's context
 * and row-level-security scope before `process` runs.
 */
export const JobProcessor = (declaration: JobDeclaration) =>
  applyDecorators(Injectable(), SetMetadata(JOB_DECLARATION, declaration));

export type JobClass<TData extends object = object> = Type<JobHandler<TData>>;

/** The declaration of a processor class; throws for a class without `@JobProcessor`. */
export function jobDeclarationOf(job: Type<unknown>): JobDeclaration {
  const declaration: JobDeclaration | undefined = Reflect.getMetadata(JOB_DECLARATION, job);
  if (!declaration) throw new Error(`${job.name} is not a @JobProcessor`);
  return declaration;
}

export interface EnqueueOptions {
  /** A job with the same id is only queued once (idempotent enqueue). */
  jobId?: string;
}

export abstract class JobQueue {
  /** Queues a job for the processor class `job`. */
  enqueue<TData extends object>(
    job: JobClass<TData>,
    data: TData,
    options?: EnqueueOptions,
  ): Promise<void> {
    return this.add(jobDeclarationOf(job).name, data, options ?? {});
  }

  /** Runs `job` every `everyMs`; registering the same job again does not duplicate it. */
  repeat(job: JobClass, everyMs: number): Promise<void> {
    return this.repeatByName(jobDeclarationOf(job).name, everyMs);
  }

  /** Whether the queue's backend answers (for /health/ready). */
  abstract ping(): Promise<void>;
  /** Stops taking jobs and lets running ones finish. */
  abstract close(): Promise<void>;

  protected abstract add(jobName: string, data: object, options: EnqueueOptions): Promise<void>;
  protected abstract repeatByName(jobName: string, everyMs: number): Promise<void>;
}

/** Raised for a job the runner refuses: unknown kind, or tenant job without its context. */
export class RejectedJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedJobError';
  }
}

/** Checks that a job may run at all before its processor sees it. */
export function assertRunnable(
  declaration: JobDeclaration | undefined,
  jobName: string,
  data: unknown,
): asserts declaration is JobDeclaration {
  if (!declaration) throw new RejectedJobError(`No processor for job "${jobName}"`);
  if (typeof data !== 'object' || data === null) {
    throw new RejectedJobError(`Job "${jobName}" has no payload object`);
  }
  if (declaration.scope === 'tenant') {
    const { tenantId, actorId } = data as Partial<TenantJobData>;
    if (!isUuid(tenantId) || !isUuid(actorId)) {
      throw new RejectedJobError(`Job "${jobName}" must carry tenantId and actorId`);
    }
  }
}
