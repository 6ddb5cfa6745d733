import { Injectable } from '@nestjs/common';
import { Actor, JobActors } from '@tongban/core';
import { DataSource } from 'typeorm';
import { IdentityService } from './identity/identity.service';
import { TenantRepository } from './tenant/tenant.repository';

/** Core's JobActors port, from identity (who) and the tree (where). */
@Injectable()
export class TenancyJobActors extends JobActors {
  constructor(
    private readonly identity: IdentityService,
    private readonly tenants: TenantRepository,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  actorFor(actorId: string): Promise<Actor | null> {
    return this.identity.actorForJob(actorId);
  }

  async tenantPath(tenantId: string): Promise<string[] | null> {
    // The tree is a reference table without row-level security: no scope is needed.
    return (await this.tenants.find(this.dataSource.manager, tenantId))?.path ?? null;
  }
}
