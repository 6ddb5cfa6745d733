import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IntakeItem, TimeLimit } from '@tongban/catalog';
import type { ApplicantDetails } from './applicant';
import type { PauseKind } from '../lifecycle/transitions';
import { ApplicationStatus } from '../lifecycle/application-status';
import { formatReceiptNumber, receiptPrefixOf } from './receipt-number';

/** An application as stored, before ports add names and the reader's masking applies. */
export interface ApplicationRow {
  id: string;
  tenantId: string;
  receiptNumber: string;
  itemCode: string;
  itemName: string;
  /** The item as it was at intake; null for free-text intake before the catalogue. */
  itemVersionId: string | null;
  statutoryLimit: TimeLimit | null;
  promisedLimit: TimeLimit | null;
  itemHandling: IntakeItem['handling'] | null;
  windowId: string;
  status: ApplicationStatus;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantPhone: string | null;
  submittedAt: Date;
  submittedBy: string;
  version: number;
  acceptedAt: Date | null;
  acceptanceDueAt: Date | null;
  promisedDeadline: Date | null;
  statutoryDeadline: Date | null;
  extensionDays: number;
  decidedAt: Date | null;
  completedAt: Date | null;
  dueAt: Date | null;
  /** Counted into a year not published yet (weekends alone); counted again once entered. */
  deadlinesProvisional: boolean;
  /** The kind of the pause that stops the clock now (SUSPENDED), else null. */
  openPause: PauseKind | null;
  /** due_at in microseconds since the epoch, for the work queue's cursor. */
  dueMicros: string | null;
  /** submitted_at in microseconds since the epoch, exact, for the page cursor. */
  cursorMicros: string;
  /** 代办, at the origin: the handler's row it was forwarded to. */
  forwardedTo: ChainEnd | null;
  /** 代办, at the handler: the origin's row it came from. */
  forwardedFrom: ChainEnd | null;
  /** 代办, at the origin: where the handler's row stands. */
  chainStatus: ApplicationStatus | null;
}

/** The other end of a proxy chain (a row of another tenant, read only by these ids). */
export interface ChainEnd {
  tenantId: string;
  id: string;
}

/** A limit recorded at intake: NULL days are on the spot, unless nothing was recorded. */
const limitColumn = (days: string, alias: string) =>
  `CASE WHEN a.item_version_id IS NULL THEN NULL
        WHEN ${days} IS NULL THEN jsonb_build_object('onTheSpot', true)
        ELSE jsonb_build_object('onTheSpot', false, 'workingDays', ${days}) END AS "${alias}"`;

const daysOf = (limit: TimeLimit) => (limit.onTheSpot ? null : limit.workingDays);

const SELECT_APPLICATIONS = `
  SELECT a.id, a.tenant_id AS "tenantId", a.receipt_number AS "receiptNumber",
         a.item_code AS "itemCode", a.item_name AS "itemName",
         a.item_version_id AS "itemVersionId", a.item_handling AS "itemHandling",
         ${limitColumn('a.item_statutory_days', 'statutoryLimit')},
         ${limitColumn('a.item_promised_days', 'promisedLimit')},
         a.window_id AS "windowId",
         a.status, a.applicant_name AS "applicantName",
         a.applicant_id_number AS "applicantIdNumber", a.applicant_phone AS "applicantPhone",
         a.submitted_at AS "submittedAt", a.submitted_by AS "submittedBy", a.version,
         a.accepted_at AS "acceptedAt", a.acceptance_due_at AS "acceptanceDueAt",
         a.promised_deadline AS "promisedDeadline", a.statutory_deadline AS "statutoryDeadline",
         a.extension_days AS "extensionDays", a.decided_at AS "decidedAt",
         a.completed_at AS "completedAt", a.due_at AS "dueAt",
         a.deadlines_provisional AS "deadlinesProvisional",
         -- Only a suspended application has an open pause: no look-up for the others.
         CASE WHEN a.status = 'SUSPENDED' THEN (SELECT p.kind FROM application_pauses p
           WHERE p.tenant_id = a.tenant_id AND p.application_id = a.id AND p.ended_at IS NULL)
         END AS "openPause",
         (extract(epoch FROM a.submitted_at) * 1000000)::bigint::text AS "cursorMicros",
         (extract(epoch FROM a.due_at) * 1000000)::bigint::text AS "dueMicros",
         CASE WHEN a.forwarded_to_id IS NOT NULL THEN jsonb_build_object(
           'tenantId', a.forwarded_to_tenant_id, 'id', a.forwarded_to_id) END AS "forwardedTo",
         CASE WHEN a.forwarded_from_id IS NOT NULL THEN jsonb_build_object(
           'tenantId', a.forwarded_from_tenant_id, 'id', a.forwarded_from_id) END
           AS "forwardedFrom",
         a.chain_status AS "chainStatus"
    FROM applications a`;

