import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance (考勤), issue 12:
 *
 * - attendance_terminals: a center's fingerprint terminal (考勤机); its token is kept only as a
 *   SHA-256 hash, shown once at registration; a revoked terminal records nothing.
 * - attendance_events: a staff member's clock-in or clock-out, sent by a terminal under the
 *   terminal's own event id (a replay finds the row already there: the same answer, no new row)
 *   or entered by a manager with a reason. A record: no UPDATE, no DELETE.
 */
export class Attendance1766275200000 implements MigrationInterface {
  name = 'Attendance1766275200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attendance_terminals (
        tenant_id     uuid NOT NULL REFERENCES tenants (id),
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        label         text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 100),
        token_hash    bytea NOT NULL CHECK (length(token_hash) = 32),
        registered_by uuid NOT NULL REFERENCES users (id),
        registered_at timestamptz NOT NULL DEFAULT now(),
        revoked_by    uuid REFERENCES users (id),
        revoked_at    timestamptz,
        last_seen_at  timestamptz,
        PRIMARY KEY (tenant_id, id),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);

    await q.query(`
      CREATE TABLE attendance_events (
        tenant_id         uuid NOT NULL,
        id                uuid NOT NULL DEFAULT gen_random_uuid(),
        terminal_id       uuid,
        terminal_event_id text CHECK (char_length(terminal_event_id) BETWEEN 1 AND 100),
        user_id           uuid NOT NULL REFERENCES users (id),
        at                timestamptz NOT NULL,
        direction         text NOT NULL CHECK (direction IN ('IN','OUT')),
        entered_by        uuid REFERENCES users (id),
        reason            text CHECK (char_length(reason) BETWEEN 1 AND 500),
        recorded_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, terminal_id, terminal_event_id),
        FOREIGN KEY (tenant_id, terminal_id) REFERENCES attendance_terminals (tenant_id, id),
        -- From a terminal under its event id, or entered by a manager with a reason.
        CHECK ((terminal_id IS NOT NULL) = (terminal_event_id IS NOT NULL)),
        CHECK ((terminal_id IS NULL) = (entered_by IS NOT NULL)),
        CHECK ((entered_by IS NULL) = (reason IS NULL))
      )`);
    await q.query(
      `CREATE INDEX attendance_events_user_idx ON attendance_events (tenant_id, user_id, at)`,
    );
    await q.query(`CREATE INDEX attendance_events_at_idx ON attendance_events (tenant_id, at)`);

    for (const table of ['attendance_terminals', 'attendance_events']) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
    }
    // Terminals are revoked, never deleted; a clock event is a record.
    await q.query(`REVOKE DELETE ON attendance_terminals, attendance_events FROM tongban_app`);
    await q.query(`REVOKE UPDATE ON attendance_events FROM tongban_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attendance_events, attendance_terminals`);
  }
}
