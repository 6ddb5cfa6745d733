import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CatalogItem, Material, TimeLimit } from '../core/item';
import type { LocalSettings } from '../core/localization';
import type { EntryOutcome } from '../core/rollout-plan';
import type { ItemFilter } from '../standard/catalogue.repository';

/** An entry of a tenant's implementation list (实施清单), with the standard item it localizes. */
export interface ImplementationItemRecord extends LocalSettings {
  tenantId: string;
  code: string;
  sourceVersionId: string;
  /** Removed or suspended by the standard, kept for the open applications only: no new intake. */
  readOnly: boolean;
  windowIds: string[];
  version: number;
  updatedAt: Date;
  standard: CatalogItem;
}

const COLUMNS = `
  l.tenant_id AS "tenantId", l.code, l.source_version_id AS "sourceVersionId",
  l.read_only AS "readOnly",
  l.promised_days AS "promisedDays", l.materials, l.window_ids AS "windowIds", l.address,
  l.phone, l.office_hours AS "officeHours", l.fee_note AS "feeNote", l.notes, l.version,
  l.updated_at AS "updatedAt",
  jsonb_build_object(
    'code', c.code, 'name', c.name, 'type', c.type, 'competentDepartment', c.competent_department,
    'implementingLevel', c.implementing_level, 'legalBasis', c.legal_basis,
    'applicantScopes', c.applicant_scopes, 'conditions', c.conditions, 'materials', c.materials,
    'steps', c.steps, 'statutoryDays', c.statutory_days, 'fee', c.fee,
    'handlingTiers', c.handling_tiers, 'intakeOnlyTiers', c.intake_only_tiers,
    'onlineAvailable', c.online_available) AS standard`;

const FROM = `FROM implementation_items l
  JOIN catalogue_items c ON c.tenant_id = l.source_tenant_id AND c.version_id = l.source_version_id
                        AND c.code = l.code`;

interface Row extends Omit<ImplementationItemRecord, 'promisedLimit' | 'standard'> {
  promisedDays: number | null;
  standard: Omit<CatalogItem, 'statutoryLimit'> & { statutoryDays: number | null };
}

const limitOf = (days: number | null): TimeLimit =>
  days === null ? { onTheSpot: true } : { onTheSpot: false, workingDays: days };

const recordOf = ({
  promisedDays,
  standard: { statutoryDays, ...standard },
  ...row
}: Row): ImplementationItemRecord => ({
  ...row,
  promisedLimit: limitOf(promisedDays),
  standard: { ...standard, statutoryLimit: limitOf(statutoryDays) },
});

const daysOf = (limit: TimeLimit) => (limit.onTheSpot ? null : limit.workingDays);

