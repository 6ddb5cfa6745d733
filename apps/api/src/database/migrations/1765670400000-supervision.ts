import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows set above a tenant, as 1765152000000-catalogue-read-range reads them. */
const ANCESTOR_READ = `tenant_division_prefix IN (
    left(current_setting('tongban.division_start', true), 2),
    left(current_setting('tongban.division_start', true), 4),
    left(current_setting('tongban.division_start', true), 6),
    left(current_setting('tongban.division_start', true), 9),
    left(current_setting('tongban.division_start', true), 12))`;

/**
 * Electronic supervision (电子监察, issue 12, DESIGN.md §4.4):
 *
 * - supervision_settings: a province's or county's own thresholds, rectification deadline and
 *   default rating (NULL: inherited from above, else the default); readable below its owner.
 * - applications.warning_check_at: when the deadline sweep must next look at an application
 *   (its warning level may change then). A trigger sets it to "now" whenever what is due, or
 *   the state, changes, so every write path reschedules without knowing the rules; the sweep
 *   then sets the exact next moment. Indexed, so a sweep reads only what may change level.
 * - application_warnings: a YELLOW or RED card, once per application, kind (ACCEPTANCE: the
 *   5-working-day rule; DEADLINE: the promised time) and level (the unique key is what makes
 *   a second sweep, or a job delivered twice, raise nothing); a supervisor annotates and
 *   closes it.
 * - notification_outbox: messages written in the transaction of what they tell, delivered by
 *   a job through a provider adapter, once (the dedupe key), retried with backoff.
 * - notification_inbox: what the default adapter delivers to: messages a person reads in the
 *   admin app.
 */
export class Supervision1765670400000 implements MigrationInterface {
  name = 'Supervision1765670400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_settings (
        tenant_id                  uuid NOT NULL REFERENCES tenants (id),
        yellow_share               numeric CHECK (yellow_share BETWEEN 0.01 AND 0.9),
        yellow_working_days        numeric CHECK (yellow_working_days BETWEEN 0 AND 10),
        rectification_working_days integer CHECK (rectification_working_days BETWEEN 1 AND 60),
        default_rating_after_days  integer CHECK (default_rating_after_days BETWEEN 1 AND 60),
        default_rating             integer CHECK (default_rating BETWEEN 1 AND 5),
        rate_at_acceptance         boolean,
        updated_by                 uuid NOT NULL REFERENCES users (id),
        updated_at                 timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      )`);
    await q.query(`SELECT tongban_secure_tenant_table('supervision_settings'::regclass)`);
    await q.query(`
      ALTER TABLE supervision_settings ADD COLUMN tenant_division_prefix text COLLATE "C"
        GENERATED ALWAYS AS (tongban_division_prefix(tenant_division_code)) STORED`);
    await q.query(
      `CREATE INDEX supervision_settings_division_prefix_idx
         ON supervision_settings (tenant_division_prefix)`,
    );
    await q.query(
      `CREATE POLICY ancestor_read ON supervision_settings FOR SELECT USING (${ANCESTOR_READ})`,
    );

    await q.query(`ALTER TABLE applications ADD COLUMN warning_check_at timestamptz`);
    await q.query(
      `CREATE INDEX applications_warning_check_idx ON applications (warning_check_at)
         WHERE warning_check_at IS NOT NULL`,
    );
    // Whatever changes what is due, the sweep looks again at its next run.
    await q.query(`
      CREATE FUNCTION tongban_warning_reschedule() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.due_at IS DISTINCT FROM OLD.due_at
           OR NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.warning_check_at := CASE WHEN NEW.due_at IS NULL THEN NULL ELSE now() END;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER applications_warning_reschedule
        BEFORE INSERT OR UPDATE OF due_at, status ON applications
        FOR EACH ROW EXECUTE FUNCTION tongban_warning_reschedule()`);
    // What is open and due now is looked at by the first sweep.
    await q.query(`UPDATE applications SET warning_check_at = now() WHERE due_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE application_warnings (
        tenant_id      uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL,
        kind           text NOT NULL CHECK (kind IN ('ACCEPTANCE','DEADLINE')),
        level          text NOT NULL CHECK (level IN ('YELLOW','RED')),
        due_at         timestamptz NOT NULL,
        raised_at      timestamptz NOT NULL,
        window_id      uuid NOT NULL,
        status         text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        note           text CHECK (char_length(note) BETWEEN 1 AND 500),
        closed_by      uuid REFERENCES users (id),
        closed_at      timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, application_id, kind, level),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL AND note IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX application_warnings_board_idx
         ON application_warnings (tenant_id, status, raised_at DESC)`,
    );

    await q.query(`
      CREATE TABLE notification_outbox (
        tenant_id       uuid NOT NULL,
        id              uuid NOT NULL DEFAULT gen_random_uuid(),
        dedupe_key      text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
        recipient_id    uuid NOT NULL REFERENCES users (id),
        channel         text NOT NULL CHECK (channel IN ('INBOX','SMS','EMAIL')),
        subject         text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
        body            text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        status          text NOT NULL DEFAULT 'PENDING'
                          CHECK (status IN ('PENDING','DELIVERED','FAILED')),
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        delivered_at    timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, dedupe_key, recipient_id)
      )`);
    await q.query(
      `CREATE INDEX notification_outbox_pending_idx ON notification_outbox (next_attempt_at)
         WHERE status = 'PENDING'`,
    );
    await q.query(`
      CREATE TABLE notification_inbox (
        tenant_id    uuid NOT NULL,
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        outbox_id    uuid NOT NULL,
        recipient_id uuid NOT NULL REFERENCES users (id),
        subject      text NOT NULL,
        body         text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        read_at      timestamptz,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, outbox_id),
        FOREIGN KEY (tenant_id, outbox_id) REFERENCES notification_outbox (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX notification_inbox_recipient_idx
         ON notification_inbox (recipient_id, received_at DESC)`,
    );
    for (const table of ['application_warnings', 'notification_outbox', 'notification_inbox']) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
    }
    await q.query(
      `REVOKE DELETE ON application_warnings, notification_outbox, notification_inbox,
         supervision_settings FROM tongban_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_inbox, notification_outbox, application_warnings`);
    await q.query(`DROP TRIGGER applications_warning_reschedule ON applications`);
    await q.query(`DROP FUNCTION tongban_warning_reschedule()`);
    await q.query(`DROP INDEX applications_warning_check_idx`);
    await q.query(`ALTER TABLE applications DROP COLUMN warning_check_at`);
    await q.query(`DROP TABLE supervision_settings`);
  }
}
