import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  API_DIST,
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  login,
  runNode,
  startApi,
  TestDatabase,
} from '@tongban/test-support';
import {
  composeCalendar,
  countedProvisionally,
  DEFAULT_BUSINESS_HOURS,
  layersFor,
  NATIONAL_SCHEDULE,
  REGIONAL_SCHEDULES,
  workingTimeElapsed,
} from '@tongban/workflow';

/**
 * Insights (issue 13, DESIGN.md §4.5) on the demo's months of applications, made through the
 * services: every figure the rollups give equals the same figure counted naively from the
 * applications themselves; the list behind a figure has as many cases as the figure says; a
 * change moves the figures in its own transaction; and what a reader may not see stays out.
 */
const MIGRATE = join(API_DIST, 'migrate.js');
const PASSWORD = 'Demo#2026';
const DAY = 24 * 3600 * 1000;
const beijingDay = (at: Date) =>
  new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const FIGURES = `figures { key value rank percentile }`;
const COMPARISON = `query($input: InsightComparisonInput!) { insightComparison(input: $input) {
  tenantName period { from to } rows { tenantId tenantName tenantKind divisionCode ${FIGURES} }
  whole { key value } average { key value } } }`;
const FIGURES_OF = `query($input: InsightPeriodInput!) { insightFigures(input: $input) {
  tenantName figures { key value } previousPeriod { from to } previous { key value }
  yearBeforePeriod { from to } yearBefore { key value } } }`;
const CASES = `query($input: InsightCasesInput!) { insightCases(input: $input) {
  totalCount nodes { applicationId receiptNumber itemCode status completedOn onTime }
  pageInfo { hasNextPage endCursor } } }`;

interface Row {
  tenantId: string;
  tenantName: string;
  divisionCode: string;
  figures: { key: string; value: number | null; rank: number | null }[];
}

