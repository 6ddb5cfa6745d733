import { Injectable } from '@nestjs/common';
import { AuditRepository, RequestLoaders, TenantScope } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { TenantDirectory } from '../tenant/tenant-directory.service';
import { TenantReadiness } from '../tenant/tenant-readiness';
import { TenantRepository } from '../tenant/tenant.repository';
import {
  onboardingChecklist,
  OnboardingChecklist,
  statusAfterChecklist,
} from './onboarding-checklist';
import { OnboardingRepository } from './onboarding.repository';

/** The onboarding checklist of tenants, and the move from ONBOARDING to ACTIVE it allows. */
@Injectable()
export class OnboardingReadiness extends TenantReadiness {
  constructor(
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
    private readonly loaders: RequestLoaders,
    private readonly tenants: TenantRepository,
    private readonly onboarding: OnboardingRepository,
    private readonly audit: AuditRepository,
  ) {
    super();
  }

  /** Batched per request (many tenants' checklists in one query). */
  checklist(tenantId: string): Promise<OnboardingChecklist> {
    return this.loaders.load('onboardingChecklist', (ids) => this.checklists(ids), tenantId);
  }

  /** The checklist from the rows as they are now, in the caller's transaction. */
  async checklistIn(manager: EntityManager, tenantId: string): Promise<OnboardingChecklist> {
    const facts = await this.onboarding.factsOf(manager, [tenantId]);
    return onboardingChecklist(facts.get(tenantId)!);
  }

  /** Moves an ONBOARDING tenant to ACTIVE once its checklist is complete. */
  async reevaluate(
    manager: EntityManager,
    tenantId: string,
    actorId: string | null,
  ): Promise<void> {
    const tenant = await this.tenants.find(manager, tenantId, true);
    if (!tenant) return;
    const next = statusAfterChecklist(tenant.ownStatus, await this.checklistIn(manager, tenantId));
    if (next === tenant.ownStatus) return;
    await this.tenants.setStatus(manager, tenantId, next);
    await this.audit.record(manager, {
      tenantId,
      actorId,
      action: 'TENANT_ACTIVATED',
      subjectId: tenantId,
    });
  }

  private checklists(ids: readonly string[]): Promise<(OnboardingChecklist | Error)[]> {
    return this.scope.run(async (manager) => {
      const tenants = await this.directory.requireEach(manager, ids);
      const seen = tenants.flatMap((t) => (t instanceof Error ? [] : [t.id]));
      const facts = await this.onboarding.factsOf(manager, seen);
      return tenants.map((t) => (t instanceof Error ? t : onboardingChecklist(facts.get(t.id)!)));
    });
  }
}
