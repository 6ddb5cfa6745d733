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
  composeCalendar,
  countedProvisionally,
  deadline,
  DEFAULT_BUSINESS_HOURS,
  layersFor,
  NATIONAL_SCHEDULE,
  REGIONAL_SCHEDULES,
} from '@tongban/workflow';

/**
 * Village proxy intake (代办, issue 11, DESIGN.md §4.3) through the API: a station takes in an
 * item it may only take in and forwards it to the center above that handles it; the applicant
 * holds one receipt; both ends see the chain and where it stands; the result comes back
 * through the station, which hands it over. The same from a township to the county. Each
 * side's row stays its own tenant's: neither reads the other's application by id.
 */
const PASSWORD = 'Demo#2026';
const LINK = `tenantId tenantName applicationId receiptNumber status submittedAt acceptedAt
  promisedDeadline statutoryDeadline dueAt completedAt`;
const FIELDS = `id tenantId receiptNumber status version itemCode actions chainStatus acceptedAt
  promisedDeadline statutoryDeadline dueAt completedAt windowName
  forwardedTo { ${LINK} } forwardedFrom { ${LINK} } forwardTargets { tenantId tenantName }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { application(id: $id) { ${FIELDS}
  timeline { fromStatus toStatus action actorName reason } } }`;
const act = (mutation: string, input = 'ActInput') =>
  `mutation($input: ${input}!) { ${mutation}(input: $input) { ${FIELDS} } }`;

interface Link {
  tenantId: string;
  tenantName: string;
  applicationId: string;
  receiptNumber: string;
  status: string;
  submittedAt: string;
  acceptedAt: string | null;
  promisedDeadline: string | null;
  statutoryDeadline: string | null;
  dueAt: string | null;
  completedAt: string | null;
}
interface View {
  id: string;
  tenantId: string;
  receiptNumber: string;
  status: string;
  version: number;
  itemCode: string;
  actions: string[];
  chainStatus: string | null;
  acceptedAt: string | null;
  promisedDeadline: string | null;
  statutoryDeadline: string | null;
  dueAt: string | null;
  completedAt: string | null;
  windowName: string;
  forwardedTo: Link | null;
  forwardedFrom: Link | null;
  forwardTargets: { tenantId: string; tenantName: string }[];
  timeline?: { fromStatus: string | null; toStatus: string; action: string; actorName: string }[];
}

/** 临时救助: decided at a township or the county, only taken in at a village station. */
const TEMPORARY_RELIEF = '000111003000';
/** 城乡最低生活保障对象认定: decided at the county, only taken in at townships and stations. */
const MINIMUM_LIVING = '000111001000';

const guangxi = composeCalendar(layersFor('450222', NATIONAL_SCHEDULE, REGIONAL_SCHEDULES));
const due = (from: string, days: number, pauses: { from: string; to: string }[] = []) =>
  countedProvisionally({ calendar: guangxi, hours: DEFAULT_BUSINESS_HOURS }, (c) =>
    deadline(
      c.calendar,
      c.hours,
      new Date(from),
      days,
      pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
      0,
    ),
  ).value!.toISOString();
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

