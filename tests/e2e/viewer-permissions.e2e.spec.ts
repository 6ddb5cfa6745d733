import {
  ApiProcess,
  createTestDatabase,
  gql,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';

/**
 * What the server tells a client the logged-in person may do (`me { permissions … }`,
 * `Tenant.viewerCan`, `ServiceWindow.viewerCanTakeIn`, `StaffMember.viewerCanManage`), read off
 * the same abilities that guard every call, so the admin app keeps no copy of the role rules.
 */
const PASSWORD = 'Demo#2026';
const ME = `{ me { visibility permissions { action subject } grantableRoles { role tenantKinds } } }`;
const TENANT = `query T($id: ID!, $staff: Boolean!) { tenant(id: $id) {
  viewerCan { update suspend onboardBelow readWindows manageWindows readStaff manageStaff }
  serviceWindows { code viewerCanTakeIn }
  staffMembers @include(if: $staff) { username viewerCanManage } } }`;

interface Me {
  me: {
    visibility: string;
    permissions: { action: string; subject: string }[];
    grantableRoles: { role: string; tenantKinds: string[] }[];
  };
}
interface Tenant {
  tenant: {
    viewerCan: Record<string, boolean>;
    serviceWindows: { code: string; viewerCanTakeIn: boolean }[];
    staffMembers?: { username: string; viewerCanManage: boolean }[];
  };
}

describe('what the server says a person may do', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const tenantIds: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url });
    for (const username of [
      'liucheng.admin',
      'liucheng.window',
      'liuzhou.city',
      'mashan.manager',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD);
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ division_code: string; id: string }>(
      `SELECT division_code, id FROM tenants`,
    )) {
      tenantIds[row.division_code] = row.id;
    }
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const me = async (username: string) =>
    (await gql<Me>(api.baseUrl, ME, { token: tokens[username] })).data!.me;
  const tenant = async (username: string, code: string, staff = true) => {
    const result = await gql<Tenant>(api.baseUrl, TENANT, {
      token: tokens[username],
      variables: { id: tenantIds[code], staff },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.tenant;
  };

  it('lists the permissions, visibility and grantable roles of each role', async () => {
    const admin = await me('liucheng.admin');
    expect(admin.visibility).toBe('SUBTREE');
    expect(admin.permissions).toContainEqual({ action: 'ONBOARD', subject: 'TENANT' });
    expect(admin.permissions).not.toContainEqual({ action: 'CREATE', subject: 'APPLICATION' });
    expect(admin.grantableRoles.map((g) => g.role)).toContain('CENTER_MANAGER');

    const clerk = await me('liucheng.window');
    expect(clerk.visibility).toBe('TENANT');
    expect(clerk.permissions).toContainEqual({ action: 'CREATE', subject: 'APPLICATION' });
    expect(clerk.permissions).not.toContainEqual({ action: 'READ', subject: 'STAFF' });
    expect(clerk.grantableRoles).toEqual([]);
  });

  it('says per tenant what the person may do there', async () => {
    const own = await tenant('liucheng.admin', '450222');
    expect(own.viewerCan).toMatchObject({ suspend: false, onboardBelow: true, manageStaff: true });
    const below = await tenant('liucheng.admin', '450222203');
    expect(below.viewerCan).toMatchObject({ suspend: true, onboardBelow: true });
    const city = await tenant('liuzhou.city', '450222203');
    expect(city.viewerCan).toMatchObject({ readStaff: true, manageStaff: false, suspend: false });
  });

  it('marks the windows a clerk may take applications in at: assigned ones, never charging', async () => {
    const hall = await tenant('liucheng.window', '450222', false);
    const takesIn = hall.serviceWindows.filter((w) => w.viewerCanTakeIn).map((w) => w.code);
    expect(takesIn).toEqual(['C1']);
    const admin = await tenant('liucheng.admin', '450222', false);
    expect(admin.serviceWindows.some((w) => w.viewerCanTakeIn)).toBe(false);
  });

  it('marks the staff a manager may manage: not themselves, not a role above theirs', async () => {
    const hall = await tenant('mashan.manager', '450222203');
    const byName = Object.fromEntries(
      hall.staffMembers!.map((s) => [s.username, s.viewerCanManage]),
    );
    expect(byName['mashan.manager']).toBe(false);
    const admin = await tenant('liucheng.admin', '450222203');
    const adminView = Object.fromEntries(
      admin.staffMembers!.map((s) => [s.username, s.viewerCanManage]),
    );
    expect(adminView['mashan.manager']).toBe(true);
  });
});
