import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';
import {
  clockDeadlines,
  composeCalendar,
  DEFAULT_BUSINESS_HOURS,
  NATIONAL_SCHEDULE,
  REGIONAL_SCHEDULES,
  tenantCalendarLayers,
} from '@tongban/workflow';

/**
 * The working calendar through the API (issue 11, DESIGN.md §4.2): a tenant's year day by day
 * (the 2026 Spring Festival and its make-up Saturday, Guangxi's 三月三); the operator enters a
 * new year, every bad entry refused with its code and nothing written; a county's local days
 * and hours reach the tenants below it; provisional deadlines are counted again once the year
 * is entered, and local days move the open cases' deadlines.
 */
const PASSWORD = 'Demo#2026';
const YEAR = `query($tenantId: ID!, $year: Int!) { workingCalendar(tenantId: $tenantId, year: $year) {
  known days { date working reason holiday layer } businessHours { opens closes } } }`;
const LAYERS = `query($tenantId: ID!) { calendarLayers(tenantId: $tenantId) {
  kind name years { year shipped enteredAt notice { title } } } }`;
const ENTER = `mutation($input: EnterCalendarYearInput!) { enterCalendarYear(input: $input) { kind name years { year } } }`;
const HOURS = `mutation($input: SetBusinessHoursInput!) { setBusinessHours(input: $input) { opens closes } }`;
const APPLICATION = `id version promisedDeadline statutoryDeadline acceptedAt
  statutoryLimit { workingDays } promisedLimit { workingDays } clock { deadlinesProvisional }`;

interface Day {
  date: string;
  working: boolean | null;
  reason: string;
  holiday: string | null;
  layer: string | null;
}

/** A test's 2027 (not the State Council's: its notice was not read when this was written). */
const NATIONAL_2027 = {
  kind: 'NATIONAL',
  year: 2027,
  notice: { title: '测试用 2027 年节假日安排（非国务院通知原文）' },
  daysOff: [
    { name: '元旦', first: '2027-01-01', last: '2027-01-03' },
    { name: '春节', first: '2027-02-06', last: '2027-02-12' },
  ],
  adjustedWorkdays: ['2027-02-13'],
};
const GUANGXI_2027 = {
  kind: 'REGIONAL',
  year: 2027,
  notice: { title: '测试用 2027 年“壮族三月三”放假安排' },
  daysOff: [{ name: '壮族三月三', first: '2027-04-09', last: '2027-04-10' }],
  adjustedWorkdays: [],
};

