import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APPLICATION_COUNTERS, COUNTERS, type Counter, type Counters } from '../figures/counters';
import { monthOf, type Period, periodInstants } from '../figures/period';
import { counterColumn } from '../rollup/insight-facts.repository';

/** Whose rows: one tenant's alone, or a tenant's and everything below it (its code's range). */
export type InsightScope = { tenantId: string } | { divisionCode: string };

/** Which items' rows: these codes only (an item, a department's items), or null for all. */
export type ItemCodes = readonly string[] | null;

export interface PeriodTotals extends Counters {
  openOverdue: number;
}

/** One case behind a figure, as listed. */
export interface InsightCaseRow {
  applicationId: string;
  tenantId: string;
  receiptNumber: string;
  itemCode: string;
  itemName: string;
  status: string;
  submittedOn: string;
  acceptedOn: string | null;
  completedOn: string | null;
  promisedDeadline: Date | null;
  acceptanceDays: number | null;
  handlingDays: number | null;
  onTime: boolean | null;
  rating: number | null;
  defaultRating: number | null;
}

const SUMS = COUNTERS.map((c) => `coalesce(sum(n.${counterColumn(c)}), 0)::float8 AS "${c}"`).join(
  ', ',
);

/**
 * Each division code's range, worked out once (MATERIALIZED: inlined, the range functions
 * would run for every pair of code and row).
 */
const RANGES = `c AS MATERIALIZED (
  SELECT code, tongban_division_prefix(code) AS low, tongban_division_end(code) AS high
    FROM unnest($1::text[]) AS code)`;

/** The day columns of insight_facts, by the facts' field names. */
const DAY_COLUMNS: Record<string, string> = {
  submittedOn: 'submitted_on',
  acceptedOn: 'accepted_on',
  rejectedOn: 'rejected_on',
  completedOn: 'completed_on',
  ratedOn: 'rated_on',
  defaultRatedOn: 'default_rated_on',
  yellowOn: 'yellow_on',
  redOn: 'red_on',
};

/**
 * Where a period's counters are summed from: whole months of all items from the monthly rows
 * (one per tenant and month), anything else from the daily rows per item.
 */
function sourceOf(period: Period, items: ItemCodes) {
  if (
    items === null &&
    period.from === monthOf(period.from).from &&
    period.to === monthOf(period.to).to
  ) {
    return {
      table: 'insight_month_counts',
      day: 'month',
      item: () => '',
      itemParams: [] as unknown[],
    };
  }
  return {
    table: 'insight_counts',
    day: 'day',
    item: (n: number) => `AND ($${n}::text[] IS NULL OR n.item_code = ANY($${n}::text[]))`,
    itemParams: [items] as unknown[],
  };
}

/**
 * The read side of the insights: sums of insight_counts over a scope and a period (never the
 * applications), what is open and overdue from insight_facts, and the cases behind a figure.
 * Row-level security still bounds every read to the reader's range.
 */
@Injectable()
export class InsightsRepository {
  private where(
    alias: string,
    scope: InsightScope,
    first: number,
  ): { sql: string; params: unknown[] } {
    return 'tenantId' in scope
      ? { sql: `${alias}.tenant_id = $${first}::uuid`, params: [scope.tenantId] }
      : {
          sql: `${alias}.tenant_division_code >= tongban_division_prefix($${first})
                AND ${alias}.tenant_division_code < tongban_division_end($${first})`,
          params: [scope.divisionCode],
        };
  }

  /** The counters summed over a scope and period, with what is open and overdue now. */
  async totals(
    manager: EntityManager,
    scope: InsightScope,
    period: Period,
    items: ItemCodes,
    now: Date,
  ): Promise<PeriodTotals> {
    const where = this.where('n', scope, 1);
    const source = sourceOf(period, items);
    const [counts] = await manager.query(
      `SELECT ${SUMS} FROM ${source.table} n
        WHERE ${where.sql} AND n.${source.day} BETWEEN $2::date AND $3::date ${source.item(4)}`,
      [...where.params, period.from, period.to, ...source.itemParams],
    );
    return {
      ...counts,
      openOverdue: await this.openOverdue(manager, scope, period, items, now),
    };
  }

