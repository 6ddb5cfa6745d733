import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows set above a tenant, as 1765152000000-catalogue-read-range reads them. */
const ANCESTOR_READ = `tenant_division_prefix IN (
    left(current_setting('tongban.division_start', true), 2),
    left(current_setting('tongban.division_start', true), 4),
    left(current_setting('tongban.division_start', true), 6),
    left(current_setting('tongban.division_start', true), 9),
    left(current_setting('tongban.division_start', true), 12))`;

/**
 * Insights' read model (issue 13, DESIGN.md §4.5), written in the transaction of each change:
 *
 * - insight_facts: one row per application, what the figures count (the days it moved on, its
 *   times in working days, limits, ratings, cards), as workflow computed it after its last
 *   change. The drill-down lists read it.
 * - insight_counts: the counters per tenant, Beijing day and item, moved by the difference
 *   between an application's facts before and after each change (consultations add one). A
 *   comparison sums these over a subtree's division-code range and a period, never the
 *   applications.
 * - The counters are numeric: working days are fractions (0.33 of a day is measurable).
 * - insight_month_counts: the same per tenant and month, all items together, moved with them:
 *   what comparisons over whole months read.
 * - assessment_weights: a county's weights of the monthly assessment of windows (summing to
 *   100), readable below it like the supervision settings.
 * - item_code '' stands for "no item" (a general consultation), so the key needs no NULL.
 */
