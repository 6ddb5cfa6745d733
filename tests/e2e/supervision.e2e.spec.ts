import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  login,
  startApi,
  TestClock,
  TestDatabase,
  waitFor,
} from '@tongban/test-support';

/**
 * Electronic supervision (issue 12, DESIGN.md §4.4) through the API, with the API's clock
 * moved forward by the test (never a sleep): an accepted application turns YELLOW, then RED;
 * each card is raised once however many sweeps run, at the same time too; the window's staff
 * and the center's managers are told through the outbox (delivered to their inbox); a
 * supervisor closes a card with a note; the board counts what is open; settings inherited
 * down the tree move the YELLOW threshold.
 */
const PASSWORD = 'Demo#2026';
const DAY = 24 * 3600 * 1000;
/** 食品经营许可（新办）: on Liucheng's list, in working days. */
const FOOD_LICENCE = '00013130100001';
const WARNING = `id applicationId receiptNumber kind level status note closedByName mayClose
  tenantName windowName dueAt`;

describe('electronic supervision', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const clock = new TestClock();
  const tokens: Record<string, string> = {};
  let windowId = '';
  let address = 0;

  const as = (username: string) => ({ token: tokens[username] });
  const sweep = (username = 'liucheng.supervisor') =>
    gql<{ sweepDeadlines: { checked: number; raised: number } }>(
      api.baseUrl,
      'mutation { sweepDeadlines { checked raised } }',
      as(username),
    );
  const cardsOf = async (username: string, applicationId: string) => {
    const result = await gql<{ warnings: { nodes: { applicationId: string; level: string }[] } }>(
      api.baseUrl,
      `{ warnings(page: { first: 200 }) { nodes { ${WARNING} } } }`,
      as(username),
    );
    expect(result.errors).toBeUndefined();
    return result.data!.warnings.nodes.filter((w) => w.applicationId === applicationId);
  };
  const takeInAndAccept = async () => {
    const taken = await gql<{ submitApplication: { id: string; version: number } }>(
      api.baseUrl,
      `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id version } }`,
      {
        ...as('liucheng.window'),
        variables: {
          input: { windowId, itemCode: FOOD_LICENCE, applicant: { name: '监察测试' } },
        },
      },
    );
    expect(taken.errors).toBeUndefined();
    const accepted = await gql<{
      acceptApplication: {
        id: string;
        promisedDeadline: string;
        promisedLimit: { workingDays: number };
      };
    }>(
      api.baseUrl,
      `mutation($input: ActInput!) { acceptApplication(input: $input) {
         id promisedDeadline promisedLimit { workingDays } } }`,
      {
        ...as('liucheng.window'),
        variables: { input: { id: taken.data!.submitApplication.id, version: 1 } },
      },
    );
    expect(accepted.errors).toBeUndefined();
    return accepted.data!.acceptApplication;
  };
  /** Moves the API's clock to `at` (never back). */
  const moveTo = (at: Date) => {
    const ahead = at.getTime() - clock.now().getTime();
    if (ahead > 0) clock.advance(ahead);
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    // Jobs in process (no Redis): the outbox is delivered by its repeatable job; the sweep
    // runs when the test asks (its schedule is an hour).
    api = await startApi({
      databaseUrl: db.url,
      env: {
        TRUST_PROXY: 'loopback',
        REDIS_URL: '',
        SWEEP_DEADLINES_EVERY_MS: '3600000',
        DELIVER_NOTIFICATIONS_EVERY_MS: '1000',
        ...clock.env,
      },
    });
    for (const username of [
      'liucheng.window',
      'liucheng.supervisor',
      'liucheng.admin',
      'liuzhou.city',
      'mashan.manager',
      'platform',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.14.0.${++address}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    [{ id: windowId }] = await db.query<{ id: string }>(
      `SELECT w.id FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
        WHERE t.division_code = '450222' AND w.code = 'C1'`,
    );
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('turns an application YELLOW and then RED, each card once, and tells the handler and the managers', async () => {
    const application = await takeInAndAccept();
    const due = new Date(application.promisedDeadline);
    expect((await sweep()).errors).toBeUndefined();
    expect(await cardsOf('liucheng.supervisor', application.id)).toEqual([]);

    // An hour before the deadline: at most 1 working day is left.
    moveTo(new Date(due.getTime() - 3600_000));
    const first = await sweep();
    expect(first.data!.sweepDeadlines.raised).toBeGreaterThanOrEqual(1);
    expect((await cardsOf('liucheng.supervisor', application.id)).map((w) => w.level)).toEqual([
      'YELLOW',
    ]);
    // Swept again, and twice at once: nothing new.
    const again = await Promise.all([sweep(), sweep()]);
    for (const result of again) expect(result.errors).toBeUndefined();
    expect(await cardsOf('liucheng.supervisor', application.id)).toHaveLength(1);

    // Past the deadline: RED, once, whoever sweeps at the same time.
    moveTo(new Date(due.getTime() + 60_000));
    const both = await Promise.all([sweep(), sweep('platform'), sweep()]);
    for (const result of both) expect(result.errors).toBeUndefined();
    const cards = await cardsOf('liucheng.supervisor', application.id);
    expect(cards.map((w) => w.level).sort()).toEqual(['RED', 'YELLOW']);
    const [{ count }] = await db.query<{ count: string }>(
      `SELECT count(*)::text FROM application_warnings WHERE application_id = $1`,
      [application.id],
    );
    expect(count).toBe('2');

    // The window's clerk and the center's managers are told, once per card.
    const [{ messages }] = await db.query<{ messages: string }>(
      `SELECT count(*)::text AS messages FROM notification_outbox o
         JOIN application_warnings w ON o.dedupe_key = 'warning:' || w.id
        WHERE w.application_id = $1`,
      [application.id],
    );
    expect(Number(messages)).toBeGreaterThanOrEqual(2);
    const inbox = await waitFor(
      'the red card in the clerk’s inbox',
      async () => {
        const result = await gql<{ inbox: { unread: number; messages: { subject: string }[] } }>(
          api.baseUrl,
          '{ inbox { unread messages { subject } } }',
          as('liucheng.window'),
        );
        const red = result.data?.inbox.messages.find((m) => m.subject.startsWith('红牌'));
        return red ? result.data!.inbox : undefined;
      },
      20_000,
      200,
    );
    expect(inbox.unread).toBeGreaterThanOrEqual(2);
  });

  it('lets a supervisor close a card with a note, and no one else', async () => {
    const application = await takeInAndAccept();
    moveTo(new Date(new Date(application.promisedDeadline).getTime() + 60_000));
    await sweep();
    const [red] = (await cardsOf('liucheng.supervisor', application.id)).filter(
      (w) => w.level === 'RED',
    ) as unknown as { id: string; mayClose: boolean }[];
    expect(red.mayClose).toBe(true);
    const close = (username: string, note: string) =>
      gql<{ closeWarning: { status: string; note: string; closedByName: string } }>(
        api.baseUrl,
        `mutation($input: CloseWarningInput!) { closeWarning(input: $input) { status note closedByName } }`,
        { ...as(username), variables: { input: { id: red.id, note } } },
      );
    expect(errorCode(await close('liucheng.supervisor', '   '))).toBe('BAD_USER_INPUT');
    expect(errorCode(await close('liucheng.window', '已处理'))).toBe('FORBIDDEN');
    // A township's manager does not see the county's cards at all.
    expect(errorCode(await close('mashan.manager', '已处理'))).toBe('FORBIDDEN');
    expect(await cardsOf('mashan.manager', application.id)).toEqual([]);
    const closed = await close('liucheng.supervisor', '已约谈窗口负责人，当日办结');
    expect(closed.data!.closeWarning).toMatchObject({
      status: 'CLOSED',
      note: '已约谈窗口负责人，当日办结',
    });
    expect((await close('liucheng.supervisor', '再次关闭')).errors![0].extensions!.reason).toBe(
      'WARNING_CLOSED',
    );
    // The city sees the county's red cards.
    expect((await cardsOf('liuzhou.city', application.id)).map((w) => w.level)).toContain('RED');
  });

  it('shows the window’s camera link beside its cards (视频监控), never one with credentials', async () => {
    const setCamera = (cameraUrl: string | null, username = 'liucheng.admin') =>
      gql<{ setServiceWindowCamera: { cameraUrl: string | null } }>(
        api.baseUrl,
        `mutation($input: SetServiceWindowCameraInput!) {
           setServiceWindowCamera(input: $input) { cameraUrl } }`,
        { ...as(username), variables: { input: { windowId, cameraUrl } } },
      );
    for (const bad of ['rtsp://admin:12345@10.20.1.15/live', 'javascript:alert(1)', '三号机']) {
      const refused = await setCamera(bad);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    }
    expect(errorCode(await setCamera('rtsp://10.20.1.15/live', 'liucheng.window'))).toBe(
      'FORBIDDEN',
    );
    const [{ camera }] = await db.query<{ camera: string | null }>(
      `SELECT camera_url AS camera FROM service_windows WHERE id = $1`,
      [windowId],
    );
    expect(camera).toBeNull();
    const set = await setCamera(' rtsp://10.20.1.15:554/live/c1 ');
    expect(set.data!.setServiceWindowCamera.cameraUrl).toBe('rtsp://10.20.1.15:554/live/c1');
    const cards = await gql<{
      warnings: { nodes: { windowId: string; cameraUrl: string | null }[] };
    }>(
      api.baseUrl,
      '{ warnings(page: { first: 200 }) { nodes { windowId cameraUrl } } }',
      as('liucheng.supervisor'),
    );
    const atWindow = cards.data!.warnings.nodes.filter((w) => w.windowId === windowId);
    expect(atWindow.length).toBeGreaterThan(0);
    expect(atWindow.every((w) => w.cameraUrl === 'rtsp://10.20.1.15:554/live/c1')).toBe(true);
    expect((await setCamera('')).data!.setServiceWindowCamera.cameraUrl).toBeNull();
  });

  it('counts open cards by center, window and level', async () => {
    const board = await gql<{
      warningBoard: { tenantName: string; windowName: string; level: string; open: number }[];
    }>(
      api.baseUrl,
      '{ warningBoard { tenantName windowName level open } }',
      as('liucheng.supervisor'),
    );
    expect(board.errors).toBeUndefined();
    const rows = board.data!.warningBoard;
    expect(rows.length).toBeGreaterThan(0);
    const [{ open }] = await db.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM application_warnings w JOIN tenants t ON t.id = w.tenant_id
        WHERE w.status = 'OPEN' AND t.division_code LIKE '450222%'`,
    );
    expect(rows.reduce((sum, row) => sum + row.open, 0)).toBe(open);
  });

  it('takes thresholds from the county’s settings, refusing values out of range', async () => {
    const [{ id: county }] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222'`,
    );
    const set = (input: Record<string, unknown>, username = 'liucheng.admin') =>
      gql<{
        setSupervisionSettings: {
          effective: { yellowShare: number; rectificationWorkingDays: number };
        };
      }>(
        api.baseUrl,
        `mutation($input: SetSupervisionSettingsInput!) { setSupervisionSettings(input: $input) {
           effective { yellowShare rectificationWorkingDays } sources { field tenantName } } }`,
        { ...as(username), variables: { input: { tenantId: county, ...input } } },
      );
    const bad = await set({ yellowShare: 0, rectificationWorkingDays: 2.5 });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(errorCode(await set({ yellowShare: 0.5 }, 'liucheng.window'))).toBe('FORBIDDEN');
    const [{ rows }] = await db.query<{ rows: string }>(
      `SELECT count(*)::text AS rows FROM supervision_settings`,
    );
    expect(rows).toBe('0');
    const good = await set({ yellowShare: 0.5 });
    expect(good.data!.setSupervisionSettings.effective).toEqual({
      yellowShare: 0.5,
      rectificationWorkingDays: 15,
    });
    // Half the promised time left: YELLOW already, where 20 % would not be.
    const application = await takeInAndAccept();
    const due = new Date(application.promisedDeadline);
    moveTo(new Date(due.getTime() - 6 * DAY));
    const read = await gql<{ application: { clock: { workingDaysLeft: number } } }>(
      api.baseUrl,
      'query($id: ID!) { application(id: $id) { clock { workingDaysLeft } } }',
      { ...as('liucheng.window'), variables: { id: application.id } },
    );
    const left = read.data!.application.clock.workingDaysLeft;
    expect(left).toBeGreaterThan(2);
    expect(left).toBeLessThanOrEqual(5);
    await sweep();
    expect((await cardsOf('liucheng.supervisor', application.id)).map((w) => w.level)).toEqual([
      'YELLOW',
    ]);
    // A township below reads the county's settings as its own.
    const township = await gql<{ supervisionSettings: { effective: { yellowShare: number } } }>(
      api.baseUrl,
      '{ supervisionSettings { effective { yellowShare } mayEdit } }',
      as('mashan.manager'),
    );
    expect(township.data!.supervisionSettings.effective.yellowShare).toBe(0.5);
  });
});
