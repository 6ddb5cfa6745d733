import { Injectable, Optional } from '@nestjs/common';
import { AuditRepository, CenterMenus, RequestLoaders, TenantScope } from '@tongban/core';
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
    // Provided by the catalogue; absent (tenancy's own service tests), no hall has a menu.
    @Optional() private readonly menus?: CenterMenus,
  ) {
    super();
  }

  /** The facts of each tenant, with the size of its item menu where the catalogue is there. */
  private async factsOf(manager: EntityManager, ids: readonly string[]) {
    const facts = await this.onboarding.factsOf(manager, ids);
    const counts = (await this.menus?.itemCounts(manager, ids)) ?? new Map<string, number>();
    for (const [id, fact] of facts) fact.menuItemCount = counts.get(id) ?? 0;
    return facts;
  }

  /** Batched per request (many tenants' checklists in one query). */
  checklist(tenantId: string): Promise<OnboardingChecklist> {
    return this.loaders.load('onboardingChecklist', (ids) => this.checklists(ids), tenantId);
  }

  /** The checklist from the rows as they are now, in the caller's transaction. */
  async checklistIn(manager: EntityManager, tenantId: string): Promise<OnboardingChecklist> {
    const facts = await this.factsOf(manager, [tenantId]);
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
      const facts = await this.factsOf(manager, seen);
      return tenants.map((t) => (t instanceof Error ? t : onboardingChecklist(facts.get(t.id)!)));
    });
  }
}
