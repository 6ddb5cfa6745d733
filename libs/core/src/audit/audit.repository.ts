import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type AuditAction =
  | 'TENANT_ONBOARDED'
  | 'TENANT_ACTIVATED'
  | 'TENANT_SUSPENDED'
  | 'TENANT_REACTIVATED'
  | 'WINDOW_CREATED'
  | 'STAFF_INVITED'
  | 'STAFF_SETUP_COMPLETED'
  | 'STAFF_ROLES_CHANGED'
  | 'STAFF_DISABLED'
  | 'STAFF_ENABLED'
  | 'STAFF_ASSIGNED_TO_WINDOW'
  | 'STAFF_UNASSIGNED_FROM_WINDOW';

export interface AuditEvent {
  tenantId: string;
  actorId: string | null;
  action: AuditAction;
  subjectId?: string;
  details?: object;
}

/** The audit trail: who did what to which tenant, written in the transaction of the change. */
@Injectable()
export class AuditRepository {
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
