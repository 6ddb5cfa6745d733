import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../vocabulary/actor';
import { isUuid } from '../vocabulary/uuid';
import { visibilityOf } from '../authorization/role-rules';
import { RequestContext } from './request-context';

const SCOPED_MANAGER = 'tongban.scopedManager';

interface OpenTransaction {
  manager: EntityManager;
  open: boolean;
}

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
      ? this.cls.get<OpenTransaction | undefined>(SCOPED_MANAGER)
      : undefined;
    if (current?.open) return work(current.manager);
    return this.runIn(scopeOf(this.context.actor), work);
  }

  /** In an explicit scope: for authentication, public links and jobs, before an actor exists. */
  runIn<T>(scope: Scope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!isUuid(scope.tenantId) || (scope.actorId !== null && !isUuid(scope.actorId))) {
      throw new Error('A scope needs a tenant id and an actor id that are UUIDs');
    }
    const body = async (manager: EntityManager) => {
      await applyScope(manager, scope);
      if (!this.cls.isActive()) return work(manager);
      // Work started later from this context (e.g. GraphQL field resolvers after the root
      // resolver returned) must not join a transaction that has ended.
      const transaction: OpenTransaction = { manager, open: true };
      return this.cls.run({ ifNested: 'inherit' }, async () => {
        this.cls.set(SCOPED_MANAGER, transaction);
        try {
          return await work(manager);
        } finally {
          transaction.open = false;
        }
      });
    };
    return this.dataSource.transaction(body);
  }
}

/**
 * Sets the scope of the transaction `manager` runs in; it ends with the transaction. A
 * 'subtree' scope also gets its tenant's division code, read from the tenant tree in the same
 * statement: the policies test rows' codes against its range (migration 1764892800000).
 */
export async function applyScope(manager: EntityManager, scope: Scope): Promise<void> {
  await manager.query(SCOPE_SQL, [scope.visibility, scope.tenantId, scope.actorId ?? '']);
}

/** The statement that opens every scoped transaction (bench/ mirrors it). */
export const SCOPE_SQL = `SELECT set_config('tongban.scope', $1, true), set_config('tongban.tenant_id', $2, true),
            set_config('tongban.actor_id', $3, true),
            set_config('tongban.division_code', CASE WHEN $1 = 'subtree' THEN coalesce(
              (SELECT t.division_code FROM tenants t WHERE t.id = $2::uuid), '') ELSE '' END, true)`;

export function scopeOf(actor: Actor): Scope {
  return {
    tenantId: actor.tenant.id,
    visibility: visibilityOf(actor.roles),
    actorId: actor.userId,
  };
}
