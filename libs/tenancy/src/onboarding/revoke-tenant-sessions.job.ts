import { Logger } from '@nestjs/common';
import { JobHandler, JobProcessor, TenantJobData, TenantScope } from '@tongban/core';
import { IdentityRepository } from '../identity/identity.repository';

/**
 * After a suspension: ends every open session in the tenant's subtree once more. The
 * suspension revokes them in its own transaction; this catches a session opened in the
 * instant before it committed. Idempotent: running it twice revokes nothing more.
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
      const revoked = await this.identities.revokeSessionsOfSuspendedSubtree(
        manager,
        data.tenantId,
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
