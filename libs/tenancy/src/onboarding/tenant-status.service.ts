import { Injectable } from '@nestjs/common';
import {
  AuditRepository,
  ConflictError,
  JobQueue,
  RequestContext,
  TenantScope,
  TenantStatus,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { TenantDirectory } from '../tenant/tenant-directory.service';
import { TenantRecord, TenantRepository } from '../tenant/tenant.repository';
import { OnboardingReadiness } from './onboarding-readiness';
import { RevokeTenantSessionsJob } from './revoke-tenant-sessions.job';

/** Suspending a tenant and bringing it back. */
@Injectable()
export class TenantStatusService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
    private readonly tenants: TenantRepository,
    private readonly readiness: OnboardingReadiness,
    private readonly audit: AuditRepository,
    private readonly jobs: JobQueue,
  ) {}

  async suspend(tenantId: string, reason: string): Promise<TenantRecord> {
    const suspended = await this.changeStatus(
      tenantId,
      [TenantStatus.ACTIVE, TenantStatus.ONBOARDING],
      () => Promise.resolve(TenantStatus.SUSPENDED),
      { action: 'TENANT_SUSPENDED', reason },
    );
    // After the commit, so the job sees the suspension.
    await this.jobs.enqueue(RevokeTenantSessionsJob, {
      tenantId,
      actorId: this.context.actor.userId,
    });
    return suspended;
  }

  reactivate(tenantId: string): Promise<TenantRecord> {
    return this.changeStatus(
      tenantId,
      [TenantStatus.SUSPENDED],
      // Back to ACTIVE only if it had finished onboarding; otherwise it resumes onboarding.
      async (manager) =>
        (await this.readiness.checklistIn(manager, tenantId)).complete
          ? TenantStatus.ACTIVE
          : TenantStatus.ONBOARDING,
      { action: 'TENANT_REACTIVATED' },
    );
  }

  private changeStatus(
    tenantId: string,
    from: TenantStatus[],
    next: (manager: EntityManager) => Promise<TenantStatus>,
    audit: { action: 'TENANT_SUSPENDED' | 'TENANT_REACTIVATED'; reason?: string },
  ): Promise<TenantRecord> {
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const tenant = await this.directory.require(manager, tenantId, 'suspend', true);
      if (!from.includes(tenant.status)) {
        throw new ConflictError(
          from.includes(TenantStatus.SUSPENDED)
            ? `Tenant is ${tenant.status}, not SUSPENDED`
            : `Tenant is already ${tenant.status}`,
        );
      }
      const to = await next(manager);
      await this.tenants.setStatus(manager, tenantId, to);
      await this.audit.record(manager, {
        tenantId,
        actorId: actor.userId,
        action: audit.action,
        subjectId: tenantId,
        details: { from: tenant.status, to, reason: audit.reason },
      });
      return { ...tenant, status: to };
    });
  }
}
