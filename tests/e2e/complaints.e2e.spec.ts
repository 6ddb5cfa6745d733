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
import {
  composeCalendar,
  countedProvisionally,
  deadline,
  DEFAULT_BUSINESS_HOURS,
  layersFor,
  NATIONAL_SCHEDULE,
  REGIONAL_SCHEDULES,
} from '@tongban/workflow';

/**
 * 投诉 (issue 12) through the API: the complaint window logs a complaint against one window,
 * staff member or application, due in the tenant's complaint working days (15 by default, a
 * setting inherited down the tree) by its calendar; the center's managers are told through
 * the outbox; managers and supervisors handle it to an outcome; clerks read those about their
 * windows or themselves, the complainant masked. Every bad input is refused with its own code
 * and changes nothing.
 */
const PASSWORD = 'Demo#2026';
const FIELDS = `id tenantId tenantName subjectKind windowId windowName staffId staffName
  applicationId receiptNumber channel complainantName complainantPhone personalDataMasked
  content receivedAt dueAt overdue status loggedByName assigneeName outcome resolution
  finishedByName finishedAt mayHandle events { action actorName note }`;
const LOG = `mutation($input: LogComplaintInput!) { logComplaint(input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { complaint(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: ComplaintsFilterInput, $page: ComplaintsPageInput) {
  complaints(filter: $filter, page: $page) {
    nodes { id status overdue windowId staffId complainantName complainantPhone }
    pageInfo { hasNextPage endCursor } } }`;
const ASSIGN = `mutation($input: AssignComplaintInput!) { assignComplaint(input: $input) { ${FIELDS} } }`;
const NOTE = `mutation($input: AddComplaintNoteInput!) { addComplaintNote(input: $input) { ${FIELDS} } }`;
const RESOLVE = `mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation($input: CloseComplaintInput!) { closeComplaint(input: $input) { ${FIELDS} } }`;

interface Complaint {
  id: string;
  tenantId: string;
  subjectKind: string;
  windowId: string | null;
  windowName: string | null;
  staffId: string | null;
  staffName: string | null;
  applicationId: string | null;
  receiptNumber: string | null;
  complainantName: string;
  complainantPhone: string | null;
  personalDataMasked: boolean;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  status: string;
  assigneeName: string | null;
  outcome: string | null;
  resolution: string | null;
  finishedByName: string | null;
  mayHandle: boolean;
  events: { action: string; actorName: string; note: string | null }[];
}

const guangxi = composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES));
const dueAfter = (from: string, days: number) =>
  countedProvisionally({ calendar: guangxi, hours: DEFAULT_BUSINESS_HOURS }, (c) =>
    deadline(c.calendar, c.hours, new Date(from), days),
  ).value!.toISOString();

