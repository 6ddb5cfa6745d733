import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ClockDirection } from './attendance';

/** A fingerprint terminal as stored (the token only as its hash). */
export interface TerminalRow {
  id: string;
  tenantId: string;
  label: string;
  tokenHash: Buffer;
  registeredBy: string;
  registeredAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
}

export interface ClockEventRow {
  id: string;
  userId: string;
  at: Date;
  direction: ClockDirection;
}

const TERMINAL = `t.id, t.tenant_id AS "tenantId", t.label, t.token_hash AS "tokenHash",
  t.registered_by AS "registeredBy", t.registered_at AS "registeredAt",
  t.revoked_at AS "revokedAt", t.last_seen_at AS "lastSeenAt"`;

/**
 * Attendance terminals and clock events (tenant-owned, under row-level security; terminals are
 * revoked, never deleted; events never changed).
 */
@Injectable()
export class AttendanceRepository {
  // ── terminals ──

  async insertTerminal(
    manager: EntityManager,
    terminal: {
      id: string;
      tenantId: string;
      label: string;
      tokenHash: Buffer;
      registeredBy: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO attendance_terminals (id, tenant_id, label, token_hash, registered_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [terminal.id, terminal.tenantId, terminal.label, terminal.tokenHash, terminal.registeredBy],
    );
  }

  async terminal(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<TerminalRow | undefined> {
    const [row] = await manager.query(
      `SELECT ${TERMINAL} FROM attendance_terminals t WHERE t.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  terminalsOf(manager: EntityManager, tenantId: string): Promise<TerminalRow[]> {
    return manager.query(
      `SELECT ${TERMINAL} FROM attendance_terminals t WHERE t.tenant_id = $1
        ORDER BY t.revoked_at IS NOT NULL, t.registered_at DESC, t.id`,
      [tenantId],
    );
  }

  async revokeTerminal(manager: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE attendance_terminals SET revoked_at = $3, revoked_by = $2
        WHERE id = $1 AND revoked_at IS NULL`,
      [id, by, at],
    );
  }

  async terminalSeen(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE attendance_terminals SET last_seen_at = $2 WHERE id = $1`, [
      id,
      at,
    ]);
  }

  // ── events ──

  /** The event a terminal sent under `eventId` before, if any. */
  async terminalEvent(
    manager: EntityManager,
    tenantId: string,
    terminalId: string,
    eventId: string,
  ): Promise<ClockEventRow | undefined> {
    const [row] = await manager.query(
      `SELECT id, user_id AS "userId", at, direction FROM attendance_events
        WHERE tenant_id = $1 AND terminal_id = $2 AND terminal_event_id = $3`,
      [tenantId, terminalId, eventId],
    );
    return row;
  }

  /** The newest event any terminal recorded for a person (what a new one must not be older than). */
  async newestFromTerminals(
    manager: EntityManager,
    tenantId: string,
    userId: string,
  ): Promise<Date | null> {
    const [row] = await manager.query(
      `SELECT max(at) AS newest FROM attendance_events
        WHERE tenant_id = $1 AND user_id = $2 AND terminal_id IS NOT NULL`,
      [tenantId, userId],
    );
    return row?.newest ?? null;
  }

  async insertEvent(
    manager: EntityManager,
    event: {
      tenantId: string;
      terminalId: string | null;
      terminalEventId: string | null;
      userId: string;
      at: Date;
      direction: ClockDirection;
      enteredBy: string | null;
      reason: string | null;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO attendance_events
         (tenant_id, terminal_id, terminal_event_id, user_id, at, direction, entered_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        event.tenantId,
        event.terminalId,
        event.terminalEventId,
        event.userId,
        event.at,
        event.direction,
        event.enteredBy,
        event.reason,
      ],
    );
    return row.id;
  }

  /** Every event of a tenant's people in [from, to). */
  eventsBetween(
    manager: EntityManager,
    tenantId: string,
    from: Date,
    to: Date,
  ): Promise<ClockEventRow[]> {
    return manager.query(
      `SELECT id, user_id AS "userId", at, direction FROM attendance_events
        WHERE tenant_id = $1 AND at >= $2 AND at < $3 ORDER BY user_id, at`,
      [tenantId, from, to],
    );
  }

  /** The tenant's active staff (its members), by name. */
  staffOf(manager: EntityManager, tenantId: string): Promise<{ userId: string; name: string }[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.display_name AS name
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND u.status = 'ACTIVE'
        ORDER BY u.display_name, u.id`,
      [tenantId],
    );
  }
}
