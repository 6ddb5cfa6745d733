import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  type GraphQLResult,
  login,
  startApi,
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
 * 好差评 and 差评整改 (issue 12, DESIGN.md §4.4) through the API: a window's evaluation device
 * and single-use links rate completed applications without a login; a bad review (1–2) opens a
 * rectification case due in 15 working days by the tenant's calendar, which the manager closes
 * only after a callback is on record; the staff member appeals and a supervisor decides. Each
 * bad input of the issue is refused with its own code and changes nothing.
 */
const PASSWORD = 'Demo#2026';
const REGISTER = `mutation($input: RegisterEvaluationDeviceInput!) {
  registerEvaluationDevice(input: $input) { token device { id windowId windowName label registeredByName revokedAt lastSeenAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeEvaluationDevice(id: $id) { id revokedAt } }`;
const DEVICES = `query($tenantId: ID) { evaluationDevices(tenantId: $tenantId) { id label revokedAt lastSeenAt } }`;
const RATE_DEVICE = `mutation($input: RateByDeviceInput!) { rateByDevice(input: $input) { stage rating ratedAt badReview } }`;
const RATE_LINK = `mutation($input: RateByLinkInput!) { rateByLink(input: $input) { stage rating ratedAt badReview } }`;
const LINK_INFO = `query($token: String!) { evaluationLink(token: $token) { tenantName itemName stage expiresAt } }`;
const ISSUE_LINK = `mutation($applicationId: ID!) { issueEvaluationLink(applicationId: $applicationId) { token expiresAt } }`;
const CASE_FIELDS = `id tenantName applicationId receiptNumber itemName windowName staffName rating
  nationalSatisfactionCode channel ratedAt openedAt dueAt status outcome closedByName closedAt
  mayUpdate mayAppeal mayDecide
  callbacks { callerName calledAt agreed recordedByName }
  appeals { appellantName reason status decidedByName decisionNote }`;
const CASE = `query($id: ID!) { rectificationCase(id: $id) { ${CASE_FIELDS} } }`;
const CASES = `query($filter: RectificationCasesFilterInput) {
  rectificationCases(filter: $filter) { nodes { id applicationId status dueAt } pageInfo { hasNextPage } } }`;
const CALLBACK = `mutation($input: RecordRectificationCallbackInput!) { recordRectificationCallback(input: $input) { ${CASE_FIELDS} } }`;
const CLOSE = `mutation($input: CloseRectificationCaseInput!) { closeRectificationCase(input: $input) { ${CASE_FIELDS} } }`;
const APPEAL = `mutation($input: AppealRectificationInput!) { appealRectification(input: $input) { ${CASE_FIELDS} } }`;
const DECIDE = `mutation($input: DecideRectificationAppealInput!) { decideRectificationAppeal(input: $input) { ${CASE_FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id version } }`;
const COMPLETE = `mutation($input: ActInput!) { completeOnTheSpot(input: $input) { id status completedAt } }`;

interface Case {
  id: string;
  applicationId: string;
  staffName: string | null;
  rating: number;
  nationalSatisfactionCode: number;
  channel: string;
  ratedAt: string;
  openedAt: string;
  dueAt: string;
  status: string;
  outcome: string | null;
  closedByName: string | null;
  mayUpdate: boolean;
  mayAppeal: boolean;
  mayDecide: boolean;
  callbacks: { callerName: string; calledAt: string; agreed: string; recordedByName: string }[];
  appeals: {
    appellantName: string;
    reason: string;
    status: string;
    decidedByName: string | null;
  }[];
}

const guangxi = composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES));
/** 15 working days after `from` by Guangxi's calendar (provisional past published years). */
const due15 = (from: string) =>
  countedProvisionally({ calendar: guangxi, hours: DEFAULT_BUSINESS_HOURS }, (c) =>
    deadline(c.calendar, c.hours, new Date(from), 15),
  ).value!.toISOString();

