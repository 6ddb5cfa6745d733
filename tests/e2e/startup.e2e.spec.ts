import { join } from 'node:path';
import {
  createTestDatabase,
  TestDatabase,
  API_DIST,
  freePort,
  runNode,
} from '@tongban/test-support';

const MAIN = join(API_DIST, 'main.js');
const MIGRATE = join(API_DIST, 'migrate.js');

describe('start-up', () => {
  it('exits 1 naming a malformed variable', async () => {
    const result = await runNode(MAIN, [], { PORT: 'abc', LOG_LEVEL: 'loud' }, 20_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration/);
    expect(result.stderr).toMatch(/PORT: .*"abc"/);
    expect(result.stderr).toMatch(/LOG_LEVEL/);
  });

  it('exits 1 in production when the database, Redis or keys are not configured', async () => {
    const result = await runNode(MAIN, [], { NODE_ENV: 'production' }, 20_000);
    expect(result.code).toBe(1);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY']) {
      expect(result.stderr).toContain(`${name}: is required when NODE_ENV=production`);
    }
  });

  it('exits 1 for a DATABASE_URL that is not a postgres URL, without echoing it', async () => {
    const result = await runNode(MAIN, [], { DATABASE_URL: 'mysql://root:secret@db/x' }, 20_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL: expected a postgres:\/\/ URL/);
    expect(result.stderr).not.toContain('secret');
  });

  it('retries a database that does not answer, then exits 1 with a clear message', async () => {
    const closedPort = await freePort();
    const result = await runNode(
      MAIN,
      [],
      {
        DATABASE_URL: `postgres://app:pw@127.0.0.1:${closedPort}/tongban`,
        DATABASE_CONNECT_ATTEMPTS: '3',
        DATABASE_CONNECT_BACKOFF_MS: '100',
        LOG_LEVEL: 'warn',
      },
      30_000,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Could not connect to the database at 127.0.0.1:${closedPort}/tongban after 3 attempt(s)`,
    );
    const retries = result.stdout
      .split('\n')
      .filter((line) => line.includes('not reachable, retrying'));
    expect(retries).toHaveLength(2);
    expect(result.stderr + result.stdout).not.toContain(':pw@');
  });

  describe('demo data', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db?.drop());

    it('is seeded once: a second run adds nothing', async () => {
      const env = {
        DATABASE_URL: db.url,
        MIGRATION_DATABASE_URL: db.ownerUrl,
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
      };
      const first = await runNode(MIGRATE, ['--seed-demo'], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(
        '"added":{"tenants":10,"windows":30,"users":8,"applications":6,"consultations":6,"catalogueItems":223}',
      );
      const second = await runNode(MIGRATE, ['--seed-demo'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(
        '"added":{"tenants":0,"windows":0,"users":0,"applications":0,"consultations":0,"catalogueItems":0}',
      );
      const [counts] = await db.query<{ tenants: number; users: number; applications: number }>(
        `SELECT (SELECT count(*)::int FROM tenants) AS tenants, (SELECT count(*)::int FROM users) AS users,
                (SELECT count(*)::int FROM applications) AS applications`,
      );
      expect(counts).toEqual({ tenants: 10, users: 8, applications: 6 });
    });

    it('has the county center of the source document: 15 service, 3 comprehensive, charging and complaint windows', async () => {
      const rows = await db.query<{ kind: string; n: number }>(
        `SELECT w.kind, count(*)::int AS n FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
          WHERE t.division_code = '450222' GROUP BY w.kind ORDER BY w.kind`,
      );
      expect(rows).toEqual([
        { kind: 'CHARGING', n: 1 },
        { kind: 'COMPLAINT', n: 1 },
        { kind: 'COMPREHENSIVE', n: 3 },
        { kind: 'SERVICE', n: 15 },
      ]);
    });

    it('is refused when NODE_ENV=production', async () => {
      const result = await runNode(MIGRATE, ['--seed-demo'], {
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        MIGRATION_DATABASE_URL: db.ownerUrl,
        REDIS_URL: 'redis://127.0.0.1:6379',
        JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nx\\n-----END PRIVATE KEY-----',
        JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nx\\n-----END PUBLIC KEY-----',
        LOG_LEVEL: 'warn',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Demo data is never seeded when NODE_ENV=production');
      const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
      expect(n).toBe(8);
    });
  });
});
