import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  type GraphQLResult,
  login,
  startApi,
  TestClock,
  TestDatabase,
} from '@tongban/test-support';
import ExcelJS from 'exceljs';

/**
 * 考勤 (issue 12) through the API: a center manager registers a fingerprint terminal (its
 * token shown once); the terminal sends clock events under its own ids (a replay records
 * nothing new); a manager enters a forgotten punch with a reason; the month's sheet counts
 * present, late, left early and absent over the tenant's working days, and exports as XLSX.
 * Every bad input is refused with its own code and changes nothing.
 */
const PASSWORD = 'Demo#2026';
const REGISTER = `mutation($input: RegisterAttendanceTerminalInput!) {
  registerAttendanceTerminal(input: $input) {
    token terminal { id tenantId label registeredByName revokedAt lastSeenAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeAttendanceTerminal(id: $id) { id revokedAt } }`;
const TERMINALS = `query($tenantId: ID) { attendanceTerminals(tenantId: $tenantId) { id label revokedAt lastSeenAt } }`;
const RECORD = `mutation($input: RecordClockEventsInput!) {
  recordClockEvents(input: $input) { eventId outcome } }`;
const ENTER = `mutation($input: EnterAttendanceInput!) {
  enterAttendance(input: $input) { id staffId at direction } }`;
const MONTH = `query($tenantId: ID, $month: String!) {
  attendanceMonth(tenantId: $tenantId, month: $month) {
    tenantId tenantName month workingDays
    rows { staffId staffName workingDays present late leftEarly absent } } }`;
const EXPORT = `query($tenantId: ID, $month: String!) { exportAttendanceMonth(tenantId: $tenantId, month: $month) }`;

interface Row {
  staffId: string;
  staffName: string;
  workingDays: number;
  present: number;
  late: number;
  leftEarly: number;
  absent: number;
}

/** A Beijing wall-clock moment as an ISO string. */
const beijing = (day: string, clock: string) => new Date(`${day}T${clock}:00+08:00`).toISOString();

