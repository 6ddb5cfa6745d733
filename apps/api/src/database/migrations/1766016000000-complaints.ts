import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaints (投诉), issue 12:
 *
 * - complaints: logged at the center's complaint window (or from the 12345 hotline, a letter,
 *   online) against exactly one window, staff member or application (an application's window
 *   and handler are recorded with it); due in the tenant's complaint working days; RESOLVED
 *   with an outcome and what was done, or CLOSED with a reason. The complainant's name and
 *   phone are personal data (masked for the roles that mask). `version` guards the handling
 *   acts (two at once: one wins).
 * - complaint_events: each handling step (logged, assigned, a note, resolved, closed), a record.
 * - supervision_settings.complaint_working_days: the complaint deadline, inherited down the
 *   tree like the rectification deadline (NULL: inherited; the default is 15).
 */
export class Complaints1766016000000 implements MigrationInterface {
  name = 'Complaints1766016000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE supervision_settings ADD COLUMN complaint_working_days integer
        CHECK (complaint_working_days BETWEEN 1 AND 60)`);

    await q.query(`
      CREATE TABLE complaints (
        tenant_id          uuid NOT NULL REFERENCES tenants (id),
        id                 uuid NOT NULL DEFAULT gen_random_uuid(),
        subject_kind       text NOT NULL CHECK (subject_kind IN ('WINDOW','STAFF','APPLICATION')),
        window_id          uuid,
        staff_id           uuid REFERENCES users (id),
        application_id     uuid,
        channel            text NOT NULL
                             CHECK (channel IN ('IN_PERSON','HOTLINE_12345','LETTER','ONLINE')),
        complainant_name   text NOT NULL CHECK (char_length(complainant_name) BETWEEN 1 AND 100),
        complainant_phone  text CHECK (char_length(complainant_phone) BETWEEN 1 AND 20),
        content            text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 2000),
        received_at        timestamptz NOT NULL DEFAULT now(),
        due_at             timestamptz NOT NULL,
        logged_by          uuid NOT NULL REFERENCES users (id),
        status             text NOT NULL DEFAULT 'RECEIVED'
                             CHECK (status IN ('RECEIVED','IN_PROGRESS','RESOLVED','CLOSED')),
        assignee_id        uuid REFERENCES users (id),
        outcome            text CHECK (outcome IN
                             ('SUBSTANTIATED','PARTLY_SUBSTANTIATED','UNSUBSTANTIATED')),
        resolution         text CHECK (char_length(resolution) BETWEEN 1 AND 2000),
        finished_by        uuid REFERENCES users (id),
        finished_at        timestamptz,
        version            integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, window_id) REFERENCES service_windows (tenant_id, id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CHECK ((subject_kind = 'WINDOW') <= (window_id IS NOT NULL)),
        CHECK ((subject_kind = 'STAFF') <= (staff_id IS NOT NULL)),
        CHECK ((subject_kind = 'APPLICATION') = (application_id IS NOT NULL)),
        CHECK ((status IN ('RESOLVED','CLOSED')) = (finished_at IS NOT NULL)),
        CHECK ((status = 'RESOLVED') = (outcome IS NOT NULL)),
        CHECK ((status IN ('RESOLVED','CLOSED')) = (resolution IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX complaints_received_idx ON complaints (tenant_id, received_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX complaints_open_idx ON complaints (tenant_id, status, due_at)`);

    await q.query(`
      CREATE TABLE complaint_events (
        tenant_id    uuid NOT NULL,
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL,
        seq          bigint GENERATED ALWAYS AS IDENTITY,
        action       text NOT NULL
                       CHECK (action IN ('LOGGED','ASSIGNED','NOTE','RESOLVED','CLOSED')),
        actor_id     uuid NOT NULL REFERENCES users (id),
        occurred_at  timestamptz NOT NULL DEFAULT now(),
        note         text CHECK (char_length(note) BETWEEN 1 AND 2000),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaints (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX complaint_events_complaint_idx ON complaint_events (tenant_id, complaint_id)`,
    );

    for (const table of ['complaints', 'complaint_events']) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
    }
    // A complaint is finished, never deleted; its steps are a record.
    await q.query(`REVOKE DELETE ON complaints, complaint_events FROM tongban_app`);
    await q.query(`REVOKE UPDATE ON complaint_events FROM tongban_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_events, complaints`);
    await q.query(`ALTER TABLE supervision_settings DROP COLUMN complaint_working_days`);
  }
}
