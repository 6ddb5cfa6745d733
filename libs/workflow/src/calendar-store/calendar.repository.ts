import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { BusinessPeriod } from '../calendar/business-hours';
import type { YearSchedule } from '../calendar/holiday-schedule';

/** A year as entered in the app: which layer it belongs to, who entered it. */
export interface EnteredYear extends YearSchedule {
  /** Null for the national schedule (nobody's tenant). */
  tenantId: string | null;
  /** The owner's division code (null for the national schedule). */
  divisionCode: string | null;
  kind: 'NATIONAL' | 'REGIONAL' | 'LOCAL';
  enteredBy: string;
  enteredAt: Date;
}

const YEAR_COLUMNS = `year, notice, days_off AS "daysOff", adjusted_workdays AS "adjustedWorkdays",
  entered_by AS "enteredBy", entered_at AS "enteredAt"`;

/**
 * The calendar years and business hours entered in the app (migration 1765411200000). The
 * national years are everyone's; a tenant reads its own and its ancestors' regional and local
 * years and hours (row-level security, ancestor_read).
 */
@Injectable()
export class CalendarRepository {
  async nationalYears(manager: EntityManager): Promise<EnteredYear[]> {
    const rows = await manager.query(
      `SELECT ${YEAR_COLUMNS} FROM national_calendar_years ORDER BY year`,
    );
    return rows.map((row: EnteredYear) => ({
      ...row,
      tenantId: null,
      divisionCode: null,
      kind: 'NATIONAL',
    }));
  }

  /** The regional and local years of these tenants (a tenant's path, root first). */
  tenantYears(manager: EntityManager, tenantIds: readonly string[]): Promise<EnteredYear[]> {
    return manager.query(
      `SELECT tenant_id AS "tenantId", tenant_division_code AS "divisionCode", kind, ${YEAR_COLUMNS}
         FROM calendar_years
        WHERE tenant_id = ANY($1::uuid[]) ORDER BY year, kind, tenant_id`,
      [tenantIds],
    );
  }

  /**
   * What a tenant's calendar is made of, in one statement (the work queue asks on every
   * request): the national years, the regional and local years of the tenants on `path`, and
   * the business periods they set.
   */
  async inputsFor(
    manager: EntityManager,
    path: readonly string[],
  ): Promise<{
    national: EnteredYear[];
    own: EnteredYear[];
    hours: Map<string, BusinessPeriod[]>;
  }> {
    const [row] = await manager.query(
      `SELECT
         (SELECT coalesce(json_agg(n ORDER BY n.year), '[]')
            FROM (SELECT ${YEAR_COLUMNS} FROM national_calendar_years) n) AS national,
         (SELECT coalesce(json_agg(c ORDER BY c.year, c.kind, c."tenantId"), '[]')
            FROM (SELECT tenant_id AS "tenantId", tenant_division_code AS "divisionCode", kind,
                         ${YEAR_COLUMNS}
                    FROM calendar_years WHERE tenant_id = ANY($1::uuid[])) c) AS own,
         (SELECT coalesce(json_agg(h), '[]')
            FROM (SELECT tenant_id AS "tenantId", periods FROM business_hours
                   WHERE tenant_id = ANY($1::uuid[])) h) AS hours`,
      [path],
    );
    const entered = (year: EnteredYear): EnteredYear => ({
      ...year,
      enteredAt: new Date(year.enteredAt),
    });
    return {
      national: (row.national as EnteredYear[]).map((year) =>
        entered({ ...year, tenantId: null, divisionCode: null, kind: 'NATIONAL' }),
      ),
      own: (row.own as EnteredYear[]).map(entered),
      hours: new Map(
        (row.hours as { tenantId: string; periods: BusinessPeriod[] }[]).map((h) => [
          h.tenantId,
          h.periods,
        ]),
      ),
    };
  }

  /** The business periods each of these tenants set for itself. */
  async businessHours(
    manager: EntityManager,
    tenantIds: readonly string[],
  ): Promise<Map<string, BusinessPeriod[]>> {
    const rows: { tenantId: string; periods: BusinessPeriod[] }[] = await manager.query(
      `SELECT tenant_id AS "tenantId", periods FROM business_hours WHERE tenant_id = ANY($1::uuid[])`,
      [tenantIds],
    );
    return new Map(rows.map((row) => [row.tenantId, row.periods]));
  }

  /**
   * Writes a year; false when the layer has it already (a concurrent entry of the same year
   * included: the primary key decides, nothing is overwritten).
   */
  async insertYear(
    manager: EntityManager,
    entry: {
      tenantId: string | null;
      kind: EnteredYear['kind'];
      schedule: YearSchedule;
      by: string;
    },
  ): Promise<boolean> {
    const { schedule } = entry;
    const values = [
      schedule.year,
      schedule.notice === null ? null : JSON.stringify(schedule.notice),
      JSON.stringify(schedule.daysOff),
      JSON.stringify(schedule.adjustedWorkdays),
      entry.by,
    ];
    const inserted: unknown[] =
      entry.kind === 'NATIONAL'
        ? await manager.query(
            `INSERT INTO national_calendar_years (year, notice, days_off, adjusted_workdays, entered_by)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING year`,
            values,
          )
        : await manager.query(
            `INSERT INTO calendar_years (year, notice, days_off, adjusted_workdays, entered_by,
                                         tenant_id, kind)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING year`,
            [...values, entry.tenantId, entry.kind],
          );
    return inserted.length > 0;
  }

  async setBusinessHours(
    manager: EntityManager,
    tenantId: string,
    periods: BusinessPeriod[],
    by: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO business_hours (tenant_id, periods, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET periods = EXCLUDED.periods,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [tenantId, JSON.stringify(periods), by],
    );
  }
}