describe('attendance', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const clock = new TestClock();
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};
  const tenants: Record<string, string> = {};
  let terminalToken = '';
  let terminalId = '';
  let address = 1;

  const call = <T>(username: string, query: string, variables: Record<string, unknown>) =>
    gql<T>(api.baseUrl, query, { token: tokens[username], variables });
  const reasonOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.reason;
  /** A terminal's call: no login, from its own address. */
  const send = (token: string, events: Record<string, unknown>[]) =>
    gql<{ recordClockEvents: { eventId: string; outcome: string }[] }>(api.baseUrl, RECORD, {
      variables: { input: { terminalToken: token, events } },
      headers: { 'X-Forwarded-For': `10.15.1.${address++}` },
    });
  const fingerprint = async () =>
    (
      await db.query<{ f: string }>(
        `SELECT md5(concat_ws('|',
           (SELECT string_agg(e::text, ',' ORDER BY id) FROM attendance_events e),
           (SELECT string_agg(t.id::text || coalesce(t.revoked_at::text, ''), ',' ORDER BY id)
              FROM attendance_terminals t),
           (SELECT count(*)::text FROM audit_events))) AS f`,
      )
    )[0].f;
  /** Refused with `code` (and `reason`), and nothing changed. */
  async function refused(
    run: () => Promise<GraphQLResult<unknown>>,
    code: string,
    reason?: string,
  ): Promise<GraphQLResult<unknown>> {
    const before = await fingerprint();
    const result = await run();
    expect(errorCode(result)).toBe(code);
    if (reason) expect(reasonOf(result)).toBe(reason);
    expect(result.data ?? null).toBeNull();
    expect(await fingerprint()).toBe(before);
    return result;
  }
  const month = async (username: string, tenantId: string | null, name = '2026-11') => {
    const result = await call<{ attendanceMonth: { workingDays: number; rows: Row[] } }>(
      username,
      MONTH,
      { tenantId, month: name },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.attendanceMonth;
  };
  const event = (eventId: string, day: string, time: string, direction: 'IN' | 'OUT') => ({
    eventId,
    staffId: users['mashan.manager'],
    at: beijing(day, time),
    direction,
  });

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({
      databaseUrl: db.url,
      env: { TRUST_PROXY: 'loopback', ...clock.env },
    });
    for (const username of [
      'liucheng.admin',
      'liucheng.window',
      'liucheng.supervisor',
      'mashan.manager',
      'village.staff',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.15.0.${address++}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ username: string; id: string }>(
      `SELECT username, id FROM users`,
    )) {
      users[row.username] = row.id;
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

  it('registers a terminal: the token shown once and stored only hashed', async () => {
    const result = await call<{
      registerAttendanceTerminal: {
        token: string;
        terminal: { id: string; tenantId: string; label: string; lastSeenAt: string | null };
      };
    }>('mashan.manager', REGISTER, { input: { label: ' 大厅考勤机 ' } });
    expect(result.errors).toBeUndefined();
    const { token, terminal } = result.data!.registerAttendanceTerminal;
    expect(terminal).toMatchObject({
      tenantId: tenants['450222203'],
      label: '大厅考勤机',
      lastSeenAt: null,
    });
    expect(token.startsWith(`${tenants['450222203']}.${terminal.id}.`)).toBe(true);
    const [stored] = await db.query<{ hash: string }>(
      `SELECT encode(token_hash, 'hex') AS hash FROM attendance_terminals WHERE id = $1`,
      [terminal.id],
    );
    expect(stored.hash).toHaveLength(64);
    expect(token).not.toContain(stored.hash);
    const [audited] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE action = 'ATTENDANCE_TERMINAL_REGISTERED' AND subject_id = $1`,
      [terminal.id],
    );
    expect(audited.n).toBe(1);
    terminalToken = token;
    terminalId = terminal.id;
  });

  it('keeps terminals to the center’s managers', async () => {
    // Not the manager's to see: the county above.
    await refused(
      () =>
        call('mashan.manager', REGISTER, {
          input: { label: '县大厅', tenantId: tenants['450222'] },
        }),
      'NOT_FOUND',
    );
    for (const username of ['liucheng.window', 'liucheng.supervisor', 'village.staff']) {
      await refused(() => call(username, REGISTER, { input: { label: '考勤机' } }), 'FORBIDDEN');
    }
    await refused(
      () => call('mashan.manager', REGISTER, { input: { label: '   ' } }),
      'BAD_USER_INPUT',
    );
    await refused(
      () => call('mashan.manager', REGISTER, { input: { label: '考勤\u0000机' } }),
      'BAD_USER_INPUT',
    );
    const list = await call<{ attendanceTerminals: { id: string }[] }>(
      'mashan.manager',
      TERMINALS,
      {},
    );
    expect(list.data!.attendanceTerminals.map((t) => t.id)).toEqual([terminalId]);
  });

  it('records a terminal’s events, and answers a replay the same without a new row', async () => {
    const batch = [
      event('T-1', '2026-11-02', '08:20', 'IN'),
      event('T-2', '2026-11-02', '17:40', 'OUT'),
      event('T-3', '2026-11-03', '08:50', 'IN'),
      event('T-4', '2026-11-03', '17:35', 'OUT'),
      event('T-5', '2026-11-04', '08:10', 'IN'),
      event('T-6', '2026-11-04', '16:00', 'OUT'),
    ];
    const first = await send(terminalToken, batch);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordClockEvents).toEqual(
      batch.map((e) => ({ eventId: e.eventId, outcome: 'RECORDED' })),
    );
    const count = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM attendance_events WHERE tenant_id = $1`,
          [tenants['450222203']],
        )
      )[0].n;
    expect(await count()).toBe(6);
    const [seen] = await db.query<{ seen: Date | null }>(
      `SELECT last_seen_at AS seen FROM attendance_terminals WHERE id = $1`,
      [terminalId],
    );
    expect(seen.seen).not.toBeNull();

    // The terminal did not hear the answer and sends the last two again.
    const again = await send(terminalToken, batch.slice(4));
    expect(again.data!.recordClockEvents).toEqual([
      { eventId: 'T-5', outcome: 'REPLAYED' },
      { eventId: 'T-6', outcome: 'REPLAYED' },
    ]);
    expect(await count()).toBe(6);
  });

  it('refuses an event out of order, from the future, or under a reused id, recording none of the batch', async () => {
    // Older than the newest recorded for the person (and the good event with it is not kept).
    const outOfOrder = await refused(
      () =>
        send(terminalToken, [
          event('T-7', '2026-11-05', '08:30', 'IN'),
          event('T-8', '2026-11-03', '12:00', 'OUT'),
        ]),
      'CONFLICT',
      'OUT_OF_ORDER',
    );
    expect(outOfOrder.errors![0].extensions!.eventId).toBe('T-8');
    // More than 5 minutes ahead of the server's clock.
    const ahead = new Date(clock.now().getTime() + 10 * 60_000).toISOString();
    await refused(
      () => send(terminalToken, [{ ...event('T-9', '2026-11-05', '08:30', 'IN'), at: ahead }]),
      'BAD_USER_INPUT',
      'FUTURE',
    );
    // A replayed id with another event behind it.
    await refused(
      () => send(terminalToken, [event('T-6', '2026-11-04', '17:45', 'OUT')]),
      'CONFLICT',
      'EVENT_ID_REUSED',
    );
    // A clock a little fast (within 5 minutes) is accepted.
    const fast = new Date(clock.now().getTime() + 2 * 60_000).toISOString();
    const ok = await send(terminalToken, [
      { ...event('T-fast', '2026-11-05', '08:30', 'IN'), at: fast },
    ]);
    expect(ok.data!.recordClockEvents).toEqual([{ eventId: 'T-fast', outcome: 'RECORDED' }]);
  });

  it('refuses a token of another tenant, a made-up one, and a revoked one', async () => {
    const [, id, secret] = terminalToken.split('.');
    // The terminal's id and secret under another tenant's id: unknown there.
    await refused(
      () =>
        send(`${tenants['450222']}.${id}.${secret}`, [event('X-1', '2026-11-05', '09:00', 'IN')]),
      'FORBIDDEN',
      'TERMINAL_UNKNOWN',
    );
    await refused(
      () =>
        send(`${tenants['450222203']}.${id}.${'A'.repeat(43)}`, [
          event('X-2', '2026-11-05', '09:00', 'IN'),
        ]),
      'FORBIDDEN',
      'TERMINAL_UNKNOWN',
    );
    await refused(
      () => send('not-a-token', [event('X-3', '2026-11-05', '09:00', 'IN')]),
      'FORBIDDEN',
      'TERMINAL_UNKNOWN',
    );
    // A staff member of another tenant (the county above, the village below): not named.
    for (const username of ['liucheng.window', 'village.staff']) {
      const result = await refused(
        () =>
          send(terminalToken, [
            { ...event('X-4', '2026-12-01', '09:00', 'IN'), staffId: users[username] },
          ]),
        'NOT_FOUND',
      );
      expect(result.errors![0].message).toBe('No such staff member here');
    }

    // Revoked: records nothing more.
    const revoked = await call<{ revokeAttendanceTerminal: { revokedAt: string | null } }>(
      'mashan.manager',
      REVOKE,
      { id: terminalId },
    );
    expect(revoked.data!.revokeAttendanceTerminal.revokedAt).not.toBeNull();
    await refused(
      () => send(terminalToken, [event('X-5', '2026-12-01', '09:00', 'IN')]),
      'FORBIDDEN',
      'TERMINAL_REVOKED',
    );
    await refused(() => call('mashan.manager', REVOKE, { id: terminalId }), 'CONFLICT');
    // Another center's manager... the county's supervisor may not revoke it.
    await refused(() => call('liucheng.supervisor', REVOKE, { id: terminalId }), 'FORBIDDEN');
  });

  it('lets a manager enter a forgotten punch with a reason, audited', async () => {
    const input = {
      staffId: users['mashan.manager'],
      at: beijing('2026-11-06', '08:25'),
      direction: 'IN',
      reason: '考勤机故障，补录',
    };
    // Older than the terminal's newest: what a hand entry is for.
    const entered = await call<{ enterAttendance: { id: string; direction: string } }>(
      'mashan.manager',
      ENTER,
      { input },
    );
    expect(entered.errors).toBeUndefined();
    const [audited] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'ATTENDANCE_ENTERED' AND subject_id = $1`,
      [entered.data!.enterAttendance.id],
    );
    expect(audited.n).toBe(1);

    await refused(
      () => call('mashan.manager', ENTER, { input: { ...input, reason: ' ' } }),
      'BAD_USER_INPUT',
    );
    await refused(
      () =>
        call('mashan.manager', ENTER, {
          input: { ...input, at: new Date(clock.now().getTime() + 3_600_000).toISOString() },
        }),
      'BAD_USER_INPUT',
      'FUTURE',
    );
    // Someone not of the manager's center: not named; a clerk enters nothing.
    await refused(
      () =>
        call('mashan.manager', ENTER, { input: { ...input, staffId: users['liucheng.window'] } }),
      'NOT_FOUND',
    );
    await refused(
      () =>
        call('mashan.manager', ENTER, {
          input: { ...input, tenantId: tenants['450222'], staffId: users['liucheng.window'] },
        }),
      'NOT_FOUND',
    );
    await refused(() => call('liucheng.window', ENTER, { input }), 'FORBIDDEN');
    await refused(() => call('liucheng.supervisor', ENTER, { input }), 'FORBIDDEN');
  });

  it('summarizes November 2026 per person over the working days', async () => {
    const sheet = await month('mashan.manager', null);
    // 21 weekdays, no holiday in November.
    expect(sheet.workingDays).toBe(21);
    // 2 November on time, 3rd late, 4th left early, 6th clocked in by hand (no clock-out).
    expect(sheet.rows).toEqual([
      {
        staffId: users['mashan.manager'],
        staffName: '马山乡政务服务中心主任',
        workingDays: 21,
        present: 4,
        late: 1,
        leftEarly: 2,
        absent: 17,
      },
    ]);
    // The county's supervisor and administrator read it (their subtree); the township's
    // station staff and a county clerk do not.
    expect((await month('liucheng.supervisor', tenants['450222203'])).rows).toEqual(sheet.rows);
    expect((await month('liucheng.admin', tenants['450222203'])).rows).toEqual(sheet.rows);
    await refused(
      () => call('liucheng.window', MONTH, { tenantId: tenants['450222203'], month: '2026-11' }),
      'NOT_FOUND',
    );
    // A clerk reads their own row of their center, and only that.
    const own = await month('liucheng.window', null);
    expect(own.rows.map((r) => r.staffId)).toEqual([users['liucheng.window']]);
    // A month is YYYY-MM.
    for (const bad of ['2026-13', '2026/11', 'November']) {
      await refused(
        () => call('mashan.manager', MONTH, { tenantId: null, month: bad }),
        'BAD_USER_INPUT',
        'BAD_MONTH',
      );
    }
    // October 2026: the National Day week off, Saturday the 10th worked.
    expect((await month('mashan.manager', null, '2026-10')).workingDays).toBe(18);
  });

  it('the demo holds two weeks of 柳城县’s clerks at its hall terminal', async () => {
    // The months the last two weeks touch (Beijing), summed per clerk.
    const months = [
      ...new Set(
        [14, 1].map((daysAgo) =>
          new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 7),
        ),
      ),
    ];
    const present = new Map<string, number>();
    for (const name of months) {
      for (const row of (await month('liucheng.supervisor', tenants['450222'], name)).rows) {
        present.set(row.staffId, (present.get(row.staffId) ?? 0) + row.present);
      }
    }
    expect(present.get(users['liucheng.window'])).toBeGreaterThan(0);
    expect(present.get(users['liucheng.land'])).toBeGreaterThan(0);
  });

  it('exports the sheet as XLSX, read back with exceljs', async () => {
    const sheet = await month('liucheng.supervisor', tenants['450222203']);
    const result = await call<{ exportAttendanceMonth: string }>('liucheng.supervisor', EXPORT, {
      tenantId: tenants['450222203'],
      month: '2026-11',
    });
    expect(result.errors).toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.data!.exportAttendanceMonth, 'base64') as never);
    const worksheet = workbook.worksheets[0];
    expect(worksheet.name).toBe('考勤 2026-11');
    const rows: unknown[][] = [];
    worksheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0][0]).toContain('2026-11');
    expect(rows[1][0]).toBe('姓名 Name');
    expect(rows.slice(2)).toEqual(
      sheet.rows.map((r) => [r.staffName, r.workingDays, r.present, r.late, r.leftEarly, r.absent]),
    );
  });
});