describe('the working calendar', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const tenants: Record<string, string> = {};
  const windows: Record<string, string> = {};

  const as = (username: string) => ({ token: tokens[username] });
  const year = async (username: string, division: string, y: number) => {
    const result = await gql<{
      workingCalendar: {
        known: boolean;
        days: Day[];
        businessHours: { opens: string; closes: string }[];
      };
    }>(api.baseUrl, YEAR, { ...as(username), variables: { tenantId: tenants[division], year: y } });
    expect(result.errors).toBeUndefined();
    return result.data!.workingCalendar;
  };
  const day = (days: Day[], date: string) => days.find((d) => d.date === date)!;
  const enter = (username: string, division: string, input: object) =>
    gql(api.baseUrl, ENTER, {
      ...as(username),
      variables: { input: { tenantId: tenants[division], ...input } },
    });
  const problemCodes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    ((result.errors?.[0]?.extensions?.problems as { code: string }[] | undefined) ?? []).map(
      (p) => p.code,
    );
  const count = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM national_calendar_years) + (SELECT count(*) FROM calendar_years)
                + (SELECT count(*) FROM business_hours) AS n`,
      )
    )[0].n;
  const takeInAndAccept = async (itemCode: string) => {
    const taken = await gql<{ submitApplication: { id: string; version: number } }>(
      api.baseUrl,
      `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id version } }`,
      {
        ...as('liucheng.window'),
        variables: {
          input: { windowId: windows['450222/C1'], itemCode, applicant: { name: '历法' } },
        },
      },
    );
    expect(taken.errors).toBeUndefined();
    const accepted = await gql<{ acceptApplication: Record<string, unknown> }>(
      api.baseUrl,
      `mutation($input: ActInput!) { acceptApplication(input: $input) { ${APPLICATION} } }`,
      { ...as('liucheng.window'), variables: { input: { ...taken.data!.submitApplication } } },
    );
    expect(accepted.errors).toBeUndefined();
    return accepted.data!.acceptApplication as {
      id: string;
      acceptedAt: string;
      promisedDeadline: string;
      statutoryDeadline: string;
      statutoryLimit: { workingDays: number };
      promisedLimit: { workingDays: number };
    };
  };
  const read = async (id: string) =>
    (
      await gql<{
        application: {
          promisedDeadline: string;
          statutoryDeadline: string;
          clock: { deadlinesProvisional: boolean };
        };
      }>(api.baseUrl, `query($id: ID!) { application(id: $id) { ${APPLICATION} } }`, {
        ...as('liucheng.window'),
        variables: { id },
      })
    ).data!.application;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    let address = 1;
    for (const username of ['platform', 'liucheng.admin', 'liucheng.window', 'mashan.manager']) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.13.0.${address++}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ division_code: string; id: string }>(
      `SELECT division_code, id FROM tenants`,
    )) {
      tenants[row.division_code] = row.id;
    }
    for (const row of await db.query<{ key: string; id: string }>(
      `SELECT t.division_code || '/' || w.code AS key, w.id FROM service_windows w
         JOIN tenants t ON t.id = w.tenant_id`,
    )) {
      windows[row.key] = row.id;
    }
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('shows a year day by day: the 2026 Spring Festival, its make-up Saturday, Guangxi’s 三月三', async () => {
    const { known, days } = await year('liucheng.window', '450222', 2026);
    expect(known).toBe(true);
    expect(days).toHaveLength(365);
    expect(day(days, '2026-02-17')).toMatchObject({
      working: false,
      reason: 'DAY_OFF',
      holiday: '春节',
    });
    expect(day(days, '2026-02-14')).toMatchObject({ working: true, reason: 'ADJUSTED_WORKDAY' });
    expect(day(days, '2026-04-20')).toMatchObject({
      working: false,
      reason: 'DAY_OFF',
      layer: '广西壮族自治区',
    });
    expect(day(days, '2026-03-03')).toMatchObject({ working: true, reason: 'WEEKDAY' });
    // Beijing's calendar has no 三月三 — but no Beijing tenant is in the demo; the next year is unknown.
    expect((await year('liucheng.window', '450222', 2027)).known).toBe(false);
  });

  it('refuses a bad year with every problem named, writing nothing; only the operator enters a national year', async () => {
    const before = await count();
    const weekdayMakeUp = await enter('platform', '450000', {
      ...NATIONAL_2027,
      adjustedWorkdays: ['2027-02-15'], // a Monday
    });
    expect(errorCode(weekdayMakeUp)).toBe('BAD_USER_INPUT');
    expect(problemCodes(weekdayMakeUp)).toContain('ADJUSTED_WORKDAY_ON_WEEKDAY');
    const outside = await enter('platform', '450000', {
      ...NATIONAL_2027,
      daysOff: [{ name: '元旦', first: '2026-12-31', last: '2027-01-01' }],
    });
    expect(problemCodes(outside)).toContain('DATE_OUTSIDE_YEAR');
    const shipped = await enter('platform', '450000', { ...NATIONAL_2027, year: 2026 });
    expect(problemCodes(shipped)).toContain('YEAR_ALREADY_ENTERED');
    const nul = await enter('platform', '450000', {
      ...NATIONAL_2027,
      daysOff: [{ name: '元\u0000旦', first: '2027-01-01', last: '2027-01-01' }],
    });
    expect(errorCode(nul)).toBe('BAD_USER_INPUT');
    // Not the operator: a county administrator, a clerk.
    expect(errorCode(await enter('liucheng.admin', '450222', NATIONAL_2027))).toBe('FORBIDDEN');
    expect(errorCode(await enter('liucheng.window', '450222', NATIONAL_2027))).toBe('FORBIDDEN');
    // A county administrator sees nothing above the county.
    expect(
      errorCode(await enter('liucheng.admin', '450000', { ...NATIONAL_2027, kind: 'LOCAL' })),
    ).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });

  it('counts provisional deadlines again once 2027 is entered by the nation and the region', async () => {
    // An item with the longest statutory limit on Liucheng's list: its deadline may run into 2027.
    const [{ code }] = await db.query<{ code: string }>(
      `SELECT l.code FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
        WHERE t.division_code = '450222' AND l.promised_days IS NOT NULL AND NOT l.read_only
        ORDER BY l.promised_days DESC, l.code LIMIT 1`,
    );
    const accepted = await takeInAndAccept(code);

    const national = await enter('platform', '450000', NATIONAL_2027);
    expect(national.errors).toBeUndefined();
    expect(errorCode(await enter('platform', '450000', NATIONAL_2027))).toBe('BAD_USER_INPUT');
    // Not yet known for Guangxi: the region has not entered its 2027.
    expect((await year('liucheng.window', '450222', 2027)).known).toBe(false);
    const regional = await enter('platform', '450000', GUANGXI_2027);
    expect(regional.errors).toBeUndefined();
    const y2027 = await year('liucheng.window', '450222', 2027);
    expect(y2027.known).toBe(true);
    expect(day(y2027.days, '2027-02-13')).toMatchObject({
      working: true,
      reason: 'ADJUSTED_WORKDAY',
    });
    expect(day(y2027.days, '2027-04-09')).toMatchObject({ working: false, holiday: '壮族三月三' });

    const layers = await gql<{
      calendarLayers: { kind: string; years: { year: number; shipped: boolean }[] }[];
    }>(api.baseUrl, LAYERS, {
      ...as('liucheng.window'),
      variables: { tenantId: tenants['450222'] },
    });
    expect(
      layers
        .data!.calendarLayers.find((l) => l.kind === 'NATIONAL')!
        .years.find((y) => y.year === 2027),
    ).toMatchObject({ shipped: false });

    // The open case counted again, as the calendar now says.
    const calendar = composeCalendar(
      tenantCalendarLayers(
        '450222',
        { national: NATIONAL_SCHEDULE, regional: REGIONAL_SCHEDULES },
        {
          national: [{ ...NATIONAL_2027, notice: null }],
          regional: [
            { divisionCode: '450000', name: '广西', years: [{ ...GUANGXI_2027, notice: null }] },
          ],
          local: [],
        },
      ),
    );
    const expected = clockDeadlines(
      { calendar, hours: DEFAULT_BUSINESS_HOURS },
      {
        submittedAt: new Date(accepted.acceptedAt),
        acceptedAt: new Date(accepted.acceptedAt),
        promisedDays: accepted.promisedLimit.workingDays,
        statutoryDays: accepted.statutoryLimit.workingDays,
        pauses: [],
        extensionDays: 0,
      },
    );
    const after = await read(accepted.id);
    expect(after.clock.deadlinesProvisional).toBe(expected.provisional);
    expect(new Date(after.promisedDeadline).toISOString()).toBe(
      expected.promisedDeadline!.toISOString(),
    );
  });

  it('gives a county’s local days and hours to the tenants below, and moves open deadlines', async () => {
    const accepted = await takeInAndAccept('00013130100001');
    // A working day within its promised time, made a local day off.
    const calendarBefore = await year(
      'liucheng.window',
      '450222',
      new Date(accepted.promisedDeadline).getUTCFullYear(),
    );
    const dayOff = calendarBefore.days.find(
      (d) =>
        d.working &&
        d.date > new Date(accepted.acceptedAt).toISOString().slice(0, 10) &&
        d.date < new Date(accepted.promisedDeadline).toISOString().slice(0, 10),
    );
    expect(dayOff).toBeDefined();
    const local = await enter('liucheng.admin', '450222', {
      kind: 'LOCAL',
      year: Number(dayOff!.date.slice(0, 4)),
      daysOff: [{ name: '测试县休', first: dayOff!.date, last: dayOff!.date }],
      adjustedWorkdays: [],
    });
    expect(local.errors).toBeUndefined();
    // Mashan, below the county, has it too.
    const mashan = await year('mashan.manager', '450222203', Number(dayOff!.date.slice(0, 4)));
    expect(day(mashan.days, dayOff!.date)).toMatchObject({
      working: false,
      holiday: '测试县休',
      layer: '450222',
    });
    // The open case moved by one working day.
    const after = await read(accepted.id);
    expect(new Date(after.promisedDeadline).getTime()).toBeGreaterThan(
      new Date(accepted.promisedDeadline).getTime(),
    );

    // Hours: refused when out of order, inherited below when set.
    const bad = await gql(api.baseUrl, HOURS, {
      ...as('liucheng.admin'),
      variables: {
        input: { tenantId: tenants['450222'], periods: [{ opens: '14:00', closes: '12:00' }] },
      },
    });
    expect(problemCodes(bad)).toEqual(['CLOSES_BEFORE_OPENS']);
    const good = await gql(api.baseUrl, HOURS, {
      ...as('liucheng.admin'),
      variables: {
        input: {
          tenantId: tenants['450222'],
          periods: [
            { opens: '08:00', closes: '12:00' },
            { opens: '14:30', closes: '18:00' },
          ],
        },
      },
    });
    expect(good.errors).toBeUndefined();
    expect((await year('mashan.manager', '450222203', 2026)).businessHours).toEqual([
      { opens: '08:00', closes: '12:00' },
      { opens: '14:30', closes: '18:00' },
    ]);
    // A township manager and a clerk may not.
    for (const username of ['mashan.manager', 'liucheng.window']) {
      const refused = await gql(api.baseUrl, HOURS, {
        ...as(username),
        variables: {
          input: { tenantId: tenants['450222203'], periods: [{ opens: '08:00', closes: '17:00' }] },
        },
      });
      expect([username, errorCode(refused)]).toEqual([username, 'FORBIDDEN']);
    }
  });
});
