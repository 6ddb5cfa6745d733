import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { visibilityOf } from '../authorization/role-rules';
import { RequestContext } from '../context/request-context';
import { IdentityService } from '../identity/identity.service';
import { RejectedJobError, TenantJobData } from './job-queue';

/**
 * Re-enters the context a tenant job was enqueued in (DESIGN.md §2): its actor, still active,
 * acting on a tenant within their sight. From then on TenantScope runs the job's work under
 * row-level security exactly as it ran the request.
 */
@Injectable()
export class JobContext {
  constructor(
    private readonly identity: IdentityService,
    private readonly context: RequestContext,
    private readonly dataSource: DataSource,
  ) {}

  async enter(data: TenantJobData): Promise<void> {
    const actor = await this.identity.actorForJob(data.actorId);
    if (!actor) throw new RejectedJobError('The job’s actor is unknown or no longer active');
    const [tenant] = await this.dataSource.query(`SELECT path FROM tenants WHERE id = $1`, [
      data.tenantId,
    ]);
    const inSight =
      tenant &&
      (visibilityOf(actor.roles) === 'subtree'
        ? (tenant.path as string[]).includes(actor.tenant.id)
        : data.tenantId === actor.tenant.id);
    if (!inSight) throw new RejectedJobError('The job’s tenant is outside its actor’s sight');
    this.context.setActor(actor);
  }
}
