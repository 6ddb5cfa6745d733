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
import { residentIdCheckCharacter } from '@tongban/workflow';

/**
 * Intake (收件) over GraphQL against the real API and PostgreSQL: receipt numbers, the
 * window-assignment condition of window staff, applicant data masked for city officials on
 * the server, paging, and bad input that changes nothing.
 */
const PASSWORD = 'Demo#2026';
const APPLICATION_FIELDS = `id tenantId tenantName receiptNumber itemCode itemName windowId windowName
  status submittedAt submittedByName version applicant { name idNumber phone masked }`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const LIST = `query List($filter: ApplicationsFilterInput, $page: ApplicationsPageInput) {
  applications(filter: $filter, page: $page) { nodes { ${APPLICATION_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
const GET = `query Get($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`;

interface Application {
  id: string;
  tenantId: string;
  tenantName: string;
  receiptNumber: string;
  windowId: string;
  windowName: string;
  status: string;
  version: number;
  applicant: { name: string; idNumber: string | null; phone: string | null; masked: boolean };
}
interface Page {
  applications: { nodes: Application[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

const idNumber = (first17: string) => first17 + residentIdCheckCharacter(first17);
const APPLICANT = {
  name: '黎明辉',
  idNumber: idNumber('45022219880808123'),
  phone: '138 0772 9876',
};

describe('application intake', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const windows: Record<string, string> = {};
  let address = 1;

  const as = (username: string) => tokens[username];
  const submit = (username: string, input: Record<string, unknown>) =>
    gql<{ submitApplication: Application }>(api.baseUrl, SUBMIT, {
      token: as(username),
      variables: { input },
    });
  const list = (username: string, variables: Record<string, unknown> = {}) =>
    gql<Page>(api.baseUrl, LIST, { token: as(username), variables });
  const count = async () =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM applications`))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    for (const username of [
      'liuzhou.city',
      'liucheng.admin',
      'liucheng.supervisor',
      'liucheng.window',
      'liucheng.land',
      'mashan.manager',
      'village.staff',
      'platform',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.7.0.${address++}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    const rows = await db.query<{ key: string; id: string }>(
      `SELECT t.division_code || '/' || w.code AS key, w.id FROM service_windows w
         JOIN tenants t ON t.id = w.tenant_id`,
    );
    for (const row of rows) windows[row.key] = row.id;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it("takes an application in at a window staff member's window, with a receipt number and an event", async () => {
    const result = await submit('liucheng.window', {
      windowId: windows['450222/C1'],
      itemCode: '00013112800001',
      applicant: APPLICANT,
    });
    expect(result.errors).toBeUndefined();
    const created = result.data!.submitApplication;
    expect(created).toMatchObject({
      tenantName: '柳城县',
      windowName: '综合窗口1',
      status: 'SUBMITTED',
      version: 1,
      applicant: { ...APPLICANT, phone: '13807729876', masked: false },
    });
    expect(created.receiptNumber).toMatch(/^LC-\d{8}-\d{4}$/);
    const [event] = await db.query(
      `SELECT e.from_status, e.to_status, u.username FROM application_events e
         JOIN users u ON u.id = e.actor_id WHERE e.application_id = $1`,
      [created.id],
    );
    expect(event).toEqual({
      from_status: null,
      to_status: 'SUBMITTED',
      username: 'liucheng.window',
    });
  });

  it('numbers concurrent intakes at one hall one after the other, never twice', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        submit('liucheng.window', {
          windowId: windows['450222/C1'],
          itemCode: '00013130100001',
          applicant: { name: `申请人${i}` },
        }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const numbers = results.map((r) => r.data!.submitApplication.receiptNumber).sort();
    const sequences = numbers.map((n) => Number(n.split('-')[2]));
    expect(new Set(numbers).size).toBe(12);
    expect(sequences.at(-1)! - sequences[0]).toBe(11);
  });

  it('refuses window staff at a window they do not work, and hides its applications', async () => {
    const before = await databaseFingerprint(db);
    const refused = await submit('liucheng.window', {
      windowId: windows['450222/01'],
      itemCode: '00011610100006',
      applicant: APPLICANT,
    });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await databaseFingerprint(db)).toBe(before);

    const seen = (await list('liucheng.window')).data!.applications.nodes;
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen.map((a) => a.windowName))).toEqual(new Set(['综合窗口1']));
    const [landApplication] = await db.query<{ id: string }>(
      `SELECT a.id FROM applications a JOIN service_windows w ON w.tenant_id = a.tenant_id
          AND w.id = a.window_id WHERE w.code = '01'`,
    );
    const hidden = await gql(api.baseUrl, GET, {
      token: as('liucheng.window'),
      variables: { id: landApplication.id },
    });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const land = await gql<{ application: Application }>(api.baseUrl, GET, {
      token: as('liucheng.land'),
      variables: { id: landApplication.id },
    });
    expect(land.data!.application.windowName).toBe('国土资源窗口');
  });

  it('follows window assignments: unassigned staff see nothing there and cannot take in', async () => {
    const unassign = await gql(
      api.baseUrl,
      `mutation ($input: WindowAssignmentInput!) { unassignStaffFromWindow(input: $input) { id } }`,
      {
        token: as('liucheng.admin'),
        variables: {
          input: {
            windowId: windows['450222/01'],
            userId: (
              await db.query<{ id: string }>(
                `SELECT id FROM users WHERE username = 'liucheng.land'`,
              )
            )[0].id,
          },
        },
      },
    );
    expect(unassign.errors).toBeUndefined();
    expect((await list('liucheng.land')).data!.applications.nodes).toEqual([]);
    const refused = await submit('liucheng.land', {
      windowId: windows['450222/01'],
      itemCode: '00011610100006',
      applicant: APPLICANT,
    });
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it('shows a city official every application below the city, with personal data masked on the server', async () => {
    const response = await list('liuzhou.city', { page: { first: 200 } });
    const nodes = response.data!.applications.nodes;
    const all = await db.query<{
      id: string;
      applicant_name: string;
      applicant_id_number: string | null;
      applicant_phone: string | null;
    }>(`SELECT id, applicant_name, applicant_id_number, applicant_phone FROM applications`);
    expect(nodes).toHaveLength(all.length);
    // The masks of DESIGN.md §3, worked out here from what is stored: 张*, 4502**********1234,
    // 138****5678 (a landline keeps only its last four digits).
    const phoneMask = (phone: string) => {
      const digits = phone.replace(/[\s-]/g, '');
      return /^1\d{10}$/.test(digits)
        ? `${digits.slice(0, 3)}****${digits.slice(-4)}`
        : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
    };
    for (const node of nodes) {
      const stored = all.find((row) => row.id === node.id)!;
      expect(node.applicant).toEqual({
        name: [...stored.applicant_name][0] + '*'.repeat([...stored.applicant_name].length - 1),
        idNumber:
          stored.applicant_id_number &&
          `${stored.applicant_id_number.slice(0, 4)}**********${stored.applicant_id_number.slice(-4)}`,
        phone: stored.applicant_phone && phoneMask(stored.applicant_phone),
        masked: true,
      });
    }
    const mine = nodes.find(
      (n) => n.applicant.idNumber?.startsWith('4502') && n.applicant.name === '黎**',
    );
    expect(mine?.applicant).toEqual({
      name: '黎**',
      idNumber: `4502**********${APPLICANT.idNumber.slice(-4)}`,
      phone: '138****9876',
      masked: true,
    });
    // No plain value of any applicant anywhere in what the server sent.
    const body = JSON.stringify(response);
    for (const row of all) {
      if ([...row.applicant_name].length > 1) expect(body).not.toContain(row.applicant_name);
      if (row.applicant_id_number) expect(body).not.toContain(row.applicant_id_number);
      if (row.applicant_phone) expect(body).not.toContain(row.applicant_phone);
    }
    const one = await gql<{ application: Application }>(api.baseUrl, GET, {
      token: as('liuzhou.city'),
      variables: { id: mine!.id },
    });
    expect(one.data!.application.applicant).toEqual(mine!.applicant);
    const platform = await gql<{ application: Application }>(api.baseUrl, GET, {
      token: as('platform'),
      variables: { id: mine!.id },
    });
    expect(platform.data!.application.applicant.masked).toBe(true);
  });

  it('shows plain data to the county, the supervisor and the township within their subtree only', async () => {
    const county = (await list('liucheng.admin', { page: { first: 200 } })).data!.applications
      .nodes;
    expect(county.every((n) => !n.applicant.masked)).toBe(true);
    expect(county.map((n) => n.applicant.idNumber)).toContain(APPLICANT.idNumber);
    const supervisor = (await list('liucheng.supervisor', { page: { first: 200 } })).data!
      .applications.nodes;
    expect(supervisor).toHaveLength(county.length);

    const township = (await list('mashan.manager', { page: { first: 200 } })).data!.applications
      .nodes;
    expect(new Set(township.map((n) => n.tenantName))).toEqual(
      new Set(['马山乡', '马山村便民服务站']),
    );
    const village = (await list('village.staff')).data!.applications.nodes;
    expect(new Set(village.map((n) => n.tenantName))).toEqual(new Set(['马山村便民服务站']));

    const [mashan] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222203'`,
    );
    const drilled = (await list('liucheng.admin', { filter: { tenantId: mashan.id } })).data!
      .applications.nodes;
    expect(drilled.map((n) => n.id).sort()).toEqual(township.map((n) => n.id).sort());
    const [city] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450200'`,
    );
    expect(errorCode(await list('mashan.manager', { filter: { tenantId: city.id } }))).toBe(
      'NOT_FOUND',
    );
  });

  it('pages newest first without gaps or repeats, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = (await list('liucheng.admin', { page: { first: 4, after } })).data!.applications;
      seen.push(...page.nodes.map((n) => n.id));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const all = (await list('liucheng.admin', { page: { first: 200 } })).data!.applications.nodes;
    expect(pages).toBeGreaterThan(2);
    expect(seen).toEqual(all.map((n) => n.id));
    expect(errorCode(await list('liucheng.admin', { page: { after: 'bm90LWEtY3Vyc29y' } }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses bad input with every problem named, and changes nothing', async () => {
    const before = await databaseFingerprint(db);
    const wrongCheck =
      APPLICANT.idNumber.slice(0, 17) + (APPLICANT.idNumber[17] === '0' ? '1' : '0');
    const refused = await submit('liucheng.window', {
      windowId: windows['450222/C1'],
      itemCode: ' ',
      applicant: { name: '黎明辉', idNumber: wrongCheck, phone: '12345' },
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const problems = refused.errors![0].extensions!.problems as { field: string; code: string }[];
    expect(problems.map((p) => `${p.field} ${p.code}`).sort()).toEqual([
      'applicant.idNumber ID_NUMBER_CHECK_CHARACTER',
      'applicant.phone PHONE_FORMAT',
      'itemCode REQUIRED',
    ]);
    const malformed = await submit('liucheng.window', {
      windowId: 'not-a-uuid',
      itemCode: 'X',
      applicant: { name: 'Z' },
    });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('takes nothing in at a charging window or in a hall that is not open', async () => {
    await db.query(
      `INSERT INTO window_assignments (tenant_id, window_id, user_id)
       SELECT w.tenant_id, w.id, u.id FROM service_windows w, users u
        WHERE w.id = $1 AND u.username = 'liucheng.window'`,
      [windows['450222/F1']],
    );
    const before = await count();
    const charging = await submit('liucheng.window', {
      windowId: windows['450222/F1'],
      itemCode: 'X1',
      applicant: { name: '黎明辉' },
    });
    expect(errorCode(charging)).toBe('BAD_USER_INPUT');

    await db.query(`UPDATE tenants SET status = 'ONBOARDING' WHERE division_code = '450222203'`);
    const closed = await submit('mashan.manager', {
      windowId: windows['450222203/C1'],
      itemCode: 'X1',
      applicant: { name: '黎明辉' },
    });
    await db.query(`UPDATE tenants SET status = 'ACTIVE' WHERE division_code = '450222203'`);
    expect(errorCode(closed)).toBe('CONFLICT');
    expect(await count()).toBe(before);
  });

  it('lets nobody read or take in outside their sight, and the platform operator takes nothing in', async () => {
    const [dapu] = await db.query<{ id: string }>(
      `SELECT a.id FROM applications a JOIN tenants t ON t.id = a.tenant_id
        WHERE t.division_code = '450222' LIMIT 1`,
    );
    expect(
      errorCode(
        await gql(api.baseUrl, GET, { token: as('mashan.manager'), variables: { id: dapu.id } }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await submit('mashan.manager', {
          windowId: windows['450222/C1'],
          itemCode: 'X1',
          applicant: { name: '黎明辉' },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await submit('platform', {
          windowId: windows['450222/C1'],
          itemCode: 'X1',
          applicant: { name: '黎明辉' },
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});
