import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type AuditAction =
  | 'TENANT_ONBOARDED'
  | 'TENANT_ACTIVATED'
  | 'TENANT_SUSPENDED'
  | 'TENANT_REACTIVATED'
  | 'WINDOW_CREATED'
  | 'WINDOW_RENAMED'
  | 'WINDOW_CAMERA_SET'
  | 'WINDOW_DISABLED'
  | 'WINDOW_ENABLED'
  | 'WINDOW_DELETED'
  | 'STAFF_SETUP_LINK_ISSUED'
  | 'STAFF_PASSWORD_RESET_ISSUED'
  | 'STAFF_PASSWORD_RESET'
  | 'STAFF_UNLOCKED'
  | 'STAFF_INVITED'
  | 'STAFF_SETUP_COMPLETED'
  | 'STAFF_ROLES_CHANGED'
  | 'STAFF_DISABLED'
  | 'STAFF_ENABLED'
  | 'STAFF_ASSIGNED_TO_WINDOW'
  | 'STAFF_UNASSIGNED_FROM_WINDOW'
  | 'CATALOGUE_IMPORT_STARTED'
  | 'CATALOGUE_IMPORT_FAILED'
  | 'CATALOGUE_VERSION_IMPORTED'
  | 'CATALOGUE_VERSION_PUBLISHED'
  | 'CATALOGUE_VERSION_RETIRED'
  | 'CATALOGUE_DRAFT_DELETED'
  | 'CATALOGUE_ADOPTED'
  | 'CATALOGUE_MAPPINGS_SET'
  | 'CATALOGUE_ROLLOUT_STARTED'
  | 'CATALOGUE_ROLLOUT_PAUSED'
  | 'CATALOGUE_ROLLOUT_RESUMED'
  | 'CATALOGUE_ROLLOUT_CANCELLED'
  | 'CATALOGUE_ROLLOUT_RETRIED'
  | 'CATALOGUE_ROLLOUT_STEP_DONE'
  | 'IMPLEMENTATION_ITEM_CHANGED'
  | 'MENU_SET'
  | 'MENU_TEMPLATE_APPLIED'
  | 'CALENDAR_YEAR_ENTERED'
  | 'BUSINESS_HOURS_SET'
  | 'EVALUATION_DEVICE_REGISTERED'
  | 'EVALUATION_DEVICE_REVOKED'
  | 'RECTIFICATION_CLOSED'
  | 'RECTIFICATION_APPEAL_DECIDED'
  | 'COMPLAINT_LOGGED'
  | 'COMPLAINT_ASSIGNED'
  | 'COMPLAINT_RESOLVED'
  | 'COMPLAINT_CLOSED'
  | 'ATTENDANCE_TERMINAL_REGISTERED'
  | 'ATTENDANCE_TERMINAL_REVOKED'
  | 'ATTENDANCE_ENTERED';

export interface AuditEvent {
  tenantId: string;
  actorId: string | null;
  action: AuditAction;
  subjectId?: string;
  details?: object;
}

export interface AuditEventRow {
  id: string;
  tenantId: string;
  actorId: string | null;
  action: AuditAction;
  subjectId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  /** created_at in microseconds since the epoch, exact, for the page cursor. */
  cursorMicros: string;
}

/** The audit trail: who did what to which tenant, written in the transaction of the change. */
@Injectable()
export class AuditRepository {
  /** The events of a tenant about one subject (e.g. a rollout), oldest first, at most `limit`. */
  forSubject(
    manager: EntityManager,
    query: { tenantId: string; subjectId: string; limit: number },
  ): Promise<AuditEventRow[]> {
    return manager.query(
      `SELECT id, tenant_id AS "tenantId", actor_id AS "actorId", action, subject_id AS "subjectId",
              details, created_at AS "createdAt",
              (extract(epoch FROM created_at) * 1000000)::bigint::text AS "cursorMicros"
         FROM audit_events
        WHERE tenant_id = $1 AND subject_id = $2
        ORDER BY created_at, id LIMIT $3`,
      [query.tenantId, query.subjectId, query.limit],
    );
  }

  /** A tenant's events, newest first, before the event `before` (a page cursor) if given. */
  list(
    manager: EntityManager,
    query: { tenantId: string; before: { micros: string; id: string } | null; limit: number },
  ): Promise<AuditEventRow[]> {
    return manager.query(
      `SELECT id, tenant_id AS "tenantId", actor_id AS "actorId", action, subject_id AS "subjectId",
              details, created_at AS "createdAt",
              (extract(epoch FROM created_at) * 1000000)::bigint::text AS "cursorMicros"
         FROM audit_events
        WHERE tenant_id = $1
          AND ($2::bigint IS NULL OR (created_at, id) <
               ('epoch'::timestamptz + $2::bigint * interval '1 microsecond', $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [query.tenantId, query.before?.micros ?? null, query.before?.id ?? null, query.limit],
    );
  }

  async record(manager: EntityManager, event: AuditEvent): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (tenant_id, actor_id, action, subject_id, details)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        event.tenantId,
        event.actorId,
        event.action,
        event.subjectId ?? null,
        JSON.stringify(event.details ?? {}),
      ],
    );
  }
}
