import { Injectable, Optional } from '@nestjs/common';
import { InsightFacts } from '@tongban/core';
import { TenantDirectory } from '@tongban/tenancy';
import { EntityManager } from 'typeorm';
import { applicationFact } from '../lifecycle/application-fact';
import { ApplicationClocks } from './application-clocks';
import { LifecycleRepository } from './lifecycle.repository';

/**
 * Hands the insights (core's InsightFacts port) an application's facts after each change, in
 * the changing transaction: intake, every act, a forward at both ends, a rating, a card, a
 * recount. Optional: where no insights are wired (workflow's own service tests), nothing is
 * recorded.
 */
@Injectable()
export class ApplicationFacts {
  constructor(
    private readonly lifecycle: LifecycleRepository,
    private readonly clocks: ApplicationClocks,
    private readonly tenants: TenantDirectory,
    @Optional() private readonly insights?: InsightFacts,
  ) {}

  async record(manager: EntityManager, tenantId: string, applicationId: string): Promise<void> {
    if (!this.insights) return;
    const source = await this.lifecycle.factSource(manager, tenantId, applicationId);
    if (!source) return;
    // The row was just written in this scope, so its tenant is readable here (also across a
    // proxy chain, where the actor's own rules would not reach it); counted with the calendar
    // read now, in this transaction, as deadlines are.
    const tenant = await this.tenants.nodeOf(manager, tenantId);
    if (!tenant) return;
    const calendar = (
      await this.clocks.calendarsOf(manager, [tenantId], new Map([[tenantId, tenant]]))
    ).get(tenantId)!;
    await this.insights.recordApplication(manager, applicationFact(calendar, source));
  }

  /**
   * Records the facts of the applications in sight that have none (taken in before the
   * insights existed), a batch at a time in the caller's transaction; returns where the pass
   * got to (null when it is through) and how many it recorded. Idempotent: a second pass
   * records nothing.
   */
  async backfillBatch(
    manager: EntityManager,
    after: { tenantId: string; id: string } | null,
    limit: number,
  ): Promise<{ next: { tenantId: string; id: string } | null; recorded: number }> {
    if (!this.insights) return { next: null, recorded: 0 };
    const batch = await this.lifecycle.idsAfter(manager, after, limit);
    let recorded = 0;
    const byTenant = new Map<string, string[]>();
    for (const { tenantId, id } of batch) {
      byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), id]);
    }
    for (const [tenantId, ids] of byTenant) {
      const missing = await this.insights.unrecorded(manager, tenantId, ids);
      if (missing.length === 0) continue;
      for (const id of await this.lifecycle.lockEachFree(manager, tenantId, missing)) {
        await this.record(manager, tenantId, id);
        recorded++;
      }
    }
    return { next: batch.length < limit ? null : batch[batch.length - 1], recorded };
  }
}
