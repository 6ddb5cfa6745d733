import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consultations (咨询, issue 11, DESIGN.md §4.3 and §4.5): each question answered at a window
 * or a village station's service point, logged and counted per tenant, period and item.
 *
 * - window_id: where it was answered (a station's 代办 window is its service point).
 * - item_code / item_name: the item of the tenant's menu asked about, its name as it was;
 *   both NULL for a general question.
 * - channel: how the question came (现场, 电话, 网上).
 * - The log is append-only for the application (no UPDATE or DELETE): the row itself is the
 *   record of who logged what, where and when.
 */
export class Consultations1765497600000 implements MigrationInterface {
  name = 'Consultations1765497600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultations (
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        id         uuid NOT NULL DEFAULT gen_random_uuid(),
        window_id  uuid NOT NULL,
        item_code  text CHECK (length(item_code) BETWEEN 1 AND 64),
        item_name  text,
        channel    text NOT NULL CHECK (channel IN ('IN_PERSON','PHONE','ONLINE')),
        note       text CHECK (char_length(note) BETWEEN 1 AND 500),
        logged_by  uuid NOT NULL REFERENCES users (id),
        logged_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, window_id) REFERENCES service_windows (tenant_id, id),
        CHECK ((item_code IS NULL) = (item_name IS NULL))
      )`);
    // Newest first and counts over a period, per tenant; per window for window staff.
    await q.query(
      `CREATE INDEX consultations_logged_idx ON consultations (tenant_id, logged_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX consultations_window_idx ON consultations (tenant_id, window_id, logged_at DESC)`,
    );
    await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, ['consultations']);
    // Counting over a subtree reads the division-code range (the column the call above adds).
    await q.query(
      `CREATE INDEX consultations_division_logged_idx
         ON consultations (tenant_division_code, logged_at DESC, id DESC)`,
    );
    await q.query(`REVOKE UPDATE, DELETE ON consultations FROM tongban_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consultations`);
  }
}
