import {
  ApiProcess,
  startApi,
  createTestDatabase,
  TestDatabase,
  TEST_REDIS_URL,
  errorCode,
  gql,
  login,
  ME,
  waitFor,
  TcpProxy,
} from '@tongban/test-support';

async function ready(api: ApiProcess) {
  const res = await fetch(`${api.baseUrl}/health/ready`);
  return {
    status: res.status,
    body: (await res.json()) as { status: string; error?: Record<string, unknown> },
  };
}

describe('health probes and outages', () => {
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
      env: { REDIS_URL: redisProxy.rewrite(TEST_REDIS_URL), DATABASE_CONNECT_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await pgProxy?.cut();
    await redisProxy?.cut();
    await db?.drop();
  });

  it('live and ready answer 200 when everything is up', async () => {
    const live = await fetch(`${api.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    const r = await ready(api);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ok');
  });

  it('database down: ready is 503 naming it, requests fail fast, and it recovers without a restart', async () => {
    const tokens = (await login(api.baseUrl, 'liucheng.admin', 'Demo#2026')).data!.login;
    await pgProxy.cut();
    try {
      const r = await ready(api);
      expect(r.status).toBe(503);
      expect(Object.keys(r.body.error ?? {})).toEqual(['database']);

      const started = Date.now();
      const result = await gql(api.baseUrl, ME, { token: tokens.accessToken });
      expect(errorCode(result)).toBe('SERVICE_UNAVAILABLE');
      expect(result.errors![0].message).toBe(
        'The service is temporarily unavailable; try again shortly',
      );
      expect(Date.now() - started).toBeLessThan(5000);

      // The liveness probe does not depend on the database.
      expect((await fetch(`${api.baseUrl}/health/live`)).status).toBe(200);
    } finally {
      await pgProxy.start();
    }
    await waitFor(
      'ready again',
      async () => ((await ready(api)).status === 200 ? true : undefined),
      20_000,
      250,
    );
    const me = await gql(api.baseUrl, ME, { token: tokens.accessToken });
    expect(me.errors).toBeUndefined();
  });

  it('queue down: ready is 503 naming the queue, and recovers', async () => {
    await redisProxy.cut();
    try {
      const r = await waitFor(
        'queue reported down',
        async () => {
          const probe = await ready(api);
          return probe.status === 503 ? probe : undefined;
        },
        10_000,
        200,
      );
      expect(Object.keys(r.body.error ?? {})).toEqual(['queue']);
    } finally {
      await redisProxy.start();
    }
    await waitFor(
      'ready again',
      async () => ((await ready(api)).status === 200 ? true : undefined),
      30_000,
      250,
    );
  });
});
