import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../identity/actor';
import { visibilityOf } from '../authorization/role-rules';
import { RequestContext } from './request-context';

const SCOPED_MANAGER = 'tongban.scopedManager';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a transaction may see: one tenant, or a tenant and everything below it. */
export interface Scope {
  tenantId: string;
  visibility: 'tenant' | 'subtree';
  actorId: string | null;
}

/**
 * Runs work in one transaction whose row-level-security scope is set first, with
 * set_config(..., true) so it ends with the transaction and never leaks to the next user of
 * the pooled connection (DESIGN.md §2). Nested calls join the enclosing transaction.
 */
@Injectable()
export class TenantScope {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
    private readonly cls: ClsService,
  ) {}

  /** As the acting user of this request or job; fails closed when there is none. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.cls.isActive()
      ? this.cls.get<EntityManager | undefined>(SCOPED_MANAGER)
      : undefined;
    if (current) return work(current);
    return this.runIn(scopeOf(this.context.actor), work);
  }

  /** In an explicit scope: for authentication, public links and jobs, before an actor exists. */
  runIn<T>(scope: Scope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!UUID.test(scope.tenantId) || (scope.actorId !== null && !UUID.test(scope.actorId))) {
      throw new Error('A scope needs a tenant id and an actor id that are UUIDs');
    }
    const body = async (manager: EntityManager) => {
      await manager.query(
        `SELECT set_config('tongban.scope', $1, true), set_config('tongban.tenant_id', $2, true),
                set_config('tongban.actor_id', $3, true)`,
        [scope.visibility, scope.tenantId, scope.actorId ?? ''],
      );
      if (!this.cls.isActive()) return work(manager);
      return this.cls.run({ ifNested: 'inherit' }, () => {
        this.cls.set(SCOPED_MANAGER, manager);
        return work(manager);
      });
    };
    return this.dataSource.transaction(body);
  }
}

export function scopeOf(actor: Actor): Scope {
  return {
    tenantId: actor.tenant.id,
    visibility: visibilityOf(actor.roles),
    actorId: actor.userId,
  };
}