export class Insights1766188800000 implements MigrationInterface {
  name = 'Insights1766188800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insight_facts (
        tenant_id          uuid NOT NULL REFERENCES tenants (id),
        application_id     uuid NOT NULL,
        receipt_number     text NOT NULL,
        item_code          text NOT NULL,
        item_name          text NOT NULL,
        window_id          uuid NOT NULL,
        completed_by       uuid,
        status             text NOT NULL,
        open               boolean NOT NULL,
        forwarded_in       boolean NOT NULL,
        submitted_on       date NOT NULL,
        accepted_on        date,
        rejected_on        date,
        completed_on       date,
        acceptance_days    numeric(10,2),
        handling_days      numeric(10,2),
        statutory_days     integer,
        promised_days      integer,
        promised_deadline  timestamptz,
        on_time            boolean,
        rating             smallint CHECK (rating BETWEEN 1 AND 5),
        rated_on           date,
        default_rating     smallint CHECK (default_rating BETWEEN 1 AND 5),
        default_rated_on   date,
        yellow_on          date,
        red_on             date,
        PRIMARY KEY (tenant_id, application_id),
        FOREIGN KEY (tenant_id, application_id) REFERENCES applications (tenant_id, id)
      )`);
    await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, ['insight_facts']);
    // Drill-down lists: by the day a figure counts a case on, over a subtree's range.
    for (const day of ['submitted_on', 'accepted_on', 'rejected_on', 'completed_on', 'rated_on']) {
      await q.query(
        `CREATE INDEX insight_facts_${day}_idx ON insight_facts (tenant_division_code, ${day})
          WHERE ${day} IS NOT NULL`,
      );
    }
    // The monthly assessment reads a center's completions by window.
    await q.query(
      `CREATE INDEX insight_facts_window_completed_idx
         ON insight_facts (tenant_id, window_id, completed_on) WHERE completed_on IS NOT NULL`,
    );
    // Open and overdue is read live: only open applications with a promised deadline, by the
    // deadline first (a period's deadlines are few, a province's open cases are not).
    await q.query(
      `CREATE INDEX insight_facts_open_due_idx ON insight_facts (promised_deadline, tenant_division_code)
        WHERE open AND promised_deadline IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE insight_counts (
        tenant_id              uuid NOT NULL REFERENCES tenants (id),
        day                    date NOT NULL,
        item_code              text NOT NULL,
        consultations          numeric NOT NULL DEFAULT 0,
        submissions            numeric NOT NULL DEFAULT 0,
        acceptances            numeric NOT NULL DEFAULT 0,
        rejections             numeric NOT NULL DEFAULT 0,
        completions            numeric NOT NULL DEFAULT 0,
        completed_on_time      numeric NOT NULL DEFAULT 0,
        accepted_completed     numeric NOT NULL DEFAULT 0,
        acceptance_days        numeric NOT NULL DEFAULT 0,
        handling_days          numeric NOT NULL DEFAULT 0,
        limited                numeric NOT NULL DEFAULT 0,
        statutory_days         numeric NOT NULL DEFAULT 0,
        promised_days          numeric NOT NULL DEFAULT 0,
        limited_handling_days  numeric NOT NULL DEFAULT 0,
        evaluations            numeric NOT NULL DEFAULT 0,
        satisfied              numeric NOT NULL DEFAULT 0,
        default_evaluations    numeric NOT NULL DEFAULT 0,
        default_satisfied      numeric NOT NULL DEFAULT 0,
        bad_reviews            numeric NOT NULL DEFAULT 0,
        yellow_cards           numeric NOT NULL DEFAULT 0,
        red_cards              numeric NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, day, item_code)
      )`);
    await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, ['insight_counts']);
    await q.query(
      `CREATE INDEX insight_counts_division_day_idx ON insight_counts (tenant_division_code, day)`,
    );
    // The same counters per tenant and month, all items together: what a comparison of many
    // tenants over whole months reads (a month of a province is one row per tenant).
    await q.query(`
      CREATE TABLE insight_month_counts (LIKE insight_counts INCLUDING DEFAULTS)`);
    await q.query(`ALTER TABLE insight_month_counts DROP COLUMN item_code`);
    await q.query(`ALTER TABLE insight_month_counts RENAME COLUMN day TO month`);
    await q.query(`ALTER TABLE insight_month_counts
      ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id),
      ADD PRIMARY KEY (tenant_id, month),
      ADD CHECK (extract(day FROM month) = 1)`);
    await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, ['insight_month_counts']);
    await q.query(
      `CREATE INDEX insight_month_counts_month_division_idx
         ON insight_month_counts (month, tenant_division_code)`,
    );
    await q.query(
      `REVOKE DELETE ON insight_facts, insight_counts, insight_month_counts FROM tongban_app`,
    );

    // A county's weights of the monthly assessment, read by the centers below it.
    await q.query(`
      CREATE TABLE assessment_weights (
        tenant_id    uuid NOT NULL REFERENCES tenants (id),
        volume       integer NOT NULL CHECK (volume BETWEEN 0 AND 100),
        on_time      integer NOT NULL CHECK (on_time BETWEEN 0 AND 100),
        satisfaction integer NOT NULL CHECK (satisfaction BETWEEN 0 AND 100),
        bad_reviews  integer NOT NULL CHECK (bad_reviews BETWEEN 0 AND 100),
        warnings     integer NOT NULL CHECK (warnings BETWEEN 0 AND 100),
        attendance   integer NOT NULL CHECK (attendance BETWEEN 0 AND 100),
        set_by       uuid NOT NULL REFERENCES users (id),
        set_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id),
        CHECK (volume + on_time + satisfaction + bad_reviews + warnings + attendance = 100)
      )`);
    await q.query(`SELECT tongban_secure_tenant_table('assessment_weights'::regclass)`);
    await q.query(`
      ALTER TABLE assessment_weights ADD COLUMN tenant_division_prefix text COLLATE "C"
        GENERATED ALWAYS AS (tongban_division_prefix(tenant_division_code)) STORED`);
    await q.query(
      `CREATE INDEX assessment_weights_division_prefix_idx
         ON assessment_weights (tenant_division_prefix)`,
    );
    await q.query(
      `CREATE POLICY ancestor_read ON assessment_weights FOR SELECT USING (${ANCESTOR_READ})`,
    );
    await q.query(`REVOKE DELETE ON assessment_weights FROM tongban_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_weights`);
    await q.query(`DROP TABLE insight_month_counts`);
    await q.query(`DROP TABLE insight_counts`);
    await q.query(`DROP TABLE insight_facts`);
  }
}