describe('complaints', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const clock = new TestClock();
  const tokens: Record<string, string> = {};
  const windows: Record<string, string> = {};
  const users: Record<string, string> = {};
  const tenants: Record<string, string> = {};

  const call = <T>(username: string, query: string, variables: Record<string, unknown>) =>
    gql<T>(api.baseUrl, query, { token: tokens[username], variables });
  const reasonOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.reason;
  const problemsOf = (result: GraphQLResult<unknown>) =>
    (
      result.errors?.[0]?.extensions?.problems as { field: string; code: string }[] | undefined
    )?.map((p) => p.code);
  const fingerprint = async () =>
    (
      await db.query<{ f: string }>(
        `SELECT md5(concat_ws('|',
           (SELECT string_agg(c::text, ',' ORDER BY id) FROM complaints c),
           (SELECT string_agg(e::text, ',' ORDER BY id) FROM complaint_events e),
           (SELECT count(*)::text FROM notification_outbox),
           (SELECT count(*)::text FROM audit_events))) AS f`,
      )
    )[0].f;
  /** Refused with `code`, and nothing changed. */
  async function refused(
    run: () => Promise<GraphQLResult<unknown>>,
    code: string,
  ): Promise<GraphQLResult<unknown>> {
    const before = await fingerprint();
    const result = await run();
    expect(errorCode(result)).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await fingerprint()).toBe(before);
    return result;
  }
  const log = async (username: string, input: Record<string, unknown>) => {
    const result = await call<{ logComplaint: Complaint }>(username, LOG, {
      input: {
        channel: 'IN_PERSON',
        complainantName: '张三',
        content: '窗口人员态度生硬',
        ...input,
      },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.logComplaint;
  };
  const list = async (username: string, filter: Record<string, unknown> = {}) => {
    const result = await call<{ complaints: { nodes: Complaint[] } }>(username, LIST, {
      filter,
      page: { first: 200 },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.complaints.nodes;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({
      databaseUrl: db.url,
      env: { TRUST_PROXY: 'loopback', ...clock.env },
    });
    let address = 1;
    for (const username of [
      'liuzhou.city',
      'liucheng.admin',
      'liucheng.window',
      'liucheng.land',
      'liucheng.supervisor',
      'mashan.manager',
      'village.staff',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.14.0.${address++}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ key: string; id: string }>(
      `SELECT t.division_code || '/' || w.code AS key, w.id FROM service_windows w
         JOIN tenants t ON t.id = w.tenant_id`,
    )) {
      windows[row.key] = row.id;
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

  it('the demo holds complaints: a new one, an overdue one in progress, a resolved one', async () => {
    const county = await list('liucheng.supervisor');
    expect(county.map((c) => [c.status, c.overdue, c.staffId === users['liucheng.land']])).toEqual(
      expect.arrayContaining([
        ['RECEIVED', false, false],
        ['IN_PROGRESS', true, true],
        ['RESOLVED', false, expect.any(Boolean)],
      ]),
    );
    // The township's, about its application, resolved by its manager; not the county's to see.
    const township = await list('mashan.manager');
    expect(township.map((c) => c.status)).toEqual(['RESOLVED']);
    // The clerk of 综合窗口1 reads the one about the window, the complainant masked.
    const clerk = await list('liucheng.window');
    expect(clerk.map((c) => c.complainantName)).toEqual(['黄**']);
  });

  it('logs a complaint against a window, due in 15 working days, and tells the managers', async () => {
    const complaint = await log('mashan.manager', {
      windowId:
        windows['450222203/C1'] ??
        Object.entries(windows).find(([k]) => k.startsWith('450222203/'))![1],
      complainantPhone: '138 0000 1234',
      channel: 'HOTLINE_12345',
    });
    expect(complaint).toMatchObject({
      tenantId: tenants['450222203'],
      subjectKind: 'WINDOW',
      staffId: null,
      applicationId: null,
      complainantName: '张三',
      complainantPhone: '13800001234',
      personalDataMasked: false,
      status: 'RECEIVED',
      overdue: false,
      mayHandle: true,
      events: [{ action: 'LOGGED', actorName: expect.any(String), note: null }],
    });
    expect(complaint.dueAt).toBe(dueAfter(complaint.receivedAt, 15));
    // The township's manager is told in the same transaction; no personal data in the message.
    const messages = await db.query<{ recipient: string; body: string }>(
      `SELECT recipient_id AS recipient, subject || body AS body FROM notification_outbox
        WHERE dedupe_key = $1`,
      [`complaint:${complaint.id}`],
    );
    expect(messages.map((m) => m.recipient)).toEqual([users['mashan.manager']]);
    expect(messages[0].body).not.toContain('张三');
    expect(messages[0].body).not.toContain('1380000');
  });

  it('derives the window and handler of an application complained about', async () => {
    const [application] = await db.query<{ id: string; window: string; actor: string }>(
      `SELECT a.id, a.window_id AS window,
              (SELECT e.actor_id FROM application_events e WHERE e.application_id = a.id
                ORDER BY e.occurred_at DESC LIMIT 1) AS actor
         FROM applications a JOIN tenants t ON t.id = a.tenant_id
        WHERE t.division_code = '450222' AND a.window_id = $1
          AND EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id)
        ORDER BY a.receipt_number LIMIT 1`,
      [windows['450222/C1']],
    );
    expect(application).toBeDefined();
    const complaint = await log('liucheng.supervisor', {
      applicationId: application.id,
      channel: 'LETTER',
    });
    expect(complaint).toMatchObject({
      subjectKind: 'APPLICATION',
      applicationId: application.id,
      windowId: application.window,
      staffId: application.actor,
      receiptNumber: expect.any(String),
    });
  });

  it('a complaint about a staff member: the clerk reads it masked, the city masked, the supervisor plainly', async () => {
    const complaint = await log('liucheng.supervisor', {
      staffId: users['liucheng.land'],
      complainantName: '李四',
      complainantPhone: '0772-7612345',
      channel: 'ONLINE',
    });
    expect(complaint).toMatchObject({ subjectKind: 'STAFF', staffId: users['liucheng.land'] });
    const clerk = await call<{ complaint: Complaint }>('liucheng.land', GET, { id: complaint.id });
    expect(clerk.data!.complaint).toMatchObject({
      complainantName: '李*',
      complainantPhone: '*******2345',
      personalDataMasked: true,
      mayHandle: false,
    });
    const city = (await list('liuzhou.city')).find((c) => c.id === complaint.id)!;
    expect(city).toMatchObject({ complainantName: '李*', complainantPhone: '*******2345' });
    // Another clerk of the county, whom it is not about and whose windows it is not at.
    expect((await list('liucheng.window')).map((c) => c.id)).not.toContain(complaint.id);
    await refused(() => call('liucheng.window', GET, { id: complaint.id }), 'NOT_FOUND');
    expect((await list('liucheng.land')).map((c) => c.id)).toContain(complaint.id);
    // The supervisor of the county reads it plainly; the township's manager does not see it.
    expect((await list('liucheng.supervisor')).find((c) => c.id === complaint.id)).toMatchObject({
      complainantName: '李四',
      complainantPhone: '0772-7612345',
    });
    expect((await list('mashan.manager')).map((c) => c.id)).not.toContain(complaint.id);
  });

  it('is assigned, noted and resolved with an outcome; a finished complaint refuses every act', async () => {
    const complaint = await log('liucheng.supervisor', { windowId: windows['450222/C1'] });
    // The clerk of that window reads it, masked, and may not handle it.
    const seen = (await list('liucheng.window')).find((c) => c.id === complaint.id);
    expect(seen).toMatchObject({ complainantName: '张*' });
    await refused(
      () =>
        call('liucheng.window', RESOLVE, {
          input: { complaintId: complaint.id, outcome: 'UNSUBSTANTIATED', resolution: '无' },
        }),
      'FORBIDDEN',
    );
    const assigned = await call<{ assignComplaint: Complaint }>('liucheng.supervisor', ASSIGN, {
      input: { complaintId: complaint.id, assigneeId: users['liucheng.supervisor'] },
    });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignComplaint).toMatchObject({
      status: 'IN_PROGRESS',
      assigneeName: expect.any(String),
    });
    const noted = await call<{ addComplaintNote: Complaint }>('liucheng.supervisor', NOTE, {
      input: { complaintId: complaint.id, note: '已电话联系投诉人' },
    });
    expect(noted.data!.addComplaintNote.events.map((e) => e.action)).toEqual([
      'LOGGED',
      'ASSIGNED',
      'NOTE',
    ]);
    const inProgress = await list('liucheng.supervisor', { status: 'IN_PROGRESS' });
    expect(inProgress.map((c) => c.id)).toContain(complaint.id);
    expect(inProgress.every((c) => c.status === 'IN_PROGRESS')).toBe(true);
    const resolved = await call<{ resolveComplaint: Complaint }>('liucheng.supervisor', RESOLVE, {
      input: {
        complaintId: complaint.id,
        outcome: 'PARTLY_SUBSTANTIATED',
        resolution: '已批评教育窗口人员，并向投诉人致歉',
      },
    });
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveComplaint).toMatchObject({
      status: 'RESOLVED',
      outcome: 'PARTLY_SUBSTANTIATED',
      resolution: '已批评教育窗口人员，并向投诉人致歉',
      finishedByName: expect.any(String),
      mayHandle: false,
    });
    const [{ count }] = await db.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM audit_events
        WHERE subject_id = $1 AND action IN ('COMPLAINT_LOGGED','COMPLAINT_ASSIGNED','COMPLAINT_RESOLVED')`,
      [complaint.id],
    );
    expect(count).toBe('3');
    // Illegal transitions: a resolved complaint is neither resolved again, closed, assigned nor noted.
    for (const [query, input] of [
      [RESOLVE, { outcome: 'SUBSTANTIATED', resolution: '再次' }],
      [CLOSE, { reason: '重复' }],
      [ASSIGN, { assigneeId: users['liucheng.supervisor'] }],
      [NOTE, { note: '补记' }],
    ] as const) {
      const result = await refused(
        () =>
          call('liucheng.supervisor', query, { input: { complaintId: complaint.id, ...input } }),
        'CONFLICT',
      );
      expect(reasonOf(result)).toBe('NOT_OPEN');
    }
  });

  it('is closed without a finding, with a reason', async () => {
    const complaint = await log('mashan.manager', { staffId: users['mashan.manager'] });
    await refused(
      () => call('mashan.manager', CLOSE, { input: { complaintId: complaint.id, reason: '  ' } }),
      'BAD_USER_INPUT',
    );
    const closed = await call<{ closeComplaint: Complaint }>('mashan.manager', CLOSE, {
      input: { complaintId: complaint.id, reason: '投诉人撤回' },
    });
    expect(closed.data!.closeComplaint).toMatchObject({
      status: 'CLOSED',
      outcome: null,
      resolution: '投诉人撤回',
    });
  });

  it('refuses every bad input, changing nothing', async () => {
    const complaint = await log('liucheng.supervisor', { windowId: windows['450222/01'] });
    const id = complaint.id;
    // No outcome, or nothing said of what was done.
    const noOutcome = await refused(
      () =>
        call('liucheng.supervisor', RESOLVE, { input: { complaintId: id, resolution: '已处理' } }),
      'BAD_USER_INPUT',
    );
    expect(problemsOf(noOutcome)).toEqual(['REQUIRED']);
    await refused(
      () =>
        call('liucheng.supervisor', RESOLVE, {
          input: { complaintId: id, outcome: 'SUBSTANTIATED', resolution: ' ' },
        }),
      'BAD_USER_INPUT',
    );
    await refused(
      () =>
        call('liucheng.supervisor', RESOLVE, {
          input: { complaintId: id, outcome: 'MAYBE', resolution: '已处理' },
        }),
      'BAD_USER_INPUT',
    );
    // Exactly one subject.
    const logAs = (username: string, input: Record<string, unknown>) =>
      call(username, LOG, {
        input: { channel: 'IN_PERSON', complainantName: '王五', content: '投诉', ...input },
      });
    for (const input of [
      {},
      { windowId: windows['450222/C1'], staffId: users['liucheng.window'] },
      { windowId: windows['450222/C1'], applicationId: id },
    ]) {
      expect(
        problemsOf(await refused(() => logAs('liucheng.supervisor', input), 'BAD_USER_INPUT')),
      ).toEqual(['ONE_SUBJECT']);
    }
    // No name, a phone that is none, a NUL byte, broken Unicode, an id that is not one.
    const window = { windowId: windows['450222/C1'] };
    expect(
      problemsOf(
        await refused(
          () =>
            logAs('liucheng.supervisor', {
              ...window,
              complainantName: ' ',
              complainantPhone: '12345',
            }),
          'BAD_USER_INPUT',
        ),
      ),
    ).toEqual(['REQUIRED', 'PHONE_FORMAT']);
    await refused(
      () => logAs('liucheng.supervisor', { ...window, content: '投诉\u0000内容' }),
      'BAD_USER_INPUT',
    );
    await refused(
      () => logAs('liucheng.supervisor', { ...window, complainantName: 'x\ud800' }),
      'BAD_USER_INPUT',
    );
    await refused(
      () => call('liucheng.supervisor', NOTE, { input: { complaintId: id, note: 'a\u0000b' } }),
      'BAD_USER_INPUT',
    );
    await refused(() => logAs('liucheng.supervisor', { windowId: 'not-an-id' }), 'BAD_USER_INPUT');
    // Another tenant's window, application, staff member or complaint: NOT_FOUND to the township.
    const [countyApplication] = await db.query<{ id: string }>(
      `SELECT a.id FROM applications a WHERE a.tenant_id = $1 LIMIT 1`,
      [tenants['450222']],
    );
    await refused(() => logAs('mashan.manager', window), 'NOT_FOUND');
    await refused(
      () => logAs('mashan.manager', { applicationId: countyApplication.id }),
      'NOT_FOUND',
    );
    await refused(
      () => logAs('mashan.manager', { staffId: users['liucheng.window'] }),
      'NOT_FOUND',
    );
    await refused(
      () =>
        logAs('mashan.manager', { staffId: users['liucheng.window'], tenantId: tenants['450222'] }),
      'NOT_FOUND',
    );
    await refused(() => call('mashan.manager', GET, { id }), 'NOT_FOUND');
    await refused(
      () =>
        call('mashan.manager', RESOLVE, {
          input: { complaintId: id, outcome: 'SUBSTANTIATED', resolution: '越权' },
        }),
      'NOT_FOUND',
    );
    // Assigned only to someone of the center (or oneself).
    await refused(
      () =>
        call('liucheng.supervisor', ASSIGN, {
          input: { complaintId: id, assigneeId: users['mashan.manager'] },
        }),
      'NOT_FOUND',
    );
    // Who may not log: a clerk, a station, the city, the county administrator.
    for (const username of ['liucheng.window', 'village.staff', 'liuzhou.city', 'liucheng.admin']) {
      await refused(() => logAs(username, window), 'FORBIDDEN');
    }
    // A cursor the server never gave out.
    await refused(
      () => call('liucheng.supervisor', LIST, { page: { first: 10, after: 'bm90LWEtY3Vyc29y' } }),
      'BAD_USER_INPUT',
    );
  });

  it('two resolving at once: one wins, the other is a CONFLICT', async () => {
    const complaint = await log('liucheng.supervisor', { windowId: windows['450222/C1'] });
    const resolve = (outcome: string) =>
      call<{ resolveComplaint: Complaint }>('liucheng.supervisor', RESOLVE, {
        input: { complaintId: complaint.id, outcome, resolution: `结论${outcome}` },
      });
    const results = await Promise.all([resolve('SUBSTANTIATED'), resolve('UNSUBSTANTIATED')]);
    const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((r) => !r.errors)!.data!.resolveComplaint;
    const [row] = await db.query<{ outcome: string; events: string }>(
      `SELECT outcome, (SELECT count(*)::text FROM complaint_events e
                         WHERE e.complaint_id = c.id AND e.action = 'RESOLVED') AS events
         FROM complaints c WHERE id = $1`,
      [complaint.id],
    );
    expect(row).toEqual({ outcome: winner.outcome, events: '1' });
  });

  it('is overdue once open past its due time, and the list filters on it; the deadline is a setting', async () => {
    const late = await log('liucheng.supervisor', { windowId: windows['450222/01'] });
    const done = await log('liucheng.supervisor', { windowId: windows['450222/01'] });
    const finished = await call('liucheng.supervisor', CLOSE, {
      input: { complaintId: done.id, reason: '重复投诉' },
    });
    expect(finished.errors).toBeUndefined();
    clock.advance(new Date(late.dueAt).getTime() - clock.now().getTime() + 60_000);
    const read = await call<{ complaint: Complaint }>('liucheng.supervisor', GET, { id: late.id });
    expect(read.data!.complaint.overdue).toBe(true);
    const overdue = (await list('liucheng.supervisor', { overdue: true })).map((c) => c.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(done.id);
    const notOverdue = (await list('liucheng.supervisor', { overdue: false })).map((c) => c.id);
    expect(notOverdue).toContain(done.id);
    expect(notOverdue).not.toContain(late.id);
    // The county sets 5 working days; its township inherits them.
    const set = await call(
      'liucheng.admin',
      `mutation($input: SetSupervisionSettingsInput!) {
      setSupervisionSettings(input: $input) { effective { complaintWorkingDays } } }`,
      {
        input: { tenantId: tenants['450222'], complaintWorkingDays: 5 },
      },
    );
    expect(set.errors).toBeUndefined();
    const township = await log('mashan.manager', { staffId: users['mashan.manager'] });
    expect(township.dueAt).toBe(dueAfter(township.receivedAt, 5));
    const bad = await call(
      'liucheng.admin',
      `mutation($input: SetSupervisionSettingsInput!) {
      setSupervisionSettings(input: $input) { tenantId } }`,
      {
        input: { tenantId: tenants['450222'], complaintWorkingDays: 0 },
      },
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('pages through the list newest first', async () => {
    const all = await list('liucheng.supervisor');
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const result = await call<{
        complaints: { nodes: Complaint[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }>('liucheng.supervisor', LIST, { page: { first: 2, after } });
      seen.push(...result.data!.complaints.nodes.map((c) => c.id));
      if (!result.data!.complaints.pageInfo.hasNextPage) break;
      after = result.data!.complaints.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((c) => c.id));
  });
});