  /** Each scope's totals at once (the children of a comparison), by division code. */
  async totalsEach(
    manager: EntityManager,
    divisionCodes: readonly string[],
    period: Period,
    items: ItemCodes,
    now: Date,
  ): Promise<Map<string, PeriodTotals>> {
    const source = sourceOf(period, items);
    const counts: ({ code: string } & Counters)[] = await manager.query(
      `WITH ${RANGES}
       SELECT c.code, ${SUMS}
         FROM c LEFT JOIN ${source.table} n
           ON n.tenant_division_code >= c.low AND n.tenant_division_code < c.high
          AND n.${source.day} BETWEEN $2::date AND $3::date ${source.item(4)}
        GROUP BY c.code`,
      [divisionCodes, period.from, period.to, ...source.itemParams],
    );
    const overdue: { code: string; n: number }[] = await manager.query(
      `WITH ${RANGES}
       SELECT c.code, count(f.application_id)::int AS n
         FROM c LEFT JOIN insight_facts f
           ON f.tenant_division_code >= c.low AND f.tenant_division_code < c.high
          AND f.open AND f.promised_deadline >= $2 AND f.promised_deadline < $3
          AND f.promised_deadline < $5
          AND ($4::text[] IS NULL OR f.item_code = ANY($4::text[]))
        GROUP BY c.code`,
      [divisionCodes, periodInstants(period).start, periodInstants(period).end, items, now],
    );
    const overdueBy = new Map(overdue.map((row) => [row.code, row.n]));
    return new Map(
      counts.map(({ code, ...sums }) => [
        code,
        { ...(sums as Counters), openOverdue: overdueBy.get(code) ?? 0 },
      ]),
    );
  }

  /** Month by month (YYYY-MM) over a period. */
  async monthly(
    manager: EntityManager,
    scope: InsightScope,
    period: Period,
    items: ItemCodes,
  ): Promise<({ month: string } & Counters)[]> {
    const where = this.where('n', scope, 1);
    const source = sourceOf(period, items);
    return manager.query(
      `SELECT to_char(n.${source.day}, 'YYYY-MM') AS month, ${SUMS} FROM ${source.table} n
        WHERE ${where.sql} AND n.${source.day} BETWEEN $2::date AND $3::date ${source.item(4)}
        GROUP BY 1 ORDER BY 1`,
      [...where.params, period.from, period.to, ...source.itemParams],
    );
  }

  private async openOverdue(
    manager: EntityManager,
    scope: InsightScope,
    period: Period,
    items: ItemCodes,
    now: Date,
  ): Promise<number> {
    const where = this.where('f', scope, 1);
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM insight_facts f
        WHERE ${where.sql} AND f.open
          AND f.promised_deadline >= $2 AND f.promised_deadline < $3 AND f.promised_deadline < $5
          AND ($4::text[] IS NULL OR f.item_code = ANY($4::text[]))`,
      [...where.params, periodInstants(period).start, periodInstants(period).end, items, now],
    );
    return row.n;
  }

  /**
   * The cases behind a figure: the applications its counters (or "open and overdue") count in
   * the period, each once, in receipt order, a page at a time, with how many there are.
   */
  async cases(
    manager: EntityManager,
    scope: InsightScope,
    period: Period,
    items: ItemCodes,
    now: Date,
    sources: (Counter | 'openOverdue')[],
    page: { after: { receiptNumber: string; applicationId: string } | null; limit: number },
  ): Promise<{ rows: InsightCaseRow[]; total: number }> {
    const where = this.where('f', scope, 1);
    const params: unknown[] = [...where.params, period.from, period.to, items];
    const either = sources.map((source) => {
      if (source === 'openOverdue') {
        params.push(periodInstants(period).start, periodInstants(period).end, now);
        const n = params.length;
        return `(f.open AND f.promised_deadline >= $${n - 2} AND f.promised_deadline < $${n - 1}
                 AND f.promised_deadline < $${n})`;
      }
      const rule = APPLICATION_COUNTERS[source as Exclude<Counter, 'consultations'>];
      const day = `f.${DAY_COLUMNS[rule.day]}`;
      return `(${day} BETWEEN $2::date AND $3::date AND (${rule.sql}))`;
    });
    const conditions = `${where.sql} AND ($4::text[] IS NULL OR f.item_code = ANY($4::text[]))
                        AND (${either.join(' OR ') || 'FALSE'})`;
    const [{ total }] = await manager.query(
      `SELECT count(*)::int AS total FROM insight_facts f WHERE ${conditions}`,
      params,
    );
    if (page.limit === 0) return { rows: [], total };
    const pageParams = [...params];
    let after = '';
    if (page.after) {
      pageParams.push(page.after.receiptNumber, page.after.applicationId);
      after = `AND (f.receipt_number, f.application_id) > ($${pageParams.length - 1}, $${pageParams.length}::uuid)`;
    }
    pageParams.push(page.limit);
    const rows = await manager.query(
      `SELECT f.application_id AS "applicationId", f.tenant_id AS "tenantId",
              f.receipt_number AS "receiptNumber", f.item_code AS "itemCode",
              f.item_name AS "itemName", f.status, f.submitted_on::text AS "submittedOn",
              f.accepted_on::text AS "acceptedOn", f.completed_on::text AS "completedOn",
              f.promised_deadline AS "promisedDeadline",
              f.acceptance_days::float8 AS "acceptanceDays",
              f.handling_days::float8 AS "handlingDays", f.on_time AS "onTime", f.rating,
              f.default_rating AS "defaultRating"
         FROM insight_facts f WHERE ${conditions} ${after}
        ORDER BY f.receipt_number, f.application_id LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows, total };
  }
}
