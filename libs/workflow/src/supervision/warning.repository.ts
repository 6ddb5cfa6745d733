import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ApplicationStatus } from '../lifecycle/application-status';
import type { WarningKind, WarningLevel } from './warning-level';

/** An application the sweep must look at now, locked for the look. */
export interface SweepRow {
  tenantId: string;
  id: string;
  status: ApplicationStatus;
  dueAt: Date | null;
  windowId: string;
  promisedDays: number | null;
  statutoryDays: number | null;
  extensionDays: number;
  receiptNumber: string;
  itemName: string;
}

export interface WarningRecord {
  id: string;
  tenantId: string;
  applicationId: string;
  kind: WarningKind;
  level: WarningLevel;
  dueAt: Date;
  raisedAt: Date;
  windowId: string;
  status: 'OPEN' | 'CLOSED';
  note: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  receiptNumber: string;
  itemName: string;
  applicationStatus: ApplicationStatus;
}

const WARNING_COLUMNS = `w.id, w.tenant_id AS "tenantId", w.application_id AS "applicationId",
  w.kind, w.level, w.due_at AS "dueAt", w.raised_at AS "raisedAt", w.window_id AS "windowId",
  w.status, w.note, w.closed_by AS "closedBy", w.closed_at AS "closedAt",
  a.receipt_number AS "receiptNumber", a.item_name AS "itemName",
  a.status AS "applicationStatus"`;

/** Where a page of the board starts: after this (raised time, id), newest first. */
export interface WarningCursor {
  raisedMicros: string;
  id: string;
}

/**
 * Warnings (预警 / 黄牌 / 红牌) and the sweep's schedule on applications (tenant-owned, under
 * row-level security). Locks go application, then warning, as everywhere.
 */
@Injectable()
export class WarningRepository {
  /**
   * Applications whose level may change by `now`, locked; rows another sweep or an act holds
   * are skipped (the act reschedules them, the other sweep looks at them). In no order: the
   * sweep takes batches until none is left, and ordering a large backlog (thousands due at one
   * moment, after a calendar recount) would read and sort all of it for every batch
   * (BENCHMARKS.md, the deadline sweep).
   */
  dueForCheck(manager: EntityManager, now: Date, limit: number): Promise<SweepRow[]> {
    return manager.query(
      `SELECT a.tenant_id AS "tenantId", a.id, a.status, a.due_at AS "dueAt",
              a.window_id AS "windowId", a.item_promised_days AS "promisedDays",
              a.item_statutory_days AS "statutoryDays", a.extension_days AS "extensionDays",
              a.receipt_number AS "receiptNumber", a.item_name AS "itemName"
         FROM applications a
        WHERE a.warning_check_at <= $1
        LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** Raises a warning unless it was raised before: its id when new, else null. */
  async raise(
    manager: EntityManager,
    warning: {
      tenantId: string;
      applicationId: string;
      kind: WarningKind;
      level: WarningLevel;
      dueAt: Date;
      windowId: string;
      at: Date;
    },
  ): Promise<string | null> {
    const [row] = await manager.query(
      `INSERT INTO application_warnings (tenant_id, application_id, kind, level, due_at,
                                         window_id, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, application_id, kind, level) DO NOTHING RETURNING id`,
      [
        warning.tenantId,
        warning.applicationId,
        warning.kind,
        warning.level,
        warning.dueAt,
        warning.windowId,
        warning.at,
      ],
    );
    return row?.id ?? null;
  }

  async reschedule(manager: EntityManager, row: SweepRow, next: Date | null): Promise<void> {
    await manager.query(
      `UPDATE applications SET warning_check_at = $3 WHERE tenant_id = $1 AND id = $2`,
      [row.tenantId, row.id, next],
    );
  }

  /** Warnings newest first; `conditions` are SQL over `w` with parameters from 1. */
  list(
    manager: EntityManager,
    query: { conditions: string[]; params: unknown[]; after: WarningCursor | null; limit: number },
  ): Promise<(WarningRecord & { raisedMicros: string })[]> {
    const params = [...query.params];
    const where = [...query.conditions];
    if (query.after) {
      params.push(query.after.raisedMicros, query.after.id);
      where.push(
        `(w.raised_at, w.id) < ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
      );
    }
    params.push(query.limit);
    return manager.query(
      `SELECT ${WARNING_COLUMNS},
              (extract(epoch FROM w.raised_at) * 1000000)::bigint::text AS "raisedMicros"
         FROM application_warnings w
         JOIN applications a ON a.tenant_id = w.tenant_id AND a.id = w.application_id
        WHERE ${where.join(' AND ') || 'TRUE'}
        ORDER BY w.raised_at DESC, w.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** Open warnings counted by tenant, window and level (the board's figures). */
  counts(
    manager: EntityManager,
    query: { conditions: string[]; params: unknown[] },
  ): Promise<{ tenantId: string; windowId: string; level: WarningLevel; open: number }[]> {
    return manager.query(
      `SELECT w.tenant_id AS "tenantId", w.window_id AS "windowId", w.level,
              count(*)::int AS open
         FROM application_warnings w
        WHERE w.status = 'OPEN' AND ${query.conditions.join(' AND ') || 'TRUE'}
        GROUP BY w.tenant_id, w.window_id, w.level
        ORDER BY w.tenant_id, w.window_id, w.level`,
      query.params,
    );
  }

  /** One warning, locked (its application is not locked: closing does not change it). */
  async lock(manager: EntityManager, id: string): Promise<WarningRecord | undefined> {
    const [row] = await manager.query(
      `SELECT ${WARNING_COLUMNS} FROM application_warnings w
         JOIN applications a ON a.tenant_id = w.tenant_id AND a.id = w.application_id
        WHERE w.id = $1 FOR UPDATE OF w`,
      [id],
    );
    return row;
  }

  async find(manager: EntityManager, id: string): Promise<WarningRecord | undefined> {
    const [row] = await manager.query(
      `SELECT ${WARNING_COLUMNS} FROM application_warnings w
         JOIN applications a ON a.tenant_id = w.tenant_id AND a.id = w.application_id
        WHERE w.id = $1`,
      [id],
    );
    return row;
  }

  async close(
    manager: EntityManager,
    warning: WarningRecord,
    change: { note: string; by: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE application_warnings SET status = 'CLOSED', note = $3, closed_by = $4, closed_at = $5
        WHERE tenant_id = $1 AND id = $2`,
      [warning.tenantId, warning.id, change.note, change.by, change.at],
    );
  }
}
