import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type {
  ComplaintChannel,
  ComplaintOutcome,
  ComplaintStatus,
  ComplaintSubjectKind,
} from './complaint';

export interface ComplaintRow {
  id: string;
  tenantId: string;
  subjectKind: ComplaintSubjectKind;
  windowId: string | null;
  staffId: string | null;
  applicationId: string | null;
  receiptNumber: string | null;
  itemName: string | null;
  channel: ComplaintChannel;
  complainantName: string;
  complainantPhone: string | null;
  content: string;
  receivedAt: Date;
  dueAt: Date;
  loggedBy: string;
  status: ComplaintStatus;
  assigneeId: string | null;
  outcome: ComplaintOutcome | null;
  resolution: string | null;
  finishedBy: string | null;
  finishedAt: Date | null;
  version: number;
  /** received_at in microseconds since the epoch, exact, for the page cursor. */
  cursorMicros: string;
}

export type ComplaintEventAction = 'LOGGED' | 'ASSIGNED' | 'NOTE' | 'RESOLVED' | 'CLOSED';

export interface ComplaintEventRow {
  id: string;
  action: ComplaintEventAction;
  actorId: string;
  occurredAt: Date;
  note: string | null;
}

/** An application as a complaint about it needs it: its hall, window and last handler. */
export interface ComplainedApplication {
  id: string;
  tenantId: string;
  windowId: string;
  handlerId: string | null;
}

/** Conditions over the alias `c`, parameters numbered from 1 (filters and role rules). */
export interface ComplaintConditions {
  conditions: string[];
  params: unknown[];
}

const SELECT_COMPLAINTS = `
  SELECT c.id, c.tenant_id AS "tenantId", c.subject_kind AS "subjectKind",
         c.window_id AS "windowId", c.staff_id AS "staffId", c.application_id AS "applicationId",
         a.receipt_number AS "receiptNumber", a.item_name AS "itemName", c.channel,
         c.complainant_name AS "complainantName", c.complainant_phone AS "complainantPhone",
         c.content, c.received_at AS "receivedAt", c.due_at AS "dueAt", c.logged_by AS "loggedBy",
         c.status, c.assignee_id AS "assigneeId", c.outcome, c.resolution,
         c.finished_by AS "finishedBy", c.finished_at AS "finishedAt", c.version,
         (extract(epoch FROM c.received_at) * 1000000)::bigint::text AS "cursorMicros"
    FROM complaints c
    LEFT JOIN applications a ON a.tenant_id = c.tenant_id AND a.id = c.application_id`;

/** Complaints and their handling steps (tenant-owned, under row-level security; none deleted). */
@Injectable()
export class ComplaintRepository {
  /** The application complained about, and who acted on it last (its handler). */
  async application(
    manager: EntityManager,
    id: string,
  ): Promise<ComplainedApplication | undefined> {
    const [row] = await manager.query(
      `SELECT a.id, a.tenant_id AS "tenantId", a.window_id AS "windowId",
              (SELECT e.actor_id FROM application_events e
                WHERE e.tenant_id = a.tenant_id AND e.application_id = a.id
                ORDER BY e.occurred_at DESC LIMIT 1) AS "handlerId"
         FROM applications a WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  async insert(
    manager: EntityManager,
    complaint: {
      tenantId: string;
      subjectKind: ComplaintSubjectKind;
      windowId: string | null;
      staffId: string | null;
      applicationId: string | null;
      channel: ComplaintChannel;
      complainantName: string;
      complainantPhone: string | null;
      content: string;
      receivedAt: Date;
      dueAt: Date;
      loggedBy: string;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO complaints (tenant_id, subject_kind, window_id, staff_id, application_id,
         channel, complainant_name, complainant_phone, content, received_at, due_at, logged_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        complaint.tenantId,
        complaint.subjectKind,
        complaint.windowId,
        complaint.staffId,
        complaint.applicationId,
        complaint.channel,
        complaint.complainantName,
        complaint.complainantPhone,
        complaint.content,
        complaint.receivedAt,
        complaint.dueAt,
        complaint.loggedBy,
      ],
    );
    return row.id;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ComplaintRow | undefined> {
    const [row] = await manager.query(
      `${SELECT_COMPLAINTS} WHERE c.id = $1 ${lock ? 'FOR NO KEY UPDATE OF c' : ''}`,
      [id],
    );
    return row;
  }

  /** Newest first, `limit` rows at most, after the cursor (received at, id) if given. */
  list(
    manager: EntityManager,
    query: ComplaintConditions & { after: { micros: string; id: string } | null; limit: number },
  ): Promise<ComplaintRow[]> {
    const params = [...query.params];
    const where = [...query.conditions];
    if (query.after) {
      params.push(query.after.micros, query.after.id);
      where.push(
        `(c.received_at, c.id) < ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
      );
    }
    params.push(query.limit);
    return manager.query(
      `${SELECT_COMPLAINTS} WHERE ${where.join(' AND ') || 'TRUE'}
        ORDER BY c.received_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * Moves the complaint on, only from the version read (a second act on the same version
   * changes nothing and returns false: the caller answers CONFLICT).
   */
  async change(
    manager: EntityManager,
    id: string,
    version: number,
    change: {
      status: ComplaintStatus;
      assigneeId?: string | null;
      outcome?: ComplaintOutcome | null;
      resolution?: string | null;
      finishedBy?: string | null;
      finishedAt?: Date | null;
    },
  ): Promise<boolean> {
    const [, updated]: [unknown, number] = await manager.query(
      `UPDATE complaints
          SET status = $3,
              assignee_id = CASE WHEN $4::boolean THEN $5::uuid ELSE assignee_id END,
              outcome = $6, resolution = $7, finished_by = $8, finished_at = $9,
              version = version + 1
        WHERE id = $1 AND version = $2`,
      [
        id,
        version,
        change.status,
        change.assigneeId !== undefined,
        change.assigneeId ?? null,
        change.outcome ?? null,
        change.resolution ?? null,
        change.finishedBy ?? null,
        change.finishedAt ?? null,
      ],
    );
    return updated === 1;
  }

  async touch(manager: EntityManager, id: string, version: number): Promise<boolean> {
    const [, updated]: [unknown, number] = await manager.query(
      `UPDATE complaints SET version = version + 1 WHERE id = $1 AND version = $2`,
      [id, version],
    );
    return updated === 1;
  }

  async insertEvent(
    manager: EntityManager,
    event: {
      tenantId: string;
      complaintId: string;
      action: ComplaintEventAction;
      actorId: string;
      at: Date;
      note: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO complaint_events (tenant_id, complaint_id, action, actor_id, occurred_at, note)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.tenantId, event.complaintId, event.action, event.actorId, event.at, event.note],
    );
  }

  eventsOf(manager: EntityManager, complaintId: string): Promise<ComplaintEventRow[]> {
    return manager.query(
      `SELECT id, action, actor_id AS "actorId", occurred_at AS "occurredAt", note
         FROM complaint_events WHERE complaint_id = $1 ORDER BY seq`,
      [complaintId],
    );
  }
}
