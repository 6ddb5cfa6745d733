import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  beijingDay,
  CatalogueDirectory,
  type DirectoryItem,
  Clock,
  type Page,
  pageOf,
  TenantKind,
  type TenantNode,
  ReportingScope,
  TenantTree,
} from '@tongban/core';
import { InsightAccess } from './insight-access';
import type { Counter } from '../figures/counters';
import { FIGURES, figureOf, figuresOf, type FigureKey } from '../figures/figures';
import { meanOf, rankValues } from '../figures/league';
import { type Period, periodProblem, previousPeriod, yearBefore } from '../figures/period';
import { yearlySummary } from '../summary/yearly-summary';
import { exportRefusal, sheetWorkbook } from '../export/insight-workbook';
import {
  type InsightCaseRow,
  type InsightScope,
  InsightsRepository,
  type ItemCodes,
} from './insights.repository';
import { EntityManager } from 'typeorm';

export interface FigureValue {
  key: FigureKey;
  value: number | null;
}

export interface PeriodQuery {
  tenantId: string;
  from: string;
  to: string;
  itemCode?: string | null;
  /** Only the items of this competent department (exactly as the catalogue names it). */
  department?: string | null;
  tenantOnly?: boolean | null;
}

const valuesOf = (totals: Parameters<typeof figuresOf>[0]): FigureValue[] => {
  const figures = figuresOf(totals);
  return FIGURES.map((figure) => ({ key: figure.key, value: figures[figure.key] }));
};

/**
 * The figures of DESIGN.md §4.5 for whoever reads a tenant's applications (city officials,
 * county administrators, managers, supervisors; window clerks read none): a tenant's figures,
 * its children side by side, month by month, and the cases behind any number, all from the
 * insights' read model.
 */
@Injectable()
export class InsightsService {
  constructor(
    // The replica when one is configured: figures may lag the primary by a moment.
    private readonly scope: ReportingScope,
    private readonly tree: TenantTree,
    private readonly insights: InsightsRepository,
    private readonly clock: Clock,
    private readonly access: InsightAccess,
    private readonly directory: CatalogueDirectory,
  ) {}

  /** The items a filter can name: the published standard catalogues' items, by code. */
  items(): Promise<DirectoryItem[]> {
    return this.scope.run((manager) => this.directory.items(manager));
  }

  /** The item codes a query is about: one item, a department's, both, or all (null). */
  private async itemCodesOf(manager: EntityManager, query: PeriodQuery): Promise<ItemCodes> {
    const { itemCode, department } = query;
    if (!department) return itemCode ? [itemCode] : null;
    const codes = (await this.directory.items(manager))
      .filter((item) => item.department === department)
      .map((item) => item.code);
    return itemCode ? codes.filter((code) => code === itemCode) : codes;
  }

  definitions() {
    return FIGURES.map(({ key, unit, nameZh, nameEn, definitionZh, definitionEn, cases }) => ({
      key,
      unit,
      nameZh,
      nameEn,
      definitionZh,
      definitionEn,
      listable: cases.length > 0,
    }));
  }

  figures(query: PeriodQuery) {
    const period = periodOrThrow(query);
    return this.scope.run(async (manager) => {
      const tenant = await this.access.readable(manager, query.tenantId);
      const scope = scopeOf(tenant, query.tenantOnly);
      const now = this.clock.now();
      const items = await this.itemCodesOf(manager, query);
      const previous = previousPeriod(period);
      const lastYear = yearBefore(period);
      return {
        tenantId: tenant.id,
        tenantName: tenant.name,
        period,
        figures: valuesOf(await this.insights.totals(manager, scope, period, items, now)),
        previousPeriod: previous,
        previous: valuesOf(await this.insights.totals(manager, scope, previous, items, now)),
        yearBeforePeriod: lastYear,
        yearBefore: valuesOf(await this.insights.totals(manager, scope, lastYear, items, now)),
      };
    });
  }

