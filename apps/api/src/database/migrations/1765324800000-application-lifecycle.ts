import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application lifecycle (issue 11, DESIGN.md §4.2–4.3): what the clock needs, kept on the
 * application so the work queue sorts in SQL.
 *
 * - applications: acceptance (受理) time and the deadlines it starts (promised and statutory,
 *   NULL while the clock is paused), approved extension days, when decided and completed,
 *   `acceptance_due_at` (close of the 5th working day after intake: not accepted or rejected
 *   by then, the statute deems it accepted and the case is flagged), `due_at` (what the center
 *   must meet next, the work queue's order), whether they were counted provisionally (into a
 *   year whose holidays are not published yet: by weekends alone, counted again once it is
 *   entered) and the client's intake key (one request, one application).
 * - application_events.details: what a transition carried (the one-time notification's
 *   missing materials, the procedure of a suspension, the extension).
 * - application_pauses: each stop of the clock (补正 after acceptance, hearing, inspection,
 *   expert review), open while `ended_at` is NULL.
 * - application_extensions: 延期, requested with a reason and decided by a manager.
 */
export class ApplicationLifecycle1765324800000 implements MigrationInterface {
  name = 'ApplicationLifecycle1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN accepted_at        timestamptz,
        ADD COLUMN acceptance_due_at  timestamptz,
        ADD COLUMN promised_deadline  timestamptz,
        ADD COLUMN statutory_deadline timestamptz,
        ADD COLUMN extension_days     integer NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
        ADD COLUMN decided_at         timestamptz,
        ADD COLUMN completed_at       timestamptz,
        ADD COLUMN due_at             timestamptz,
        ADD COLUMN deadlines_provisional boolean NOT NULL DEFAULT false,
        ADD COLUMN intake_key         text CHECK (length(intake_key) BETWEEN 8 AND 100)`);
    await q.query(
      `CREATE UNIQUE INDEX applications_intake_key_idx
         ON applications (tenant_id, submitted_by, intake_key) WHERE intake_key IS NOT NULL`,
    );
    // The work queue: open applications of a tenant (or of some of its windows), most urgent
    // first.
    await q.query(
      `CREATE INDEX applications_queue_idx ON applications (tenant_id, due_at, id)
         WHERE status NOT IN ('REJECTED','COMPLETED','WITHDRAWN')`,
    );
    await q.query(
      `CREATE INDEX applications_provisional_idx ON applications (tenant_id)
         WHERE deadlines_provisional`,
    );
    await q.query(`ALTER TABLE application_events ADD COLUMN details jsonb`);

    await q.query(`
      CREATE TABLE application_pauses (
        tenant_id      uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL,
        kind           text NOT NULL
                         CHECK (kind IN ('SUPPLEMENT','HEARING','INSPECTION','EXPERT_REVIEW',
                                         'OTHER_STATUTORY')),
        reason         text,
        started_at     timestamptz NOT NULL,
        ended_at       timestamptz CHECK (ended_at >= started_at),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX application_pauses_application_idx
         ON application_pauses (tenant_id, application_id, started_at)`,
    );
    // One open pause at a time.
    await q.query(
      `CREATE UNIQUE INDEX application_pauses_open_idx
         ON application_pauses (tenant_id, application_id) WHERE ended_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE application_extensions (
        tenant_id      uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL,
        working_days   integer NOT NULL CHECK (working_days BETWEEN 1 AND 60),
        reason         text NOT NULL,
        status         text NOT NULL DEFAULT 'PENDING'
                         CHECK (status IN ('PENDING','APPROVED','REFUSED')),
        requested_by   uuid NOT NULL REFERENCES users (id),
        requested_at   timestamptz NOT NULL DEFAULT now(),
        decided_by     uuid REFERENCES users (id),
        decided_at     timestamptz,
        decision_note  text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX application_extensions_application_idx
         ON application_extensions (tenant_id, application_id, requested_at)`,
    );
    // One request waiting for a decision at a time.
    await q.query(
      `CREATE UNIQUE INDEX application_extensions_pending_idx
         ON application_extensions (tenant_id, application_id) WHERE status = 'PENDING'`,
    );

    for (const table of ['application_pauses', 'application_extensions']) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
    }
    await q.query(`REVOKE DELETE ON application_pauses, application_extensions FROM tongban_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_extensions, application_pauses`);
    await q.query(`ALTER TABLE application_events DROP COLUMN details`);
    await q.query(`DROP INDEX applications_provisional_idx`);
    await q.query(`DROP INDEX applications_queue_idx`);
    await q.query(`DROP INDEX applications_intake_key_idx`);
    await q.query(`
      ALTER TABLE applications
        DROP COLUMN accepted_at, DROP COLUMN acceptance_due_at, DROP COLUMN promised_deadline,
        DROP COLUMN statutory_deadline, DROP COLUMN extension_days, DROP COLUMN decided_at,
        DROP COLUMN completed_at, DROP COLUMN due_at, DROP COLUMN deadlines_provisional,
        DROP COLUMN intake_key`);
  }
}
