import { Logger } from '@nestjs/common';
import { JobHandler, JobProcessor, TenantScope } from '@tongban/core';
import { TenantDirectory } from '@tongban/tenancy';
import { EvaluationService } from './evaluation.service';

/**
 * Repeatable chore: an application not rated within the tenant's days of acceptance or
 * completion gets the default rating (Guangxi: "very satisfied"), kept apart as channel DEFAULT
 * (DESIGN.md §4.4), tenant by tenant, each in its own scope.
 */
@JobProcessor({ name: 'evaluation.default-ratings', scope: 'platform' })
export class DefaultRatingsJob implements JobHandler {
  private readonly logger = new Logger(DefaultRatingsJob.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly tenants: TenantDirectory,
    private readonly evaluations: EvaluationService,
  ) {}

  async process(): Promise<{ tenants: number; recorded: number }> {
    const ids = await this.scope.runUnscoped((manager) => this.tenants.activeForChore(manager));
    let recorded = 0;
    for (const tenantId of ids) recorded += await this.evaluations.recordDefaultRatings(tenantId);
    if (recorded) this.logger.log({ msg: 'default ratings recorded', recorded });
    return { tenants: ids.length, recorded };
  }
}
