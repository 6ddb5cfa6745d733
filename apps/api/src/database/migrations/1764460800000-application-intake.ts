import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['applications', 'application_events', 'receipt_counters'];

/**
 * Application intake (收件, DESIGN.md §4.3): applications with the applicant's personal data,
 * their audited transitions, and per-tenant daily counters for receipt numbers. The item is
 * kept as the code and name it had at intake until the implementation list exists.
 */
export class ApplicationIntake1764460800000 implements MigrationInterface {
  name = 'ApplicationIntake1764460800000';

  async up(q: QueryRunner): Promise<void> {
    // The letters of a hall's receipt numbers (LC-20261127-0007); the division code when unset.
    await q.query(
      `ALTER TABLE tenants ADD COLUMN receipt_prefix text CHECK (receipt_prefix ~ '^[A-Z]{2,6}$')`,
    );

    await q.query(`
      CREATE TABLE applications (
        tenant_id           uuid NOT NULL REFERENCES tenants (id),
        id                  uuid NOT NULL DEFAULT gen_random_uuid(),
        receipt_number      text NOT NULL,
        window_id           uuid NOT NULL,
        item_code           text NOT NULL,
        item_name           text NOT NULL,
        applicant_name      text NOT NULL,
        applicant_id_number text,
        applicant_phone     text,
        status              text NOT NULL CHECK (status IN ('SUBMITTED','ACCEPTED','REJECTED',
                              'SUPPLEMENT_REQUESTED','IN_REVIEW','SUSPENDED','APPROVED','DENIED',
                              'COMPLETED','WITHDRAWN')),
        submitted_at        timestamptz NOT NULL DEFAULT now(),
        submitted_by        uuid NOT NULL REFERENCES users (id),
        version             integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, receipt_number),
        FOREIGN KEY (tenant_id, window_id) REFERENCES service_windows (tenant_id, id)
      )`);
    // Lists are newest first, per tenant and per window (window staff see their windows').
    await q.query(
      `CREATE INDEX applications_submitted_idx ON applications (tenant_id, submitted_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX applications_window_idx ON applications (tenant_id, window_id, submitted_at DESC)`,
    );

    // Every transition, in the transaction that makes it: who, when, from, to, why.
    await q.query(`
      CREATE TABLE application_events (
        tenant_id      uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL,
        from_status    text,
        to_status      text NOT NULL,
        actor_id       uuid REFERENCES users (id),
        reason         text,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX application_events_application_idx ON application_events (tenant_id, application_id, occurred_at)`,
    );

    await q.query(`
      CREATE TABLE receipt_counters (
        tenant_id   uuid NOT NULL REFERENCES tenants (id),
        day         date NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (tenant_id, day)
      )`);

    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY tenant_scope ON ${table}
          USING (tenant_id IN (SELECT tongban_scope_tenant_ids()))
          WITH CHECK (tenant_id IN (SELECT tongban_scope_tenant_ids()))`);
    }
    // Default privileges of migration 2 grant SELECT, INSERT, UPDATE, DELETE; the trail and
    // the applications are never deleted by the application.
    await q.query(`REVOKE DELETE ON applications, application_events FROM tongban_app`);
    await q.query(`REVOKE UPDATE ON application_events FROM tongban_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE receipt_counters, application_events, applications`);
    await q.query(`ALTER TABLE tenants DROP COLUMN receipt_prefix`);
  }
}