  /**
   * The tenant's children side by side, each with what is below it, ranked figure by figure;
   * with a tier, every tenant of that tier below it instead (e.g. a county's village stations).
   */
  comparison(query: PeriodQuery & { tier?: TenantKind | null }) {
    const period = periodOrThrow(query);
    return this.scope.run(async (manager) => {
      const tenant = await this.access.readable(manager, query.tenantId);
      const children = (await this.tree.subtree(manager, tenant.id)).filter((node) =>
        query.tier
          ? node.kind === query.tier && node.id !== tenant.id
          : node.parentId === tenant.id,
      );
      const now = this.clock.now();
      const items = await this.itemCodesOf(manager, query);
      const totals = await this.insights.totalsEach(
        manager,
        children.map((child) => child.divisionCode),
        period,
        items,
        now,
      );
      const values = children.map((child) => figuresOf(totals.get(child.divisionCode)!));
      const columns = new Map(
        FIGURES.map((figure) => [
          figure.key,
          rankValues(
            figure.key,
            values.map((v) => v[figure.key]),
          ),
        ]),
      );
      return {
        tenantId: tenant.id,
        tenantName: tenant.name,
        period,
        rows: children.map((child, i) => ({
          tenantId: child.id,
          tenantName: child.name,
          tenantKind: child.kind,
          divisionCode: child.divisionCode,
          figures: FIGURES.map((figure) => ({ key: figure.key, ...columns.get(figure.key)![i] })),
        })),
        whole: valuesOf(
          await this.insights.totals(
            manager,
            { divisionCode: tenant.divisionCode },
            period,
            items,
            now,
          ),
        ),
        average: FIGURES.map((figure) => ({
          key: figure.key,
          value: meanOf(
            values.map((v) => v[figure.key]),
            figure.unit,
          ),
        })),
      };
    });
  }

  /** Month by month over the period (trends). */
  series(query: PeriodQuery) {
    const period = periodOrThrow(query);
    return this.scope.run(async (manager) => {
      const tenant = await this.access.readable(manager, query.tenantId);
      const months = await this.insights.monthly(
        manager,
        scopeOf(tenant, query.tenantOnly),
        period,
        await this.itemCodesOf(manager, query),
      );
      // Open and overdue is a count of now, not of a month: left out of a trend.
      return months.map(({ month, ...counters }) => ({
        month,
        figures: valuesOf({ ...counters, openOverdue: 0 }).filter((f) => f.key !== 'openOverdue'),
      }));
    });
  }

  /** Section I of the yearly work summary of a tenant (with what is below it), in Chinese. */
  yearlySummary(tenantId: string, year: number): Promise<{ title: string; text: string }> {
    const today = beijingDay(this.clock.now());
    const thisYear = Number(today.slice(0, 4));
    if (!Number.isInteger(year) || year < 2000 || year > thisYear) {
      throw new BadUserInputError('Not a year with figures', {
        problems: [{ field: 'year', code: 'BAD_YEAR', problem: `2000–${thisYear}` }],
      });
    }
    const through = year === thisYear ? today : `${year}-12-31`;
    const period = { from: `${year}-01-01`, to: through };
    return this.scope.run(async (manager) => {
      const tenant = await this.access.readable(manager, tenantId);
      const scope = scopeOf(tenant, false);
      const now = this.clock.now();
      const totals = (p: Period) => this.insights.totals(manager, scope, p, null, now);
      return yearlySummary({
        tenantName: tenant.name,
        year,
        through,
        months: Number(through.slice(5, 7)),
        figures: figuresOf(await totals(period)),
        lastYear: figuresOf(await totals(yearBefore(period))),
      });
    });
  }

  /** The cases behind a figure: as many as it counts (a rate: its denominator). */
  cases(
    query: PeriodQuery & { figure: FigureKey },
    first: number,
    after: string | null,
  ): Promise<Page<InsightCaseRow & { tenantName: string }> & { totalCount: number }> {
    const period = periodOrThrow(query);
    const figure = figureOf(query.figure);
    if (figure.cases.length === 0) {
      throw new BadUserInputError(`${figure.nameEn} has no list of cases`, {
        problems: [{ field: 'figure', code: 'NOT_LISTABLE', problem: 'Not a count of cases' }],
      });
    }
    const cursor = after === null ? null : decodeCursor(after);
    return this.scope.run(async (manager) => {
      const tenant = await this.access.readable(manager, query.tenantId);
      const { rows, total } = await this.insights.cases(
        manager,
        scopeOf(tenant, query.tenantOnly),
        period,
        await this.itemCodesOf(manager, query),
        this.clock.now(),
        figure.cases as (Counter | 'openOverdue')[],
        { after: cursor, limit: first + 1 },
      );
      const names = new Map(
        (await this.tree.subtree(manager, tenant.id)).map((node) => [node.id, node.name]),
      );
      const page = pageOf(
        rows.map((row) => ({ ...row, tenantName: names.get(row.tenantId) ?? '' })),
        first,
        (last) => encodeCursor(last.receiptNumber, last.applicationId),
      );
      return { ...page, totalCount: total };
    });
  }

