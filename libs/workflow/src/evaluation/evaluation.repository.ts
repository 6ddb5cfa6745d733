import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EvaluationChannel, EvaluationStage, Rating } from './rating';
import type { AppealDecision, RectificationStatus } from './rectification';

/** A window's evaluation device as stored (the token only as its hash). */
export interface DeviceRow {
  id: string;
  tenantId: string;
  windowId: string;
  label: string;
  tokenHash: Buffer;
  registeredBy: string;
  registeredAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
}

export interface EvaluationRow {
  id: string;
  tenantId: string;
  applicationId: string;
  windowId: string;
  stage: EvaluationStage;
  rating: Rating;
  channel: EvaluationChannel;
  ratedAt: Date;
}

export interface LinkRow {
  id: string;
  tenantId: string;
  applicationId: string;
  stage: EvaluationStage;
  tokenHash: Buffer;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface RectificationRow {
  id: string;
  tenantId: string;
  evaluationId: string;
  applicationId: string;
  receiptNumber: string;
  itemName: string;
  windowId: string;
  staffId: string | null;
  rating: Rating;
  channel: EvaluationChannel;
  ratedAt: Date;
  openedAt: Date;
  dueAt: Date;
  status: RectificationStatus;
  outcome: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  version: number;
  /** opened_at in microseconds since the epoch, exact, for the page cursor. */
  cursorMicros: string;
}

export interface CallbackRow {
  id: string;
  caseId: string;
  callerName: string;
  calledAt: Date;
  agreed: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface AppealRow {
  id: string;
  caseId: string;
  appellantId: string;
  reason: string;
  filedAt: Date;
  status: 'PENDING' | AppealDecision;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

/** An application as evaluation needs it. */
export interface RatedApplication {
  id: string;
  tenantId: string;
  windowId: string;
  status: string;
  acceptedAt: Date | null;
  completedAt: Date | null;
  /** 即办件 (nothing to rate at acceptance apart from completion). */
  onTheSpot: boolean;
  receiptNumber: string;
  itemName: string;
}

/** Conditions over the alias `r`, parameters numbered from 1 (filters and role rules). */
export interface RectificationConditions {
  conditions: string[];
  params: unknown[];
}

const DEVICE = `d.id, d.tenant_id AS "tenantId", d.window_id AS "windowId", d.label,
  d.token_hash AS "tokenHash", d.registered_by AS "registeredBy",
  d.registered_at AS "registeredAt", d.revoked_at AS "revokedAt", d.last_seen_at AS "lastSeenAt"`;

const APPLICATION = `a.id, a.tenant_id AS "tenantId", a.window_id AS "windowId", a.status,
  a.accepted_at AS "acceptedAt", a.completed_at AS "completedAt",
  (a.item_version_id IS NOT NULL AND a.item_promised_days IS NULL) AS "onTheSpot",
  a.receipt_number AS "receiptNumber", a.item_name AS "itemName"`;

const SELECT_CASES = `
  SELECT r.id, r.tenant_id AS "tenantId", r.evaluation_id AS "evaluationId",
         r.application_id AS "applicationId", a.receipt_number AS "receiptNumber",
         a.item_name AS "itemName", r.window_id AS "windowId", r.staff_id AS "staffId",
         e.rating, e.channel, e.rated_at AS "ratedAt",
         r.opened_at AS "openedAt", r.due_at AS "dueAt", r.status, r.outcome,
         r.closed_by AS "closedBy", r.closed_at AS "closedAt", r.version,
         (extract(epoch FROM r.opened_at) * 1000000)::bigint::text AS "cursorMicros"
    FROM rectification_cases r
    JOIN evaluations e ON e.tenant_id = r.tenant_id AND e.id = r.evaluation_id
    JOIN applications a ON a.tenant_id = r.tenant_id AND a.id = r.application_id`;

/**
 * Evaluation devices, ratings, links and rectification cases (tenant-owned, under row-level
 * security; none deleted by the application, ratings and callbacks never changed).
 */
@Injectable()
export class EvaluationRepository {
  // ── devices ──

  async insertDevice(
    manager: EntityManager,
    device: {
      id: string;
      tenantId: string;
      windowId: string;
      label: string;
      tokenHash: Buffer;
      registeredBy: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO evaluation_devices (id, tenant_id, window_id, label, token_hash, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        device.id,
        device.tenantId,
        device.windowId,
        device.label,
        device.tokenHash,
        device.registeredBy,
      ],
    );
  }

  async device(manager: EntityManager, id: string, lock = false): Promise<DeviceRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${DEVICE} FROM evaluation_devices d WHERE d.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  devicesOf(manager: EntityManager, windowIds: readonly string[]): Promise<DeviceRow[]> {
    return manager.query(
      `SELECT ${DEVICE} FROM evaluation_devices d WHERE d.window_id = ANY($1::uuid[])
        ORDER BY d.revoked_at IS NOT NULL, d.registered_at DESC, d.id`,
      [windowIds],
    );
  }

  async revokeDevice(manager: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE evaluation_devices SET revoked_at = $3, revoked_by = $2
        WHERE id = $1 AND revoked_at IS NULL`,
      [id, by, at],
    );
  }

  async deviceSeen(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE evaluation_devices SET last_seen_at = $2 WHERE id = $1`, [id, at]);
  }

  // ── applications as rated ──

  async application(manager: EntityManager, id: string): Promise<RatedApplication | undefined> {
    const [row] = await manager.query(
      `SELECT ${APPLICATION} FROM applications a WHERE a.id = $1 FOR SHARE`,
      [id],
    );
    return row;
  }

  /** The application completed last at a window since `since`: the one a device rates. */
  async lastCompletedAt(
    manager: EntityManager,
    windowId: string,
    since: Date,
  ): Promise<RatedApplication | undefined> {
    const [row] = await manager.query(
      `SELECT ${APPLICATION} FROM applications a
        WHERE a.window_id = $1 AND a.status = 'COMPLETED' AND a.completed_at >= $2
        ORDER BY a.completed_at DESC, a.id DESC LIMIT 1`,
      [windowId, since],
    );
    return row;
  }

  async itemNameOf(manager: EntityManager, applicationId: string): Promise<string> {
    const [row] = await manager.query(
      `SELECT item_name AS "itemName" FROM applications WHERE id = $1`,
      [applicationId],
    );
    return row.itemName;
  }

  /** Who completed the application (the staff member a bad review concerns), if recorded. */
  async completedBy(manager: EntityManager, applicationId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT actor_id AS "actorId" FROM application_events
        WHERE application_id = $1 AND to_status = 'COMPLETED'
        ORDER BY occurred_at DESC LIMIT 1`,
      [applicationId],
    );
    return row?.actorId ?? null;
  }

  // ── ratings ──

  /**
   * Records an active rating; undefined when the application already has one at that stage
   * (the unique index decides, also between two arriving at once).
   */
  async insertEvaluation(
    manager: EntityManager,
    rating: {
      tenantId: string;
      applicationId: string;
      windowId: string;
      stage: EvaluationStage;
      rating: Rating;
      channel: EvaluationChannel;
      deviceId: string | null;
      linkId: string | null;
      at: Date;
    },
  ): Promise<EvaluationRow | undefined> {
    const [row] = await manager.query(
      `INSERT INTO evaluations (tenant_id, application_id, window_id, stage, rating, channel,
         device_id, link_id, rated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, application_id, stage) WHERE channel <> 'DEFAULT' DO NOTHING
       RETURNING id, tenant_id AS "tenantId", application_id AS "applicationId",
                 window_id AS "windowId", stage, rating, channel, rated_at AS "ratedAt"`,
      [
        rating.tenantId,
        rating.applicationId,
        rating.windowId,
        rating.stage,
        rating.rating,
        rating.channel,
        rating.deviceId,
        rating.linkId,
        rating.at,
      ],
    );
    return row;
  }

  /**
   * Records the default rating of the tenant's applications past their rating time at `stage`
   * (accepted or completed at or before `before`) that have none there, active or default;
   * `limit` at most. Idempotent: a row already there (also one a concurrent sweep just wrote)
   * is left alone. Acceptance is rated for promised items only (即办件 complete at once).
   */
  async recordDefaultRatings(
    manager: EntityManager,
    run: {
      tenantId: string;
      stage: EvaluationStage;
      before: Date;
      rating: Rating;
      at: Date;
      limit: number;
    },
  ): Promise<string[]> {
    const due =
      run.stage === 'COMPLETION'
        ? `a.status = 'COMPLETED' AND a.completed_at <= $3`
        : `a.accepted_at <= $3 AND a.item_promised_days IS NOT NULL`;
    const rows = await manager.query(
      `INSERT INTO evaluations (tenant_id, application_id, window_id, stage, rating, channel, rated_at)
       SELECT a.tenant_id, a.id, a.window_id, $2, $4, 'DEFAULT', $5
         FROM applications a
        WHERE a.tenant_id = $1 AND ${due}
          AND NOT EXISTS (SELECT 1 FROM evaluations e
                           WHERE e.tenant_id = a.tenant_id AND e.application_id = a.id
                             AND e.stage = $2)
        ORDER BY a.id
        LIMIT $6
       ON CONFLICT DO NOTHING
       RETURNING application_id AS "applicationId"`,
      [run.tenantId, run.stage, run.before, run.rating, run.at, run.limit],
    );
    return rows.map((row: { applicationId: string }) => row.applicationId);
  }

  async hasActiveRating(
    manager: EntityManager,
    applicationId: string,
    stage: EvaluationStage,
  ): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT 1 FROM evaluations WHERE application_id = $1 AND stage = $2 AND channel <> 'DEFAULT'`,
      [applicationId, stage],
    );
    return row !== undefined;
  }

