import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_DECLARATION, JobDeclaration, JobHandler } from './job-queue';

/**
 * Every `@JobProcessor` provider of the application, found once at start-up by its
 * decorator (as Twenty's `@Processor` classes are), so a new job needs no list to be edited.
 */
@Injectable()
export class JobProcessorRegistry implements OnModuleInit {
  private readonly processors = new Map<
    string,
    { declaration: JobDeclaration; handler: JobHandler }
  >();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance) continue;
      const declaration: JobDeclaration | undefined = Reflect.getMetadata(
        JOB_DECLARATION,
        metatype,
      );
      if (!declaration) continue;
      const known = this.processors.get(declaration.name);
      if (known && known.handler !== instance) {
        throw new Error(`Two processors declare the job "${declaration.name}"`);
      }
      this.processors.set(declaration.name, { declaration, handler: instance as JobHandler });
    }
  }

  find(jobName: string): { declaration: JobDeclaration; handler: JobHandler } | undefined {
    return this.processors.get(jobName);
  }

  get jobNames(): string[] {
    return [...this.processors.keys()].sort();
  }
}
