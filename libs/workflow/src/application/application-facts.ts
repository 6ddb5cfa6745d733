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
}