  /** The cases behind a figure as a spreadsheet (base64 XLSX); refused past the export limit. */
  exportCases(query: PeriodQuery & { figure: FigureKey }): Promise<string> {
    const period = periodOrThrow(query);
    const figure = figureOf(query.figure);
    if (figure.cases.length === 0) {
      throw new BadUserInputError(`${figure.nameEn} has no list of cases`, {
        problems: [{ field: 'figure', code: 'NOT_LISTABLE', problem: 'Not a count of cases' }],
      });
    }
    return this.scope.run(async (manager) => {
      const tenant = await this.access.readable(manager, query.tenantId);
      const scope = scopeOf(tenant, query.tenantOnly);
      const now = this.clock.now();
      const sources = figure.cases as (Counter | 'openOverdue')[];
      const items = await this.itemCodesOf(manager, query);
      const first = await this.insights.cases(manager, scope, period, items, now, sources, {
        after: null,
        limit: 0,
      });
      const refusal = exportRefusal(first.total);
      if (refusal) {
        throw new BadUserInputError(refusal, {
          problems: [{ field: 'figure', code: 'EXPORT_TOO_LARGE', problem: refusal }],
        });
      }
      const names = new Map(
        (await this.tree.subtree(manager, tenant.id)).map((node) => [node.id, node.name]),
      );
      const insights = this.insights;
      async function* rows() {
        let after: { receiptNumber: string; applicationId: string } | null = null;
        for (;;) {
          const page = await insights.cases(manager, scope, period, items, now, sources, {
            after,
            limit: 5_000,
          });
          for (const c of page.rows) {
            yield [
              names.get(c.tenantId) ?? '',
              c.receiptNumber,
              c.itemCode,
              c.itemName,
              c.status,
              c.submittedOn,
              c.acceptedOn,
              c.completedOn,
              c.handlingDays,
              c.onTime === null ? null : c.onTime ? '是' : '否',
              c.rating,
            ];
          }
          if (page.rows.length < 5_000) return;
          const last = page.rows[page.rows.length - 1];
          after = { receiptNumber: last.receiptNumber, applicationId: last.applicationId };
        }
      }
      const bytes = await sheetWorkbook(
        figure.nameZh,
        [
          '单位',
          '受理号',
          '事项编码',
          '事项名称',
          '状态',
          '收件日期',
          '受理日期',
          '办结日期',
          '办理时间（工作日）',
          '按时',
          '评价',
        ],
        rows(),
      );
      return bytes.toString('base64');
    });
  }

  /** A league table as a spreadsheet (base64 XLSX): one row per tenant, one column per figure. */
  async exportComparison(query: PeriodQuery & { tier?: TenantKind | null }): Promise<string> {
    const table = await this.comparison(query);
    const rows = [
      ...table.rows.map((row) => [row.tenantName, ...row.figures.map((f) => f.value)]),
      [`${table.tenantName}（合计）`, ...table.whole.map((f) => f.value)],
      ['平均', ...table.average.map((f) => f.value)],
    ];
    const bytes = await sheetWorkbook(
      `${table.period.from}~${table.period.to}`,
      ['单位', ...FIGURES.map((figure) => figure.nameZh)],
      rows,
    );
    return bytes.toString('base64');
  }
}

function scopeOf(tenant: TenantNode, tenantOnly: boolean | null | undefined): InsightScope {
  return tenantOnly ? { tenantId: tenant.id } : { divisionCode: tenant.divisionCode };
}

function periodOrThrow(query: { from: string; to: string }): Period {
  const period = { from: query.from, to: query.to };
  const problem = periodProblem(period);
  if (problem) {
    const messages = {
      BAD_DATE: 'Not a calendar day',
      ENDS_BEFORE_START: 'The period ends before it starts',
      TOO_LONG: 'The period is longer than 732 days',
    };
    throw new BadUserInputError(messages[problem], {
      problems: [
        {
          field: problem === 'BAD_DATE' ? 'from' : 'to',
          code: problem,
          problem: messages[problem],
        },
      ],
    });
  }
  return period;
}

/** Opaque to clients: where the previous page ended (receipt number, id). */
function encodeCursor(receiptNumber: string, applicationId: string): string {
  return Buffer.from(JSON.stringify([receiptNumber, applicationId])).toString('base64url');
}

function decodeCursor(cursor: string): { receiptNumber: string; applicationId: string } {
  try {
    const [receiptNumber, applicationId] = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (typeof receiptNumber === 'string' && /^[0-9a-f-]{36}$/.test(applicationId)) {
      return { receiptNumber, applicationId };
    }
  } catch {
    // falls through
  }
  throw new BadUserInputError('Not a cursor of this list', {
    problems: [{ field: 'after', code: 'BAD_CURSOR', problem: 'Not a cursor of this list' }],
  });
}
