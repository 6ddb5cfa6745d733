import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { FactSource } from '../lifecycle/application-fact';
import type { ClockPause } from '../calendar/deadline';
import type { ClockDeadlines } from '../lifecycle/application-clock';
import type { PauseKind } from '../lifecycle/transitions';
import type { ApplicantDetails } from './applicant';
import type { ChainEnd } from './application.repository';
import { ApplicationStatus } from '../lifecycle/application-status';

/** What an act on an application reads under its row lock. */
export interface ActingRow {
  id: string;
  tenantId: string;
  windowId: string;
  status: ApplicationStatus;
  version: number;
  itemCode: string;
  itemVersionId: string | null;
  itemHandling: 'HANDLE' | 'INTAKE_ONLY' | null;
  promisedDays: number | null;
  statutoryDays: number | null;
  submittedAt: Date;
  acceptedAt: Date | null;
  extensionDays: number;
  receiptNumber: string;
  submittedBy: string;
  /** 代办, at the handler: the origin's row, which follows this one's progress. */
  forwardedFromTenantId: string | null;
  forwardedFromId: string | null;
}

export interface PauseRecord {
  id: string;
  kind: PauseKind;
  reason: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export interface ExtensionRecord {
  id: string;
  applicationId: string;
  tenantId: string;
  workingDays: number;
  reason: string;
  status: 'PENDING' | 'APPROVED' | 'REFUSED';
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export interface EventRecord {
  id: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  actorId: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  occurredAt: Date;
}

const ACTING_COLUMNS = `a.id, a.tenant_id AS "tenantId", a.window_id AS "windowId", a.status,
  a.version, a.item_code AS "itemCode", a.item_version_id AS "itemVersionId",
  a.item_handling AS "itemHandling", a.item_promised_days AS "promisedDays",
  a.item_statutory_days AS "statutoryDays", a.submitted_at AS "submittedAt",
  a.accepted_at AS "acceptedAt", a.extension_days AS "extensionDays",
  a.receipt_number AS "receiptNumber", a.submitted_by AS "submittedBy",
  a.forwarded_from_tenant_id AS "forwardedFromTenantId",
  a.forwarded_from_id AS "forwardedFromId"`;

const EXTENSION_COLUMNS = `e.id, e.application_id AS "applicationId", e.tenant_id AS "tenantId",
  e.working_days AS "workingDays", e.reason, e.status, e.requested_by AS "requestedBy",
  e.requested_at AS "requestedAt", e.decided_by AS "decidedBy", e.decided_at AS "decidedAt",
  e.decision_note AS "decisionNote"`;

/**
 * The lifecycle's writes (DESIGN.md §4.3): an act locks the application's row, checks the
 * version the actor saw, moves it and records the event, in the caller's transaction. Locks
 * are taken in one order: the application, then its pause or extension rows.
 */
@Injectable()
export class LifecycleRepository {
  /** The application, locked until the transaction ends; undefined when out of sight. */
  async lock(manager: EntityManager, id: string): Promise<ActingRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${ACTING_COLUMNS} FROM applications a WHERE a.id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /** Applications in sight after a (tenant, id) position, in that order: a batch of a pass. */
  async idsAfter(
    manager: EntityManager,
    after: { tenantId: string; id: string } | null,
    limit: number,
  ): Promise<{ tenantId: string; id: string }[]> {
    return manager.query(
      `SELECT a.tenant_id AS "tenantId", a.id FROM applications a
        WHERE ($1::uuid IS NULL OR (a.tenant_id, a.id) > ($1::uuid, $2::uuid))
        ORDER BY a.tenant_id, a.id LIMIT $3`,
      [after?.tenantId ?? null, after?.id ?? null, limit],
    );
  }

  /**
   * These applications of a tenant, locked in id order; those another transaction holds are
   * skipped (it is changing them, and records them itself).
   */
  async lockEachFree(
    manager: EntityManager,
    tenantId: string,
    ids: readonly string[],
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT a.id FROM applications a WHERE a.tenant_id = $1 AND a.id = ANY($2::uuid[])
        ORDER BY a.id FOR UPDATE SKIP LOCKED`,
      [tenantId, ids],
    );
    return rows.map((row) => row.id);
  }

  /** Open applications in sight (only those counted provisionally), locked in id order. */
  async lockOpen(manager: EntityManager, provisionalOnly: boolean): Promise<ActingRow[]> {
    return manager.query(
      `SELECT ${ACTING_COLUMNS} FROM applications a
        WHERE (a.deadlines_provisional OR NOT $1)
          AND a.status NOT IN ('REJECTED','COMPLETED','WITHDRAWN')
        ORDER BY a.id FOR UPDATE`,
      [provisionalOnly],
    );
  }

  /** New deadlines for the same facts (a calendar year entered); the version stays. */
  async recount(
    manager: EntityManager,
    row: ActingRow,
    deadlines: ClockDeadlines,
    dueAt: Date | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE applications
          SET acceptance_due_at = $3, promised_deadline = $4, statutory_deadline = $5,
              due_at = $6, deadlines_provisional = $7
        WHERE tenant_id = $1 AND id = $2`,
      [
        row.tenantId,
        row.id,
        deadlines.acceptanceDueAt,
        deadlines.promisedDeadline,
        deadlines.statutoryDeadline,
        dueAt,
        deadlines.provisional,
      ],
    );
  }

  /**
   * Writes the application's new state. The row is locked and its version checked by the
   * caller; the version grows by one.
   */
  async update(
    manager: EntityManager,
    row: ActingRow,
    change: {
      status: ApplicationStatus;
      acceptedAt: Date | null;
      extensionDays: number;
      deadlines: ClockDeadlines;
      dueAt: Date | null;
      decidedAt?: Date;
      completedAt?: Date;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE applications
          SET status = $3, accepted_at = $4, extension_days = $5, acceptance_due_at = $6,
              promised_deadline = $7, statutory_deadline = $8, due_at = $9,
              deadlines_provisional = $12,
              decided_at = coalesce($10, decided_at), completed_at = coalesce($11, completed_at),
              version = version + 1
        WHERE tenant_id = $1 AND id = $2`,
      [
        row.tenantId,
        row.id,
        change.status,
        change.acceptedAt,
        change.extensionDays,
        change.deadlines.acceptanceDueAt,
        change.deadlines.promisedDeadline,
        change.deadlines.statutoryDeadline,
        change.dueAt,
        change.decidedAt ?? null,
        change.completedAt ?? null,
        change.deadlines.provisional,
      ],
    );
  }

  /** The applicant as taken in (for the handler a station forwards to). */
  async applicantOf(manager: EntityManager, row: ActingRow): Promise<ApplicantDetails> {
    const [found] = await manager.query(
      `SELECT applicant_name AS name, applicant_id_number AS "idNumber", applicant_phone AS phone
         FROM applications WHERE tenant_id = $1 AND id = $2`,
      [row.tenantId, row.id],
    );
    return found;
  }

  /** 代办: the origin's row (just moved to FORWARDED) names the handler's row. */
  async linkForwarded(manager: EntityManager, row: ActingRow, to: ChainEnd): Promise<void> {
    await manager.query(
      `UPDATE applications
          SET forwarded_to_tenant_id = $3, forwarded_to_id = $4, chain_status = 'SUBMITTED'
        WHERE tenant_id = $1 AND id = $2`,
      [row.tenantId, row.id, to.tenantId, to.id],
    );
  }

  /**
   * 代办: the origin's row follows the handler's, locked after it (locks go handler, then
   * origin): the handler's status always; its own `status` when given (then nothing is due
   * at the origin until it acts). The version grows, so the station's next act reads it first.
   * Returns the origin's status before, undefined when it is gone.
   */
  async followHandler(
    manager: EntityManager,
    origin: ChainEnd,
    change: { chainStatus: ApplicationStatus; status: ApplicationStatus | null },
  ): Promise<ApplicationStatus | undefined> {
    const [row] = await manager.query(
      `SELECT status FROM applications WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [origin.tenantId, origin.id],
    );
    if (!row) return undefined;
    await manager.query(
      `UPDATE applications
          SET chain_status = $3, status = coalesce($4, status), version = version + 1,
              due_at = CASE WHEN $4::text IS NULL THEN due_at END
        WHERE tenant_id = $1 AND id = $2`,
      [origin.tenantId, origin.id, change.chainStatus, change.status],
    );
    return row.status;
  }

  /**
   * What the insights' facts of one application are computed from, in one read: the row, when
   * it was rejected, its pauses, its completion ratings (the applicant's and the default one)
   * and the first card of each colour.
   */
  async factSource(
    manager: EntityManager,
    tenantId: string,
    id: string,
  ): Promise<FactSource | undefined> {
    const [row] = await manager.query(
      `SELECT a.tenant_id AS "tenantId", a.id, a.receipt_number AS "receiptNumber",
              a.item_code AS "itemCode", a.item_name AS "itemName", a.status,
              a.window_id AS "windowId",
              (SELECT e.actor_id FROM application_events e
                WHERE e.tenant_id = a.tenant_id AND e.application_id = a.id
                  AND e.to_status = 'COMPLETED'
                ORDER BY e.occurred_at DESC LIMIT 1) AS "completedBy",
              a.submitted_at AS "submittedAt", a.accepted_at AS "acceptedAt",
              a.completed_at AS "completedAt", a.item_statutory_days AS "statutoryDays",
              a.item_promised_days AS "promisedDays", a.promised_deadline AS "promisedDeadline",
              a.forwarded_to_id IS NOT NULL AS "forwardedOut",
              a.forwarded_from_id IS NOT NULL AS "forwardedIn",
              (SELECT max(e.occurred_at) FROM application_events e
                WHERE e.tenant_id = a.tenant_id AND e.application_id = a.id
                  AND e.to_status = 'REJECTED') AS "rejectedAt",
              (SELECT coalesce(json_agg(json_build_object('startedAt', p.started_at,
                                                          'endedAt', p.ended_at)), '[]')
                 FROM application_pauses p
                WHERE p.tenant_id = a.tenant_id AND p.application_id = a.id) AS pauses,
              (SELECT json_build_object('rating', v.rating, 'at', v.rated_at) FROM evaluations v
                WHERE v.tenant_id = a.tenant_id AND v.application_id = a.id
                  AND v.stage = 'COMPLETION' AND v.channel <> 'DEFAULT') AS rating,
              (SELECT json_build_object('rating', v.rating, 'at', v.rated_at) FROM evaluations v
                WHERE v.tenant_id = a.tenant_id AND v.application_id = a.id
                  AND v.stage = 'COMPLETION' AND v.channel = 'DEFAULT') AS "defaultRating",
              (SELECT min(w.raised_at) FROM application_warnings w
                WHERE w.tenant_id = a.tenant_id AND w.application_id = a.id
                  AND w.level = 'YELLOW') AS "yellowAt",
              (SELECT min(w.raised_at) FROM application_warnings w
                WHERE w.tenant_id = a.tenant_id AND w.application_id = a.id
                  AND w.level = 'RED') AS "redAt"
         FROM applications a WHERE a.tenant_id = $1 AND a.id = $2`,
      [tenantId, id],
    );
    if (!row) return undefined;
    const at = (value: string | null) => (value === null ? null : new Date(value));
    const rated = (value: { rating: number; at: string } | null) =>
      value && { rating: value.rating, at: new Date(value.at) };
    return {
      ...row,
      pauses: (row.pauses as { startedAt: string; endedAt: string | null }[]).map((p) => ({
        startedAt: new Date(p.startedAt),
        endedAt: at(p.endedAt),
      })),
      rating: rated(row.rating),
      defaultRating: rated(row.defaultRating),
    };
  }

  async recordEvent(
    manager: EntityManager,
    event: {
      tenantId: string;
      applicationId: string;
      from: ApplicationStatus | null;
      to: ApplicationStatus;
      actorId: string;
      reason: string | null;
      details: Record<string, unknown> | null;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO application_events (tenant_id, application_id, from_status, to_status,
                                       actor_id, reason, details, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        event.tenantId,
        event.applicationId,
        event.from,
        event.to,
        event.actorId,
        event.reason,
        event.details === null ? null : JSON.stringify(event.details),
        event.at,
      ],
    );
  }

  /** Every pause of the application, oldest first. */
  pauses(manager: EntityManager, tenantId: string, applicationId: string): Promise<PauseRecord[]> {
    return manager.query(
      `SELECT id, kind, reason, started_at AS "startedAt", ended_at AS "endedAt"
         FROM application_pauses WHERE tenant_id = $1 AND application_id = $2
        ORDER BY started_at, id`,
      [tenantId, applicationId],
    );
  }

  async startPause(
    manager: EntityManager,
    row: ActingRow,
    pause: { kind: PauseKind; reason: string | null; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO application_pauses (tenant_id, application_id, kind, reason, started_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.tenantId, row.id, pause.kind, pause.reason, pause.at],
    );
  }

  async endPause(manager: EntityManager, row: ActingRow, at: Date): Promise<void> {
    await manager.query(
      `UPDATE application_pauses SET ended_at = $3
        WHERE tenant_id = $1 AND application_id = $2 AND ended_at IS NULL`,
      [row.tenantId, row.id, at],
    );
  }

  /** The events of one application, oldest first (its timeline). */
  events(manager: EntityManager, tenantId: string, applicationId: string): Promise<EventRecord[]> {
    return manager.query(
      `SELECT id, from_status AS "fromStatus", to_status AS "toStatus", actor_id AS "actorId",
              reason, details, occurred_at AS "occurredAt"
         FROM application_events WHERE tenant_id = $1 AND application_id = $2
        ORDER BY occurred_at, id`,
      [tenantId, applicationId],
    );
  }

  extensions(
    manager: EntityManager,
    tenantId: string,
    applicationId: string,
  ): Promise<ExtensionRecord[]> {
    return manager.query(
      `SELECT ${EXTENSION_COLUMNS} FROM application_extensions e
        WHERE e.tenant_id = $1 AND e.application_id = $2 ORDER BY e.requested_at, e.id`,
      [tenantId, applicationId],
    );
  }

  /** An extension request by id, locked (after its application: the caller locks that first). */
  async extension(manager: EntityManager, id: string): Promise<ExtensionRecord | undefined> {
    const [found] = await manager.query(
      `SELECT ${EXTENSION_COLUMNS} FROM application_extensions e WHERE e.id = $1`,
      [id],
    );
    return found;
  }

  async lockExtension(
    manager: EntityManager,
    tenantId: string,
    id: string,
  ): Promise<ExtensionRecord | undefined> {
    const [found] = await manager.query(
      `SELECT ${EXTENSION_COLUMNS} FROM application_extensions e
        WHERE e.tenant_id = $1 AND e.id = $2 FOR UPDATE`,
      [tenantId, id],
    );
    return found;
  }

  async hasPendingExtension(manager: EntityManager, row: ActingRow): Promise<boolean> {
    const [found] = await manager.query(
      `SELECT 1 FROM application_extensions
        WHERE tenant_id = $1 AND application_id = $2 AND status = 'PENDING'`,
      [row.tenantId, row.id],
    );
    return Boolean(found);
  }

  async requestExtension(
    manager: EntityManager,
    row: ActingRow,
    request: { workingDays: number; reason: string; requestedBy: string; at: Date },
  ): Promise<string> {
    const [created] = await manager.query(
      `INSERT INTO application_extensions (tenant_id, application_id, working_days, reason,
                                           requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [row.tenantId, row.id, request.workingDays, request.reason, request.requestedBy, request.at],
    );
    return created.id;
  }

  async decideExtension(
    manager: EntityManager,
    extension: ExtensionRecord,
    decision: { approved: boolean; decidedBy: string; note: string | null; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE application_extensions
          SET status = $3, decided_by = $4, decision_note = $5, decided_at = $6
        WHERE tenant_id = $1 AND id = $2`,
      [
        extension.tenantId,
        extension.id,
        decision.approved ? 'APPROVED' : 'REFUSED',
        decision.decidedBy,
        decision.note,
        decision.at,
      ],
    );
  }
}

/** Pauses as the clock counts them. */
export const clockPauses = (pauses: readonly PauseRecord[]): ClockPause[] =>
  pauses.map((pause) => ({ from: pause.startedAt, to: pause.endedAt }));