  ratingsOf(manager: EntityManager, applicationId: string): Promise<EvaluationRow[]> {
    return manager.query(
      `SELECT id, tenant_id AS "tenantId", application_id AS "applicationId",
              window_id AS "windowId", stage, rating, channel, rated_at AS "ratedAt"
         FROM evaluations WHERE application_id = $1 ORDER BY rated_at, id`,
      [applicationId],
    );
  }

  // ── links ──

  async insertLink(
    manager: EntityManager,
    link: {
      id: string;
      tenantId: string;
      applicationId: string;
      stage: EvaluationStage;
      tokenHash: Buffer;
      issuedBy: string;
      issuedAt: Date;
      expiresAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO evaluation_links (id, tenant_id, application_id, stage, token_hash, issued_by,
         issued_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        link.id,
        link.tenantId,
        link.applicationId,
        link.stage,
        link.tokenHash,
        link.issuedBy,
        link.issuedAt,
        link.expiresAt,
      ],
    );
  }

  /** The link, locked until the transaction ends (two uses at once: the second waits). */
  async lockLink(manager: EntityManager, id: string): Promise<LinkRow | undefined> {
    const [row] = await manager.query(
      `SELECT id, tenant_id AS "tenantId", application_id AS "applicationId", stage,
              token_hash AS "tokenHash", expires_at AS "expiresAt", used_at AS "usedAt"
         FROM evaluation_links WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async useLink(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE evaluation_links SET used_at = $2 WHERE id = $1`, [id, at]);
  }

