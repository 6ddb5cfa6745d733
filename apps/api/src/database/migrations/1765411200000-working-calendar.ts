import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows published above a tenant, as 1765152000000-catalogue-read-range reads them. */
const ANCESTOR_READ = `tenant_division_prefix IN (
    left(current_setting('tongban.division_start', true), 2),
    left(current_setting('tongban.division_start', true), 4),
    left(current_setting('tongban.division_start', true), 6),
    left(current_setting('tongban.division_start', true), 9),
    left(current_setting('tongban.division_start', true), 12))`;

/**
 * The working-day calendar as entered in the app (issue 11, DESIGN.md §4.2). The years shipped
 * with the code (national 2024–2026, Guangxi's 三月三) stay in the code; these tables hold what
 * the operator and the counties enter after:
 *
 * - national_calendar_years: a year of the State Council's schedule. Not a tenant's data: one
 *   schedule for the whole country, read by every tenant (no tenant_id, no row-level
 *   security); written only through the API by the platform operator, never changed or deleted
 *   by the application (a wrong year is a support case, as a wrong notice would be).
 * - calendar_years: a REGIONAL year (a province's own holidays, owned by the province) or a
 *   tenant's LOCAL days, readable by every tenant below its owner (ancestor_read).
 * - business_hours: a tenant's own business periods; below it the nearest ancestor's apply.
 */
export class WorkingCalendar1765411200000 implements MigrationInterface {
  name = 'WorkingCalendar1765411200000';

  async up(q: QueryRunner): Promise<void> {
    const schedule = `
        notice            jsonb,
        days_off          jsonb NOT NULL CHECK (jsonb_typeof(days_off) = 'array'),
        adjusted_workdays jsonb NOT NULL CHECK (jsonb_typeof(adjusted_workdays) = 'array'),
        entered_by        uuid NOT NULL REFERENCES users (id),
        entered_at        timestamptz NOT NULL DEFAULT now()`;
    await q.query(`
      CREATE TABLE national_calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        ${schedule}
      )`);
    await q.query(`GRANT SELECT, INSERT ON national_calendar_years TO tongban_app`);
    await q.query(`REVOKE UPDATE, DELETE ON national_calendar_years FROM tongban_app`);

    await q.query(`
      CREATE TABLE calendar_years (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        kind      text NOT NULL CHECK (kind IN ('REGIONAL','LOCAL')),
        year      integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        ${schedule},
        PRIMARY KEY (tenant_id, kind, year)
      )`);
    await q.query(`
      CREATE TABLE business_hours (
        tenant_id  uuid NOT NULL REFERENCES tenants (id),
        periods    jsonb NOT NULL CHECK (jsonb_typeof(periods) = 'array'),
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      )`);
    for (const table of ['calendar_years', 'business_hours']) {
      await q.query(`SELECT tongban_secure_tenant_table($1::regclass)`, [table]);
      await q.query(`
        ALTER TABLE ${table} ADD COLUMN tenant_division_prefix text COLLATE "C"
          GENERATED ALWAYS AS (tongban_division_prefix(tenant_division_code)) STORED`);
      await q.query(
        `CREATE INDEX ${table}_division_prefix_idx ON ${table} (tenant_division_prefix)`,
      );
      await q.query(`CREATE POLICY ancestor_read ON ${table} FOR SELECT USING (${ANCESTOR_READ})`);
    }
    await q.query(`REVOKE DELETE ON calendar_years FROM tongban_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE business_hours, calendar_years, national_calendar_years`);
  }
}
