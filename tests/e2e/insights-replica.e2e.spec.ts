import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  login,
  ME,
  startApi,
  TcpProxy,
  TestDatabase,
} from '@tongban/test-support';

// Issue 13: an optional read replica for the insights (INSIGHTS_DATABASE_URL). Here the
// "replica" is the test database itself behind a proxy the test can cut: what it proves is
// that the insights read through that URL, as the application role, under the same
// row-level security, and that nothing else does.
const PASSWORD = 'Demo#2026';
const FIGURES = `query($input: InsightPeriodInput!) {
  insightFigures(input: $input) { tenantName figures { key value } } }`;
const ASSESS = `query($tenantId: ID!, $month: String!) {
  monthlyAssessment(tenantId: $tenantId, month: $month) { tenantName rows { id } } }`;

describe('insights from a read replica', () => {
  let db: TestDatabase;
  let replica: TcpProxy;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const tenants: Record<string, string> = {};
  const period = { from: '2026-01-01', to: '2026-12-31' };

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    replica = TcpProxy.forUrl(db.url);
    await replica.start();
    api = await startApi({
      databaseUrl: db.url,
      env: {
        INSIGHTS_DATABASE_URL: replica.rewrite(db.url),
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        TRUST_PROXY: 'loopback',
      },
    });
    let address = 0;
    for (const username of ['liuzhou.city', 'mashan.manager']) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.14.0.${++address}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ code: string; id: string }>(
      `SELECT division_code AS code, id FROM tenants`,
    )) {
      tenants[row.code] = row.id;
    }
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await replica?.cut();
    await db?.drop();
  });

  const figures = (username: string, tenantId: string) =>
    gql<{ insightFigures: { tenantName: string; figures: { key: string; value: number }[] } }>(
      api.baseUrl,
      FIGURES,
      { token: tokens[username], variables: { input: { tenantId, ...period } } },
    );

  it('reads the figures through the replica’s connections, as the application role', async () => {
    const answer = await figures('liuzhou.city', tenants['450222']);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.insightFigures.tenantName).toBe('柳城县');
    const [connections] = await db.query<{ n: number; privileged: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE r.rolsuper OR r.rolbypassrls)::int AS privileged
         FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
        WHERE a.datname = current_database() AND a.application_name = 'tongban-api-insights'`,
    );
    expect(connections.n).toBeGreaterThan(0);
    expect(connections.privileged).toBe(0);
  });

  it('keeps row-level security there: a township manager sees nothing above it', async () => {
    const refused = await figures('mashan.manager', tenants['450222']);
    expect(errorCode(refused)).toBe('NOT_FOUND');
    const own = await figures('mashan.manager', tenants['450222203']);
    expect(own.errors).toBeUndefined();
  });

  it('with the replica away, the insights are unavailable and everything else still answers', async () => {
    const before = await figures('liuzhou.city', tenants['450222']);
    await replica.cut();
    try {
      const during = await figures('liuzhou.city', tenants['450222']);
      expect(errorCode(during)).toBe('SERVICE_UNAVAILABLE');
      const assessment = await gql(api.baseUrl, ASSESS, {
        token: tokens['mashan.manager'],
        variables: { tenantId: tenants['450222203'], month: '2026-11' },
      });
      expect(errorCode(assessment)).toBe('SERVICE_UNAVAILABLE');
      // The primary serves the rest.
      const me = await gql<{ me: { username: string } }>(api.baseUrl, ME, {
        token: tokens['liuzhou.city'],
      });
      expect(me.errors).toBeUndefined();
      expect(me.data!.me.username).toBe('liuzhou.city');
    } finally {
      await replica.start();
    }
    const after = await figures('liuzhou.city', tenants['450222']);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
  });
});