/** Where a page of the work queue starts: after this (due time, or none, and id). */
export interface QueueCursor {
  dueMicros: string | null;
  id: string;
}

/** Where a page of the newest-first list starts: after this (intake time, id). */
export interface ApplicationCursor {
  micros: string;
  id: string;
}

/**
 * Applications, their events and the receipt counters (tenant-owned, under row-level
 * security). Reads only workflow's own tables: windows, tenants and people come through
 * their owners' ports.
 */
@Injectable()
export class ApplicationRepository {
  async find(manager: EntityManager, id: string): Promise<ApplicationRow | undefined> {
    const [row] = await manager.query(`${SELECT_APPLICATIONS} WHERE a.id = $1`, [id]);
    return row;
  }

  /**
   * Newest first. `conditions` are SQL over the alias `a` with parameters numbered from 1
   * (the caller's filters and the role rules' conditions); `limit` rows at most.
   */
  list(
    manager: EntityManager,
    query: {
      conditions: string[];
      params: unknown[];
      after: ApplicationCursor | null;
      limit: number;
    },
  ): Promise<ApplicationRow[]> {
    const params = [...query.params];
    const where = [...query.conditions];
    if (query.after) {
      params.push(query.after.micros, query.after.id);
      where.push(
        `(a.submitted_at, a.id) < ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
      );
    }
    params.push(query.limit);
    return manager.query(
      `${SELECT_APPLICATIONS} WHERE ${where.join(' AND ') || 'TRUE'}
        ORDER BY a.submitted_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * The work queue's order: most urgent first (what is due soonest; nothing due — waiting on
   * the applicant or paused — last), then by id. `conditions` as for `list`.
   */
  queue(
    manager: EntityManager,
    query: {
      conditions: string[];
      params: unknown[];
      after: QueueCursor | null;
      limit: number;
    },
  ): Promise<ApplicationRow[]> {
    const params = [...query.params];
    const where = [...query.conditions];
    const after = query.after;
    if (after && after.dueMicros !== null) {
      params.push(after.dueMicros, after.id);
      const due = `('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond')`;
      where.push(
        `(a.due_at > ${due} OR (a.due_at = ${due} AND a.id > $${params.length}::uuid) OR a.due_at IS NULL)`,
      );
    } else if (after) {
      params.push(after.id);
      where.push(`(a.due_at IS NULL AND a.id > $${params.length}::uuid)`);
    }
    params.push(query.limit);
    return manager.query(
      `${SELECT_APPLICATIONS} WHERE ${where.join(' AND ') || 'TRUE'}
        ORDER BY a.due_at ASC NULLS LAST, a.id ASC LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * The application an earlier intake with this key made, if any. Takes the key's lock first
   * (until the transaction ends), so a concurrent request with the same key waits for the
   * first and then finds what it made.
   */
  async findByIntakeKey(
    manager: EntityManager,
    key: { tenantId: string; submittedBy: string; intakeKey: string },
  ): Promise<{ id: string; itemCode: string; applicantName: string } | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `intake:${key.tenantId}:${key.submittedBy}:${key.intakeKey}`,
    ]);
    const [found] = await manager.query(
      `SELECT id, item_code AS "itemCode", applicant_name AS "applicantName" FROM applications
        WHERE tenant_id = $1 AND submitted_by = $2 AND intake_key = $3`,
      [key.tenantId, key.submittedBy, key.intakeKey],
    );
    return found;
  }

  /**
   * Writes an intake (收件) in the caller's transaction: the receipt number, the application
   * SUBMITTED and its first event. Checks of who may take it in, and where, come before.
   * `at` is the time of intake (now when null; the demo seed dates its applications back).
   */
  async recordIntake(
    manager: EntityManager,
    input: {
      hall: { tenantId: string; receiptPrefix: string | null; divisionCode: string };
      windowId: string;
      item: IntakeItem;
      applicant: ApplicantDetails;
      submittedBy: string;
      at?: Date | null;
      /** Close of the 5th working day after intake (the work queue's first due time). */
      acceptanceDueAt?: Date | null;
      /** The above counted into a year not published yet. */
      provisional?: boolean;
      /** The client's request key: the same key twice is the same intake. */
      intakeKey?: string | null;
      /**
       * 代办: the origin's row this intake comes from; it keeps the origin's receipt number
       * (the applicant holds one receipt).
       */
      forwardedFrom?: ChainEnd & { receiptNumber: string };
    },
  ): Promise<{ id: string; receiptNumber: string }> {
    const { hall, item, applicant, forwardedFrom } = input;
    const at = input.at ?? null;
    const receiptNumber =
      forwardedFrom?.receiptNumber ?? (await this.takeReceiptNumber(manager, hall, at));
    const [created] = await manager.query(
      `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
                                 applicant_name, applicant_id_number, applicant_phone, status,
                                 submitted_at, submitted_by, item_version_id,
                                 item_statutory_days, item_promised_days, item_handling,
                                 acceptance_due_at, due_at, intake_key, deadlines_provisional,
                                 forwarded_from_tenant_id, forwarded_from_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10::timestamptz, now()), $11, $12,
               $13, $14, $15, $16, $16, $17, $18, $19, $20)
       RETURNING id, submitted_at AS "submittedAt"`,
      [
        hall.tenantId,
        receiptNumber,
        input.windowId,
        item.code,
        item.name,
        applicant.name,
        applicant.idNumber,
        applicant.phone,
        ApplicationStatus.SUBMITTED,
        at,
        input.submittedBy,
        item.versionId,
        daysOf(item.statutoryLimit),
        daysOf(item.promisedLimit),
        item.handling,
        input.acceptanceDueAt ?? null,
        input.intakeKey ?? null,
        input.provisional ?? false,
        forwardedFrom?.tenantId ?? null,
        forwardedFrom?.id ?? null,
      ],
    );
    await manager.query(
      `INSERT INTO application_events (tenant_id, application_id, from_status, to_status, actor_id,
                                       occurred_at, details)
       VALUES ($1, $2, NULL, $3, $4, $5, $6)`,
      [
        hall.tenantId,
        created.id,
        ApplicationStatus.SUBMITTED,
        input.submittedBy,
        created.submittedAt,
        forwardedFrom ? JSON.stringify({ action: 'RECEIVE_FORWARDED' }) : null,
      ],
    );
    return { id: created.id, receiptNumber };
  }

  /**
   * The next receipt number of a hall for the day (Beijing time) of `at`. The counter row is
   * locked until the transaction ends, so concurrent intakes at one hall are numbered one
   * after the other and never twice.
   */
  private async takeReceiptNumber(
    manager: EntityManager,
    hall: { tenantId: string; receiptPrefix: string | null; divisionCode: string },
    at: Date | null,
  ): Promise<string> {
    const [counter] = await manager.query(
      `INSERT INTO receipt_counters AS c (tenant_id, day, last_number)
       VALUES ($1, (coalesce($2::timestamptz, now()) AT TIME ZONE 'Asia/Shanghai')::date, 1)
       ON CONFLICT (tenant_id, day) DO UPDATE SET last_number = c.last_number + 1
       RETURNING to_char(c.day, 'YYYYMMDD') AS day, c.last_number AS "lastNumber"`,
      [hall.tenantId, at],
    );
    return formatReceiptNumber(receiptPrefixOf(hall), counter.day, counter.lastNumber);
  }
}
