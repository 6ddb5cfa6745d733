import { generateKeyPairSync } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import {
  addNeighbourCounty,
  ApiProcess,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  gql,
  login,
  ME,
  REFRESH,
  startApi,
  TestDatabase,
  waitFor,
} from '@tongban/test-support';
import { residentIdCheckCharacter } from '@tongban/workflow';

/**
 * The security defects of the first review (issue 8), each against the real API, PostgreSQL
 * and Redis: every refusal is paired with a control that succeeds, and a refused call changes
 * nothing.
 */
const PASSWORD = 'Demo#2026';
const INVITE = `mutation($input: InviteStaffInput!) {
  inviteStaff(input: $input) { staff { userId status } setupLink { token } } }`;
const COMPLETE = `mutation($input: CompleteSetupInput!) { completeSetup(input: $input) { accessToken } }`;
const PREVIEW = `query($input: OnboardTenantInput!) {
  onboardingPreview(input: $input) { problems managerRole } }`;
const CREATE_WINDOW = `mutation($input: CreateServiceWindowInput!) {
  createServiceWindow(input: $input) { id code } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { id receiptNumber } }`;
const SUSPEND = `mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { status } }`;
const REACTIVATE = `mutation($input: ReactivateTenantInput!) { reactivateTenant(input: $input) { status } }`;
const TRAIL = `query($tenantId: ID!) { auditTrail(tenantId: $tenantId) { nodes { action actorName details } } }`;

