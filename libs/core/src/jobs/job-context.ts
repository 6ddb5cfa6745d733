import { Injectable } from '@nestjs/common';
import { visibilityOf } from '../authorization/role-rules';
import { RequestContext } from '../context/request-context';
import type { Actor } from '../vocabulary/actor';
import { RejectedJobError, TenantJobData } from './job-queue';

/**
 * Port: who a job acts as, and where a tenant sits in the tree. Provided by the identity
 * domain (libs/tenancy); core only knows this shape.
 */
export abstract class JobActors {
  /** The job's actor, with their roles in their home tenant; null when gone or inactive. */
  abstract actorFor(actorId: string): Promise<Actor | null>;
  /** Ids from the root down to the tenant; null when there is no such tenant. */
  abstract tenantPath(tenantId: string): Promise<string[] | null>;
}

/**
 * Re-enters the context a tenant job was enqueued in (DESIGN.md §2): its actor, still active,
 * acting on a tenant within their sight. From then on TenantScope runs the job's work under
 * row-level security exactly as it ran the request.
 */
@Injectable()
export class JobContext {
  constructor(
    private readonly actors: JobActors,
    private readonly context: RequestContext,
  ) {}

  async enter(data: TenantJobData): Promise<void> {
    const actor = await this.actors.actorFor(data.actorId);
    if (!actor) throw new RejectedJobError('The job’s actor is unknown or no longer active');
    const path = await this.actors.tenantPath(data.tenantId);
    const inSight =
      path !== null &&
      (visibilityOf(actor.roles) === 'subtree'
        ? path.includes(actor.tenant.id)
        : data.tenantId === actor.tenant.id);
    if (!inSight) throw new RejectedJobError('The job’s tenant is outside its actor’s sight');
    this.context.setActor(actor);
  }
}