describe('insights', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const tenants: Record<string, string> = {};
  let period: { from: string; to: string };
  /** The three whole months before this one. */
  let lastMonths: { from: string; to: string };

  const call = <T>(username: string, query: string, variables: Record<string, unknown>) =>
    gql<T>(api.baseUrl, query, { token: tokens[username], variables });
  const comparison = async (username: string, input: Record<string, unknown>) => {
    const result = await call<{ insightComparison: { rows: Row[] } }>(username, COMPARISON, {
      input,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.insightComparison;
  };
  const valueOf = (row: Row, key: string) => row.figures.find((f) => f.key === key)!.value;

  /** The figures counted the long way: straight from the applications of a subtree. */
  async function naive(divisionPrefix: string, over = period, itemCodes: string[] | null = null) {
    const [counts] = await db.query<Record<string, number>>(
      `WITH a AS (
         SELECT a.*, (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS submitted_on,
                (a.accepted_at AT TIME ZONE 'Asia/Shanghai')::date AS accepted_on,
                (a.completed_at AT TIME ZONE 'Asia/Shanghai')::date AS completed_on,
                (SELECT (max(e.occurred_at) AT TIME ZONE 'Asia/Shanghai')::date
                   FROM application_events e
                  WHERE e.tenant_id = a.tenant_id AND e.application_id = a.id
                    AND e.to_status = 'REJECTED') AS rejected_on
           FROM applications a WHERE a.tenant_division_code LIKE $1 || '%'
            AND ($4::text[] IS NULL OR a.item_code = ANY($4::text[])))
       SELECT
         count(*) FILTER (WHERE submitted_on BETWEEN $2 AND $3
                            AND forwarded_from_id IS NULL)::int AS submissions,
         count(*) FILTER (WHERE accepted_on BETWEEN $2 AND $3
                            AND forwarded_to_id IS NULL)::int AS acceptances,
         count(*) FILTER (WHERE accepted_on BETWEEN $2 AND $3 AND forwarded_to_id IS NULL
                            AND status = 'COMPLETED')::int AS "acceptedCompleted",
         count(*) FILTER (WHERE status = 'REJECTED' AND rejected_on BETWEEN $2 AND $3
                            AND forwarded_to_id IS NULL)::int AS rejections,
         count(*) FILTER (WHERE status = 'COMPLETED' AND completed_on BETWEEN $2 AND $3
                            AND forwarded_to_id IS NULL)::int AS completions,
         count(*) FILTER (WHERE status = 'COMPLETED' AND completed_on BETWEEN $2 AND $3
                            AND forwarded_to_id IS NULL
                            AND (promised_deadline IS NULL OR completed_at <= promised_deadline)
                         )::int AS "completedOnTime",
         count(*) FILTER (WHERE status IN ('SUBMITTED','SUPPLEMENT_REQUESTED','ACCEPTED',
                                           'IN_REVIEW','SUSPENDED','APPROVED','DENIED',
                                           'FORWARDED','RESULT_READY')
                            AND forwarded_to_id IS NULL AND promised_deadline < now()
                            AND (promised_deadline AT TIME ZONE 'Asia/Shanghai')::date
                                BETWEEN $2 AND $3)::int AS "openOverdue"
         FROM a`,
      [divisionPrefix, over.from, over.to, itemCodes],
    );
    return counts;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      MIGRATION_DATABASE_URL: db.ownerUrl,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    };
    const seeded = await runNode(MIGRATE, ['--seed-demo', '--demo-history'], env, 240_000);
    expect(seeded.code).toBe(0);
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    let address = 0;
    for (const username of [
      'liuzhou.city',
      'liucheng.admin',
      'liucheng.window',
      'mashan.manager',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.13.0.${++address}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ code: string; id: string }>(
      `SELECT division_code AS code, id FROM tenants`,
    )) {
      tenants[row.code] = row.id;
    }
    // The demo's four months and today.
    period = { from: beijingDay(new Date(Date.now() - 130 * DAY)), to: beijingDay(new Date()) };
    const [year, month] = beijingDay(new Date()).split('-').map(Number);
    const firstOf = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));
    lastMonths = {
      from: firstOf(year, month - 3)
        .toISOString()
        .slice(0, 10),
      to: new Date(firstOf(year, month).getTime() - DAY).toISOString().slice(0, 10),
    };
  }, 300_000);
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it.each([
    ['any days (the daily rows)', () => period],
    ['whole months (the monthly rows)', () => lastMonths],
  ])(
    'the city official’s league table of Liucheng’s townships equals the naive count: %s',
    async (_, periodOf) => {
      const table = await comparison('liuzhou.city', {
        tenantId: tenants['450222'],
        ...periodOf(),
      });
      expect(table.rows.map((r) => r.divisionCode).sort()).toEqual(['450222100', '450222203']);
      for (const row of table.rows) {
        const counted = await naive(row.divisionCode, periodOf());
        for (const key of [
          'submissions',
          'acceptances',
          'rejections',
          'completions',
          'openOverdue',
        ]) {
          expect({ row: row.divisionCode, key, value: valueOf(row, key) }).toEqual({
            row: row.divisionCode,
            key,
            value: counted[key],
          });
        }
        const rate = (n: number, d: number) =>
          d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;
        expect(valueOf(row, 'onTimeRate')).toBe(
          rate(counted.completedOnTime, counted.completions + counted.openOverdue),
        );
        expect(valueOf(row, 'completionRate')).toBe(
          rate(counted.acceptedCompleted, counted.acceptances),
        );
      }
      // Mashan has the demo's history: the comparison says something.
      const mashan = table.rows.find((r) => r.divisionCode === '450222203')!;
      expect(valueOf(mashan, 'submissions')).toBeGreaterThan(50);
      expect(mashan.figures.find((f) => f.key === 'submissions')!.rank).toBe(1);
    },
  );

  it('counts handling time in working days, pauses left out, as the calendar counts it', async () => {
    const calendar = {
      calendar: composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES)),
      hours: DEFAULT_BUSINESS_HOURS,
    };
    const rows = await db.query<{
      acceptedAt: Date;
      completedAt: Date;
      pauses: { startedAt: string; endedAt: string | null }[];
    }>(
      `SELECT a.accepted_at AS "acceptedAt", a.completed_at AS "completedAt",
              (SELECT coalesce(json_agg(json_build_object('startedAt', p.started_at,
                                                          'endedAt', p.ended_at)), '[]')
                 FROM application_pauses p
                WHERE p.tenant_id = a.tenant_id AND p.application_id = a.id) AS pauses
         FROM applications a
        WHERE a.tenant_division_code LIKE '450222203%' AND a.status = 'COMPLETED'
          AND a.forwarded_to_id IS NULL
          AND (a.completed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1 AND $2`,
      [period.from, period.to],
    );
    expect(rows.length).toBeGreaterThan(10);
    const elapsed = (from: Date, to: Date) =>
      countedProvisionally(calendar, (c) => workingTimeElapsed(c.calendar, c.hours, from, to))
        .value;
    const total = rows.reduce((sum, row) => {
      const paused = row.pauses.reduce(
        (s, p) => s + elapsed(new Date(p.startedAt), new Date(p.endedAt ?? row.completedAt)),
        0,
      );
      const days = Math.max(0, elapsed(row.acceptedAt, row.completedAt) - paused);
      return sum + (Math.round(days * 100) / 100 || 0);
    }, 0);
    const figures = await call<{ insightFigures: { figures: { key: string; value: number }[] } }>(
      'mashan.manager',
      FIGURES_OF,
      { input: { tenantId: tenants['450222203'], ...period } },
    );
    expect(figures.errors).toBeUndefined();
    const handling = figures.data!.insightFigures.figures.find(
      (f) => f.key === 'averageHandlingDays',
    )!;
    expect(handling.value).toBe(Math.round((total / rows.length) * 100) / 100);
  });

  it('lists the very cases behind the on-time rate: as many as its denominator', async () => {
    const counted = await naive('450222203');
    const input = {
      tenantId: tenants['450222203'],
      ...period,
      figure: 'onTimeRate',
      first: 40,
    };
    const seen = new Set<string>();
    let after: string | undefined;
    let total = -1;
    do {
      const page = await call<{
        insightCases: {
          totalCount: number;
          nodes: { applicationId: string; status: string; onTime: boolean | null }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>('liuzhou.city', CASES, { input: { ...input, after } });
      expect(page.errors).toBeUndefined();
      total = page.data!.insightCases.totalCount;
      for (const node of page.data!.insightCases.nodes) seen.add(node.applicationId);
      after = page.data!.insightCases.pageInfo.hasNextPage
        ? page.data!.insightCases.pageInfo.endCursor!
        : undefined;
    } while (after);
    expect(total).toBe(counted.completions + counted.openOverdue);
    expect(seen.size).toBe(total);
  });

  it('exports the cases behind a figure and the league table as spreadsheets', async () => {
    const input = { tenantId: tenants['450222203'], ...period, figure: 'completions' };
    const count = await call<{ insightCases: { totalCount: number } }>('liuzhou.city', CASES, {
      input: { ...input, first: 1 },
    });
    const exported = await call<{ exportInsightCases: string }>(
      'liuzhou.city',
      `query($input: InsightCasesInput!) { exportInsightCases(input: $input) }`,
      { input },
    );
    expect(exported.errors).toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(exported.data!.exportInsightCases, 'base64') as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('受理号');
    // The header and one row per case: as many as the figure counts.
    expect(sheet.rowCount - 1).toBe(count.data!.insightCases.totalCount);

    const table = await call<{ exportInsightComparison: string }>(
      'liuzhou.city',
      `query($input: InsightComparisonInput!) { exportInsightComparison(input: $input) }`,
      { input: { tenantId: tenants['450222'], ...period } },
    );
    expect(table.errors).toBeUndefined();
    const league = new ExcelJS.Workbook();
    await league.xlsx.load(
      Buffer.from(table.data!.exportInsightComparison, 'base64') as unknown as ArrayBuffer,
    );
    const names = league.worksheets[0].getColumn(1).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['马山乡', '大埔镇', '柳城县（合计）', '平均']));
  });

  it('filters by competent department and item: the naive count of those items', async () => {
    const listed = await call<{
      insightItems: { code: string; name: string; department: string }[];
    }>('liuzhou.city', `{ insightItems { code name department } }`, {});
    expect(listed.errors).toBeUndefined();
    const items = listed.data!.insightItems;
    expect(items.length).toBeGreaterThan(150);
    const [{ code }] = await db.query<{ code: string }>(
      `SELECT item_code AS code FROM applications WHERE tenant_division_code LIKE '450222%'
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const department = items.find((item) => item.code === code)!.department;
    const codes = items.filter((item) => item.department === department).map((i) => i.code);
    expect(codes.length).toBeLessThan(items.length);

    const figures = async (input: Record<string, unknown>) => {
      const result = await call<{ insightFigures: { figures: { key: string; value: number }[] } }>(
        'liuzhou.city',
        FIGURES_OF,
        { input: { tenantId: tenants['450222'], ...period, ...input } },
      );
      expect(result.errors).toBeUndefined();
      return Object.fromEntries(result.data!.insightFigures.figures.map((f) => [f.key, f.value]));
    };
    const all = await figures({});
    const ofDepartment = await figures({ department });
    const counted = await naive('450222', period, codes);
    expect(ofDepartment.submissions).toBe(counted.submissions);
    expect(ofDepartment.completions).toBe(counted.completions);
    expect(ofDepartment.submissions).toBeGreaterThan(0);
    expect(ofDepartment.submissions).toBeLessThan(all.submissions);
    // An item and its department: that item; an item of another department: nothing.
    const ofItem = await figures({ department, itemCode: code });
    expect(ofItem.submissions).toBe((await naive('450222', period, [code])).submissions);
    const elsewhere = items.find((item) => item.department !== department)!;
    expect((await figures({ department, itemCode: elsewhere.code })).submissions).toBe(0);
    // The cases behind the department's completions: as many as it counts.
    const cases = await call<{
      insightCases: { totalCount: number; nodes: { itemCode: string }[] };
    }>('liuzhou.city', CASES, {
      input: { tenantId: tenants['450222'], ...period, department, figure: 'completions' },
    });
    expect(cases.errors).toBeUndefined();
    expect(cases.data!.insightCases.totalCount).toBe(counted.completions);
    expect(cases.data!.insightCases.nodes.every((n) => codes.includes(n.itemCode))).toBe(true);
  });

  it('exports the month’s assessment circular: its text, then the ranked table', async () => {
    const month = lastMonths.to.slice(0, 7);
    const exported = await call<{ exportMonthlyAssessment: string }>(
      'mashan.manager',
      `query($tenantId: ID!, $month: String!) { exportMonthlyAssessment(tenantId: $tenantId, month: $month) }`,
      { tenantId: tenants['450222203'], month },
    );
    expect(exported.errors).toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(exported.data!.exportMonthlyAssessment, 'base64') as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    const [year, m] = month.split('-').map(Number);
    expect(sheet.getCell('A1').value).toBe(`马山乡${year}年${m}月窗口考核情况通报`);
    const header = sheet.getColumn(1).values.findIndex((value) => value === '排名');
    expect(header).toBeGreaterThan(2);
    expect(sheet.getRow(header + 1).getCell(1).value).toBe(1);
    const denied = await call(
      'liucheng.window',
      `query($tenantId: ID!, $month: String!) { exportMonthlyAssessment(tenantId: $tenantId, month: $month) }`,
      { tenantId: tenants['450222'], month },
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('compares a tier across the subtree: every village station of the county', async () => {
    const table = await comparison('liucheng.admin', {
      tenantId: tenants['450222'],
      ...period,
      tier: 'VILLAGE',
    });
    expect(table.rows.map((r) => r.divisionCode).sort()).toEqual([
      '450222100001',
      '450222100201',
      '450222100202',
      '450222203201',
      '450222203202',
    ]);
    const station = table.rows.find((r) => r.divisionCode === '450222203201')!;
    expect(valueOf(station, 'submissions')).toBe((await naive('450222203201')).submissions);
  });

  it('moves the figures with a change, in its transaction', async () => {
    const today = { from: beijingDay(new Date()), to: beijingDay(new Date()) };
    const submissions = async () => {
      const result = await call<{ insightFigures: { figures: { key: string; value: number }[] } }>(
        'liucheng.admin',
        FIGURES_OF,
        { input: { tenantId: tenants['450222'], ...today, tenantOnly: true } },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.insightFigures.figures.find((f) => f.key === 'submissions')!.value;
    };
    const before = await submissions();
    const [{ id: windowId }] = await db.query<{ id: string }>(
      `SELECT w.id FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
        WHERE t.division_code = '450222' AND w.code = 'C1'`,
    );
    const [{ code }] = await db.query<{ code: string }>(
      `SELECT l.code FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
        WHERE t.division_code = '450222' AND NOT l.read_only ORDER BY l.code LIMIT 1`,
    );
    const taken = await call(
      'liucheng.window',
      `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
      { input: { windowId, itemCode: code, applicant: { name: '统计测试' } } },
    );
    expect(taken.errors).toBeUndefined();
    expect(await submissions()).toBe(before + 1);
  });

  it('writes section I of the yearly summary from the same figures', async () => {
    const year = Number(beijingDay(new Date()).slice(0, 4));
    const result = await call<{ insightYearlySummary: { title: string; text: string } }>(
      'liuzhou.city',
      `query($tenantId: ID!, $year: Int!) { insightYearlySummary(tenantId: $tenantId, year: $year) { title text } }`,
      { tenantId: tenants['450222'], year },
    );
    expect(result.errors).toBeUndefined();
    const { title, text } = result.data!.insightYearlySummary;
    expect(title).toBe(`柳城县${year}年工作总结（第一部分：行政审批服务工作及成效）`);
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications
        WHERE tenant_division_code LIKE '450222%' AND forwarded_from_id IS NULL
          AND extract(year FROM submitted_at AT TIME ZONE 'Asia/Shanghai') = $1`,
      [year],
    );
    expect(text).toContain(`收件${n}件`);
    expect(text.startsWith('一、行政审批服务工作及成效')).toBe(true);
    const tooEarly = await call(
      'liuzhou.city',
      `query($tenantId: ID!) { insightYearlySummary(tenantId: $tenantId, year: 1999) { text } }`,
      { tenantId: tenants['450222'] },
    );
    expect(errorCode(tooEarly)).toBe('BAD_USER_INPUT');
  });

  it('assesses a center’s windows for a month by the county’s weights, as its cases say', async () => {
    const ASSESS = `query($tenantId: ID!, $month: String!) {
      monthlyAssessment(tenantId: $tenantId, month: $month) {
        tenantName month weights { volume onTime satisfaction badReviews warnings attendance }
        weightsSetBy formulaZh
        rows { id name completions completedOnTime score rank candidate
               components { volume onTime satisfaction badReviews warnings attendance } } } }`;
    const month = lastMonths.to.slice(0, 7);
    const before = await call<{
      monthlyAssessment: { weightsSetBy: string | null; rows: unknown[] };
    }>('mashan.manager', ASSESS, { tenantId: tenants['450222203'], month });
    expect(before.errors).toBeUndefined();
    expect(before.data!.monthlyAssessment.weightsSetBy).toBeNull();

    const weights = {
      volume: 10,
      onTime: 40,
      satisfaction: 20,
      badReviews: 10,
      warnings: 10,
      attendance: 10,
    };
    const set = await call(
      'liucheng.admin',
      `mutation($tenantId: ID!, $weights: AssessmentWeightsInput!) {
         setAssessmentWeights(tenantId: $tenantId, weights: $weights) { volume onTime } }`,
      { tenantId: tenants['450222'], weights },
    );
    expect(set.errors).toBeUndefined();

    const result = await call<{
      monthlyAssessment: {
        weights: Record<string, number>;
        weightsSetBy: string;
        formulaZh: string;
        rows: {
          id: string;
          name: string;
          completions: number;
          score: number;
          rank: number;
          components: Record<string, number>;
        }[];
      };
    }>('mashan.manager', ASSESS, { tenantId: tenants['450222203'], month });
    expect(result.errors).toBeUndefined();
    const assessment = result.data!.monthlyAssessment;
    expect(assessment.weightsSetBy).toBe(tenants['450222']);
    expect(assessment.weights).toEqual(weights);
    expect(assessment.formulaZh).toContain('得分 = Σ 权重 × 分项分 ÷ 100');
    // The completions by window are the applications completed there that month.
    const naiveByWindow = await db.query<{ id: string; n: number }>(
      `SELECT a.window_id AS id, count(*)::int AS n FROM applications a
        WHERE a.tenant_id = $1 AND a.status = 'COMPLETED' AND a.forwarded_to_id IS NULL
          AND to_char(a.completed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $2
        GROUP BY 1`,
      [tenants['450222203'], month],
    );
    expect(naiveByWindow.length).toBeGreaterThan(0);
    for (const { id, n } of naiveByWindow) {
      const row = assessment.rows.find((r) => r.id === id)!;
      expect(row.completions).toBe(n);
      expect(row.name.length).toBeGreaterThan(0);
      const c = row.components;
      const expected =
        (10 * c.volume +
          40 * c.onTime +
          20 * c.satisfaction +
          10 * c.badReviews +
          10 * c.warnings +
          10 * c.attendance) /
        100;
      expect(row.score).toBeCloseTo(expected, 2);
    }
    expect(assessment.rows.map((r) => r.rank)).toEqual(
      [...assessment.rows.map((r) => r.rank)].sort((a, b) => a - b),
    );

    // Weights must be whole, in range and sum to 100; a township sets none; a manager none.
    const refused = async (
      username: string,
      tenant: string,
      w: Record<string, number>,
      code: string,
    ) => {
      const r = await call(
        username,
        `mutation($tenantId: ID!, $weights: AssessmentWeightsInput!) {
           setAssessmentWeights(tenantId: $tenantId, weights: $weights) { volume } }`,
        { tenantId: tenants[tenant], weights: w },
      );
      expect(errorCode(r)).toBe(code);
    };
    await refused('liucheng.admin', '450222', { ...weights, volume: 11 }, 'BAD_USER_INPUT');
    await refused('liucheng.admin', '450222203', weights, 'BAD_USER_INPUT');
    await refused('mashan.manager', '450222203', weights, 'FORBIDDEN');
    const [{ stored }] = await db.query<{ stored: number }>(
      `SELECT count(*)::int AS stored FROM assessment_weights`,
    );
    expect(stored).toBe(1);
    const badMonth = await call('mashan.manager', ASSESS, {
      tenantId: tenants['450222203'],
      month: '2026-13',
    });
    expect(errorCode(badMonth)).toBe('BAD_USER_INPUT');
  });

  it('counts attendance in the assessment of a center that keeps it', async () => {
    const month = lastMonths.to.slice(0, 7);
    const ASSESS_STAFF = `query($tenantId: ID!, $month: String!) {
      monthlyAssessment(tenantId: $tenantId, month: $month, by: STAFF) {
        rows { id name completions components { attendance } } } }`;
    const before = await call<{
      monthlyAssessment: { rows: { id: string; components: { attendance: number } }[] };
    }>('mashan.manager', ASSESS_STAFF, { tenantId: tenants['450222203'], month });
    expect(before.errors).toBeUndefined();
    const rows = before.data!.monthlyAssessment.rows;
    expect(rows.length).toBeGreaterThan(0);
    // No clock event at Mashan yet: attendance counts as full for everyone.
    for (const row of rows) expect(row.components.attendance).toBe(100);

    // The manager enters one morning's clock-in for the first person assessed: one day present
    // of the month's working days.
    const [{ workday }] = await db.query<{ workday: string }>(
      `SELECT (to_char(d, 'YYYY-MM-DD') || 'T09:00:00+08:00') AS workday
         FROM generate_series($1::date, $2::date, interval '1 day') d
        WHERE extract(isodow FROM d) BETWEEN 1 AND 5 ORDER BY d LIMIT 1 OFFSET 5`,
      [lastMonths.to.slice(0, 8) + '01', lastMonths.to],
    );
    const entered = await call(
      'mashan.manager',
      `mutation($input: EnterAttendanceInput!) { enterAttendance(input: $input) { staffId } }`,
      {
        input: {
          staffId: rows[0].id,
          at: new Date(workday).toISOString(),
          direction: 'IN',
          reason: '统计测试补录',
        },
      },
    );
    expect(entered.errors).toBeUndefined();
    const after = await call<{
      monthlyAssessment: { rows: { id: string; components: { attendance: number } }[] };
    }>('mashan.manager', ASSESS_STAFF, { tenantId: tenants['450222203'], month });
    const row = after.data!.monthlyAssessment.rows.find((r) => r.id === rows[0].id)!;
    expect(row.components.attendance).toBeGreaterThan(0);
    expect(row.components.attendance).toBeLessThan(10);
  });

  it('refuses bad periods, tenants out of sight, clerks, and lists of no cases', async () => {
    const expectRefused = async (
      username: string,
      query: string,
      input: Record<string, unknown>,
      code: string,
      reason?: string,
    ) => {
      const result = await call(username, query, { input });
      expect(errorCode(result)).toBe(code);
      if (reason) {
        expect(JSON.stringify(result.errors![0].extensions)).toContain(reason);
      }
      expect(result.data ?? null).toBeNull();
    };
    const liucheng = tenants['450222'];
    await expectRefused(
      'liuzhou.city',
      COMPARISON,
      { tenantId: liucheng, from: '2026-11-30', to: '2026-11-01' },
      'BAD_USER_INPUT',
      'ENDS_BEFORE_START',
    );
    await expectRefused(
      'liuzhou.city',
      COMPARISON,
      { tenantId: liucheng, from: '2023-01-01', to: '2026-11-30' },
      'BAD_USER_INPUT',
      'TOO_LONG',
    );
    await expectRefused(
      'liuzhou.city',
      FIGURES_OF,
      { tenantId: liucheng, from: '2026-02-30', to: '2026-03-01' },
      'BAD_USER_INPUT',
      'BAD_DATE',
    );
    // A township's manager sees neither the county above nor the township beside it.
    await expectRefused(
      'mashan.manager',
      FIGURES_OF,
      { tenantId: liucheng, ...period },
      'NOT_FOUND',
    );
    await expectRefused(
      'mashan.manager',
      CASES,
      { tenantId: tenants['450222100'], ...period, figure: 'completions' },
      'NOT_FOUND',
    );
    // A window clerk reads no whole tenant's figures.
    await expectRefused(
      'liucheng.window',
      FIGURES_OF,
      { tenantId: liucheng, ...period },
      'FORBIDDEN',
    );
    await expectRefused(
      'liuzhou.city',
      CASES,
      { tenantId: liucheng, ...period, figure: 'consultations' },
      'BAD_USER_INPUT',
      'NOT_LISTABLE',
    );
    await expectRefused(
      'liuzhou.city',
      CASES,
      { tenantId: liucheng, ...period, figure: 'completions', after: 'bm90LWEtY3Vyc29y' },
      'BAD_USER_INPUT',
      'BAD_CURSOR',
    );
  });
});