const idNumber = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe('security defects of the first review', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const ids: Record<string, string> = {};
  const windows: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let address = 1;
  const nextAddress = () => `10.40.${Math.floor(address / 250)}.${address++ % 250}`;

  const loginFrom = (username: string, password: string, from = nextAddress()) =>
    login(api.baseUrl, username, password, { 'X-Forwarded-For': from });
  const as = (username: string, query: string, variables: Record<string, unknown> = {}) =>
    gql(api.baseUrl, query, { token: tokens[username], variables });

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    await addNeighbourCounty(db);
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    for (const row of await db.query<{ division_code: string; id: string }>(
      `SELECT division_code, id FROM tenants`,
    )) {
      ids[row.division_code] = row.id;
    }
    for (const row of await db.query<{ key: string; id: string }>(
      `SELECT t.division_code || '/' || w.code AS key, w.id FROM service_windows w
         JOIN tenants t ON t.id = w.tenant_id`,
    )) {
      windows[row.key] = row.id;
    }
    for (const username of [
      'platform',
      'liucheng.admin',
      'liucheng.window',
      'liujiang.admin',
      'mashan.manager',
    ]) {
      const result = await loginFrom(username, PASSWORD);
      expect(result.errors).toBeUndefined();
      tokens[username] = result.data!.login.accessToken;
    }
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  describe('1. attempts are counted before the secret is checked', () => {
    it('lets at most 5 of 20 parallel wrong passwords reach the check; then even the right one waits', async () => {
      const guesses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => loginFrom('liucheng.supervisor', `wrong-guess-${i}`)),
      );
      const codes = guesses.map(errorCode);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(15);
      expect(codes.filter((c) => c === undefined)).toEqual([]);
      expect(errorCode(await loginFrom('liucheng.supervisor', PASSWORD))).toBe('RATE_LIMITED');
      // Control: the lock-out is the account's; others log in from the same address.
      const other = await loginFrom('liucheng.land', PASSWORD, '10.40.99.1');
      expect(other.errors).toBeUndefined();
    });

    it('warns how many attempts are left before the lock-out', async () => {
      const first = await loginFrom('liucheng.land', 'not-it');
      const second = await loginFrom('liucheng.land', 'not-it-either');
      expect(errorCode(first)).toBe('UNAUTHENTICATED');
      expect(first.errors![0].extensions!.remainingAttempts).toBe(4);
      expect(second.errors![0].extensions!.remainingAttempts).toBe(3);
      // The right password still comes in, and starts the count afresh.
      expect((await loginFrom('liucheng.land', PASSWORD)).errors).toBeUndefined();
      const again = await loginFrom('liucheng.land', 'not-it');
      expect(again.errors![0].extensions!.remainingAttempts).toBe(4);
    });

    it('throttles a setup link: guesses counted before the link is checked', async () => {
      const invited = await as('liucheng.admin', INVITE, {
        input: {
          tenantId: ids['450222'],
          username: 'throttle.probe',
          displayName: '测试',
          roles: ['WINDOW_STAFF'],
        },
      });
      expect(invited.errors).toBeUndefined();
      const token = (invited.data as { inviteStaff: { setupLink: { token: string } } }).inviteStaff
        .setupLink.token;
      const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      const guesses = await Promise.all(
        Array.from({ length: 12 }, () =>
          gql(api.baseUrl, COMPLETE, {
            variables: { input: { token: forged, password: 'a-long-password-1' } },
            headers: { 'X-Forwarded-For': nextAddress() },
          }),
        ),
      );
      const codes = guesses.map(errorCode);
      expect(codes.filter((c) => c === 'BAD_USER_INPUT').length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(7);
      const real = await gql(api.baseUrl, COMPLETE, {
        variables: { input: { token, password: 'a-long-password-1' } },
        headers: { 'X-Forwarded-For': nextAddress() },
      });
      expect(errorCode(real)).toBe('RATE_LIMITED');
      const [user] = await db.query<{ status: string }>(
        `SELECT status FROM users WHERE username = 'throttle.probe'`,
      );
      expect(user.status).toBe('INVITED');
    });
  });

  it('2. a taken division code is not named to someone who cannot see its tenant', async () => {
    const input = (parentId: string) => ({
      parentId,
      kind: 'TOWNSHIP',
      divisionCode: '450222203',
      name: '测试乡',
      windows: [],
      manager: { username: 'probe.manager', displayName: '测试' },
    });
    const foreign = await as('liujiang.admin', PREVIEW, { input: input(ids['450206']) });
    expect(foreign.errors).toBeUndefined();
    const problems = (foreign.data as { onboardingPreview: { problems: string[] } })
      .onboardingPreview.problems;
    expect(problems).toContain('Division code 450222203 is already in use');
    expect(JSON.stringify(foreign)).not.toContain('马山');
    // Control: the county that can see it is told which tenant has the code.
    const own = await as('liucheng.admin', PREVIEW, { input: input(ids['450222']) });
    expect(
      (own.data as { onboardingPreview: { problems: string[] } }).onboardingPreview.problems,
    ).toContain('Division code 450222203 is already used by 马山乡');
  });

  describe('3. a NUL byte or broken Unicode in any string input', () => {
    const cases: [string, string, string, () => Record<string, unknown>, string][] = [
      [
        'login',
        '',
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        () => ({ input: { username: 'liucheng.admin\u0000', password: PASSWORD } }),
        'input.username',
      ],
      [
        'createServiceWindow',
        'liucheng.admin',
        CREATE_WINDOW,
        () => ({
          input: { tenantId: ids['450222'], code: 'Z9', name: '窗口\ud800', kind: 'SERVICE' },
        }),
        'input.name',
      ],
      [
        'inviteStaff',
        'liucheng.admin',
        INVITE,
        () => ({
          input: {
            tenantId: ids['450222'],
            username: 'nul.probe',
            displayName: 'a\u0000b',
            roles: ['WINDOW_STAFF'],
          },
        }),
        'input.displayName',
      ],
      [
        'submitApplication',
        'liucheng.window',
        SUBMIT,
        () => ({
          input: {
            windowId: windows['450222/C1'],
            itemCode: '000131\u000012800001',
            applicant: { name: '张三' },
          },
        }),
        'input.itemCode',
      ],
      [
        'suspendTenant',
        'liucheng.admin',
        SUSPEND,
        () => ({ input: { tenantId: ids['450222100'], reason: '\udc00整改' } }),
        'input.reason',
      ],
    ];

    it.each(cases)(
      '%s: BAD_USER_INPUT naming the field, nothing changed',
      async (_op, user, query, variables, field) => {
        const before = await databaseFingerprint(db);
        const result = user
          ? await as(user, query, variables())
          : await gql(api.baseUrl, query, { variables: variables() });
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions!.field).toBe(field);
        expect(result.errors![0].message).toContain(field);
        expect(await databaseFingerprint(db)).toBe(before);
      },
    );

    it('control: the same operations with sound text succeed', async () => {
      const window = await as('liucheng.admin', CREATE_WINDOW, {
        input: { tenantId: ids['450222'], code: 'Z9', name: '窗口 😀', kind: 'SERVICE' },
      });
      expect(window.errors).toBeUndefined();
    });
  });

  it('4. an unexpected error during intake leaves no personal data in the log', async () => {
    const applicant = {
      name: '欧阳测试',
      idNumber: idNumber('45022219790101987'),
      phone: '13977712345',
    };
    await db.query(`REVOKE INSERT ON applications FROM tongban_app`);
    try {
      const result = await as('liucheng.window', SUBMIT, {
        input: {
          windowId: windows['450222/C1'],
          itemCode: '00013112800001',
          applicant,
        },
      });
      expect(errorCode(result)).toBe('INTERNAL_SERVER_ERROR');
      const correlationId = result.errors![0].extensions!.correlationId as string;
      const line = await waitFor('the error in the log', async () =>
        api
          .logs()
          .split('\n')
          .find((l) => l.includes(correlationId) && l.includes('unexpected error')),
      );
      expect(line).toContain('permission denied');
      const logs = api.logs();
      for (const value of [applicant.name, applicant.idNumber, applicant.phone, '139 7771 2345']) {
        expect(logs).not.toContain(value);
      }
    } finally {
      await db.query(`GRANT INSERT ON applications TO tongban_app`);
    }
  });

  it('5. eight parallel window creations in one hall all succeed', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        as('liucheng.admin', CREATE_WINDOW, {
          input: {
            tenantId: ids['450222100'],
            code: `P${i}`,
            name: `并发窗口${i}`,
            kind: 'SERVICE',
          },
        }),
      ),
    );
    expect(results.map(errorCode)).toEqual(Array(8).fill(undefined));
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM service_windows WHERE tenant_id = $1 AND code LIKE 'P%'`,
      [ids['450222100']],
    );
    expect(n).toBe(8);
  });

  it('6. in production: no enum suggestion, and a variable’s value is never echoed', async () => {
    const keys = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const production = await startApi({
      databaseUrl: db.url,
      env: {
        NODE_ENV: 'production',
        JWT_PRIVATE_KEY: keys.privateKey,
        JWT_PUBLIC_KEY: keys.publicKey,
      },
    });
    try {
      const enumTypo = await gql(production.baseUrl, INVITE, {
        variables: {
          input: {
            tenantId: ids['450222'],
            username: 'x.y',
            displayName: 'x',
            roles: ['WINDOW_STAF'],
          },
        },
      });
      expect(errorCode(enumTypo)).toBe('BAD_USER_INPUT');
      expect(enumTypo.errors![0].message).not.toContain('Did you mean');
      expect(enumTypo.errors![0].message).not.toContain('WINDOW_STAFF');
      const secret = 987654321;
      const wrongType = await gql(
        production.baseUrl,
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { variables: { input: { username: 'liucheng.admin', password: secret } } },
      );
      expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
      expect(wrongType.errors![0].message).toContain('input.password');
      expect(JSON.stringify(wrongType.errors)).not.toContain(String(secret));
    } finally {
      await production.stop();
    }
  });

  describe('7. suspension covers the whole subtree, at once', () => {
    it('stops the village stations below a suspended township; reactivation revives no old token', async () => {
      const village = (await loginFrom('village.staff', PASSWORD)).data!.login;
      const sid = JSON.parse(Buffer.from(village.accessToken.split('.')[1], 'base64url').toString())
        .sid as string;
      const suspended = await as('liucheng.admin', SUSPEND, {
        input: { tenantId: ids['450222203'], reason: '停业整顿' },
      });
      expect(suspended.errors).toBeUndefined();
      // Revoked in the suspension's own transaction: no waiting for a job.
      const [session] = await db.query<{ revoked_reason: string | null }>(
        `SELECT revoked_reason FROM sessions WHERE id = $1`,
        [sid],
      );
      expect(session.revoked_reason).toBe('TENANT_SUSPENDED');
      expect(errorCode(await gql(api.baseUrl, ME, { token: village.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );
      const refused = await loginFrom('village.staff', PASSWORD);
      expect(errorCode(refused)).toBe('UNAUTHENTICATED');
      expect(refused.errors![0].extensions!.reason).toBe('TENANT_SUSPENDED');
      // A wrong password learns nothing about the suspension.
      const wrong = await loginFrom('village.staff', 'wrong');
      expect(wrong.errors![0].extensions!.reason).toBeUndefined();

      const back = await as('liucheng.admin', REACTIVATE, {
        input: { tenantId: ids['450222203'] },
      });
      expect(back.errors).toBeUndefined();
      const oldRefresh = await gql(api.baseUrl, REFRESH, {
        variables: { input: { refreshToken: village.refreshToken } },
      });
      expect(errorCode(oldRefresh)).toBe('UNAUTHENTICATED');
      expect((await loginFrom('village.staff', PASSWORD)).errors).toBeUndefined();
    });

    it('refuses intake at a station whose township is suspended, and the control works', async () => {
      const station = (await loginFrom('village.staff', PASSWORD)).data!.login.accessToken;
      const input = {
        windowId: windows['450222203201/D1'],
        itemCode: '00013112800001',
        applicant: { name: '覃测试' },
      };
      const ok = await gql(api.baseUrl, SUBMIT, { token: station, variables: { input } });
      expect(ok.errors).toBeUndefined();
      await as('liucheng.admin', SUSPEND, {
        input: { tenantId: ids['450222203'], reason: '整改' },
      });
      try {
        const before = await databaseFingerprint(db);
        const refused = await gql(api.baseUrl, SUBMIT, { token: station, variables: { input } });
        expect(errorCode(refused)).toBe('UNAUTHENTICATED');
        expect(await databaseFingerprint(db)).toBe(before);
      } finally {
        await as('liucheng.admin', REACTIVATE, { input: { tenantId: ids['450222203'] } });
      }
    });
  });

  it('8. a persisted-query (APQ) request is a client error, without a stack in the log', async () => {
    const res = await request(api.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({
        extensions: {
          persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) },
        },
      });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(api.logs()).not.toMatch(/PersistedQuery[\s\S]{0,200}\n\s+at /);
  });

  describe('9. no role granted beyond the granter’s own reads', () => {
    it('refuses the platform operator a supervisor (who reads personal data plainly)', async () => {
      const before = await databaseFingerprint(db);
      const refused = await as('platform', INVITE, {
        input: {
          tenantId: ids['450222'],
          username: 'plain.reader',
          displayName: 'x',
          roles: ['SUPERVISOR'],
        },
      });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(await databaseFingerprint(db)).toBe(before);
      // Nor through onboarding: a township's first manager reads personal data plainly.
      const onboarding = await as('platform', PREVIEW, {
        input: {
          parentId: ids['450222'],
          kind: 'TOWNSHIP',
          divisionCode: '450222107',
          name: '测试镇',
          windows: [],
          manager: { username: 'plain.manager', displayName: 'x' },
        },
      });
      expect(errorCode(onboarding)).toBe('FORBIDDEN');
      // Control: a role reading no more than the operator's, and the county giving a supervisor.
      const city = await as('platform', INVITE, {
        input: {
          tenantId: ids['450200'],
          username: 'city.reader',
          displayName: 'x',
          roles: ['CITY_OFFICIAL'],
        },
      });
      expect(city.errors).toBeUndefined();
      const supervisor = await as('liucheng.admin', INVITE, {
        input: {
          tenantId: ids['450222'],
          username: 'county.supervisor',
          displayName: 'x',
          roles: ['SUPERVISOR'],
        },
      });
      expect(supervisor.errors).toBeUndefined();
    });

    it('shows invitations and setups in the tenant’s audit trail to its administrators', async () => {
      const invited = await as('liucheng.admin', INVITE, {
        input: {
          tenantId: ids['450222'],
          username: 'trail.probe',
          displayName: '留痕',
          roles: ['WINDOW_STAFF'],
        },
      });
      const token = (invited.data as { inviteStaff: { setupLink: { token: string } } }).inviteStaff
        .setupLink.token;
      const setup = await gql(api.baseUrl, COMPLETE, {
        variables: { input: { token, password: 'a-long-password-2' } },
        headers: { 'X-Forwarded-For': nextAddress() },
      });
      expect(setup.errors).toBeUndefined();
      const trail = await as('liucheng.admin', TRAIL, { tenantId: ids['450222'] });
      const nodes = (
        trail.data as {
          auditTrail: { nodes: { action: string; actorName: string; details: string }[] };
        }
      ).auditTrail.nodes;
      expect(
        nodes.find((n) => n.action === 'STAFF_INVITED' && n.details.includes('trail.probe')),
      ).toMatchObject({ actorName: '柳城县政务服务中心管理员' });
      expect(nodes.find((n) => n.action === 'STAFF_SETUP_COMPLETED')).toMatchObject({
        actorName: '留痕',
      });
      // A window clerk's role does not read the trail; a foreign county's tenant is not found.
      expect(errorCode(await as('liucheng.window', TRAIL, { tenantId: ids['450222'] }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await as('liujiang.admin', TRAIL, { tenantId: ids['450222'] }))).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('10. roles are a bounded set, valid for the tenant', () => {
    it.each([
      ['3,000 roles', Array.from({ length: 3000 }, () => 'WINDOW_STAFF')],
      ['a repeated role', ['WINDOW_STAFF', 'WINDOW_STAFF']],
      ['no role', []],
      ['a role not held in a county', ['STATION_STAFF']],
    ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_what, roles) => {
      const before = await databaseFingerprint(db);
      const result = await as('liucheng.admin', INVITE, {
        input: { tenantId: ids['450222'], username: 'roles.probe', displayName: 'x', roles },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(await databaseFingerprint(db)).toBe(before);
    });

    it('gives a new city’s first account a role held in a city', async () => {
      const preview = await as('platform', PREVIEW, {
        input: {
          parentId: ids['450000'],
          kind: 'CITY',
          divisionCode: '450400',
          name: '梧州市',
          windows: [],
          manager: { username: 'wuzhou.city', displayName: '梧州市' },
        },
      });
      expect(preview.errors).toBeUndefined();
      expect(preview.data).toEqual({
        onboardingPreview: { problems: [], managerRole: 'CITY_OFFICIAL' },
      });
    });
  });

  it('11. a too-large request is a client error, logged as a warning without a stack', async () => {
    // A 4 MB body announced by its Content-Length: the server answers from the header, before
    // reading. Only the start is written, so the test never races the server's close of the
    // connection against its own write (EPIPE before the answer is read).
    const status = await new Promise<number>((resolve, reject) => {
      const size = 4 * 1024 * 1024;
      const req = httpRequest(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': size },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (error) =>
        /EPIPE|ECONNRESET|socket hang up/.test(error.message) ? undefined : reject(error),
      );
      req.write(`{"query":"{ me { id } }","padding":"${'x'.repeat(1024)}`);
    });
    expect(status).toBe(413);
    const line = await waitFor('the 413 in the log', async () =>
      api
        .logs()
        .split('\n')
        .find((l) => l.includes('"statusCode":413') && l.includes('client error')),
    );
    expect(JSON.parse(line)).toMatchObject({
      level: 40,
      msg: 'client error',
      statusCode: 413,
      reason: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(line).not.toMatch(/\\n\s+at /);
  });
});
