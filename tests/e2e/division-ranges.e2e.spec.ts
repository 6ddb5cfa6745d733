import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';
import { Client } from 'pg';

const ONBOARD = `mutation Onboard($input: OnboardTenantInput!) {
  onboardTenant(input: $input) { tenant { id divisionCode } }
}`;

/**
 * Subtrees are ranges of division codes (row-level security relies on it). Onboarding refuses
 * an overlapping code as a problem; when a concurrent opening slips past that check, the
 * database's tree guard refuses it and the API answers CONFLICT, never an internal error.
 */
describe('division code ranges through the API', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url });
    for (const row of await db.query<{ division_code: string; id: string }>(
      `SELECT division_code, id FROM tenants`,
    )) {
      ids[row.division_code] = row.id;
    }
    const result = await login(api.baseUrl, 'liucheng.admin', 'Demo#2026');
    expect(result.errors).toBeUndefined();
    token = result.data!.login.accessToken;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const township = (divisionCode: string, username: string) => ({
    parentId: ids['450222'],
    kind: 'TOWNSHIP',
    divisionCode,
    name: '测试镇',
    windows: [{ code: 'C1', name: '综合窗口1', kind: 'COMPREHENSIVE' }],
    manager: { username, displayName: '测试镇主任' },
  });

  it('refuses a township whose range holds a code, as a problem, when the holder exists already', async () => {
    await db.query(
      `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
       SELECT g, p.id, 'VILLAGE', '450222108201', '先到村', 'ACTIVE', p.path || g
         FROM gen_random_uuid() g, tenants p WHERE p.division_code = '450222'`,
    );
    const result = await gql(api.baseUrl, ONBOARD, {
      token,
      variables: { input: township('450222108', 'xiandao.manager') },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.codes).toEqual(['DIVISION_RANGE_HOLDS_CODE']);
  });

  it('answers CONFLICT when a concurrent opening makes the code overlap (tenants_division_code_overlap)', async () => {
    // Another transaction opens a station inside the township's future range and holds its
    // lock on the county until the API's insert waits for it.
    const other = new Client({ connectionString: db.ownerUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
         SELECT g, p.id, 'VILLAGE', '450222109201', '并发村', 'ACTIVE', p.path || g
           FROM gen_random_uuid() g, tenants p WHERE p.division_code = '450222'`,
      );
      const pending = gql(api.baseUrl, ONBOARD, {
        token,
        variables: { input: township('450222109', 'bingfa.manager') },
      });
      await waitForLockWait(db);
      await other.query('COMMIT');
      const result = await pending;
      expect(errorCode(result)).toBe('CONFLICT');
      expect(result.errors![0].extensions).toMatchObject({
        constraint: 'tenants_division_code_overlap',
      });
      expect(result.errors![0].message).not.toMatch(/450222109201|并发村/);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
    const opened = await db.query(`SELECT 1 FROM tenants WHERE division_code = '450222109'`);
    expect(opened).toEqual([]);
  });
});

/** Until a backend of the API waits for a row lock (the tree guard's lock on the parent). */
async function waitForLockWait(db: TestDatabase): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const waiting = await db.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND usename = $1 AND wait_event_type = 'Lock'`,
      [db.appRole],
    );
    if (waiting.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the API never waited for the lock');
}
