import { Logger } from '@nestjs/common';
import { JobHandler, JobProcessor, TenantScope } from '@tongban/core';
import { TenantDirectory } from '@tongban/tenancy';
import { ApplicationFacts } from './application-facts';

/** Applications looked at per transaction. */
const BATCH = 500;

/**
 * Platform chore, queued when the job process starts: the insights' facts of applications
 * taken in before the insights existed (migration 1766188800000), so that the figures count
 * every application, not only those changed since. Tree by tree (each root's subtree scope),
 * a batch per transaction; a second run records nothing.
 */
@JobProcessor({ name: 'insights.backfill', scope: 'platform' })
export class InsightsBackfillJob implements JobHandler {
  private readonly logger = new Logger(InsightsBackfillJob.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly tenants: TenantDirectory,
    private readonly facts: ApplicationFacts,
  ) {}

  async process(): Promise<{ recorded: number }> {
    const roots = await this.scope.runUnscoped((manager) => this.tenants.roots(manager));
    let recorded = 0;
    for (const root of roots) {
      let after: { tenantId: string; id: string } | null = null;
      do {
        const batch = await this.scope.runIn(
          { tenantId: root.id, visibility: 'subtree', actorId: null },
          (manager) => this.facts.backfillBatch(manager, after, BATCH),
        );
        recorded += batch.recorded;
        after = batch.next;
      } while (after);
    }
    this.logger.log({ msg: 'insight facts backfilled', recorded });
    return { recorded };
  }
}
