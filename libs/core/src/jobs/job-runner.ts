import { Injectable, Logger } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { JobContext } from './job-context';
import { JobProcessorRegistry } from './job-processor.registry';
import { assertRunnable, TenantJobData } from './job-queue';

/**
 * Runs one job with the processor declared for its name, in a fresh context of its own.
 * Both queue drivers go through here, so a job behaves the same with or without Redis.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    private readonly registry: JobProcessorRegistry,
    private readonly cls: ClsService,
    private readonly jobContext: JobContext,
  ) {}

  get jobNames(): string[] {
    return this.registry.jobNames;
  }

  async run(jobName: string, data: unknown, jobId?: string | number): Promise<unknown> {
    const processor = this.registry.find(jobName);
    assertRunnable(processor?.declaration, jobName, data);
    return this.cls.run(async () => {
      if (processor!.declaration.scope === 'tenant') {
        await this.jobContext.enter(data as TenantJobData);
      }
      const started = Date.now();
      const result = await processor!.handler.process(data as object);
      this.logger.log({ msg: 'job completed', jobName, jobId, ms: Date.now() - started });
      return result;
    });
  }
}
