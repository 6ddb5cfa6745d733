import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../vocabulary/actor';
import { isUuid } from '../vocabulary/uuid';
import { visibilityOf } from '../authorization/role-rules';
import { RequestContext } from './request-context';

// A symbol: a dotted string key would be a path into an object that every nested context
// shares (nestjs-cls copies a context shallowly), so a sibling resolver of the same request
// would see, and join, this transaction.
const SCOPED_MANAGER = Symbol('tongban.scopedManager');

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

  /**
   * A transaction with no scope: tenant rows are invisible, only shared tables (the tenant
   * tree) can be read. For platform chores to find the tenants they then run for.
   */
  runUnscoped<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Runs `work` in the caller's open transaction (`manager`) as seen from one other tenant
   * alone, then sets the acting user's scope again. Only for what the domain itself carries
   * across tenants, after the caller has checked the act: a station's 代办 forwarded up to the
   * center that handles it, and that center's progress written back along the chain. Nothing
   * else of the other tenant comes into sight. If `work` fails, the transaction is to be rolled
   * back (the error propagates out of `run`), so the scope is not set back then.
   */
  async across<T>(manager: EntityManager, tenantId: string, work: () => Promise<T>): Promise<T> {
    const actor = this.context.actor;
    await applyScope(manager, { tenantId, visibility: 'tenant', actorId: actor.userId });
    const result = await work();
    await applyScope(manager, scopeOf(actor));
    return result;
  }
}

/**
 * Sets the scope of the transaction `manager` runs in; it ends with the transaction. The
 * policies read the scope as a range of division codes (migration 1764892800000), taken here
 * from the tenant tree in the same statement: 'subtree', every code below the tenant's prefix;
 * 'tenant', the tenant's own code alone; anything else, or an unknown tenant, an empty range.
 */
export async function applyScope(manager: EntityManager, scope: Scope): Promise<void> {
  await manager.query(SCOPE_SQL, [scope.visibility, scope.tenantId, scope.actorId ?? '']);
}

/** The statement that opens every scoped transaction (bench/*.mjs repeat it). */
export const SCOPE_SQL = `SELECT set_config('tongban.scope', $1, true),
       set_config('tongban.tenant_id', $2::text, true),
       set_config('tongban.actor_id', $3, true),
       set_config('tongban.division_start', coalesce(CASE $1
         WHEN 'tenant' THEN t.division_code
         WHEN 'subtree' THEN tongban_division_prefix(t.division_code) END, ''), true),
       set_config('tongban.division_end', coalesce(CASE $1
         WHEN 'tenant' THEN t.division_code || '!'
         WHEN 'subtree' THEN tongban_division_end(t.division_code) END, ''), true)
  FROM (SELECT 1) AS one LEFT JOIN tenants t ON t.id = $2::uuid`;

export function scopeOf(actor: Actor): Scope {
  return {
    tenantId: actor.tenant.id,
    visibility: visibilityOf(actor.roles),
    actorId: actor.userId,
  };
}