  // ── rectification ──

  async openCase(
    manager: EntityManager,
    opened: {
      tenantId: string;
      evaluationId: string;
      applicationId: string;
      windowId: string;
      staffId: string | null;
      openedAt: Date;
      dueAt: Date;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO rectification_cases (tenant_id, evaluation_id, application_id, window_id,
         staff_id, opened_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        opened.tenantId,
        opened.evaluationId,
        opened.applicationId,
        opened.windowId,
        opened.staffId,
        opened.openedAt,
        opened.dueAt,
      ],
    );
    return row.id;
  }

  async findCase(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<RectificationRow | undefined> {
    const [row] = await manager.query(
      `${SELECT_CASES} WHERE r.id = $1 ${lock ? 'FOR NO KEY UPDATE OF r' : ''}`,
      [id],
    );
    return row;
  }

  async caseOfEvaluation(manager: EntityManager, evaluationId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM rectification_cases WHERE evaluation_id = $1`,
      [evaluationId],
    );
    return row?.id ?? null;
  }

  /** Newest first, `limit` rows at most, after the cursor (opened at, id) if given. */
  listCases(
    manager: EntityManager,
    query: RectificationConditions & {
      after: { micros: string; id: string } | null;
      limit: number;
    },
  ): Promise<RectificationRow[]> {
    const params = [...query.params];
    const where = [...query.conditions];
    if (query.after) {
      params.push(query.after.micros, query.after.id);
      where.push(
        `(r.opened_at, r.id) < ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
      );
    }
    params.push(query.limit);
    return manager.query(
      `${SELECT_CASES} WHERE ${where.join(' AND ') || 'TRUE'}
        ORDER BY r.opened_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async setCaseStatus(
    manager: EntityManager,
    id: string,
    change: {
      status: RectificationStatus;
      outcome?: string | null;
      closedBy?: string | null;
      closedAt?: Date | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE rectification_cases
          SET status = $2, outcome = $3, closed_by = $4, closed_at = $5, version = version + 1
        WHERE id = $1`,
      [id, change.status, change.outcome ?? null, change.closedBy ?? null, change.closedAt ?? null],
    );
  }

