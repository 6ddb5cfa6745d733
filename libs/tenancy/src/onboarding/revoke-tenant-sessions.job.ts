import { Logger } from '@nestjs/common';
import { JobHandler, JobProcessor, TenantJobData, TenantScope } from '@tongban/core';
import { IdentityRepository } from '../identity/identity.repository';

/**
 * After a suspension: ends every open session of the tenant's staff. (Their tokens already
 * stop working at the next request; this makes the sessions themselves say so, for audits
 * and for the purge.) Idempotent: running it twice revokes nothing more.
 */
@JobProcessor({ name: 'tenancy.revoke-tenant-sessions', scope: 'tenant' })
export class RevokeTenantSessionsJob implements JobHandler<TenantJobData> {
  private readonly logger = new Logger(RevokeTenantSessionsJob.name);

  constructor(
    private readonly scope: TenantScope,
    private readonly identities: IdentityRepository,
  ) {}

  async process(data: TenantJobData): Promise<{ revoked: number }> {
    return this.scope.run(async (manager) => {
      const revoked = await this.identities.revokeSessionsOfSuspendedTenant(manager, data.tenantId);
      this.logger.log({
        msg: 'revoked sessions of a suspended tenant',
        tenantId: data.tenantId,
        revoked,
      });
      return { revoked };
    });
  }
}
