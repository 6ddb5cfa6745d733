import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluation (好差评) and bad-review rectification (差评整改), issue 12, DESIGN.md §4.4:
 *
 * - evaluation_devices: a window's evaluation device (评价器); its token is kept only as a
 *   SHA-256 hash, shown once at registration; a revoked device rates nothing.
 * - evaluations: one rating per application and stage (受理 / 办结), 5 = very satisfied …
 *   1 = very dissatisfied (the national data standard codes the other way round: converted at
 *   the boundary). A DEFAULT rating (none given in time) is kept apart from active ones, so
 *   figures can be computed both ways. A rating is a record: no UPDATE, no DELETE.
 * - evaluation_links: a single-use link sent after completion; its token hashed; expires.
 * - rectification_cases: each bad review (1–2) opens one, due in the tenant's rectification
 *   working days; closed with an outcome once a callback is on record.
 * - rectification_callbacks: who called the rater, when, and what was agreed (a record).
 * - rectification_appeals: the staff member concerned appeals (申诉), a supervisor decides.
 */
export class Evaluation1765756800000 implements MigrationInterface {
  name = 'Evaluation1765756800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evaluation_devices (
        tenant_id     uuid NOT NULL REFERENCES tenants (id),
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        window_id     uuid NOT NULL,
        label         text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 100),
        token_hash    bytea NOT NULL CHECK (length(token_hash) = 32),
        registered_by uuid NOT NULL REFERENCES users (id),
        registered_at timestamptz NOT NULL DEFAULT now(),
        revoked_by    uuid REFERENCES users (id),
        revoked_at    timestamptz,
        last_seen_at  timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, window_id) REFERENCES service_windows (tenant_id, id),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await q.query(
      `CREATE INDEX evaluation_devices_window_idx ON evaluation_devices (tenant_id, window_id)`,
    );

    await q.query(`
      CREATE TABLE evaluation_links (
        tenant_id      uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL,
        stage          text NOT NULL CHECK (stage IN ('ACCEPTANCE','COMPLETION')),
        token_hash     bytea NOT NULL CHECK (length(token_hash) = 32),
        issued_by      uuid NOT NULL REFERENCES users (id),
        issued_at      timestamptz NOT NULL DEFAULT now(),
        expires_at     timestamptz NOT NULL,
        used_at        timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        CHECK (expires_at > issued_at)
      )`);

    await q.query(`
      CREATE TABLE evaluations (
        tenant_id      uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL,
        window_id      uuid NOT NULL,
        stage          text NOT NULL CHECK (stage IN ('ACCEPTANCE','COMPLETION')),
        rating         integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
        channel        text NOT NULL CHECK (channel IN ('DEVICE','LINK','PORTAL','DEFAULT')),
        device_id      uuid,
        link_id        uuid,
        rated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        FOREIGN KEY (tenant_id, window_id) REFERENCES service_windows (tenant_id, id),
        FOREIGN KEY (tenant_id, device_id) REFERENCES evaluation_devices (tenant_id, id),
        FOREIGN KEY (tenant_id, link_id) REFERENCES evaluation_links (tenant_id, id),
        CHECK ((channel = 'DEVICE') = (device_id IS NOT NULL)),
        CHECK ((channel = 'LINK') = (link_id IS NOT NULL))
      )`);
    // One active rating per application and stage (a second is refused, even when two arrive
    // at once), and one default rating, kept apart.
    await q.query(
      `CREATE UNIQUE INDEX evaluations_active_idx ON evaluations (tenant_id, application_id, stage)
         WHERE channel <> 'DEFAULT'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX evaluations_default_idx ON evaluations (tenant_id, application_id, stage)
         WHERE channel = 'DEFAULT'`,
    );
    await q.query(
      `CREATE INDEX evaluations_rated_idx ON evaluations (tenant_id, rated_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE rectification_cases (
        tenant_id      uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        evaluation_id  uuid NOT NULL,
        application_id uuid NOT NULL,
        window_id      uuid NOT NULL,
        staff_id       uuid REFERENCES users (id),
        opened_at      timestamptz NOT NULL DEFAULT now(),
        due_at         timestamptz NOT NULL,
        status         text NOT NULL DEFAULT 'OPEN'
                         CHECK (status IN ('OPEN','APPEALED','CLOSED','VOIDED')),
        outcome        text CHECK (char_length(outcome) BETWEEN 1 AND 1000),
        closed_by      uuid REFERENCES users (id),
        closed_at      timestamptz,
        version        integer NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, evaluation_id),
        FOREIGN KEY (tenant_id, evaluation_id) REFERENCES evaluations (tenant_id, id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id),
        FOREIGN KEY (tenant_id, window_id) REFERENCES service_windows (tenant_id, id),
        CHECK ((status IN ('CLOSED','VOIDED')) = (closed_at IS NOT NULL)),
        CHECK ((status = 'CLOSED') = (outcome IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX rectification_cases_open_idx ON rectification_cases (tenant_id, status, due_at)`,
    );

    await q.query(`
      CREATE TABLE rectification_callbacks (
        tenant_id   uuid NOT NULL,
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id     uuid NOT NULL,
        caller_name text NOT NULL CHECK (char_length(caller_name) BETWEEN 1 AND 100),
        called_at   timestamptz NOT NULL,
        agreed      text NOT NULL CHECK (char_length(agreed) BETWEEN 1 AND 1000),
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES rectification_cases (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX rectification_callbacks_case_idx ON rectification_callbacks (tenant_id, case_id)`,
    );

    await q.query(`
      CREATE TABLE rectification_appeals (
        tenant_id     uuid NOT NULL,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id       uuid NOT NULL,
        appellant_id  uuid NOT NULL REFERENCES users (id),
        reason        text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
        filed_at      timestamptz NOT NULL DEFAULT now(),
        status        text NOT NULL DEFAULT 'PENDING'
                        CHECK (status IN ('PENDING','UPHELD','DISMISSED')),
        decided_by    uuid REFERENCES users (id),
        decided_at    timestamptz,
        decision_note text CHECK (char_length(decision_note) BETWEEN 1 AND 1000),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, case_id) REFERENCES rectification_cases (tenant_id, id),
        CHECK ((status = 'PENDING') = (decided_at IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX rectification_appeals_pending_idx ON rectification_appeals (tenant_id, case_id)
         WHERE status = 'PENDING'`,
    );

    for (const table of [
      'evaluation_devices',
      'evaluation_links',
      'evaluations',
      'rectification_cases',
      'rectification_callbacks',
      'rectification_appeals',
    ]) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
    }
    // Each row is a record: devices are revoked and cases closed, never deleted; a rating and
    // a callback never change either.
    await q.query(
      `REVOKE DELETE ON evaluation_devices, evaluation_links, evaluations, rectification_cases,
         rectification_callbacks, rectification_appeals FROM tongban_app`,
    );
    await q.query(`REVOKE UPDATE ON evaluations, rectification_callbacks FROM tongban_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rectification_appeals, rectification_callbacks, rectification_cases,
      evaluations, evaluation_links, evaluation_devices`);
  }
}
