import request from 'supertest';
import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  login,
  ME,
  startApi,
  TcpProxy,
  TEST_REDIS_URL,
  TestDatabase,
  Tokens,
} from '@tongban/test-support';

// What bench/load-fault.mjs found (RELIABILITY.md), each played small: a database or Redis
// outage must answer SERVICE_UNAVAILABLE, lock nobody out, and leave the API serving after.
const PASSWORD = 'Demo#2026';
const ONBOARD = `mutation Onboard($input: OnboardTenantInput!) {
  onboardTenant(input: $input) { managerSetupLink { token } }
}`;
const COMPLETE = `mutation Complete($input: CompleteSetupInput!) {
  completeSetup(input: $input) { accessToken }
}`;
// Each test from an address of its own, so a lock-out of one cannot leak into the next.
const from = (n: number) => ({ 'X-Forwarded-For': `10.3.0.${n}` });
const APPLICATIONS = `{ applications(page: { first: 5 }) { nodes { id tenantId } } }`;

describe('faults: database and Redis outages', () => {
  let db: TestDatabase;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    pgProxy = TcpProxy.forUrl(db.url);
    redisProxy = TcpProxy.forUrl(TEST_REDIS_URL);
    await pgProxy.start();
    await redisProxy.start();
    api = await startApi({
      databaseUrl: pgProxy.rewrite(db.url),
      env: {
        REDIS_URL: redisProxy.rewrite(TEST_REDIS_URL),
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
        TRUST_PROXY: 'loopback',
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await pgProxy?.cut();
    await redisProxy?.cut();
    await db?.drop();
  });

  it('logins tried while the database is unreachable lock no account and no address out', async () => {
    await pgProxy.cut();
    try {
      for (let i = 0; i < 5; i++) {
        expect(errorCode(await login(api.baseUrl, 'liucheng.land', PASSWORD, from(1)))).toBe(
          'SERVICE_UNAVAILABLE',
        );
      }
    } finally {
      await pgProxy.start();
    }
    const after = await login(api.baseUrl, 'liucheng.land', PASSWORD, from(1));
    expect(after.errors).toBeUndefined();
    expect(after.data!.login.accessToken).toBeTruthy();
  });

  it('setup links tried while the database is unreachable are not used up', async () => {
    const admin = (await login(api.baseUrl, 'liucheng.admin', PASSWORD, from(2))).data!.login;
    const [{ id: county }] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222'`,
    );
    const onboarded = await gql<{ onboardTenant: { managerSetupLink: { token: string } } }>(
      api.baseUrl,
      ONBOARD,
      {
        token: admin.accessToken,
        variables: {
          input: {
            parentId: county,
            kind: 'TOWNSHIP',
            divisionCode: '450222104',
            name: '龙头镇',
            windows: [{ code: 'C1', name: '综合窗口1', kind: 'COMPREHENSIVE' }],
            manager: { username: 'longtou.manager', displayName: '龙头镇政务服务中心主任' },
          },
        },
      },
    );
    expect(onboarded.errors).toBeUndefined();
    const input = {
      token: onboarded.data!.onboardTenant.managerSetupLink.token,
      password: 'Longtou#2026!',
    };
    await pgProxy.cut();
    try {
      for (let i = 0; i < 5; i++) {
        expect(
          errorCode(await gql(api.baseUrl, COMPLETE, { variables: { input }, headers: from(2) })),
        ).toBe('SERVICE_UNAVAILABLE');
      }
    } finally {
      await pgProxy.start();
    }
    const done = await gql<{ completeSetup: { accessToken: string } }>(api.baseUrl, COMPLETE, {
      variables: { input },
      headers: from(2),
    });
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeSetup.accessToken).toBeTruthy();
  });

  it('a browser refreshing while the database is unreachable keeps its session (503, cookie kept)', async () => {
    const loggedIn = await request(api.baseUrl)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set(from(5))
      .send({
        query: `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`,
        variables: { input: { username: 'mashan.manager', password: PASSWORD } },
      });
    const cookie = ([] as string[])
      .concat(loggedIn.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('tongban_refresh='))!
      .split(';')[0];
    const refresh = () =>
      request(api.baseUrl)
        .post('/auth/refresh')
        .set('Cookie', cookie)
        .set('X-Tongban-Session', '1')
        .set(from(5));
    await pgProxy.cut();
    try {
      const during = await refresh();
      expect(during.status).toBe(503);
      expect(during.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(during.headers['set-cookie']).toBeUndefined();
    } finally {
      await pgProxy.start();
    }
    const after = await refresh();
    expect(after.status).toBe(200);
    expect(after.body.accessToken).toBeTruthy();
  });

  it('Redis unreachable: a login answers SERVICE_UNAVAILABLE, then works again', async () => {
    await redisProxy.cut();
    try {
      const result = await login(api.baseUrl, 'liucheng.window', PASSWORD, from(3));
      expect(errorCode(result)).toBe('SERVICE_UNAVAILABLE');
      expect(result.errors![0].message).not.toMatch(/enableOfflineQueue|6379|Stream/);
    } finally {
      await redisProxy.start();
    }
    // ioredis reconnects by itself (backoff), so give it a moment.
    let after = await login(api.baseUrl, 'liucheng.window', PASSWORD, from(3));
    for (let i = 0; i < 40 && after.errors; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await login(api.baseUrl, 'liucheng.window', PASSWORD, from(3));
    }
    expect(after.errors).toBeUndefined();
  });

  it('connections ended by the server mid-work (a PostgreSQL restart) answer SERVICE_UNAVAILABLE, and the pool recovers', async () => {
    const sessions: Tokens[] = [];
    for (const username of ['liucheng.admin', 'liucheng.supervisor', 'village.staff']) {
      sessions.push((await login(api.baseUrl, username, PASSWORD, from(4))).data!.login);
    }
    const codes = new Map<string, number>();
    let running = true;
    const client = async (tokens: Tokens) => {
      while (running) {
        for (const query of [ME, APPLICATIONS]) {
          const result = await gql(api.baseUrl, query, { token: tokens.accessToken });
          const code =
            errorCode(result) ?? (result.status === 200 ? 'OK' : `HTTP_${result.status}`);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }
    };
    const clients = Array.from({ length: 12 }, (_, i) => client(sessions[i % sessions.length]));
    // What a restart does to each backend: FATAL 57P01, in a query or between two.
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 150));
      await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND usename = $1`,
        [db.appRole],
      );
    }
    running = false;
    await Promise.all(clients);

    expect(api.child.exitCode).toBeNull();
    expect(
      [...codes.keys()].filter((code) => !['OK', 'SERVICE_UNAVAILABLE'].includes(code)),
    ).toEqual([]);
    expect(codes.get('OK')).toBeGreaterThan(0);
    for (const tokens of sessions) {
      const me = await gql(api.baseUrl, ME, { token: tokens.accessToken });
      expect(me.errors).toBeUndefined();
    }
  });
});
