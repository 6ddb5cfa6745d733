import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  Action,
  ForbiddenError,
  NotFoundError,
  RequestContext,
  subject,
  TenantNode,
  TenantScope,
  TenantStatus,
  TenantTree,
  TongbanAbility,
  TongbanError,
  visibilityOf,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { TenantRecord, TenantRepository } from './tenant.repository';

/**
 * The tenant tree as the actor may see it: their tenant and, where their role says so, the
 * tenants below. The tenants table is a shared reference table, so the subtree filter is
 * applied here, from the same role rules that scope row-level security. The port through
 * which other domains read tenants.
 */
@Injectable()
export class TenantDirectory implements TenantTree {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly tenants: TenantRepository,
  ) {}

  /** Visible tenants in tree order (by division code), a page at a time. */
  async list(
    first: number,
    after: string | null,
  ): Promise<{ nodes: TenantRecord[]; hasNextPage: boolean }> {
    const actor = this.context.actor;
    const subtree = visibilityOf(actor.roles) === 'subtree';
    return this.scope.run(async (manager) => {
      const rows = await this.tenants.list(manager, {
        rootId: actor.tenant.id,
        subtree,
        after,
        limit: first + 1,
      });
      return { nodes: rows.slice(0, first), hasNextPage: rows.length > first };
    });
  }

  get(id: string): Promise<TenantRecord> {
    return this.scope.run((manager) => this.require(manager, id));
  }

  /**
   * A tenant the actor may see, checked for `action`: NOT_FOUND when it is outside their
   * sight (so ids of other tenants reveal nothing), FORBIDDEN when seen but not allowed.
   */
  async require(
    manager: EntityManager,
    id: string,
    action: Action = 'read',
    lock = false,
  ): Promise<TenantRecord> {
    const row = await this.tenants.find(manager, id, lock);
    const checked = checkTenant(abilityFor(this.context.actor), row, action);
    if (checked instanceof Error) throw checked;
    return checked;
  }

  async subtree(manager: EntityManager, rootId: string): Promise<TenantNode[]> {
    const root = await this.require(manager, rootId);
    const rows = await this.tenants.list(manager, {
      rootId: root.id,
      subtree: true,
      after: null,
      limit: 100_000,
    });
    return rows.map(({ id, parentId, kind, divisionCode, name, status, path }) => ({
      id,
      parentId,
      kind,
      divisionCode,
      name,
      status,
      path,
    }));
  }

  /**
   * A tenant by id with no actor to check it against: for public acts (an evaluation device,
   * a rating link) whose token the caller has just checked; the transaction's scope (the
   * token's tenant) still bounds what is read.
   */
  async nodeOf(manager: EntityManager, id: string): Promise<TenantNode | undefined> {
    const row = await this.tenants.find(manager, id);
    if (!row) return undefined;
    const { parentId, kind, name, status, path, divisionCode } = row;
    return { id, parentId, kind, divisionCode, name, status, path };
  }

  async findServing(manager: EntityManager, divisionCode: string): Promise<TenantNode | undefined> {
    const row = await this.tenants.findByDivisionCode(manager, divisionCode);
    if (row?.status !== TenantStatus.ACTIVE) return undefined;
    const { id, parentId, kind, name, status, path } = row;
    return { id, parentId, kind, divisionCode: row.divisionCode, name, status, path };
  }

  /**
   * The centers above `tenant` (one the caller has shown the actor may see), nearest first:
   * a station's township, then its county, its city. A station knows these as its own path;
   * 代办 forwards up this line.
   */
  async ancestorsOf(manager: EntityManager, tenant: TenantNode): Promise<TenantRecord[]> {
    const ids = tenant.path.slice(0, -1).reverse();
    const byId = new Map((await this.tenants.findEach(manager, ids)).map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Names of the tenants at the other end of a proxy chain (代办), which both ends are shown:
   * the ids come from a row the caller has checked the actor may read.
   */
  async chainNames(manager: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.tenants.findEach(manager, ids);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /**
   * For platform chores that act for no one (the deadline sweep, notification delivery): the
   * roots of the tree (each chore runs once per root, in that root's subtree scope) and
   * tenants by id, unchecked.
   */
  /** For platform chores run per tenant: the tenants open for applications. */
  activeForChore(manager: EntityManager): Promise<string[]> {
    return this.tenants.activeIds(manager);
  }

  async roots(manager: EntityManager): Promise<TenantRecord[]> {
    return this.tenants.roots(manager);
  }

  async forChore(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, TenantRecord>> {
    return new Map((await this.tenants.findEach(manager, ids)).map((row) => [row.id, row]));
  }

  /** `require` for many ids in one query: per id the tenant, or the error `require` throws. */
  async requireEach(
    manager: EntityManager,
    ids: readonly string[],
    action: Action = 'read',
  ): Promise<(TenantRecord | TongbanError)[]> {
    const rows = await this.tenants.findEach(manager, ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const ability = abilityFor(this.context.actor);
    return ids.map((id) => checkTenant(ability, byId.get(id), action));
  }

  /**
   * SQL for other domains' lists: true when `tenantIdColumn` is the tenant at `placeholder`
   * (a parameter holding a tenant id) or one below it. The tree stays this domain's table.
   * The column's table must be tenant-owned: the test reads its tenant_division_code.
   */
  subtreeCondition(tenantIdColumn: string, placeholder: string): string {
    return this.tenants.subtreeCondition(tenantIdColumn, placeholder);
  }

  /**
   * Records of `subjectName` (windows, staff) owned by each of `tenantIds`, read in one scoped
   * transaction with one `query` over the readable tenants; per id the records, or the error
   * (NOT_FOUND outside sight, FORBIDDEN when not theirs to read). For per-request loaders.
   */
  readOwnedEach<T extends { tenantId: string }>(
    tenantIds: readonly string[],
    subjectName: 'ServiceWindow' | 'Staff',
    query: (manager: EntityManager, readableTenantIds: string[]) => Promise<T[]>,
  ): Promise<(T[] | TongbanError)[]> {
    return this.scope.run(async (manager) => {
      const owners = (await this.requireEach(manager, tenantIds)).map((tenant) => {
        if (tenant instanceof Error) return tenant;
        try {
          this.assertMayOwn('read', subjectName, tenant);
          return tenant;
        } catch (error) {
          return error as TongbanError;
        }
      });
      const readable = owners.flatMap((owner) => (owner instanceof Error ? [] : [owner.id]));
      const rows = await query(manager, readable);
      return owners.map((owner) =>
        owner instanceof Error ? owner : rows.filter((row) => row.tenantId === owner.id),
      );
    });
  }

  /**
   * FORBIDDEN unless the actor may do `action` to records of `subjectName` (windows, staff)
   * owned by this tenant, which they can already see.
   */
  assertMayOwn(
    action: 'read' | 'create' | 'update',
    subjectName: 'ServiceWindow' | 'Staff',
    tenant: TenantRecord,
  ): void {
    const record = subject(subjectName, { tenantId: tenant.id, tenantPath: tenant.path });
    if (!abilityFor(this.context.actor).can(action, record)) {
      throw new ForbiddenError(
        `You may not ${action} ${subjectName === 'Staff' ? 'staff' : 'windows'} of this tenant`,
      );
    }
  }
}

/** NOT_FOUND outside the actor's sight (ids of other tenants reveal nothing), FORBIDDEN when seen but not allowed. */
function checkTenant(
  ability: TongbanAbility,
  row: TenantRecord | undefined,
  action: Action,
): TenantRecord | TongbanError {
  if (!row || !ability.can('read', subject('Tenant', row)))
    return new NotFoundError('Tenant not found');
  if (!ability.can(action, subject('Tenant', row))) {
    return new ForbiddenError(`You may not ${action} this tenant`);
  }
  return row;
}