describe('evaluation and bad-review rectification', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const windows: Record<string, string> = {};
  const tenants: Record<string, string> = {};
  let onTheSpot: Record<string, string> = {};
  let applicants = 0;

  const call = <T>(username: string | null, query: string, variables: Record<string, unknown>) =>
    gql<T>(api.baseUrl, query, { token: username ? tokens[username] : undefined, variables });
  const reasonOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.reason;
  /** What the evaluation tables and the applications hold, to prove a refusal changed nothing. */
  const fingerprint = async () =>
    (
      await db.query<{ f: string }>(
        `SELECT md5(concat_ws('|',
           (SELECT string_agg(d::text, ',' ORDER BY id) FROM evaluation_devices d),
           (SELECT string_agg(e::text, ',' ORDER BY id) FROM evaluations e),
           (SELECT string_agg(l::text, ',' ORDER BY id) FROM evaluation_links l),
           (SELECT string_agg(r::text, ',' ORDER BY id) FROM rectification_cases r),
           (SELECT string_agg(c::text, ',' ORDER BY id) FROM rectification_callbacks c),
           (SELECT string_agg(p::text, ',' ORDER BY id) FROM rectification_appeals p),
           (SELECT string_agg(a::text, ',' ORDER BY id) FROM applications a))) AS f`,
      )
    )[0].f;
  /** Refused with `code` (and `reason`, when given), and nothing changed. */
  async function refused(
    run: () => Promise<GraphQLResult<unknown>>,
    code: string,
    reason?: string,
  ): Promise<void> {
    const before = await fingerprint();
    const result = await run();
    expect({ code: errorCode(result), reason: reason && reasonOf(result) }).toEqual({
      code,
      reason,
    });
    expect(result.data ?? null).toBeNull();
    expect(await fingerprint()).toBe(before);
  }

  const register = async (username: string, window: string, label = '评价器') => {
    const result = await call<{
      registerEvaluationDevice: { token: string; device: { id: string } };
    }>(username, REGISTER, { input: { windowId: windows[window], label } });
    expect(result.errors).toBeUndefined();
    return result.data!.registerEvaluationDevice;
  };
  /** An on-the-spot application taken in at `window` by `username`; completed unless told. */
  const application = async (username: string, window: string, complete = true) => {
    const tenant = window.split('/')[0];
    const submitted = await call<{ submitApplication: { id: string; version: number } }>(
      username,
      SUBMIT,
      {
        input: {
          windowId: windows[window],
          itemCode: onTheSpot[tenant],
          applicant: { name: `评价人${++applicants}` },
        },
      },
    );
    expect(submitted.errors).toBeUndefined();
    const { id, version } = submitted.data!.submitApplication;
    if (complete) {
      const done = await call(username, COMPLETE, { input: { id, version } });
      expect(done.errors).toBeUndefined();
    }
    return id;
  };
  const rateByDevice = (deviceToken: string, rating: number, applicationId?: string) =>
    call<{ rateByDevice: { stage: string; rating: number; badReview: boolean } }>(
      null,
      RATE_DEVICE,
      { input: { deviceToken, rating, applicationId } },
    );
  const rateByLink = (token: string, rating: number) =>
    call<{ rateByLink: { stage: string; rating: number; badReview: boolean } }>(null, RATE_LINK, {
      input: { token, rating },
    });
  const issueLink = async (username: string, applicationId: string) => {
    const result = await call<{ issueEvaluationLink: { token: string; expiresAt: string } }>(
      username,
      ISSUE_LINK,
      { applicationId },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.issueEvaluationLink;
  };
  const caseOf = async (applicationId: string) => {
    const [row] = await db.query<{ id: string }>(
      `SELECT id FROM rectification_cases WHERE application_id = $1`,
      [applicationId],
    );
    return row?.id;
  };
  const getCase = async (username: string, id: string) => {
    const result = await call<{ rectificationCase: Case }>(username, CASE, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.rectificationCase;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    let address = 1;
    for (const username of [
      'liucheng.admin',
      'liucheng.window',
      'liucheng.supervisor',
      'mashan.manager',
      'village.staff',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.12.0.${address++}`,
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
    // An on-the-spot item (即办件) of each center's menu: completed in one act at intake.
    const rows = await db.query<{ division: string; code: string }>(
      `SELECT DISTINCT ON (t.division_code) t.division_code AS division, l.code
         FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
        WHERE t.division_code IN ('450222', '450222203') AND l.promised_days IS NULL
          AND NOT l.read_only
        ORDER BY t.division_code, l.code`,
    );
    onTheSpot = Object.fromEntries(rows.map((row) => [row.division, row.code]));
    expect(Object.keys(onTheSpot).sort()).toEqual(['450222', '450222203']);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('a device rating of 2 opens a case due in 15 working days; the manager calls back and closes it', async () => {
    const { token, device } = await register('mashan.manager', '450222203/C1', '综合窗口1 评价器');
    const stored = await db.query<{ hash: Buffer }>(
      `SELECT token_hash AS hash FROM evaluation_devices WHERE id = $1`,
      [device.id],
    );
    expect(stored[0].hash).toHaveLength(32);
    expect(stored[0].hash.toString('base64url')).not.toBe(token.split('.')[2]);

    const applicationId = await application('mashan.manager', '450222203/C1');
    const rated = await rateByDevice(token, 2);
    expect(rated.errors).toBeUndefined();
    expect(rated.data!.rateByDevice).toMatchObject({
      stage: 'COMPLETION',
      rating: 2,
      badReview: true,
    });
    const [evaluation] = await db.query<{ channel: string; application: string }>(
      `SELECT channel, application_id AS application FROM evaluations WHERE device_id = $1`,
      [device.id],
    );
    expect(evaluation).toEqual({ channel: 'DEVICE', application: applicationId });

    const caseId = (await caseOf(applicationId))!;
    const opened = await getCase('mashan.manager', caseId);
    expect(opened).toMatchObject({
      applicationId,
      rating: 2,
      nationalSatisfactionCode: 4,
      channel: 'DEVICE',
      status: 'OPEN',
      staffName: '马山乡政务服务中心主任',
      mayUpdate: true,
      callbacks: [],
    });
    expect(opened.dueAt).toBe(due15(opened.ratedAt));
    expect(opened.openedAt).toBe(opened.ratedAt);
    // The staff member it concerns, here also the center's manager, is told once.
    const told = await db.query<{ username: string; subject: string; body: string }>(
      `SELECT u.username, o.subject, o.body FROM notification_outbox o
         JOIN users u ON u.id = o.recipient_id WHERE o.dedupe_key = $1`,
      [`rectification:${caseId}`],
    );
    expect(told).toHaveLength(1);
    expect(told[0].username).toBe('mashan.manager');
    expect(told[0].subject).toMatch(/^差评整改：/);
    const dueDay = new Date(new Date(opened.dueAt).getTime() + 8 * 3600_000)
      .toISOString()
      .slice(0, 10);
    expect(told[0].body).toContain(`请于 ${dueDay} 前回访并整改`);
    const listed = await call<{ rectificationCases: { nodes: { id: string }[] } }>(
      'mashan.manager',
      CASES,
      { filter: { status: 'OPEN' } },
    );
    expect(listed.data!.rectificationCases.nodes.map((n) => n.id)).toContain(caseId);
    const devices = await call<{ evaluationDevices: { id: string; lastSeenAt: string | null }[] }>(
      'mashan.manager',
      DEVICES,
      {},
    );
    expect(
      devices.data!.evaluationDevices.find((d) => d.id === device.id)!.lastSeenAt,
    ).not.toBeNull();

    // Closing without a callback on record is refused and changes nothing.
    await refused(
      () => call('mashan.manager', CLOSE, { input: { caseId, outcome: '已整改' } }),
      'CONFLICT',
      'NO_CALLBACK',
    );
    // A callback in the future is not one that was made.
    await refused(
      () =>
        call('mashan.manager', CALLBACK, {
          input: {
            caseId,
            callerName: '马山乡 黄主任',
            calledAt: new Date(Date.now() + 3_600_000).toISOString(),
            agreed: '—',
          },
        }),
      'BAD_USER_INPUT',
      'CALLED_IN_FUTURE',
    );

    const calledAt = new Date().toISOString();
    const called = await call<{ recordRectificationCallback: Case }>('mashan.manager', CALLBACK, {
      input: {
        caseId,
        callerName: ' 马山乡 黄主任 ',
        calledAt,
        agreed: '解释办理时限，下次提前电话告知材料',
      },
    });
    expect(called.errors).toBeUndefined();
    expect(called.data!.recordRectificationCallback.callbacks).toEqual([
      {
        callerName: '马山乡 黄主任',
        calledAt,
        agreed: '解释办理时限，下次提前电话告知材料',
        recordedByName: '马山乡政务服务中心主任',
      },
    ]);
    const closed = await call<{ closeRectificationCase: Case }>('mashan.manager', CLOSE, {
      input: { caseId, outcome: '已回访，申请人表示理解；窗口补充一次性告知单' },
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeRectificationCase).toMatchObject({
      status: 'CLOSED',
      outcome: '已回访，申请人表示理解；窗口补充一次性告知单',
      closedByName: '马山乡政务服务中心主任',
      mayUpdate: false,
    });
    // Closed is closed.
    await refused(
      () => call('mashan.manager', CLOSE, { input: { caseId, outcome: '再次关闭' } }),
      'CONFLICT',
      'NOT_OPEN',
    );
  });

  it('a good rating opens nothing; a second rating of the same application is refused', async () => {
    const { token } = await register('mashan.manager', '450222203/C2');
    const applicationId = await application('mashan.manager', '450222203/C2');
    const good = await rateByDevice(token, 5, applicationId);
    expect(good.data!.rateByDevice).toMatchObject({ rating: 5, badReview: false });
    expect(await caseOf(applicationId)).toBeUndefined();
    await refused(() => rateByDevice(token, 1, applicationId), 'CONFLICT', 'ALREADY_RATED');
    await refused(() => rateByDevice(token, 1), 'CONFLICT', 'ALREADY_RATED');
    // Nor by a link afterwards.
    await refused(
      () => call('mashan.manager', ISSUE_LINK, { applicationId }),
      'CONFLICT',
      'ALREADY_RATED',
    );
  });

  it('refuses ratings outside 1–5 and applications not completed', async () => {
    const { token } = await register('mashan.manager', '450222203/C1');
    const applicationId = await application('mashan.manager', '450222203/C1');
    for (const rating of [0, 6, -1]) {
      await refused(
        () => rateByDevice(token, rating, applicationId),
        'BAD_USER_INPUT',
        'RATING_OUT_OF_RANGE',
      );
    }
    const open = await application('mashan.manager', '450222203/C1', false);
    await refused(() => rateByDevice(token, 4, open), 'CONFLICT', 'NOT_COMPLETED');
    await refused(
      () => call('mashan.manager', ISSUE_LINK, { applicationId: open }),
      'CONFLICT',
      'NOT_COMPLETED',
    );
  });

  it("refuses a revoked device, another tenant's device, and another window's application", async () => {
    const mashan = await register('mashan.manager', '450222203/C1');
    const county = await register('liucheng.admin', '450222/C1');
    const applicationId = await application('mashan.manager', '450222203/C1');

    // A device of the county rates nothing of the township, by id or by default.
    await refused(
      () => rateByDevice(county.token, 3, applicationId),
      'FORBIDDEN',
      'NOT_THIS_WINDOW',
    );
    // The token's tenant part swapped for the township's: no device there has that id.
    const [, id, secret] = county.token.split('.');
    await refused(
      () => rateByDevice(`${tenants['450222203']}.${id}.${secret}`, 3, applicationId),
      'FORBIDDEN',
      'DEVICE_UNKNOWN',
    );
    // Another window of the same hall.
    const other = await register('mashan.manager', '450222203/C2');
    await refused(
      () => rateByDevice(other.token, 3, applicationId),
      'FORBIDDEN',
      'NOT_THIS_WINDOW',
    );
    // A wrong secret, and no token at all.
    await refused(
      () => rateByDevice(`${tenants['450222203']}.${mashan.device.id}.${secret}`, 3),
      'FORBIDDEN',
      'DEVICE_UNKNOWN',
    );
    await refused(() => rateByDevice('nonsense', 3), 'FORBIDDEN', 'DEVICE_UNKNOWN');

    const revoked = await call<{ revokeEvaluationDevice: { revokedAt: string } }>(
      'mashan.manager',
      REVOKE,
      { id: mashan.device.id },
    );
    expect(revoked.data!.revokeEvaluationDevice.revokedAt).not.toBeNull();
    await refused(
      () => rateByDevice(mashan.token, 3, applicationId),
      'FORBIDDEN',
      'DEVICE_REVOKED',
    );
    // A window clerk may not register or revoke devices.
    await refused(
      () =>
        call('liucheng.window', REGISTER, {
          input: { windowId: windows['450222/C1'], label: 'x' },
        }),
      'FORBIDDEN',
    );
  });

  it('counts guesses at a device or link token before checking them (RATE_LIMITED, the right token too)', async () => {
    const device = await register('liucheng.admin', '450222/C1', '评价器（限次）');
    const applicationId = await application('liucheng.window', '450222/C1');
    const link = await issueLink('liucheng.window', applicationId);
    const from = (n: number) => ({ 'X-Forwarded-For': `10.12.9.${n}` });
    const rateFrom = (n: number, deviceToken: string) =>
      gql<{ rateByDevice: { rating: number } }>(api.baseUrl, RATE_DEVICE, {
        headers: from(n),
        variables: { input: { deviceToken, rating: 4, applicationId } },
      });
    const linkFrom = (n: number, token: string) =>
      gql(api.baseUrl, LINK_INFO, { headers: from(n), variables: { token } });
    const wrong = (token: string) => {
      const [tenant, id] = token.split('.');
      return `${tenant}.${id}.${'x'.repeat(43)}`;
    };
    // Five wrong secrets on one device (from five addresses): the sixth try is not checked.
    for (let n = 1; n <= 5; n++) {
      await refused(() => rateFrom(n, wrong(device.token)), 'FORBIDDEN', 'DEVICE_UNKNOWN');
    }
    await refused(() => rateFrom(6, device.token), 'RATE_LIMITED');
    // The same for a link: its page and its rating refuse even the right token.
    for (let n = 1; n <= 5; n++) {
      await refused(() => linkFrom(n, wrong(link.token)), 'NOT_FOUND', 'LINK_INVALID');
    }
    await refused(() => linkFrom(7, link.token), 'RATE_LIMITED');
    await refused(() => rateByLink(link.token, 5), 'RATE_LIMITED');
    // Another device is not held up by the first one's lock-out.
    const other = await register('liucheng.admin', '450222/C1', '评价器（另一台）');
    const rated = await rateFrom(8, other.token);
    expect(rated.errors).toBeUndefined();
    expect(rated.data!.rateByDevice.rating).toBe(4);
  });

  it('a link rates once, within its time; a bad review by link opens a case the clerk appeals and a supervisor decides', async () => {
    const applicationId = await application('liucheng.window', '450222/C1');
    const link = await issueLink('liucheng.window', applicationId);
    const [stored] = await db.query<{ days: number }>(
      `SELECT round(extract(epoch FROM expires_at - issued_at) / 86400)::int AS days
         FROM evaluation_links WHERE application_id = $1`,
      [applicationId],
    );
    expect(stored.days).toBe(7);
    const info = await call<{ evaluationLink: { tenantName: string; stage: string } }>(
      null,
      LINK_INFO,
      { token: link.token },
    );
    expect(info.data!.evaluationLink).toMatchObject({ tenantName: '柳城县', stage: 'COMPLETION' });

    await refused(() => rateByLink(link.token, 9), 'BAD_USER_INPUT', 'RATING_OUT_OF_RANGE');
    const rated = await rateByLink(link.token, 1);
    expect(rated.errors).toBeUndefined();
    expect(rated.data!.rateByLink).toMatchObject({ rating: 1, badReview: true });
    await refused(() => rateByLink(link.token, 5), 'CONFLICT', 'LINK_USED');
    await refused(() => call(null, LINK_INFO, { token: link.token }), 'CONFLICT', 'LINK_USED');

    // Expired: issued on another application, then its time passed.
    const later = await application('liucheng.window', '450222/C1');
    const stale = await issueLink('liucheng.window', later);
    await db.query(
      `UPDATE evaluation_links SET issued_at = now() - interval '8 days',
              expires_at = now() - interval '1 day'
        WHERE application_id = $1`,
      [later],
    );
    await refused(() => rateByLink(stale.token, 4), 'CONFLICT', 'LINK_EXPIRED');
    await refused(() => rateByLink(`${stale.token}x`, 4), 'NOT_FOUND', 'LINK_INVALID');

    // The case concerns the clerk who completed the application: they appeal, a supervisor
    // decides; the case is the county's, so neither may close it.
    const caseId = (await caseOf(applicationId))!;
    const seen = await getCase('liucheng.window', caseId);
    expect(seen).toMatchObject({
      staffName: '综合窗口 韦丽',
      channel: 'LINK',
      rating: 1,
      nationalSatisfactionCode: 5,
      mayAppeal: true,
      mayUpdate: false,
    });
    await refused(
      () => call('liucheng.supervisor', APPEAL, { input: { caseId, reason: '不是我' } }),
      'FORBIDDEN',
    );
    await refused(
      () =>
        call('liucheng.supervisor', DECIDE, {
          input: { caseId, decision: 'UPHELD', note: '无申诉' },
        }),
      'CONFLICT',
      'NOT_APPEALED',
    );
    const appealed = await call<{ appealRectification: Case }>('liucheng.window', APPEAL, {
      input: { caseId, reason: '申请人材料不全，已一次性告知，差评与服务无关' },
    });
    expect(appealed.errors).toBeUndefined();
    expect(appealed.data!.appealRectification).toMatchObject({
      status: 'APPEALED',
      mayAppeal: false,
      appeals: [{ appellantName: '综合窗口 韦丽', status: 'PENDING', decidedByName: null }],
    });
    await refused(
      () => call('liucheng.window', APPEAL, { input: { caseId, reason: '再次' } }),
      'CONFLICT',
      'NOT_OPEN',
    );
    // The clerk may not decide their own appeal.
    await refused(
      () =>
        call('liucheng.window', DECIDE, { input: { caseId, decision: 'UPHELD', note: '自己' } }),
      'FORBIDDEN',
    );
    const decided = await call<{ decideRectificationAppeal: Case }>('liucheng.supervisor', DECIDE, {
      input: { caseId, decision: 'DISMISSED', note: '回访核实：申请人反映属实' },
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideRectificationAppeal).toMatchObject({
      status: 'OPEN',
      appeals: [{ status: 'DISMISSED', decidedByName: '电子监察 蓝军' }],
    });
    // A station reads its own cases; the county's is out of its sight.
    await refused(() => call('village.staff', CASE, { id: caseId }), 'NOT_FOUND');
  });

  it('keeps ratings and callbacks as records the application cannot change', async () => {
    const [grants] = await db.query<{ update: boolean; delete: boolean }>(
      `SELECT has_table_privilege($1, 'evaluations', 'UPDATE') AS update,
              has_table_privilege($1, 'rectification_cases', 'DELETE') AS delete`,
      [db.appRole],
    );
    expect(grants).toEqual({ update: false, delete: false });
  });
});
