import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { abilityFor, subject, TongbanAbility } from '../authorization/ability';
import { Action } from '../authorization/role-rules';
import { RequestContext } from '../context/request-context';
import { TenantScope } from '../context/tenant-scope';
import { ForbiddenError, NotFoundError, TongbanError } from '../errors';
import { RequestLoaders } from '../context/request-loaders';
import { visibilityOf } from '../authorization/role-rules';
import { onboardingChecklist, OnboardingChecklist } from './onboarding-checklist';
import { TenantKind, TenantStatus } from './tenant-kind';

export interface TenantRecord {
  id: string;
  parentId: string | null;
  kind: TenantKind;
  divisionCode: string;
  name: string;
  status: TenantStatus;
  path: string[];
}

const COLUMNS = `id, parent_id AS "parentId", kind, division_code AS "divisionCode", name, status, path`;

/**
 * The tenant tree as the actor may see it: their tenant and, where their role says so, the
 * tenants below. The tenants table is a shared reference table, so the subtree filter is
 * applied here, from the same role rules that scope row-level security.
 */
@Injectable()
export class TenantDirectory {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly loaders: RequestLoaders,
  ) {}

  /** Visible tenants in tree order (by division code), a page at a time. */
  async list(
    first: number,
    after: string | null,
  ): Promise<{ nodes: TenantRecord[]; hasNextPage: boolean }> {
    const actor = this.context.actor;
    const subtree = visibilityOf(actor.roles) === 'subtree';
    return this.scope.run(async (manager) => {
      const rows: TenantRecord[] = await manager.query(
        `SELECT ${COLUMNS} FROM tenants
          WHERE ${subtree ? 'path @> ARRAY[$1::uuid]' : 'id = $1'}
            AND ($2::text IS NULL OR division_code > $2)
          ORDER BY division_code LIMIT $3`,
        [actor.tenant.id, after, first + 1],
      );
      return { nodes: rows.slice(0, first), hasNextPage: rows.length > first };
    });
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
    const [row]: TenantRecord[] = await manager.query(
      `SELECT ${COLUMNS} FROM tenants WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    const checked = checkTenant(abilityFor(this.context.actor), row, action);
    if (checked instanceof Error) throw checked;
    return checked;
  }

  /** `require` for many ids in one query: per id the tenant, or the error `require` throws. */
  async requireEach(
    manager: EntityManager,
    ids: readonly string[],
    action: Action = 'read',
  ): Promise<(TenantRecord | TongbanError)[]> {
    const rows: TenantRecord[] = await manager.query(
      `SELECT ${COLUMNS} FROM tenants WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const ability = abilityFor(this.context.actor);
    return ids.map((id) => checkTenant(ability, byId.get(id), action));
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

  get(id: string): Promise<TenantRecord> {
    return this.scope.run((manager) => this.require(manager, id));
  }

  /** Batched per request (many tenants' checklists in one query). */
  checklist(tenantId: string): Promise<OnboardingChecklist> {
    return this.loaders.load('onboardingChecklist', (ids) => this.checklists(ids), tenantId);
  }

  private checklists(ids: readonly string[]): Promise<(OnboardingChecklist | Error)[]> {
    return this.scope.run(async (manager) => {
      const tenants = await this.requireEach(manager, ids);
      const seen = tenants.filter((t): t is TenantRecord => !(t instanceof Error)).map((t) => t.id);
      const lists = await checklistsOf(manager, seen);
      return tenants.map((t) => (t instanceof Error ? t : lists.get(t.id)!));
    });
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

/** The onboarding checklist from the rows as they are now (in the caller's transaction). */
export async function checklistOf(
  manager: EntityManager,
  tenantId: string,
): Promise<OnboardingChecklist> {
  return (await checklistsOf(manager, [tenantId])).get(tenantId)!;
}

async function checklistsOf(
  manager: EntityManager,
  tenantIds: readonly string[],
): Promise<Map<string, OnboardingChecklist>> {
  const rows: { id: string; windows: number; manager_ready: boolean }[] = await manager.query(
    `SELECT t.id,
            (SELECT count(*)::int FROM service_windows w WHERE w.tenant_id = t.id) AS windows,
            EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                     WHERE m.tenant_id = t.id AND u.status = 'ACTIVE'
                       AND m.roles && ARRAY['CENTER_MANAGER','STATION_STAFF','COUNTY_ADMIN']) AS manager_ready
       FROM unnest($1::uuid[]) AS t(id)`,
    [tenantIds],
  );
  return new Map(
    rows.map((facts) => [
      facts.id,
      onboardingChecklist({ managerReady: facts.manager_ready, windowCount: facts.windows }),
    ]),
  );
}
