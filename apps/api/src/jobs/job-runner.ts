import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  assertRunnable,
  JOB_PROCESSORS,
  JobContext,
  JobProcessor,
  TenantJobData,
} from '@tongban/tenancy';
import { ClsService } from 'nestjs-cls';

/**
 * Runs one job with the processor registered for its name, in a fresh context of its own.
 * Both queue drivers go through here, so a job behaves the same with or without Redis.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  private readonly processors: Map<string, JobProcessor>;

  constructor(
    @Inject(JOB_PROCESSORS) processors: JobProcessor[],
    private readonly cls: ClsService,
    private readonly jobContext: JobContext,
  ) {
    this.processors = new Map(processors.map((p) => [p.jobName, p]));
  }

  get jobNames(): string[] {
    return [...this.processors.keys()];
  }

  async run(jobName: string, data: unknown, jobId?: string | number): Promise<unknown> {
    const processor = this.processors.get(jobName);
    assertRunnable(processor, jobName, data);
    return this.cls.run(async () => {
      if (processor.scope === 'tenant') await this.jobContext.enter(data as TenantJobData);
      const started = Date.now();
      const result = await processor.process(data as object);
      this.logger.log({ msg: 'job completed', jobName, jobId, ms: Date.now() - started });
      return result;
    });
  }
}
