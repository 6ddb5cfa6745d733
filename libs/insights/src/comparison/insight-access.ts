import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  ForbiddenError,
  RequestContext,
  subject,
  type TenantNode,
  TenantTree,
} from '@tongban/core';
import { EntityManager } from 'typeorm';

/**
 * Who reads a tenant's figures and assessment: whoever reads its applications as a whole (city
 * officials, county administrators, managers, supervisors; station staff their station). The
 * role is asked first, so a window clerk hears the same for any tenant, theirs or not; then a
 * tenant out of sight is NOT_FOUND.
 */
@Injectable()
export class InsightAccess {
  constructor(
    private readonly context: RequestContext,
    private readonly tree: TenantTree,
  ) {}

  async readable(manager: EntityManager, tenantId: string): Promise<TenantNode> {
    const ability = abilityFor(this.context.actor);
    const readsTenant = (tenant: { id: string; path: string[] }) =>
      ability.can('read', subject('Application', { tenantId: tenant.id, tenantPath: tenant.path }));
    if (!readsTenant(this.context.actor.tenant)) {
      throw new ForbiddenError("Your role may not read a tenant's figures");
    }
    const tenant = await this.tree.require(manager, tenantId);
    if (!readsTenant(tenant))
      throw new ForbiddenError("Your role may not read this tenant's figures");
    return tenant;
  }
}
