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
 * The application lifecycle (issue 11, DESIGN.md §4.2–4.3) through the API: every act a
 * mutation, deadlines counted by the calendar's rules, the timeline written in the same
 * transaction, illegal and concurrent acts refused with nothing changed, extensions approved
 * by a manager, intake idempotent on the client's key, and the work queue most urgent first.
 */
const PASSWORD = 'Demo#2026';
const FIELDS = `id status version itemCode acceptedAt acceptanceDueAt promisedDeadline
  statutoryDeadline extensionDays decidedAt completedAt dueAt actions mayApproveExtensions
  promisedLimit { onTheSpot workingDays } statutoryLimit { onTheSpot workingDays }
  clock { onTheSpot clockPaused acceptanceOverdue workingDaysLeft deadlineIfResumed deadlinesProvisional }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { application(id: $id) { ${FIELDS}
  timeline { fromStatus toStatus action actorName reason procedure extensionWorkingDays
    missingMaterials { name form copies } occurredAt }
  pauses { kind startedAt endedAt }
  extensions { id workingDays reason status requestedByName decidedByName } } }`;
const act = (mutation: string, input = 'ActInput') =>
  `mutation($input: ${input}!) { ${mutation}(input: $input) { ${FIELDS} } }`;
const QUEUE = `query($filter: WorkQueueFilterInput, $page: ApplicationsPageInput) {
  workQueue(filter: $filter, page: $page) { nodes { id status dueAt windowName
    clock { workingDaysLeft acceptanceOverdue } } pageInfo { hasNextPage endCursor } } }`;

