import { Injectable, Logger } from '@nestjs/common';
import { TenantScope } from '../context/tenant-scope';
import { JobProcessor, TenantJobData } from '../jobs/job-queue';

/**
 * After a suspension: ends every open session of the tenant's staff. (Their tokens already
 * stop working at the next request; this makes the sessions themselves say so, for audits
 * and for the purge.) Idempotent: running it twice revokes nothing more.
 */
@Injectable()
export class RevokeTenantSessionsProcessor implements JobProcessor<TenantJobData> {
  static readonly jobName = 'tenancy.revoke-tenant-sessions';
  readonly jobName = RevokeTenantSessionsProcessor.jobName;
  readonly scope = 'tenant' as const;
  private readonly logger = new Logger(RevokeTenantSessionsProcessor.name);

  constructor(private readonly scopeOfJob: TenantScope) {}

  async process(data: TenantJobData): Promise<{ revoked: number }> {
    return this.scopeOfJob.run(async (manager) => {
      // memberships is under row-level security: only the job's scope is visible here.
      const [, revoked] = await manager.query(
        `UPDATE sessions SET revoked_at = now(), revoked_reason = 'TENANT_SUSPENDED'
          WHERE revoked_at IS NULL
            AND user_id IN (SELECT user_id FROM memberships WHERE tenant_id = $1)
            AND EXISTS (SELECT 1 FROM tenants WHERE id = $1 AND status = 'SUSPENDED')`,
        [data.tenantId],
      );
      this.logger.log({
        msg: 'revoked sessions of a suspended tenant',
        tenantId: data.tenantId,
        revoked,
      });
      return { revoked };
    });
  }
}
