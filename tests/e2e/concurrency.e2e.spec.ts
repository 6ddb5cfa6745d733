import {
  ApiProcess,
  createTestDatabase,
  gql,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';

/**
 * 1,000 concurrent GraphQL requests from the staff of 50 tenants, through an API with a pool
 * of 4 connections: every answer holds only the caller's own tenant's rows (windows, and the
 * applications at the window they work).
 */
describe('concurrent requests across tenants', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const staff: { username: string; tenantId: string }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    const [county] = await db.query<{ id: string; path: string[] }>(
      `SELECT id, path FROM tenants WHERE division_code = '450222'`,
    );
    const [{ hash }] = await db.query<{ hash: string }>(
      `SELECT password_hash AS hash FROM users WHERE username = 'liucheng.admin'`,
    );
    for (let i = 0; i < 50; i++) {
      const [tenant] = await db.query<{ id: string }>(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
         SELECT g, $1, 'TOWNSHIP', $2, $3, 'ACTIVE', $4::uuid[] || g FROM gen_random_uuid() g RETURNING id`,
        [county.id, `450222${400 + i}`, `并发镇${i}`, county.path],
      );
      await db.query(
        `INSERT INTO service_windows (tenant_id, code, name, kind)
         SELECT $1::uuid, 'C' || n, $1::text || '-' || n, 'COMPREHENSIVE' FROM generate_series(1, 3) n`,
        [tenant.id],
      );
      const username = `load.window${i}`;
      await db.query(
        `WITH u AS (INSERT INTO users (username, display_name, password_hash, home_tenant_id)
                    VALUES ($1, $1, $2, $3) RETURNING id)
         INSERT INTO memberships (tenant_id, user_id, roles) SELECT $3, id, ARRAY['WINDOW_STAFF'] FROM u`,
        [username, hash, tenant.id],
      );
      // Each works C1, where one application of their own tenant waits.
      await db.query(
        `INSERT INTO window_assignments (tenant_id, window_id, user_id)
         SELECT w.tenant_id, w.id, u.id FROM service_windows w, users u
          WHERE w.tenant_id = $1 AND w.code = 'C1' AND u.username = $2`,
        [tenant.id, username],
      );
      await db.query(
        `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
                                   applicant_name, status, submitted_by)
         SELECT w.tenant_id, 'LOAD-' || $2, w.id, 'X1', '并发测试', $1::text, 'SUBMITTED', u.id
           FROM service_windows w, users u
          WHERE w.tenant_id = $1::uuid AND w.code = 'C1' AND u.username = $2`,
        [tenant.id, username],
      );
      staff.push({ username, tenantId: tenant.id });
    }
    api = await startApi({
      databaseUrl: db.url,
      env: {
        DATABASE_POOL_SIZE: '4',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: 'loopback',
        // 1,000 requests queue for 4 connections; on a busy machine the wait can pass 30 s.
        DATABASE_CONNECT_TIMEOUT_MS: '120000',
      },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('returns no foreign row', async () => {
    const tokens = new Map<string, string>();
    for (const [i, { username }] of staff.entries()) {
      const result = await login(api.baseUrl, username, 'Demo#2026', {
        'X-Forwarded-For': `10.6.${Math.floor(i / 200)}.${i % 200}`,
      });
      tokens.set(username, result.data!.login.accessToken);
    }
    const query = `{ me { tenant { id serviceWindows { tenantId name } } }
      applications { nodes { tenantId applicant { name } } } }`;
    const results = await Promise.all(
      Array.from({ length: 1000 }, async (_, n) => {
        const { username, tenantId } = staff[n % staff.length];
        const result = await gql<{
          me: { tenant: { id: string; serviceWindows: { tenantId: string; name: string }[] } };
          applications: { nodes: { tenantId: string; applicant: { name: string } }[] };
        }>(api.baseUrl, query, { token: tokens.get(username) });
        return { tenantId, result };
      }),
    );
    const foreign: string[] = [];
    for (const { tenantId, result } of results) {
      expect(result.errors).toBeUndefined();
      const tenant = result.data!.me.tenant;
      expect(tenant.id).toBe(tenantId);
      expect(tenant.serviceWindows).toHaveLength(3);
      for (const window of tenant.serviceWindows) {
        if (window.tenantId !== tenantId || !window.name.startsWith(tenantId))
          foreign.push(`${tenantId} saw ${window.name}`);
      }
      const applications = result.data!.applications.nodes;
      expect(applications).toHaveLength(1);
      for (const application of applications) {
        if (application.tenantId !== tenantId || application.applicant.name !== tenantId)
          foreign.push(`${tenantId} saw the application of ${application.applicant.name}`);
      }
    }
    expect(foreign).toEqual([]);
  });
});
