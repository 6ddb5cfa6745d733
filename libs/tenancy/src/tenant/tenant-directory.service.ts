import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { abilityFor, subject } from '../authorization/ability';
import { Action } from '../authorization/role-rules';
import { RequestContext } from '../context/request-context';
import { TenantScope } from '../context/tenant-scope';
import { ForbiddenError, NotFoundError } from '../errors';
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
    const ability = abilityFor(this.context.actor);
    if (!row || !ability.can('read', subject('Tenant', row)))
      throw new NotFoundError('Tenant not found');
    if (!ability.can(action, subject('Tenant', row))) {
      throw new ForbiddenError(`You may not ${action} this tenant`);
    }
    return row;
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

  checklist(tenantId: string): Promise<OnboardingChecklist> {
    return this.scope.run(async (manager) => {
      await this.require(manager, tenantId);
      return checklistOf(manager, tenantId);
    });
  }
}

/** The onboarding checklist from the rows as they are now (in the caller's transaction). */
export async function checklistOf(
  manager: EntityManager,
  tenantId: string,
): Promise<OnboardingChecklist> {
  const [facts] = await manager.query(
    `SELECT (SELECT count(*)::int FROM service_windows WHERE tenant_id = $1) AS windows,
            EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                     WHERE m.tenant_id = $1 AND u.status = 'ACTIVE'
                       AND m.roles && ARRAY['CENTER_MANAGER','STATION_STAFF','COUNTY_ADMIN']) AS manager_ready`,
    [tenantId],
  );
  return onboardingChecklist({ managerReady: facts.manager_ready, windowCount: facts.windows });
}