  async insertCallback(
    manager: EntityManager,
    callback: {
      tenantId: string;
      caseId: string;
      callerName: string;
      calledAt: Date;
      agreed: string;
      recordedBy: string;
      recordedAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO rectification_callbacks (tenant_id, case_id, caller_name, called_at, agreed,
         recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        callback.tenantId,
        callback.caseId,
        callback.callerName,
        callback.calledAt,
        callback.agreed,
        callback.recordedBy,
        callback.recordedAt,
      ],
    );
    await manager.query(`UPDATE rectification_cases SET version = version + 1 WHERE id = $1`, [
      callback.caseId,
    ]);
  }

  callbacksOf(manager: EntityManager, caseId: string): Promise<CallbackRow[]> {
    return manager.query(
      `SELECT id, case_id AS "caseId", caller_name AS "callerName", called_at AS "calledAt",
              agreed, recorded_by AS "recordedBy", recorded_at AS "recordedAt"
         FROM rectification_callbacks WHERE case_id = $1 ORDER BY called_at, id`,
      [caseId],
    );
  }

  async insertAppeal(
    manager: EntityManager,
    appeal: { tenantId: string; caseId: string; appellantId: string; reason: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO rectification_appeals (tenant_id, case_id, appellant_id, reason, filed_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [appeal.tenantId, appeal.caseId, appeal.appellantId, appeal.reason, appeal.at],
    );
  }

  async decideAppeal(
    manager: EntityManager,
    caseId: string,
    decision: { status: AppealDecision; by: string; at: Date; note: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE rectification_appeals
          SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5
        WHERE case_id = $1 AND status = 'PENDING'`,
      [caseId, decision.status, decision.by, decision.at, decision.note],
    );
  }

  appealsOf(manager: EntityManager, caseId: string): Promise<AppealRow[]> {
    return manager.query(
      `SELECT id, case_id AS "caseId", appellant_id AS "appellantId", reason,
              filed_at AS "filedAt", status, decided_by AS "decidedBy",
              decided_at AS "decidedAt", decision_note AS "decisionNote"
         FROM rectification_appeals WHERE case_id = $1 ORDER BY filed_at, id`,
      [caseId],
    );
  }
}