interface View {
  id: string;
  status: string;
  version: number;
  itemCode: string;
  acceptedAt: string | null;
  acceptanceDueAt: string | null;
  promisedDeadline: string | null;
  statutoryDeadline: string | null;
  extensionDays: number;
  decidedAt: string | null;
  completedAt: string | null;
  dueAt: string | null;
  actions: string[];
  mayApproveExtensions: boolean;
  promisedLimit: { onTheSpot: boolean; workingDays: number | null } | null;
  statutoryLimit: { onTheSpot: boolean; workingDays: number | null } | null;
  clock: {
    onTheSpot: boolean;
    clockPaused: boolean;
    acceptanceOverdue: boolean;
    workingDaysLeft: number | null;
    deadlineIfResumed: string | null;
    deadlinesProvisional: boolean;
  };
}
interface QueuePage {
  workQueue: {
    nodes: { id: string; dueAt: string | null; windowName: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
interface Detail extends View {
  timeline: {
    fromStatus: string | null;
    toStatus: string;
    action: string;
    actorName: string;
    reason: string | null;
    procedure: string | null;
    extensionWorkingDays: number | null;
    missingMaterials: { name: string }[] | null;
    occurredAt: string;
  }[];
  pauses: { kind: string; startedAt: string; endedAt: string | null }[];
  extensions: { id: string; workingDays: number; reason: string; status: string }[];
}

/** 食品经营许可（新办）: on Liucheng's list, in working days. */
const FOOD_LICENCE = '00013130100001';
const guangxi = composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES));
/**
 * A deadline by the calendar's rules; into a year not published yet (CI runs at any date),
 * counted provisionally by weekends alone, as the server does and says.
 */
const due = (from: string, days: number, pauses: { from: string; to: string }[] = [], extra = 0) =>
  countedProvisionally({ calendar: guangxi, hours: DEFAULT_BUSINESS_HOURS }, (c) =>
    deadline(
      c.calendar,
      c.hours,
      new Date(from),
      days,
      pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
      extra,
    ),
  ).value!.toISOString();
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

describe('the application lifecycle', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const windows: Record<string, string> = {};
  let materials: string[] = [];
  let intakeCount = 0;

  const as = (username: string) => ({ token: tokens[username] });
  const submit = async (username: string, window: string, itemCode = FOOD_LICENCE) => {
    const result = await gql<{ submitApplication: View }>(api.baseUrl, SUBMIT, {
      ...as(username),
      variables: {
        input: {
          windowId: windows[window],
          itemCode,
          applicant: { name: `申请人${++intakeCount}` },
        },
      },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.submitApplication;
  };
  const run = async (
    username: string,
    mutation: string,
    input: Record<string, unknown>,
    type = 'ActInput',
  ) => {
    const result = await gql<Record<string, View>>(api.baseUrl, act(mutation, type), {
      ...as(username),
      variables: { input },
    });
    return { ...result, view: result.data?.[mutation] ?? null };
  };
  const get = async (username: string, id: string) => {
    const result = await gql<{ application: Detail }>(api.baseUrl, GET, {
      ...as(username),
      variables: { id },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.application;
  };
  /** What an application's row, events, pauses and extensions hold. */
  const fingerprint = async (id: string) =>
    (
      await db.query<{ f: string }>(
        `SELECT md5(concat_ws('|',
           (SELECT a::text FROM applications a WHERE id = $1),
           (SELECT count(*)::text FROM application_events WHERE application_id = $1),
           (SELECT string_agg(p::text, ',' ORDER BY id) FROM application_pauses p WHERE application_id = $1),
           (SELECT string_agg(e::text, ',' ORDER BY id) FROM application_extensions e WHERE application_id = $1)
         )) AS f`,
        [id],
      )
    )[0].f;
  const reasonOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    result.errors?.[0]?.extensions?.reason;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    let address = 1;
    for (const username of [
      'liucheng.window',
      'liucheng.land',
      'liucheng.admin',
      'liuzhou.city',
      'mashan.manager',
      'village.staff',
      'platform',
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
    materials = (
      await db.query<{ name: string }>(
        `SELECT m->>'name' AS name FROM implementation_items l
           JOIN tenants t ON t.id = l.tenant_id, jsonb_array_elements(l.materials) m
          WHERE t.division_code = '450222' AND l.code = $1`,
        [FOOD_LICENCE],
      )
    ).map((row) => row.name);
    expect(materials.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('takes an application from intake to completion, with every deadline counted by the rules', async () => {
    const taken = await submit('liucheng.window', '450222/C1');
    const [{ submitted_at: submittedAt }] = await db.query<{ submitted_at: string }>(
      `SELECT submitted_at::text FROM applications WHERE id = $1`,
      [taken.id],
    );
    expect(taken).toMatchObject({ status: 'SUBMITTED', promisedDeadline: null, acceptedAt: null });
    expect(iso(taken.acceptanceDueAt)).toBe(due(submittedAt, 5));
    expect(taken.dueAt).toBe(taken.acceptanceDueAt);
    expect(taken.actions).toEqual(
      expect.arrayContaining(['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT', 'WITHDRAW']),
    );
    expect(taken.actions).not.toContain('COMPLETE_ON_THE_SPOT');

    // 补正 at intake: the one-time notification names every missing material at once.
    let view = (
      await run(
        'liucheng.window',
        'requestSupplement',
        { id: taken.id, version: taken.version, missingMaterials: [materials[1], materials[0]] },
        'RequestSupplementInput',
      )
    ).view!;
    expect(view).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', dueAt: null });
    view = (
      await run('liucheng.window', 'receiveSupplement', { id: view.id, version: view.version })
    ).view!;
    expect(view.status).toBe('SUBMITTED');

    view = (
      await run('liucheng.window', 'acceptApplication', { id: view.id, version: view.version })
    ).view!;
    expect(view.status).toBe('ACCEPTED');
    const acceptedAt = view.acceptedAt!;
    const promised = view.promisedLimit!.workingDays!;
    const statutory = view.statutoryLimit!.workingDays!;
    expect(iso(view.promisedDeadline)).toBe(due(acceptedAt, promised));
    expect(iso(view.statutoryDeadline)).toBe(due(acceptedAt, statutory));
    expect(view.dueAt).toBe(view.promisedDeadline);
    expect(typeof view.clock.workingDaysLeft).toBe('number');

    view = (await run('liucheng.window', 'startReview', { id: view.id, version: view.version }))
      .view!;
    // 补正 after acceptance stops the clock: no deadline while it lasts.
    view = (
      await run(
        'liucheng.window',
        'requestSupplement',
        { id: view.id, version: view.version, missingMaterials: [materials[0]] },
        'RequestSupplementInput',
      )
    ).view!;
    expect(view).toMatchObject({
      status: 'SUSPENDED',
      promisedDeadline: null,
      statutoryDeadline: null,
      dueAt: null,
      clock: { clockPaused: true },
    });
    expect(view.clock.deadlineIfResumed).not.toBeNull();
    expect(view.actions).toEqual(['RECEIVE_SUPPLEMENT', 'WITHDRAW']);
    view = (
      await run('liucheng.window', 'receiveSupplement', { id: view.id, version: view.version })
    ).view!;
    expect(view.status).toBe('IN_REVIEW');

    // A statutory procedure (an inspection) pauses it again, and needs a reason.
    const noReason = await run(
      'liucheng.window',
      'suspendApplication',
      { id: view.id, version: view.version, procedure: 'INSPECTION' },
      'SuspendApplicationInput',
    );
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    view = (
      await run(
        'liucheng.window',
        'suspendApplication',
        { id: view.id, version: view.version, procedure: 'INSPECTION', reason: '现场核查经营场所' },
        'SuspendApplicationInput',
      )
    ).view!;
    expect(view.status).toBe('SUSPENDED');
    view = (
      await run('liucheng.window', 'resumeApplication', { id: view.id, version: view.version })
    ).view!;

    const detail = await get('liucheng.window', view.id);
    const pauses = detail.pauses.map((p) => ({ from: p.startedAt, to: p.endedAt! }));
    expect(detail.pauses.map((p) => p.kind)).toEqual(['SUPPLEMENT', 'INSPECTION']);
    expect(iso(view.promisedDeadline)).toBe(due(acceptedAt, promised, pauses));
    expect(iso(view.statutoryDeadline)).toBe(due(acceptedAt, statutory, pauses));

    view = (
      await run('liucheng.window', 'approveApplication', { id: view.id, version: view.version })
    ).view!;
    expect(view.decidedAt).not.toBeNull();
    view = (
      await run('liucheng.window', 'completeApplication', { id: view.id, version: view.version })
    ).view!;
    expect(view).toMatchObject({ status: 'COMPLETED', dueAt: null, actions: [] });
    expect(view.completedAt).not.toBeNull();

    // The timeline: who, when, from, to, why, and what each act carried.
    const timeline = (await get('liucheng.window', view.id)).timeline;
    expect(timeline.map((e) => `${e.fromStatus ?? '-'}>${e.toStatus}:${e.action}`)).toEqual([
      '->SUBMITTED:SUBMIT',
      'SUBMITTED>SUPPLEMENT_REQUESTED:REQUEST_SUPPLEMENT',
      'SUPPLEMENT_REQUESTED>SUBMITTED:RECEIVE_SUPPLEMENT',
      'SUBMITTED>ACCEPTED:ACCEPT',
      'ACCEPTED>IN_REVIEW:START_REVIEW',
      'IN_REVIEW>SUSPENDED:REQUEST_SUPPLEMENT',
      'SUSPENDED>IN_REVIEW:RECEIVE_SUPPLEMENT',
      'IN_REVIEW>SUSPENDED:SUSPEND',
      'SUSPENDED>IN_REVIEW:RESUME',
      'IN_REVIEW>APPROVED:APPROVE',
      'APPROVED>COMPLETED:COMPLETE',
    ]);
    // One clerk did it all, and is named on every event.
    expect(new Set(timeline.map((e) => e.actorName)).size).toBe(1);
    expect(timeline[0].actorName).not.toBe('');
    // In the item's order, whatever order they were named in.
    expect(timeline[1].missingMaterials!.map((m) => m.name)).toEqual(materials.slice(0, 2));
    expect(timeline[7]).toMatchObject({ procedure: 'INSPECTION', reason: '现场核查经营场所' });
  });

  it('refuses every act the state does not allow, changing nothing', async () => {
    const taken = await submit('liucheng.window', '450222/C1');
    const before = await fingerprint(taken.id);
    for (const mutation of [
      'receiveSupplement',
      'startReview',
      'resumeApplication',
      'approveApplication',
      'completeApplication',
      'completeOnTheSpot',
    ]) {
      const result = await run('liucheng.window', mutation, {
        id: taken.id,
        version: taken.version,
      });
      expect([mutation, errorCode(result), reasonOf(result)]).toEqual([
        mutation,
        'CONFLICT',
        'ILLEGAL_TRANSITION',
      ]);
    }
    const denied = await run('liucheng.window', 'denyApplication', {
      id: taken.id,
      version: taken.version,
      reason: '不符合条件',
    });
    expect(reasonOf(denied)).toBe('ILLEGAL_TRANSITION');
    // A reason is required to reject; blank is none.
    for (const reason of [undefined, '   ']) {
      const rejected = await run('liucheng.window', 'rejectApplication', {
        id: taken.id,
        version: taken.version,
        reason,
      });
      expect(errorCode(rejected)).toBe('BAD_USER_INPUT');
    }
    // A material the item does not ask for, or none at all.
    for (const missingMaterials of [['户口簿（不属于本事项）'], []]) {
      const result = await run(
        'liucheng.window',
        'requestSupplement',
        { id: taken.id, version: taken.version, missingMaterials },
        'RequestSupplementInput',
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
    }
    // A version the application has left behind.
    const stale = await run('liucheng.window', 'acceptApplication', {
      id: taken.id,
      version: taken.version + 1,
    });
    expect([errorCode(stale), reasonOf(stale)]).toEqual(['CONFLICT', 'STALE_VERSION']);
    expect(await fingerprint(taken.id)).toBe(before);

    // Decided: too late to withdraw; ended: nothing at all.
    const rejected = await run('liucheng.window', 'rejectApplication', {
      id: taken.id,
      version: taken.version,
      reason: '材料不属于本中心受理范围',
    });
    expect(rejected.view).toMatchObject({ status: 'REJECTED', actions: [], dueAt: null });
    const after = await fingerprint(taken.id);
    const withdraw = await run('liucheng.window', 'withdrawApplication', {
      id: taken.id,
      version: rejected.view!.version,
    });
    expect(reasonOf(withdraw)).toBe('ILLEGAL_TRANSITION');
    expect(await fingerprint(taken.id)).toBe(after);
  });

  it('lets one of two people acting at once win; the other gets CONFLICT', async () => {
    const taken = await submit('liucheng.window', '450222/C1');
    const results = await Promise.all([
      run('liucheng.window', 'acceptApplication', { id: taken.id, version: taken.version }),
      run('liucheng.window', 'rejectApplication', {
        id: taken.id,
        version: taken.version,
        reason: '并发',
      }),
      run('liucheng.window', 'acceptApplication', { id: taken.id, version: taken.version }),
    ]);
    const won = results.filter((result) => result.view);
    expect(won).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === 'CONFLICT')).toHaveLength(2);
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM application_events WHERE application_id = $1`,
      [taken.id],
    );
    expect(n).toBe(2);
  });

  it('keeps applications of other tenants and windows out of reach', async () => {
    const taken = await submit('liucheng.window', '450222/C1');
    const before = await fingerprint(taken.id);
    // A station and a township see nothing of it; a clerk of another window cannot act on it.
    for (const username of ['village.staff', 'mashan.manager', 'liucheng.land']) {
      const result = await run(username, 'acceptApplication', { id: taken.id, version: 1 });
      expect([username, errorCode(result)]).toEqual([username, 'NOT_FOUND']);
    }
    // Those who read it without handling it: the county administrator, the city, the operator.
    for (const username of ['liucheng.admin', 'liuzhou.city', 'platform']) {
      const result = await run(username, 'acceptApplication', { id: taken.id, version: 1 });
      expect([username, errorCode(result)]).toEqual([username, 'FORBIDDEN']);
    }
    const unknown = await run('liucheng.window', 'acceptApplication', {
      id: '00000000-0000-4000-8000-000000000000',
      version: 1,
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(await fingerprint(taken.id)).toBe(before);
  });

  it('extends a deadline only with a reason and a manager’s approval', async () => {
    // An item Mashan decides itself, with a limit in working days.
    const [{ code }] = await db.query<{ code: string }>(
      `SELECT l.code FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
         JOIN catalogue_items c ON c.tenant_id = l.source_tenant_id
                               AND c.version_id = l.source_version_id AND c.code = l.code
        WHERE t.division_code = '450222203' AND l.promised_days IS NOT NULL
          AND NOT l.read_only AND 'TOWNSHIP' = ANY(c.handling_tiers)
        ORDER BY l.code LIMIT 1`,
    );
    const taken = await submit('mashan.manager', '450222203/C1', code);
    const accepted = await run('mashan.manager', 'acceptApplication', { id: taken.id, version: 1 });
    expect(accepted.errors).toBeUndefined();
    let view = accepted.view!;
    expect(view.mayApproveExtensions).toBe(true);
    const noReason = await run(
      'mashan.manager',
      'requestExtension',
      { id: view.id, version: view.version, workingDays: 3 },
      'RequestExtensionInput',
    );
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    const tooMany = await run(
      'mashan.manager',
      'requestExtension',
      { id: view.id, version: view.version, workingDays: 61, reason: '需要专家论证' },
      'RequestExtensionInput',
    );
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    view = (
      await run(
        'mashan.manager',
        'requestExtension',
        { id: view.id, version: view.version, workingDays: 3, reason: '需要补充现场勘验' },
        'RequestExtensionInput',
      )
    ).view!;
    // Asked for, not yet approved: the deadline stands.
    expect(view.extensionDays).toBe(0);
    expect(view.promisedDeadline).toBe(taken.promisedDeadline ?? view.promisedDeadline);
    const promisedBefore = view.promisedDeadline;
    const again = await run(
      'mashan.manager',
      'requestExtension',
      { id: view.id, version: view.version, workingDays: 2, reason: '再次' },
      'RequestExtensionInput',
    );
    expect(reasonOf(again)).toBe('EXTENSION_PENDING');

    const [extension] = (await get('mashan.manager', view.id)).extensions;
    expect(extension).toMatchObject({ status: 'PENDING', workingDays: 3 });
    const DECIDE = `mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { ${FIELDS} } }`;
    // Clerks and the county administrator approve no extension anywhere.
    const clerk = await gql(api.baseUrl, DECIDE, {
      ...as('liucheng.window'),
      variables: { input: { extensionId: extension.id, approve: true } },
    });
    expect(errorCode(clerk)).toBe('FORBIDDEN');
    const admin = await gql(api.baseUrl, DECIDE, {
      ...as('liucheng.admin'),
      variables: { input: { extensionId: extension.id, approve: true } },
    });
    expect(errorCode(admin)).toBe('FORBIDDEN');

    const approved = await gql<{ decideExtension: View }>(api.baseUrl, DECIDE, {
      ...as('mashan.manager'),
      variables: { input: { extensionId: extension.id, approve: true, note: '同意' } },
    });
    expect(approved.errors).toBeUndefined();
    const extended = approved.data!.decideExtension;
    expect(extended.extensionDays).toBe(3);
    expect(iso(extended.promisedDeadline)).toBe(
      due(extended.acceptedAt!, extended.promisedLimit!.workingDays!, [], 3),
    );
    expect(extended.promisedDeadline).not.toBe(promisedBefore);
    // Into a year whose holidays are not published, it says the count is provisional.
    const provisional = countedProvisionally(
      { calendar: guangxi, hours: DEFAULT_BUSINESS_HOURS },
      (c) =>
        deadline(
          c.calendar,
          c.hours,
          new Date(extended.acceptedAt!),
          extended.statutoryLimit!.workingDays!,
          [],
          3,
        ),
    ).provisional;
    expect(extended.clock.deadlinesProvisional).toBe(provisional);
    const twice = await gql(api.baseUrl, DECIDE, {
      ...as('mashan.manager'),
      variables: { input: { extensionId: extension.id, approve: false } },
    });
    expect(reasonOf(twice)).toBe('EXTENSION_DECIDED');
  });

  it('lets a station that only takes an item in neither accept nor complete it', async () => {
    const taken = await submit('village.staff', '450222203201/D1', '450011002W01');
    expect(taken.actions).not.toContain('ACCEPT');
    expect(taken.actions).toContain('REJECT');
    const accepted = await run('village.staff', 'acceptApplication', {
      id: taken.id,
      version: taken.version,
    });
    expect(reasonOf(accepted)).toBe('ILLEGAL_TRANSITION');
  });

  it('completes an on-the-spot item in one act', async () => {
    const [{ code }] = await db.query<{ code: string }>(
      `SELECT l.code FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
        WHERE t.division_code = '450222' AND l.promised_days IS NULL AND NOT l.read_only
        ORDER BY l.code LIMIT 1`,
    );
    const taken = await submit('liucheng.window', '450222/C1', code);
    expect(taken.clock.onTheSpot).toBe(true);
    expect(taken.actions).toContain('COMPLETE_ON_THE_SPOT');
    expect(taken.actions).not.toContain('ACCEPT');
    const done = (
      await run('liucheng.window', 'completeOnTheSpot', { id: taken.id, version: taken.version })
    ).view!;
    expect(done.status).toBe('COMPLETED');
    expect(done.acceptedAt).toBe(done.completedAt);
    expect(done.decidedAt).toBe(done.completedAt);
  });

  it('gives the same application for the same intake key, and refuses the key for another', async () => {
    const input = (name: string) => ({
      windowId: windows['450222/C1'],
      itemCode: FOOD_LICENCE,
      intakeKey: 'kiosk-7f3a9c2e-0001',
      applicant: { name },
    });
    const [first, second] = await Promise.all(
      [1, 2].map(() =>
        gql<{ submitApplication: View }>(api.baseUrl, SUBMIT, {
          ...as('liucheng.window'),
          variables: { input: input('黄海燕') },
        }),
      ),
    );
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.submitApplication.id).toBe(first.data!.submitApplication.id);
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications WHERE intake_key = 'kiosk-7f3a9c2e-0001'`,
    );
    expect(n).toBe(1);
    const other = await gql(api.baseUrl, SUBMIT, {
      ...as('liucheng.window'),
      variables: { input: input('另一人') },
    });
    expect([errorCode(other), reasonOf(other)]).toEqual(['CONFLICT', 'INTAKE_KEY_REUSED']);
    const badKey = await gql(api.baseUrl, SUBMIT, {
      ...as('liucheng.window'),
      variables: { input: { ...input('黄海燕'), intakeKey: 'short' } },
    });
    expect(errorCode(badKey)).toBe('BAD_USER_INPUT');
  });

  it('lists the work queue most urgent first, a page at a time, for the windows one works', async () => {
    const pages: { id: string; dueAt: string | null; windowName: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: GraphQLResult<QueuePage> = await gql<QueuePage>(api.baseUrl, QUEUE, {
        ...as('liucheng.window'),
        variables: { page: { first: 2, after } },
      });
      expect(result.errors).toBeUndefined();
      pages.push(...result.data!.workQueue.nodes);
      if (!result.data!.workQueue.pageInfo.hasNextPage) break;
      after = result.data!.workQueue.pageInfo.endCursor;
    }
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications a JOIN service_windows w ON w.id = a.window_id
        JOIN tenants t ON t.id = a.tenant_id
        WHERE t.division_code = '450222' AND w.code = 'C1'
          AND a.status NOT IN ('REJECTED','COMPLETED','WITHDRAWN')`,
    );
    expect(pages).toHaveLength(n);
    expect(new Set(pages.map((p) => p.id)).size).toBe(n);
    expect(pages.every((p) => p.windowName === pages[0].windowName)).toBe(true);
    const dues = pages.map((p) => (p.dueAt ? Date.parse(p.dueAt) : Infinity));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    // The station's staff see their station's, the clerk of window 01 theirs only.
    const station = await gql<{ workQueue: { nodes: { id: string }[] } }>(api.baseUrl, QUEUE, {
      ...as('village.staff'),
    });
    const [{ m }] = await db.query<{ m: number }>(
      `SELECT count(*)::int AS m FROM applications a JOIN tenants t ON t.id = a.tenant_id
        WHERE t.division_code = '450222203201'
          AND a.status NOT IN ('REJECTED','COMPLETED','WITHDRAWN')`,
    );
    expect(station.data!.workQueue.nodes).toHaveLength(m);
    const land = await gql<{ workQueue: { nodes: { id: string }[] } }>(api.baseUrl, QUEUE, {
      ...as('liucheng.land'),
    });
    expect(land.data!.workQueue.nodes.some((node) => pages.some((p) => p.id === node.id))).toBe(
      false,
    );
    // Closed states are not on a queue; a forged cursor is refused.
    const closed = await gql(api.baseUrl, QUEUE, {
      ...as('liucheng.window'),
      variables: { filter: { status: 'COMPLETED' } },
    });
    expect(errorCode(closed)).toBe('BAD_USER_INPUT');
    const forged = await gql(api.baseUrl, QUEUE, {
      ...as('liucheng.window'),
      variables: { page: { after: Buffer.from('q:1:x').toString('base64url') } },
    });
    expect(errorCode(forged)).toBe('BAD_USER_INPUT');
  });
});