/** Implementation lists: each tenant's entries, keyed by the standard item's code. */
@Injectable()
export class ImplementationRepository {
  async list(
    manager: EntityManager,
    tenantId: string,
    filter: ItemFilter,
  ): Promise<ImplementationItemRecord[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} ${FROM}
        WHERE l.tenant_id = $1
          AND ($2::text IS NULL OR strpos(c.name, $2) > 0 OR strpos(c.code, $2) > 0)
          AND ($3::text IS NULL OR c.competent_department = $3)
          AND ($4::text IS NULL OR l.code > $4)
          AND NOT ($6 AND l.read_only)
        ORDER BY l.code LIMIT $5`,
      [
        tenantId,
        filter.search || null,
        filter.department || null,
        filter.after || null,
        filter.first,
        filter.menuOnly === true,
      ],
    );
    return rows.map(recordOf);
  }

  async find(
    manager: EntityManager,
    tenantId: string,
    code: string,
    lock = false,
  ): Promise<ImplementationItemRecord | undefined> {
    const [row]: Row[] = await manager.query(
      `SELECT ${COLUMNS} ${FROM} WHERE l.tenant_id = $1 AND l.code = $2${lock ? ' FOR UPDATE OF l' : ''}`,
      [tenantId, code],
    );
    return row && recordOf(row);
  }

  /** A tenant's whole list in code order (for export). */
  async all(manager: EntityManager, tenantId: string): Promise<ImplementationItemRecord[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} ${FROM} WHERE l.tenant_id = $1 ORDER BY l.code`,
      [tenantId],
    );
    return rows.map(recordOf);
  }

  /** The entries of `codes` on a tenant's list (those it holds). */
  async findEach(
    manager: EntityManager,
    tenantId: string,
    codes: readonly string[],
  ): Promise<ImplementationItemRecord[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} ${FROM} WHERE l.tenant_id = $1 AND l.code = ANY($2::text[]) ORDER BY l.code`,
      [tenantId, codes],
    );
    return rows.map(recordOf);
  }

  /** The competent departments of a tenant's list, for the list's filter. */
  async departments(manager: EntityManager, tenantId: string): Promise<string[]> {
    const rows: { department: string }[] = await manager.query(
      `SELECT DISTINCT c.competent_department AS department ${FROM}
        WHERE l.tenant_id = $1 ORDER BY 1`,
      [tenantId],
    );
    return rows.map((row) => row.department);
  }

  async counts(manager: EntityManager, tenantIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { tenantId: string; n: number }[] = await manager.query(
      `SELECT tenant_id AS "tenantId", count(*)::int AS n FROM implementation_items
        WHERE tenant_id = ANY($1::uuid[]) AND NOT read_only GROUP BY tenant_id`,
      [tenantIds],
    );
    return new Map(tenantIds.map((id) => [id, rows.find((row) => row.tenantId === id)?.n ?? 0]));
  }

  async codes(manager: EntityManager, tenantId: string): Promise<Set<string>> {
    const rows: { code: string }[] = await manager.query(
      `SELECT code FROM implementation_items WHERE tenant_id = $1 AND NOT read_only`,
      [tenantId],
    );
    return new Set(rows.map((row) => row.code));
  }

  /**
   * Adopts items of a standard version into a county's list, as the standard says them
   * (promised = statutory, the same materials); entries already there are left as localized.
   */
  async adopt(
    manager: EntityManager,
    tenantId: string,
    version: { tenantId: string; id: string },
    codes: readonly string[] | null,
  ): Promise<number> {
    const added = await manager.query(
      `INSERT INTO implementation_items (tenant_id, code, source_tenant_id, source_version_id,
                                         promised_days, materials)
       SELECT $1, c.code, c.tenant_id, c.version_id, c.statutory_days, c.materials
         FROM catalogue_items c
        WHERE c.tenant_id = $2 AND c.version_id = $3 AND ($4::text[] IS NULL OR c.code = ANY($4))
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING code`,
      [tenantId, version.tenantId, version.id, codes],
    );
    return added.length;
  }

  /**
   * Makes a center's list exactly `codes` of its parent's list: new entries copy the parent's
   * localized settings, entries no longer on it go, the others keep their own settings.
   */
  async setFromParent(
    manager: EntityManager,
    tenant: { id: string; divisionCode: string },
    parentId: string,
    codes: readonly string[],
  ): Promise<{ added: number; removed: number }> {
    const tenantId = tenant.id;
    // UPDATE and DELETE answer [rows, count] through TypeORM.
    const [, removed]: [unknown, number] = await manager.query(
      `DELETE FROM implementation_items
        WHERE tenant_id = $1 AND NOT (code = ANY($2::text[])) AND NOT read_only`,
      [tenantId, codes],
    );
    // What leaves a list leaves the menus below it too (the subtree is the code's range).
    await manager.query(
      `DELETE FROM implementation_items
        WHERE tenant_id <> $1
          AND tenant_division_code >= tongban_division_prefix($2)
          AND tenant_division_code < tongban_division_end($2)
          AND NOT (code = ANY($3::text[])) AND NOT read_only`,
      [tenant.id, tenant.divisionCode, codes],
    );
    const added = await manager.query(
      `INSERT INTO implementation_items (tenant_id, code, source_tenant_id, source_version_id,
                                         promised_days, materials, address, phone, office_hours,
                                         fee_note, notes)
       SELECT $1, p.code, p.source_tenant_id, p.source_version_id, p.promised_days, p.materials,
              NULL, NULL, NULL, p.fee_note, p.notes
         FROM implementation_items p
        WHERE p.tenant_id = $2 AND p.code = ANY($3::text[]) AND NOT p.read_only
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING code`,
      [tenantId, parentId, codes],
    );
    return { added: added.length, removed };
  }

  /**
   * Carries a tenant's entries to a standard version as a rollout step planned them (one
   * statement per kind of outcome): kept entries move to the version with their settings,
   * adopted ones are added (an entry already there stays as it is), read-only ones stay on their
   * old version for the open applications, dropped ones go.
   */
  async rollOut(
    manager: EntityManager,
    tenantId: string,
    version: { tenantId: string; id: string },
    outcomes: readonly EntryOutcome[],
  ): Promise<void> {
    const settingsOf = (kind: 'KEPT' | 'ADOPTED') =>
      JSON.stringify(
        outcomes.flatMap((outcome) =>
          outcome.kind === kind
            ? [
                {
                  code: outcome.code,
                  promised_days: daysOf(outcome.after.promisedLimit),
                  materials: outcome.after.materials,
                  address: outcome.after.address,
                  phone: outcome.after.phone,
                  office_hours: outcome.after.officeHours,
                  fee_note: outcome.after.feeNote,
                  notes: outcome.after.notes,
                },
              ]
            : [],
        ),
      );
    const codesOf = (kind: EntryOutcome['kind']) =>
      outcomes.filter((outcome) => outcome.kind === kind).map((outcome) => outcome.code);
    const RECORD = `code text, promised_days integer, materials jsonb, address text, phone text,
                    office_hours text, fee_note text, notes text`;
    await manager.query(
      `UPDATE implementation_items l
          SET source_tenant_id = $2, source_version_id = $3, promised_days = s.promised_days,
              materials = s.materials, address = s.address, phone = s.phone,
              office_hours = s.office_hours, fee_note = s.fee_note, notes = s.notes,
              read_only = false, version = l.version + 1, updated_at = now()
         FROM jsonb_to_recordset($4::jsonb) AS s(${RECORD})
        WHERE l.tenant_id = $1 AND l.code = s.code`,
      [tenantId, version.tenantId, version.id, settingsOf('KEPT')],
    );
    await manager.query(
      `INSERT INTO implementation_items (tenant_id, code, source_tenant_id, source_version_id,
                                         promised_days, materials, address, phone, office_hours,
                                         fee_note, notes)
       SELECT $1, s.code, $2, $3, s.promised_days, s.materials, s.address, s.phone,
              s.office_hours, s.fee_note, s.notes
         FROM jsonb_to_recordset($4::jsonb) AS s(${RECORD})
       ON CONFLICT (tenant_id, code) DO NOTHING`,
      [tenantId, version.tenantId, version.id, settingsOf('ADOPTED')],
    );
    await manager.query(
      `UPDATE implementation_items SET read_only = true, version = version + 1, updated_at = now()
        WHERE tenant_id = $1 AND code = ANY($2::text[]) AND NOT read_only`,
      [tenantId, codesOf('READ_ONLY')],
    );
    await manager.query(
      `DELETE FROM implementation_items WHERE tenant_id = $1 AND code = ANY($2::text[])`,
      [tenantId, codesOf('DROPPED')],
    );
  }

  /** Writes the local settings if the entry is still at `version`; false when it moved on. */
  async update(
    manager: EntityManager,
    entry: ImplementationItemRecord,
    settings: LocalSettings & { windowIds: string[] },
    version: number,
  ): Promise<boolean> {
    const [, updated]: [unknown, number] = await manager.query(
      `UPDATE implementation_items
          SET promised_days = $4, materials = $5, window_ids = $6, address = $7, phone = $8,
              office_hours = $9, fee_note = $10, notes = $11, version = version + 1, updated_at = now()
        WHERE tenant_id = $1 AND code = $2 AND version = $3`,
      [
        entry.tenantId,
        entry.code,
        version,
        daysOf(settings.promisedLimit),
        JSON.stringify(settings.materials satisfies Material[]),
        settings.windowIds,
        settings.address,
        settings.phone,
        settings.officeHours,
        settings.feeNote,
        settings.notes,
      ],
    );
    return updated > 0;
  }
}
