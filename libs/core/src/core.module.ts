import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import { AuditRepository } from './audit/audit.repository';
import { AuthorizationGuard } from './guards/authorization.guard';
import { RequestContext } from './context/request-context';
import { RequestLoaders } from './context/request-loaders';
import { TenantScope } from './context/tenant-scope';
import { ReportingScope } from './context/reporting-scope';
import { JobContext } from './jobs/job-context';
import { JobProcessorRegistry } from './jobs/job-processor.registry';
import { JobRunner } from './jobs/job-runner';
import { Clock, SystemClock } from './vocabulary/clock';

/**
 * What every domain stands on: the request context and its scoped transactions, the audit
 * trail, the authorization guard and the job runner. Needs a DataSource and a `JobActors`
 * provider (libs/tenancy) from the application; each request or job runs in a context of
 * the ClsService it provides (apps/api: http/request-context.ts; jobs: JobRunner).
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    // nestjs-cls's AsyncLocalStorage, without its global guard and interceptor (they cost
    // every resolver call an interceptor chain for nothing).
    { provide: ClsService, useValue: ClsServiceManager.getClsService() },
    RequestContext,
    RequestLoaders,
    TenantScope,
    ReportingScope,
    AuditRepository,
    AuthorizationGuard,
    JobContext,
    JobProcessorRegistry,
    JobRunner,
  ],
  exports: [
    ClsService,
    RequestContext,
    RequestLoaders,
    TenantScope,
    ReportingScope,
    AuditRepository,
    AuthorizationGuard,
    JobRunner,
    Clock,
  ],
})
export class CoreModule {
  /** `clock`: the time every domain reads (the system's; tests of an API process shift it). */
  static forRoot(options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: Clock, useValue: options.clock ?? new SystemClock() }],
      exports: [Clock],
    };
  }
}
