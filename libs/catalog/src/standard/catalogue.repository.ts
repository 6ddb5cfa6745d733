import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DirectoryItem } from '@tongban/core';
import type { ItemMapping } from '../core/catalogue-diff';
import type { CatalogueRow, CatalogueSheetProblem } from '../core/catalogue-sheet';
import { CatalogueImportStatus, CatalogueVersionStatus } from '../core/catalogue-version';
import type { CatalogItem } from '../core/item';

export interface CatalogueVersionRecord {
  id: string;
  tenantId: string;
  label: string;
  status: CatalogueVersionStatus;
  itemCount: number;
  createdAt: Date;
  publishedAt: Date | null;
  retiredAt: Date | null;
  /** How the publisher says items of the version before became this version's. */
  mappings: ItemMapping[];
}

export interface CatalogueImportRecord {
  id: string;
  tenantId: string;
  label: string;
  fileName: string;
  status: CatalogueImportStatus;
  rowsRead: number;
  problems: CatalogueSheetProblem[];
  versionId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Filters and paging of an item list (a version's items, or an implementation list). */
export interface ItemFilter {
  search?: string | null;
  department?: string | null;
  /** The code of the last item of the page before. */
  after?: string | null;
  first: number;
  /** Implementation lists: leave out entries kept read-only for open applications (the public guide). */
  menuOnly?: boolean;
}

const VERSION_COLUMNS = `v.id, v.tenant_id AS "tenantId", v.label, v.status, v.item_count AS "itemCount",
  v.created_at AS "createdAt", v.published_at AS "publishedAt", v.retired_at AS "retiredAt",
  v.mappings`;

const IMPORT_COLUMNS = `i.id, i.tenant_id AS "tenantId", i.label, i.file_name AS "fileName", i.status,
  i.rows_read AS "rowsRead", i.problems, i.version_id AS "versionId", i.created_at AS "createdAt",
  i.finished_at AS "finishedAt"`;

const ITEM_COLUMNS = `code, name, type, competent_department AS "competentDepartment",
  implementing_level AS "implementingLevel", legal_basis AS "legalBasis",
  applicant_scopes AS "applicantScopes", conditions, materials, steps,
  statutory_days AS "statutoryDays", fee, handling_tiers AS "handlingTiers",
  intake_only_tiers AS "intakeOnlyTiers", online_available AS "onlineAvailable"`;

interface ItemRow extends Omit<CatalogItem, 'statutoryLimit'> {
  statutoryDays: number | null;
}

const itemOf = ({ statutoryDays, ...row }: ItemRow): CatalogItem => ({
  ...row,
  statutoryLimit:
    statutoryDays === null ? { onTheSpot: true } : { onTheSpot: false, workingDays: statutoryDays },
});

/** Rows written per INSERT when a catalogue is stored (parameters stay far below 65,535). */
const ITEMS_PER_STATEMENT = 500;

/** The columns of catalogue_items beyond its version, in the order `itemArrays` gives them. */
const ITEM_TABLE_COLUMNS = `code, name, type, competent_department, implementing_level, legal_basis,
  applicant_scopes, conditions, materials, steps, statutory_days, fee, handling_tiers,
  intake_only_tiers, online_available`;

/** `ITEM_TABLE_COLUMNS` of a batch given as `itemArrays`, from parameter `$first` on. */
function unnestItems(first: number): string {
  const types = [
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'jsonb',
    'text',
    'jsonb',
    'jsonb',
    'int',
    'jsonb',
    'jsonb',
    'jsonb',
    'boolean',
  ];
  return `x.code, x.name, x.type, x.department, x.level, x.basis,
      ARRAY(SELECT jsonb_array_elements_text(x.scopes)), x.conditions, x.materials, x.steps,
      x.days, x.fee, ARRAY(SELECT jsonb_array_elements_text(x.handling)),
      ARRAY(SELECT jsonb_array_elements_text(x.intake_only)), x.online
    FROM unnest(${types.map((type, index) => `$${first + index}::${type}[]`).join(', ')})
      AS x(code, name, type, department, level, basis, scopes, conditions, materials, steps,
           days, fee, handling, intake_only, online)`;
}

/** A batch of items as one array a column. */
function itemArrays(items: readonly CatalogItem[]): unknown[] {
  const column = <T>(pick: (item: CatalogItem) => T) => items.map(pick);
  return [
    column((item) => item.code),
    column((item) => item.name),
    column((item) => item.type),
    column((item) => item.competentDepartment),
    column((item) => item.implementingLevel),
    column((item) => item.legalBasis),
    column((item) => JSON.stringify(item.applicantScopes)),
    column((item) => item.conditions),
    column((item) => JSON.stringify(item.materials)),
    column((item) => JSON.stringify(item.steps)),
    column((item) => (item.statutoryLimit.onTheSpot ? null : item.statutoryLimit.workingDays)),
    column((item) => JSON.stringify(item.fee)),
    column((item) => JSON.stringify(item.handlingTiers)),
    column((item) => JSON.stringify(item.intakeOnlyTiers)),
    column((item) => item.onlineAvailable),
  ];
}

/**
 * Standard catalogue versions, their items and the imports that made them. The province's
 * rows; tenants below read them through the ancestor policy (migration 1764979200000).
 */
@Injectable()
export class CatalogueRepository {
  listVersions(manager: EntityManager): Promise<CatalogueVersionRecord[]> {
    return manager.query(
      `SELECT ${VERSION_COLUMNS} FROM catalogue_versions v ORDER BY v.created_at DESC, v.id`,
    );
  }

  async findVersion(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<CatalogueVersionRecord | undefined> {
    const [version] = await manager.query(
      `SELECT ${VERSION_COLUMNS} FROM catalogue_versions v WHERE v.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return version;
  }

  async labelTaken(manager: EntityManager, tenantId: string, label: string): Promise<boolean> {
    const [found] = await manager.query(
      `SELECT 1 FROM catalogue_versions WHERE tenant_id = $1 AND label = $2`,
      [tenantId, label],
    );
    return found !== undefined;
  }

  /** A new draft holding `items`; null when the tenant already has a version of that label. */
  async insertDraft(
    manager: EntityManager,
    draft: {
      tenantId: string;
      label: string;
      createdBy: string | null;
      items: readonly CatalogItem[];
    },
  ): Promise<string | null> {
    const [created] = await manager.query(
      `INSERT INTO catalogue_versions (tenant_id, label, created_by, item_count)
       VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, label) DO NOTHING RETURNING id`,
      [draft.tenantId, draft.label, draft.createdBy, draft.items.length],
    );
    if (!created) return null;
    for (let start = 0; start < draft.items.length; start += ITEMS_PER_STATEMENT) {
      await this.insertItems(
        manager,
        draft.tenantId,
        created.id,
        draft.items.slice(start, start + ITEMS_PER_STATEMENT),
      );
    }
    return created.id;
  }

  private async insertItems(
    manager: EntityManager,
    tenantId: string,
    versionId: string,
    items: readonly CatalogItem[],
  ): Promise<void> {
    // One statement per batch: each column as an array, unnested row by row.
    await manager.query(
      `INSERT INTO catalogue_items (tenant_id, version_id, ${ITEM_TABLE_COLUMNS})
       SELECT $1, $2, ${unnestItems(3)}`,
      [tenantId, versionId, ...itemArrays(items)],
    );
  }

  /**
   * Tables of this transaction for the good rows of a file being imported, dropped at its end:
   * the draft is made of them once the last row is checked (`insertStagedDraft`), so a file is
   * imported without its rows ever being held together in memory.
   */
  async stageImport(manager: EntityManager): Promise<void> {
    await manager.query(
      `CREATE TEMPORARY TABLE staged_items ON COMMIT DROP AS
       SELECT ${ITEM_TABLE_COLUMNS} FROM catalogue_items WITH NO DATA`,
    );
    await manager.query(
      `CREATE TEMPORARY TABLE staged_materials (code text, row_number int, material jsonb)
       ON COMMIT DROP`,
    );
    await manager.query(
      `CREATE TEMPORARY TABLE staged_steps (code text, row_number int, step_order int, name text)
       ON COMMIT DROP`,
    );
  }

  /** A batch of a file's good rows, into the tables `stageImport` made. */
  async stageRows(manager: EntityManager, rows: readonly CatalogueRow[]): Promise<void> {
    const items: CatalogItem[] = [];
    const materials: Extract<CatalogueRow, { kind: 'material' }>[] = [];
    const steps: Extract<CatalogueRow, { kind: 'step' }>[] = [];
    for (const row of rows) {
      if (row.kind === 'item') items.push(row.item);
      else if (row.kind === 'material') materials.push(row);
      else steps.push(row);
    }
    if (items.length) {
      await manager.query(
        `INSERT INTO staged_items (${ITEM_TABLE_COLUMNS}) SELECT ${unnestItems(1)}`,
        itemArrays(items),
      );
    }
    if (materials.length) {
      await manager.query(
        `INSERT INTO staged_materials (code, row_number, material)
         SELECT * FROM unnest($1::text[], $2::int[], $3::jsonb[])`,
        [
          materials.map((row) => row.code),
          materials.map((row) => row.row),
          materials.map((row) => JSON.stringify(row.material)),
        ],
      );
    }
    if (steps.length) {
      await manager.query(
        `INSERT INTO staged_steps (code, row_number, step_order, name)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[])`,
        [
          steps.map((row) => row.code),
          steps.map((row) => row.row),
          steps.map((row) => row.order),
          steps.map((row) => row.name),
        ],
      );
    }
  }

  /**
   * A new draft of the staged rows (`stageImport`): each item with its materials in the order
   * of their rows and its steps by their order. Null when the tenant already has a version of
   * that label.
   */
  async insertStagedDraft(
    manager: EntityManager,
    draft: { tenantId: string; label: string; createdBy: string | null; itemCount: number },
  ): Promise<string | null> {
    const [created] = await manager.query(
      `INSERT INTO catalogue_versions (tenant_id, label, created_by, item_count)
       VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, label) DO NOTHING RETURNING id`,
      [draft.tenantId, draft.label, draft.createdBy, draft.itemCount],
    );
    if (!created) return null;
    await manager.query(
      `INSERT INTO catalogue_items (tenant_id, version_id, ${ITEM_TABLE_COLUMNS})
       SELECT $1, $2, i.code, i.name, i.type, i.competent_department, i.implementing_level,
              i.legal_basis, i.applicant_scopes, i.conditions, coalesce(m.materials, '[]'),
              coalesce(s.steps, '[]'), i.statutory_days, i.fee, i.handling_tiers,
              i.intake_only_tiers, i.online_available
         FROM staged_items i
         LEFT JOIN (SELECT code, jsonb_agg(material ORDER BY row_number) AS materials
                      FROM staged_materials GROUP BY code) m USING (code)
         LEFT JOIN (SELECT code, jsonb_agg(name ORDER BY step_order, row_number) AS steps
                      FROM staged_steps GROUP BY code) s USING (code)`,
      [draft.tenantId, created.id],
    );
    return created.id;
  }

  async setStatus(
    manager: EntityManager,
    version: CatalogueVersionRecord,
    status: CatalogueVersionStatus,
  ): Promise<void> {
    await manager.query(
      `UPDATE catalogue_versions
          SET status = $3,
              published_at = CASE WHEN $3 = 'PUBLISHED' THEN now() ELSE published_at END,
              retired_at = CASE WHEN $3 = 'RETIRED' THEN now() ELSE retired_at END
        WHERE tenant_id = $1 AND id = $2`,
      [version.tenantId, version.id, status],
    );
  }

  async setMappings(
    manager: EntityManager,
    version: CatalogueVersionRecord,
    mappings: readonly ItemMapping[],
  ): Promise<void> {
    await manager.query(
      `UPDATE catalogue_versions SET mappings = $3 WHERE tenant_id = $1 AND id = $2 AND status = 'DRAFT'`,
      [version.tenantId, version.id, JSON.stringify(mappings)],
    );
  }

  /** Deletes a draft and its items (an import that stays a draft can be dropped and redone). */
  async deleteDraft(manager: EntityManager, version: CatalogueVersionRecord): Promise<void> {
    await manager.query(
      `UPDATE catalogue_imports SET version_id = NULL WHERE tenant_id = $1 AND version_id = $2`,
      [version.tenantId, version.id],
    );
    await manager.query(
      `DELETE FROM catalogue_versions WHERE tenant_id = $1 AND id = $2 AND status = 'DRAFT'`,
      [version.tenantId, version.id],
    );
  }

  /**
   * One page of a version's items in code order, optionally filtered by a text in the name or
   * code and by department.
   */
  async items(
    manager: EntityManager,
    version: CatalogueVersionRecord,
    filter: ItemFilter,
  ): Promise<CatalogItem[]> {
    const rows: ItemRow[] = await manager.query(
      `SELECT ${ITEM_COLUMNS} FROM catalogue_items
        WHERE tenant_id = $1 AND version_id = $2
          AND ($3::text IS NULL OR strpos(name, $3) > 0 OR strpos(code, $3) > 0)
          AND ($4::text IS NULL OR competent_department = $4)
          AND ($5::text IS NULL OR code > $5)
        ORDER BY code LIMIT $6`,
      [
        version.tenantId,
        version.id,
        filter.search || null,
        filter.department || null,
        filter.after || null,
        filter.first,
      ],
    );
    return rows.map(itemOf);
  }

  async item(
    manager: EntityManager,
    version: CatalogueVersionRecord,
    code: string,
  ): Promise<CatalogItem | undefined> {
    const [row]: ItemRow[] = await manager.query(
      `SELECT ${ITEM_COLUMNS} FROM catalogue_items WHERE tenant_id = $1 AND version_id = $2 AND code = $3`,
      [version.tenantId, version.id, code],
    );
    return row && itemOf(row);
  }

  /** Every item of a version, in code order (for export). */
  async allItems(manager: EntityManager, version: CatalogueVersionRecord): Promise<CatalogItem[]> {
    const rows: ItemRow[] = await manager.query(
      `SELECT ${ITEM_COLUMNS} FROM catalogue_items WHERE tenant_id = $1 AND version_id = $2 ORDER BY code`,
      [version.tenantId, version.id],
    );
    return rows.map(itemOf);
  }

  /** The departments of a version, for the list's filter. */
  async departments(manager: EntityManager, version: CatalogueVersionRecord): Promise<string[]> {
    const rows: { department: string }[] = await manager.query(
      `SELECT DISTINCT competent_department AS department FROM catalogue_items
        WHERE tenant_id = $1 AND version_id = $2 ORDER BY 1`,
      [version.tenantId, version.id],
    );
    return rows.map((row) => row.department);
  }

  /**
   * Each item code of the versions ever published that the reader can read, as the latest
   * of them has it (the code is one of the locked elements: its department does not change
   * within a version, and a newer version's name wins).
   */
  async directory(manager: EntityManager): Promise<DirectoryItem[]> {
    return manager.query(
      `SELECT DISTINCT ON (i.code) i.code, i.name, i.competent_department AS department
         FROM catalogue_items i
         JOIN catalogue_versions v ON v.tenant_id = i.tenant_id AND v.id = i.version_id
        WHERE v.status IN ('PUBLISHED', 'RETIRED')
        ORDER BY i.code, v.published_at DESC`,
    );
  }

  async insertImport(
    manager: EntityManager,
    upload: { tenantId: string; label: string; fileName: string; file: Buffer; createdBy: string },
  ): Promise<string> {
    const [created] = await manager.query(
      `INSERT INTO catalogue_imports (tenant_id, label, file_name, file, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [upload.tenantId, upload.label, upload.fileName, upload.file, upload.createdBy],
    );
    return created.id;
  }

  async findImport(manager: EntityManager, id: string): Promise<CatalogueImportRecord | undefined> {
    const [found] = await manager.query(
      `SELECT ${IMPORT_COLUMNS} FROM catalogue_imports i WHERE i.id = $1`,
      [id],
    );
    return found;
  }

  listImports(manager: EntityManager, first: number): Promise<CatalogueImportRecord[]> {
    return manager.query(
      `SELECT ${IMPORT_COLUMNS} FROM catalogue_imports i ORDER BY i.created_at DESC, i.id LIMIT $1`,
      [first],
    );
  }

  /**
   * Claims a queued import for reading (its file and the lock on its row); undefined when it
   * is not queued any more (a retried job after the import finished changes nothing).
   */
  async claimImport(
    manager: EntityManager,
    id: string,
  ): Promise<{ record: CatalogueImportRecord; file: Buffer } | undefined> {
    const [found] = await manager.query(
      `SELECT ${IMPORT_COLUMNS}, i.file FROM catalogue_imports i
        WHERE i.id = $1 AND i.status IN ('QUEUED', 'RUNNING') FOR UPDATE`,
      [id],
    );
    if (!found?.file) return undefined;
    const { file, ...record } = found;
    return { record, file };
  }

  async recordProgress(manager: EntityManager, id: string, rowsRead: number): Promise<void> {
    await manager.query(
      `UPDATE catalogue_imports SET status = 'RUNNING', rows_read = $2 WHERE id = $1 AND status IN ('QUEUED','RUNNING')`,
      [id, rowsRead],
    );
  }

  /** The import's outcome; its file is dropped (it lives on as the draft, or as the problems). */
  async finishImport(
    manager: EntityManager,
    record: CatalogueImportRecord,
    outcome: { versionId: string | null; problems: CatalogueSheetProblem[]; rowsRead: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE catalogue_imports
          SET status = CASE WHEN $3::uuid IS NULL THEN 'FAILED' ELSE 'SUCCEEDED' END,
              version_id = $3, problems = $4, rows_read = $5, file = NULL, finished_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [
        record.tenantId,
        record.id,
        outcome.versionId,
        JSON.stringify(outcome.problems),
        outcome.rowsRead,
      ],
    );
  }
}
