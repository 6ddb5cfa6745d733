import { Injectable } from '@nestjs/common';
import { TenantKind, type TenantNode, TenantStatus } from '@tongban/core';
import { EntityManager } from 'typeorm';

/** A tenant as this domain keeps it: what other domains see (core's TenantNode), and more. */
export interface TenantRecord extends TenantNode {
  /** Its own status, whatever the tenants above it (`status` is SUSPENDED below a suspension). */
  ownStatus: TenantStatus;
  /** Letters of the hall's receipt numbers (LC-20261127-0007); null: its division code. */
  receiptPrefix: string | null;
  /** Why it was suspended (its own suspension), while it is. */
  suspensionReason: string | null;
  /** The name of the tenant directly above it. */
  parentName: string | null;
}

/** A tenant suspended, or below a suspended one, is SUSPENDED (SQL over the alias `t`). */
export const EFFECTIVE_STATUS = `CASE WHEN EXISTS (SELECT 1 FROM tenants a
                   WHERE a.id = ANY (t.path) AND a.status = 'SUSPENDED')
     THEN 'SUSPENDED' ELSE t.status END`;

const COLUMNS = `t.id, t.parent_id AS "parentId", t.kind, t.division_code AS "divisionCode", t.name,
  ${EFFECTIVE_STATUS} AS status, t.status AS "ownStatus", t.path,
  t.receipt_prefix AS "receiptPrefix", t.suspension_reason AS "suspensionReason",
  (SELECT p.name FROM tenants p WHERE p.id = t.parent_id) AS "parentName"`;

/**
 * The tenant tree: a shared reference table (no row-level security), so every read here is
 * filtered by the caller (TenantDirectory applies the actor's sight).
 */
@Injectable()
export class TenantRepository {
  /** The tenant `rootId` and, with `subtree`, those below it, by division code after `after`. */
  list(
    manager: EntityManager,
    query: { rootId: string; subtree: boolean; after: string | null; limit: number },
  ): Promise<TenantRecord[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM tenants t
        WHERE ${query.subtree ? 't.path @> ARRAY[$1::uuid]' : 't.id = $1'}
          AND ($2::text IS NULL OR t.division_code > $2)
        ORDER BY t.division_code LIMIT $3`,
      [query.rootId, query.after, query.limit],
    );
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<TenantRecord | undefined> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM tenants t WHERE t.id = $1 ${lock ? 'FOR NO KEY UPDATE OF t' : ''}`,
      [id],
    );
    return row;
  }

  /** Ids of the tenants open for applications (ACTIVE, no suspension above). */
  async activeIds(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT t.id FROM tenants t WHERE ${EFFECTIVE_STATUS} = 'ACTIVE' ORDER BY t.division_code`,
    );
    return rows.map((row) => row.id);
  }

  roots(manager: EntityManager): Promise<TenantRecord[]> {
    return manager.query(`SELECT ${COLUMNS} FROM tenants t WHERE t.parent_id IS NULL`);
  }

  findEach(manager: EntityManager, ids: readonly string[]): Promise<TenantRecord[]> {
    return manager.query(`SELECT ${COLUMNS} FROM tenants t WHERE t.id = ANY($1::uuid[])`, [ids]);
  }

  async findByDivisionCode(
    manager: EntityManager,
    divisionCode: string,
  ): Promise<TenantRecord | undefined> {
    const [row] = await manager.query(
      `SELECT ${COLUMNS} FROM tenants t WHERE t.division_code = $1`,
      [divisionCode],
    );
    return row;
  }

  /**
   * Tenants whose division code range would overlap that of a new tenant with `divisionCode`
   * below the tenant with path `parentPath` (tenants_tree_guard refuses the same):
   * HOLDS, a tenant whose code lies in the new code's range; INSIDE, a tenant other than an
   * ancestor whose range holds the new code. Ranges are tongban_division_prefix/_end.
   */
  overlapping(
    manager: EntityManager,
    divisionCode: string,
    parentPath: readonly string[],
  ): Promise<{ id: string; overlap: 'HOLDS' | 'INSIDE' }[]> {
    return manager.query(
      `(SELECT t.id, 'HOLDS' AS overlap FROM tenants t
         WHERE (t.division_code COLLATE "C") >= tongban_division_prefix($1)
           AND (t.division_code COLLATE "C") < tongban_division_end($1)
           AND t.division_code <> $1
         ORDER BY t.division_code COLLATE "C" LIMIT 1)
       UNION ALL
       (SELECT t.id, 'INSIDE' FROM tenants t
         WHERE t.division_code IN (rpad(left($1, 2), 6, '0'), rpad(left($1, 4), 6, '0'),
                                   left($1, 6), left($1, 9))
           AND t.division_code <> $1
           AND t.id <> ALL ($2::uuid[])
           AND ($1 COLLATE "C") >= tongban_division_prefix(t.division_code)
           AND ($1 COLLATE "C") < tongban_division_end(t.division_code)
         ORDER BY t.division_code COLLATE "C" LIMIT 1)`,
      [divisionCode, parentPath],
    );
  }

  /** A new tenant ONBOARDING below `parent`; null when the division code is taken. */
  async insert(
    manager: EntityManager,
    tenant: {
      id: string;
      parent: TenantRecord;
      kind: TenantKind;
      divisionCode: string;
      name: string;
    },
  ): Promise<TenantRecord | null> {
    const [created] = await manager.query(
      `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
       VALUES ($1, $2, $3, $4, $5, 'ONBOARDING', $6)
       ON CONFLICT (division_code) DO NOTHING
       RETURNING id`,
      [
        tenant.id,
        tenant.parent.id,
        tenant.kind,
        tenant.divisionCode,
        tenant.name,
        [...tenant.parent.path, tenant.id],
      ],
    );
    return created ? ((await this.find(manager, created.id)) ?? null) : null;
  }

  /**
   * SQL true when the row of `tenantIdColumn` (a tenant-owned table's `…tenant_id`) belongs to
   * the tenant at `placeholder` or one below it: its tenant_division_code in that tenant's
   * range (migration 1764892800000). The bounds are read once per statement and the range is an
   * index condition, so the cost does not grow with the subtree (an id list did).
   */
  subtreeCondition(tenantIdColumn: string, placeholder: string): string {
    const codeColumn = tenantIdColumn.replace(/tenant_id$/, 'tenant_division_code');
    if (codeColumn === tenantIdColumn) {
      throw new Error(`subtreeCondition needs a tenant_id column, got ${tenantIdColumn}`);
    }
    const code = `(SELECT division_code FROM tenants WHERE id = ${placeholder}::uuid)`;
    return `(${codeColumn} >= tongban_division_prefix(${code}) AND ${codeColumn} < tongban_division_end(${code}))`;
  }

  /** Sets its own status; a suspension keeps its reason, any other status clears it. */
  async setStatus(
    manager: EntityManager,
    id: string,
    status: TenantStatus,
    suspensionReason: string | null = null,
  ): Promise<void> {
    await manager.query(
      `UPDATE tenants SET status = $2, suspension_reason = $3, updated_at = now() WHERE id = $1`,
      [id, status, status === TenantStatus.SUSPENDED ? suspensionReason : null],
    );
  }
}
