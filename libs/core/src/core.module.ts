import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditRepository } from './audit/audit.repository';
import { AuthorizationGuard } from './guards/authorization.guard';
import { RequestContext } from './context/request-context';
import { RequestLoaders } from './context/request-loaders';
import { TenantScope } from './context/tenant-scope';
import { JobContext } from './jobs/job-context';
import { JobProcessorRegistry } from './jobs/job-processor.registry';
import { JobRunner } from './jobs/job-runner';

/**
 * What every domain stands on: the request context and its scoped transactions, the audit
 * trail, the authorization guard and the job runner. Needs a DataSource, a ClsModule and a
 * `JobActors` provider (libs/tenancy) from the application.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    RequestContext,
    RequestLoaders,
    TenantScope,
    AuditRepository,
    AuthorizationGuard,
    JobContext,
    JobProcessorRegistry,
    JobRunner,
  ],
  exports: [
    RequestContext,
    RequestLoaders,
    TenantScope,
    AuditRepository,
    AuthorizationGuard,
    JobRunner,
  ],
})
export class CoreModule {}
