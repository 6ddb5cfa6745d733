import {
  ApiProcess,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  gql,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';

/**
 * Consultations (咨询, DESIGN.md §4.3 and §4.5): logged at a window the person works, about an
 * item of the center's menu or none, and counted per tenant subtree and Beijing calendar days
 * by channel and item. Bad input is refused with its own code and writes nothing.
 */
const PASSWORD = 'Demo#2026';
const FIELDS = `id tenantId tenantName windowId windowName itemCode itemName channel note
  loggedByName loggedAt`;
const LOG = `mutation Log($input: LogConsultationInput!) { logConsultation(input: $input) { ${FIELDS} } }`;
const LIST = `query List($filter: ConsultationsFilterInput, $page: ConsultationsPageInput) {
  consultations(filter: $filter, page: $page) {
    nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`;
const COUNTS = `query Counts($tenantId: ID!, $from: String!, $to: String!) {
  consultationCounts(tenantId: $tenantId, from: $from, to: $to) {
    tenantId from to total general
    byChannel { channel count }
    topItems { itemCode itemName count } } }`;
const WINDOWS = `query Windows($tenantId: ID) { consultationWindows(tenantId: $tenantId) { id code name tenantName } }`;

/** 食品经营许可（新办）: on Liucheng's list. */
const FOOD_LICENCE = '00013130100001';
/** 高龄津贴申领: the county decides it, villages take it in. */
const AGE_ALLOWANCE = '450011002W01';
/** 固定资产投资项目节能审查: on Liucheng's list, on no township or village menu. */
const COUNTY_ONLY = '000104002000';

interface Consultation {
  id: string;
  tenantId: string;
  tenantName: string;
  windowId: string;
  windowName: string;
  itemCode: string | null;
  itemName: string | null;
  channel: string;
  note: string | null;
  loggedByName: string;
  loggedAt: string;
}
interface Counts {
  tenantId: string;
  from: string;
  to: string;
  total: number;
  general: number;
  byChannel: { channel: string; count: number }[];
  topItems: { itemCode: string; itemName: string; count: number }[];
}

/** The Beijing calendar day of an instant, `days` later. */
const beijingDay = (days = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('consultations', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const windows: Record<string, string> = {};
  const tenants: Record<string, string> = {};

  const log = (username: string, input: Record<string, unknown>) =>
    gql<{ logConsultation: Consultation }>(api.baseUrl, LOG, {
      token: tokens[username],
      variables: { input },
    });
  const counts = (username: string, tenant: string, from = beijingDay(), to = beijingDay()) =>
    gql<{ consultationCounts: Counts }>(api.baseUrl, COUNTS, {
      token: tokens[username],
      variables: { tenantId: tenants[tenant], from, to },
    });
  const list = (username: string, filter: Record<string, unknown> = {}, page?: object) =>
    gql<{
      consultations: {
        nodes: Consultation[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(api.baseUrl, LIST, { token: tokens[username], variables: { filter, page } });
  const problems = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    result.errors?.[0]?.extensions?.problems as { field: string; code: string }[] | undefined;
  const channelCount = (c: Counts, channel: string) =>
    c.byChannel.find((row) => row.channel === channel)!.count;
  const itemCount = (c: Counts, code: string) =>
    c.topItems.find((row) => row.itemCode === code)?.count ?? 0;

  /** Refused with `code`, and the database is as it was. */
  async function refused(
    username: string,
    input: Record<string, unknown>,
    code: string,
  ): Promise<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
    const before = await databaseFingerprint(db);
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM consultations`);
    const result = await log(username, input);
    expect({ code: errorCode(result), data: result.data?.logConsultation ?? null }).toEqual({
      code,
      data: null,
    });
    expect(await databaseFingerprint(db)).toBe(before);
    const [{ n: after }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consultations`,
    );
    expect(after).toBe(n);
    return result;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    let address = 1;
    for (const username of [
      'liuzhou.city',
      'liucheng.admin',
      'liucheng.window',
      'mashan.manager',
      'village.staff',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.11.0.${address++}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ key: string; id: string }>(
      `SELECT t.division_code || '/' || w.code AS key, w.id FROM service_windows w
         JOIN tenants t ON t.id = w.tenant_id`,
    )) {
      windows[row.key] = row.id;
    }
    for (const row of await db.query<{ code: string; id: string }>(
      `SELECT division_code AS code, id FROM tenants`,
    )) {
      tenants[row.code] = row.id;
    }
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('a window clerk logs consultations at their window, and the counts move by exactly those', async () => {
    const before = (await counts('liucheng.window', '450222')).data!.consultationCounts;
    const first = await log('liucheng.window', {
      windowId: windows['450222/C1'],
      itemCode: ` ${FOOD_LICENCE} `,
      channel: 'IN_PERSON',
      note: ' 问需要带哪些材料 ',
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.logConsultation).toMatchObject({
      tenantId: tenants['450222'],
      tenantName: '柳城县',
      windowId: windows['450222/C1'],
      windowName: '综合窗口1',
      itemCode: FOOD_LICENCE,
      itemName: '食品经营许可（新办）',
      channel: 'IN_PERSON',
      note: '问需要带哪些材料',
      loggedByName: '综合窗口 韦丽',
    });
    const general = await log('liucheng.window', {
      windowId: windows['450222/C1'],
      channel: 'PHONE',
      note: '   ',
    });
    expect(general.data!.logConsultation).toMatchObject({
      itemCode: null,
      itemName: null,
      channel: 'PHONE',
      note: null,
    });
    const online = await log('liucheng.window', {
      windowId: windows['450222/C1'],
      itemCode: FOOD_LICENCE,
      channel: 'ONLINE',
      note: '问'.repeat(500),
    });
    expect(online.errors).toBeUndefined();

    const after = (await counts('liucheng.window', '450222')).data!.consultationCounts;
    expect(after).toMatchObject({
      tenantId: tenants['450222'],
      from: beijingDay(),
      to: beijingDay(),
      total: before.total + 3,
      general: before.general + 1,
    });
    expect(after.byChannel).toEqual([
      { channel: 'IN_PERSON', count: channelCount(before, 'IN_PERSON') + 1 },
      { channel: 'PHONE', count: channelCount(before, 'PHONE') + 1 },
      { channel: 'ONLINE', count: channelCount(before, 'ONLINE') + 1 },
    ]);
    expect(itemCount(after, FOOD_LICENCE)).toBe(itemCount(before, FOOD_LICENCE) + 2);
    expect(after.topItems.find((row) => row.itemCode === FOOD_LICENCE)!.itemName).toBe(
      '食品经营许可（新办）',
    );

    // Written as logged, with the clerk and the window, and counted as the database holds it.
    const [row] = await db.query<Record<string, unknown>>(
      `SELECT c.item_code, c.item_name, c.channel, c.note, u.username, w.code
         FROM consultations c JOIN users u ON u.id = c.logged_by
              JOIN service_windows w ON w.id = c.window_id
        WHERE c.id = $1`,
      [first.data!.logConsultation.id],
    );
    expect(row).toEqual({
      item_code: FOOD_LICENCE,
      item_name: '食品经营许可（新办）',
      channel: 'IN_PERSON',
      note: '问需要带哪些材料',
      username: 'liucheng.window',
      code: 'C1',
    });
  });

  it('counts exactly what the database holds for a clerk’s window over Beijing days', async () => {
    const from = beijingDay(-7);
    const to = beijingDay();
    const result = (await counts('liucheng.window', '450222', from, to)).data!.consultationCounts;
    const rows = await db.query<{ channel: string; n: number; general: number }>(
      `SELECT channel, count(*)::int AS n, count(*) FILTER (WHERE item_code IS NULL)::int AS general
         FROM consultations
        WHERE window_id = $1
          AND logged_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND logged_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
        GROUP BY channel`,
      [windows['450222/C1'], from, to],
    );
    const expected = (channel: string) => rows.find((r) => r.channel === channel)?.n ?? 0;
    expect(result.total).toBe(rows.reduce((sum, r) => sum + r.n, 0));
    expect(result.total).toBeGreaterThanOrEqual(6); // the demo's three and this suite's three
    expect(result.general).toBe(rows.reduce((sum, r) => sum + r.general, 0));
    expect(result.byChannel).toEqual(
      ['IN_PERSON', 'PHONE', 'ONLINE'].map((channel) => ({ channel, count: expected(channel) })),
    );
    // The land window's demo consultation is not the clerk's to count.
    const [{ land }] = await db.query<{ land: number }>(
      `SELECT count(*)::int AS land FROM consultations WHERE window_id = $1`,
      [windows['450222/01']],
    );
    expect(land).toBeGreaterThan(0);
    const admin = (await counts('liucheng.admin', '450222', from, to)).data!.consultationCounts;
    expect(admin.total).toBeGreaterThanOrEqual(result.total + land);
  });

  it('lists newest first, a page at a time, only at the clerk’s windows, filtered by window and days', async () => {
    const all = await list('liucheng.window');
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.consultations.nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(6);
    expect(new Set(nodes.map((n) => n.windowId))).toEqual(new Set([windows['450222/C1']]));
    const times = nodes.map((n) => Date.parse(n.loggedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const first = await list('liucheng.window', {}, { first: 2 });
    expect(first.data!.consultations.pageInfo.hasNextPage).toBe(true);
    const second = await list(
      'liucheng.window',
      {},
      { first: 2, after: first.data!.consultations.pageInfo.endCursor },
    );
    expect(
      [...first.data!.consultations.nodes, ...second.data!.consultations.nodes].map((n) => n.id),
    ).toEqual(nodes.slice(0, 4).map((n) => n.id));

    const today = await list('liucheng.window', { from: beijingDay(), to: beijingDay() });
    expect(today.data!.consultations.nodes.length).toBeGreaterThanOrEqual(3);
    const midnight = Date.parse(`${beijingDay()}T00:00:00+08:00`);
    for (const node of today.data!.consultations.nodes) {
      expect(Date.parse(node.loggedAt)).toBeGreaterThanOrEqual(midnight);
    }

    const land = await list('liucheng.admin', { windowId: windows['450222/01'] });
    expect(land.data!.consultations.nodes.length).toBeGreaterThan(0);
    expect(new Set(land.data!.consultations.nodes.map((n) => n.windowName))).toEqual(
      new Set(['国土资源窗口']),
    );
  });

  it('offers a clerk only the windows they work, a station its service point', async () => {
    const clerk = await gql<{ consultationWindows: { code: string }[] }>(api.baseUrl, WINDOWS, {
      token: tokens['liucheng.window'],
    });
    expect(clerk.data!.consultationWindows.map((w) => w.code)).toEqual(['C1']);
    const station = await gql<{ consultationWindows: { code: string; tenantName: string }[] }>(
      api.baseUrl,
      WINDOWS,
      { token: tokens['village.staff'] },
    );
    expect(station.data!.consultationWindows).toEqual([
      expect.objectContaining({ code: 'D1', tenantName: '马山村便民服务站' }),
    ]);
    const foreign = await gql(api.baseUrl, WINDOWS, {
      token: tokens['liucheng.window'],
      variables: { tenantId: tenants['450222203'] },
    });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });

  it('refuses a channel it does not know', async () => {
    await refused(
      'liucheng.window',
      { windowId: windows['450222/C1'], channel: 'FAX' },
      'BAD_USER_INPUT',
    );
  });

  it('refuses a note over 500 characters, naming the field', async () => {
    const result = await refused(
      'liucheng.window',
      { windowId: windows['450222/C1'], channel: 'PHONE', note: '问'.repeat(501) },
      'BAD_USER_INPUT',
    );
    expect(problems(result)).toEqual([
      { field: 'note', code: 'TOO_LONG', problem: 'At most 500 characters' },
    ]);
  });

  it('refuses a NUL byte and broken Unicode in the note', async () => {
    const nul = await refused(
      'liucheng.window',
      { windowId: windows['450222/C1'], channel: 'PHONE', note: '问\u0000题' },
      'BAD_USER_INPUT',
    );
    expect(nul.errors![0].extensions).toMatchObject({ problem: 'CONTROL_CHARACTER' });
    const broken = await refused(
      'liucheng.window',
      { windowId: windows['450222/C1'], channel: 'PHONE', note: '问\ud800题' },
      'BAD_USER_INPUT',
    );
    expect(broken.errors![0].extensions).toMatchObject({ problem: 'BROKEN_UNICODE' });
  });

  it('refuses an item not on the center’s menu, with a problems entry', async () => {
    const unknown = await refused(
      'liucheng.window',
      { windowId: windows['450222/C1'], itemCode: 'NOT-AN-ITEM-001', channel: 'IN_PERSON' },
      'BAD_USER_INPUT',
    );
    expect(problems(unknown)).toEqual([
      { field: 'itemCode', code: 'ITEM_NOT_ON_MENU', problem: "Not on this center's menu" },
    ]);
    // On the county's list, but not on the station's menu.
    const county = await refused(
      'village.staff',
      { windowId: windows['450222203201/D1'], itemCode: COUNTY_ONLY, channel: 'IN_PERSON' },
      'BAD_USER_INPUT',
    );
    expect(problems(county)?.[0]).toMatchObject({ field: 'itemCode' });
  });

  it('refuses a window of the hall the clerk does not work (FORBIDDEN, as intake does)', async () => {
    await refused(
      'liucheng.window',
      { windowId: windows['450222/01'], channel: 'IN_PERSON' },
      'FORBIDDEN',
    );
  });

  it('refuses a window of another tenant as not found, and a role that logs nothing', async () => {
    await refused(
      'liucheng.window',
      { windowId: windows['450222203/C1'], channel: 'IN_PERSON' },
      'NOT_FOUND',
    );
    await refused(
      'mashan.manager',
      { windowId: windows['450222/C1'], channel: 'IN_PERSON' },
      'NOT_FOUND',
    );
    await refused(
      'liucheng.window',
      { windowId: '00000000-0000-4000-8000-000000000000', channel: 'IN_PERSON' },
      'NOT_FOUND',
    );
    await refused(
      'liuzhou.city',
      { windowId: windows['450222/C1'], channel: 'IN_PERSON' },
      'FORBIDDEN',
    );
  });

  it('a village station’s staff logs one at the station, about an item it takes in', async () => {
    const result = await log('village.staff', {
      windowId: windows['450222203201/D1'],
      itemCode: AGE_ALLOWANCE,
      channel: 'IN_PERSON',
      note: '替老人问申领条件',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.logConsultation).toMatchObject({
      tenantName: '马山村便民服务站',
      windowName: '代办窗口',
      itemCode: AGE_ALLOWANCE,
      itemName: '高龄津贴申领',
      loggedByName: '马山村代办员 覃明',
    });
    // The township's manager counts it over the township's subtree.
    const township = (await counts('mashan.manager', '450222203')).data!.consultationCounts;
    expect(itemCount(township, AGE_ALLOWANCE)).toBeGreaterThanOrEqual(1);
  });

  it('a city official reads the counts over the whole subtree', async () => {
    const from = beijingDay(-30);
    const to = beijingDay();
    const city = await counts('liuzhou.city', '450200', from, to);
    expect(city.errors).toBeUndefined();
    const [{ n, general }] = await db.query<{ n: number; general: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE item_code IS NULL)::int AS general
         FROM consultations
        WHERE logged_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND logged_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      [from, to],
    );
    const counted = city.data!.consultationCounts;
    expect(counted.total).toBe(n);
    expect(counted.general).toBe(general);
    expect(counted.byChannel.reduce((sum, row) => sum + row.count, 0)).toBe(n);
    // The station's consultations are in the city's, the county's and the township's.
    expect(itemCount(counted, AGE_ALLOWANCE)).toBeGreaterThanOrEqual(2);
    const county = (await counts('liucheng.admin', '450222', from, to)).data!.consultationCounts;
    expect(county.total).toBe(n);
    // A sub-period counts less or as much, never more.
    const narrow = (await counts('liuzhou.city', '450200', to, to)).data!.consultationCounts;
    expect(narrow.total).toBeLessThanOrEqual(n);
  });

  it('refuses counts out of sight and periods that are not periods', async () => {
    expect(errorCode(await counts('liucheng.window', '450222203'))).toBe('NOT_FOUND');
    expect(errorCode(await counts('mashan.manager', '450222'))).toBe('NOT_FOUND');
    const backwards = await counts('liucheng.admin', '450222', beijingDay(), beijingDay(-1));
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(problems(backwards)).toEqual([
      { field: 'to', code: 'ENDS_BEFORE_START', problem: 'The period ends before it starts' },
    ]);
    expect(errorCode(await counts('liucheng.admin', '450222', '2026-02-30', beijingDay()))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await list('liucheng.admin', { from: beijingDay(), to: beijingDay(-2) })),
    ).toBe('BAD_USER_INPUT');
  });
});
