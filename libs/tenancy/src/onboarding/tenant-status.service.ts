import { Injectable } from '@nestjs/common';
import {
  AuditRepository,
  ConflictError,
  ForbiddenError,
  JobQueue,
  RequestContext,
  TenantScope,
  TenantStatus,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { IdentityRepository } from '../identity/identity.repository';
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
    private readonly identities: IdentityRepository,
  ) {}

  /**
   * Suspends a tenant and, with it, everything below it (DESIGN.md §2): sign-in, refresh and
   * every request stop at once, and every session in the subtree is revoked in the same
   * transaction. Reactivation does not revive those sessions.
   */
  async suspend(tenantId: string, reason: string): Promise<TenantRecord> {
    const suspended = await this.changeStatus(
      tenantId,
      [TenantStatus.ACTIVE, TenantStatus.ONBOARDING],
      async (manager) => {
        await this.tenants.setStatus(manager, tenantId, TenantStatus.SUSPENDED, reason.trim());
        await this.identities.revokeSessionsOfSuspendedSubtree(manager, tenantId);
        return TenantStatus.SUSPENDED;
      },
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
      if (!from.includes(tenant.ownStatus)) {
        throw new ConflictError(
          from.includes(TenantStatus.SUSPENDED)
            ? tenant.status === TenantStatus.SUSPENDED
              ? 'This tenant is suspended with a tenant above it; reactivate that one'
              : `Tenant is ${tenant.ownStatus}, not SUSPENDED`
            : `Tenant is already ${tenant.ownStatus}`,
        );
      }
      if (tenant.id === actor.tenant.id) {
        throw new ForbiddenError('You cannot change the status of your own tenant');
      }
      const to = await next(manager);
      if (to !== TenantStatus.SUSPENDED) await this.tenants.setStatus(manager, tenantId, to);
      await this.audit.record(manager, {
        tenantId,
        actorId: actor.userId,
        action: audit.action,
        subjectId: tenantId,
        details: { from: tenant.status, to, reason: audit.reason },
      });
      // Read again: its effective status also depends on the tenants above it.
      return (await this.tenants.find(manager, tenantId))!;
    });
  }
}