describe('village proxy intake (代办)', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const windows: Record<string, string> = {};
  const tenants: Record<string, string> = {};
  let intakeCount = 0;

  const submit = async (username: string, window: string, itemCode: string) => {
    const result = await gql<{ submitApplication: View }>(api.baseUrl, SUBMIT, {
      token: tokens[username],
      variables: {
        input: {
          windowId: windows[window],
          itemCode,
          applicant: { name: `村民${++intakeCount}`, phone: '0772-7612345' },
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
      token: tokens[username],
      variables: { input },
    });
    return { ...result, view: result.data?.[mutation] ?? null };
  };
  const get = async (username: string, id: string) =>
    gql<{ application: View | null }>(api.baseUrl, GET, {
      token: tokens[username],
      variables: { id },
    });
  const read = async (username: string, id: string) => {
    const result = await get(username, id);
    expect(result.errors).toBeUndefined();
    return result.data!.application!;
  };
  /** The rows of both ends and their events. */
  const fingerprint = async () =>
    (
      await db.query<{ f: string }>(
        `SELECT md5(concat_ws('|',
           (SELECT string_agg(a::text, ',' ORDER BY id) FROM applications a),
           (SELECT count(*)::text FROM application_events))) AS f`,
      )
    )[0].f;
  const reasonOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    result.errors?.[0]?.extensions?.reason;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    let address = 1;
    for (const username of [
      'village.staff',
      'mashan.manager',
      'liucheng.window',
      'liucheng.land',
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
    // The county's staff work the window a forwarded case lands on, whichever it is.
    await db.query(
      `INSERT INTO window_assignments (tenant_id, window_id, user_id)
       SELECT w.tenant_id, w.id, u.id FROM service_windows w JOIN tenants t ON t.id = w.tenant_id,
              users u
        WHERE t.division_code = '450222' AND u.username = 'liucheng.window'
       ON CONFLICT DO NOTHING`,
    );
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('takes a case from the station to the township and its result back, every deadline by the rules', async () => {
    const taken = await submit('village.staff', '450222203201/D1', TEMPORARY_RELIEF);
    expect(taken.status).toBe('SUBMITTED');
    expect(taken.actions).toEqual(expect.arrayContaining(['FORWARD', 'REJECT', 'WITHDRAW']));
    expect(taken.actions).not.toContain('ACCEPT');
    // Nearest first: the township, then the county (both decide 临时救助).
    expect(taken.forwardTargets).toEqual([
      { tenantId: tenants['450222203'], tenantName: '马山乡' },
      { tenantId: tenants['450222'], tenantName: '柳城县' },
    ]);
    // The station may not decide it itself.
    const accepted = await run('village.staff', 'acceptApplication', {
      id: taken.id,
      version: taken.version,
    });
    expect(reasonOf(accepted)).toBe('ILLEGAL_TRANSITION');

    const forwarded = await run(
      'village.staff',
      'forwardApplication',
      { id: taken.id, version: taken.version },
      'ForwardApplicationInput',
    );
    expect(forwarded.errors).toBeUndefined();
    const atStation = forwarded.view!;
    expect(atStation).toMatchObject({
      status: 'FORWARDED',
      chainStatus: 'SUBMITTED',
      dueAt: null,
      actions: [],
      forwardTargets: [],
    });
    const link = atStation.forwardedTo!;
    expect(link).toMatchObject({
      tenantName: '马山乡',
      tenantId: tenants['450222203'],
      status: 'SUBMITTED',
      // One receipt: the applicant's, from the station.
      receiptNumber: taken.receiptNumber,
    });
    expect(taken.receiptNumber).toMatch(/^MSC-\d{8}-\d{4}$/);
    // Five working days for the township to accept, from when it arrived there.
    expect(iso(link.dueAt)).toBe(due(link.submittedAt, 5));

    // Each end keeps its own row: the station cannot open the township's by id.
    expect(errorCode(await get('village.staff', link.applicationId))).toBe('NOT_FOUND');
    let atTownship = await read('mashan.manager', link.applicationId);
    expect(atTownship).toMatchObject({
      status: 'SUBMITTED',
      receiptNumber: taken.receiptNumber,
      forwardedFrom: {
        tenantName: '马山村便民服务站',
        status: 'FORWARDED',
        applicationId: taken.id,
      },
    });
    expect(atTownship.timeline!.map((e) => e.action)).toEqual(['RECEIVE_FORWARDED']);

    const step = async (mutation: string, extra: Record<string, unknown> = {}, type?: string) => {
      const result = await run(
        'mashan.manager',
        mutation,
        { id: atTownship.id, version: atTownship.version, ...extra },
        type,
      );
      expect(result.errors).toBeUndefined();
      atTownship = result.view!;
      return atTownship;
    };
    await step('acceptApplication');
    const acceptedAt = atTownship.acceptedAt!;
    expect(iso(atTownship.promisedDeadline)).toBe(due(acceptedAt, 20));
    let station = await read('village.staff', taken.id);
    expect(station.chainStatus).toBe('ACCEPTED');
    expect(station.forwardedTo!.promisedDeadline).toBe(atTownship.promisedDeadline);

    const materials = await db.query<{ name: string }>(
      `SELECT m->>'name' AS name FROM implementation_items l, jsonb_array_elements(l.materials) m
        WHERE l.tenant_id = $1 AND l.code = $2`,
      [tenants['450222203'], TEMPORARY_RELIEF],
    );
    await step(
      'requestSupplement',
      { missingMaterials: [materials[0].name] },
      'RequestSupplementInput',
    );
    expect(atTownship).toMatchObject({ status: 'SUSPENDED', promisedDeadline: null });
    station = await read('village.staff', taken.id);
    expect(station).toMatchObject({ status: 'FORWARDED', chainStatus: 'SUSPENDED' });
    await step('receiveSupplement');
    const [pause] = await db.query<{ from: string; to: string }>(
      `SELECT started_at::text AS from, ended_at::text AS to FROM application_pauses
        WHERE application_id = $1`,
      [atTownship.id],
    );
    expect(iso(atTownship.promisedDeadline)).toBe(due(acceptedAt, 20, [pause]));
    await step('approveApplication');
    station = await read('village.staff', taken.id);
    expect(station).toMatchObject({ status: 'FORWARDED', chainStatus: 'APPROVED', actions: [] });
    const before = station.version;

    await step('completeApplication');
    station = await read('village.staff', taken.id);
    expect(station).toMatchObject({
      status: 'RESULT_READY',
      chainStatus: 'COMPLETED',
      actions: ['HAND_BACK'],
    });
    expect(station.forwardedTo!.completedAt).toBe(atTownship.completedAt);
    // What the station saw before the result came back is stale now.
    const stale = await run('village.staff', 'handBackResult', { id: taken.id, version: before });
    expect(reasonOf(stale)).toBe('STALE_VERSION');

    const handedBack = await run('village.staff', 'handBackResult', {
      id: taken.id,
      version: station.version,
      reason: '村民本人签收',
    });
    expect(handedBack.errors).toBeUndefined();
    expect(handedBack.view).toMatchObject({ status: 'COMPLETED', actions: [] });
    const timeline = (await read('village.staff', taken.id)).timeline!;
    expect(timeline.map((e) => `${e.fromStatus}>${e.toStatus}:${e.action}`)).toEqual([
      'null>SUBMITTED:SUBMIT',
      'SUBMITTED>FORWARDED:FORWARD',
      'FORWARDED>RESULT_READY:RESULT_RETURNED',
      'RESULT_READY>COMPLETED:HAND_BACK',
    ]);
    // The township sees the station's end of the chain closed too.
    expect((await read('mashan.manager', atTownship.id)).forwardedFrom!.status).toBe('COMPLETED');
  });

  it('forwards a township’s intake-only item to the county, and brings a rejection back', async () => {
    const taken = await submit('mashan.manager', '450222203/C1', MINIMUM_LIVING);
    expect(taken.forwardTargets.map((t) => t.tenantName)).toEqual(['柳城县']);
    const forwarded = await run(
      'mashan.manager',
      'forwardApplication',
      { id: taken.id, version: taken.version },
      'ForwardApplicationInput',
    );
    expect(forwarded.errors).toBeUndefined();
    const link = forwarded.view!.forwardedTo!;
    expect(link).toMatchObject({ tenantName: '柳城县', receiptNumber: taken.receiptNumber });
    const atCounty = await read('liucheng.window', link.applicationId);
    const rejected = await run('liucheng.window', 'rejectApplication', {
      id: atCounty.id,
      version: atCounty.version,
      reason: '家庭人均收入高于当地低保标准',
    });
    expect(rejected.errors).toBeUndefined();
    const township = await read('mashan.manager', taken.id);
    expect(township).toMatchObject({
      status: 'RESULT_READY',
      chainStatus: 'REJECTED',
      actions: ['HAND_BACK'],
    });
  });

  it('refuses a center that does not handle the item, or one out of the line above, changing nothing', async () => {
    const taken = await submit('village.staff', '450222203201/D1', MINIMUM_LIVING);
    // 马山乡 only takes 低保 in; the county decides it.
    expect(taken.forwardTargets.map((t) => t.tenantName)).toEqual(['柳城县']);
    const before = await fingerprint();
    const township = await run(
      'village.staff',
      'forwardApplication',
      { id: taken.id, version: taken.version, toTenantId: tenants['450222203'] },
      'ForwardApplicationInput',
    );
    expect(errorCode(township)).toBe('BAD_USER_INPUT');
    expect(
      (township.errors![0].extensions as { problems: { code: string }[] }).problems[0].code,
    ).toBe('CANNOT_HANDLE');
    // A sibling station, another township: not above, so not there at all.
    for (const other of ['450222203202', '450222100']) {
      const result = await run(
        'village.staff',
        'forwardApplication',
        { id: taken.id, version: taken.version, toTenantId: tenants[other] },
        'ForwardApplicationInput',
      );
      expect(errorCode(result)).toBe('NOT_FOUND');
    }
    expect(await fingerprint()).toBe(before);
    // An item the station may decide itself is not forwarded.
    const own = await submit('village.staff', '450222203201/D1', '000114003000');
    const ownForward = await run(
      'village.staff',
      'forwardApplication',
      { id: own.id, version: own.version },
      'ForwardApplicationInput',
    );
    expect(reasonOf(ownForward)).toBe('ILLEGAL_TRANSITION');
    const named = await run(
      'village.staff',
      'forwardApplication',
      { id: taken.id, version: taken.version, toTenantId: tenants['450222'] },
      'ForwardApplicationInput',
    );
    expect(named.view!.forwardedTo!.tenantName).toBe('柳城县');
    // Forwarded once: again is an illegal transition, and the station cannot withdraw it now.
    const again = await run(
      'village.staff',
      'forwardApplication',
      { id: taken.id, version: named.view!.version },
      'ForwardApplicationInput',
    );
    expect(reasonOf(again)).toBe('ILLEGAL_TRANSITION');
    const withdraw = await run('village.staff', 'withdrawApplication', {
      id: taken.id,
      version: named.view!.version,
    });
    expect(reasonOf(withdraw)).toBe('ILLEGAL_TRANSITION');
    // Withdrawn where it is handled, it ends at the station too.
    const atCounty = await read('liucheng.window', named.view!.forwardedTo!.applicationId);
    await run('liucheng.window', 'withdrawApplication', {
      id: atCounty.id,
      version: atCounty.version,
      reason: '申请人撤回',
    });
    expect(await read('village.staff', taken.id)).toMatchObject({
      status: 'WITHDRAWN',
      chainStatus: 'WITHDRAWN',
    });
  });

  it('forwards once when two people forward at the same time', async () => {
    const taken = await submit('village.staff', '450222203201/D1', TEMPORARY_RELIEF);
    const results = await Promise.all(
      [0, 1].map(() =>
        run(
          'village.staff',
          'forwardApplication',
          { id: taken.id, version: taken.version },
          'ForwardApplicationInput',
        ),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(1);
    const [{ count }] = await db.query<{ count: string }>(
      `SELECT count(*)::text FROM applications WHERE forwarded_from_id = $1`,
      [taken.id],
    );
    expect(count).toBe('1');
  });
});
