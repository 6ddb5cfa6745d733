import {
  ApiProcess,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  gql,
  login,
  ME,
  startApi,
  TestDatabase,
} from '@tongban/test-support';

/**
 * The rough edges a new user hit (issue 8), on the server: account recovery (a new setup
 * link, a password reset, unlocking), windows renamed, disabled, enabled and deleted only
 * when unused, the suspension reason and the parent's name on a tenant, problem codes for
 * onboarding, and demo tenants whose status agrees with their checklist.
 */
const PASSWORD = 'Demo#2026';
const STAFF = `query($id: ID!) { tenant(id: $id) { staffMembers { userId username status locked viewerCanManage } } }`;
const INVITE = `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { staff { userId } setupLink { token } } }`;
const ISSUE = `mutation($input: StaffAccountInput!) { issueSetupLink(input: $input) { setupLink { token } staff { status } } }`;
const RESET = `mutation($input: StaffAccountInput!) { resetStaffPassword(input: $input) { setupLink { token } staff { status } } }`;
const UNLOCK = `mutation($input: StaffAccountInput!) { unlockStaff(input: $input) { username locked } }`;
const COMPLETE = `mutation($input: CompleteSetupInput!) { completeSetup(input: $input) { accessToken } }`;
const WINDOW = `id code name disabled viewerCanTakeIn intakeRefusal`;
const CREATE = `mutation($input: CreateServiceWindowInput!) { createServiceWindow(input: $input) { ${WINDOW} } }`;
const RENAME = `mutation($input: RenameServiceWindowInput!) { renameServiceWindow(input: $input) { ${WINDOW} } }`;
const DISABLE = `mutation($input: ServiceWindowInput!) { disableServiceWindow(input: $input) { ${WINDOW} } }`;
const ENABLE = `mutation($input: ServiceWindowInput!) { enableServiceWindow(input: $input) { ${WINDOW} } }`;
const DELETE = `mutation($input: ServiceWindowInput!) { deleteServiceWindow(input: $input) }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`;
const TENANT = `query($id: ID!) { tenant(id: $id) {
  name status parentName suspensionReason viewerCan { suspend }
  onboardingChecklist { managerReady hasWindow complete } } }`;
const SUSPEND = `mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { status suspensionReason } }`;
const REACTIVATE = `mutation($input: ReactivateTenantInput!) { reactivateTenant(input: $input) { status suspensionReason } }`;

describe('account recovery, windows and tenant details', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const ids: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let address = 1;
  const from = () => ({ 'X-Forwarded-For': `10.50.0.${address++}` });
  const as = (username: string, query: string, variables: Record<string, unknown> = {}) =>
    gql<Record<string, never>>(api.baseUrl, query, { token: tokens[username], variables });
  const data = <T>(result: { data?: unknown }) => result.data as T;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    for (const row of await db.query<{ division_code: string; id: string }>(
      `SELECT division_code, id FROM tenants`,
    )) {
      ids[row.division_code] = row.id;
    }
    for (const row of await db.query<{ username: string; id: string }>(
      `SELECT username, id FROM users`,
    )) {
      userIds[row.username] = row.id;
    }
    for (const username of ['platform', 'liucheng.admin', 'liucheng.window', 'mashan.manager']) {
      tokens[username] = (
        await login(api.baseUrl, username, PASSWORD, from())
      ).data!.login.accessToken;
    }
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const complete = (token: string, password: string) =>
    gql(api.baseUrl, COMPLETE, { variables: { input: { token, password } }, headers: from() });

  describe('account recovery', () => {
    it('issues a new setup link to a pending person; the lost one stops working', async () => {
      const invited = await as('liucheng.admin', INVITE, {
        input: {
          tenantId: ids['450222'],
          username: 'lost.link',
          displayName: '丢链接',
          roles: ['WINDOW_STAFF'],
        },
      });
      const first = data<{
        inviteStaff: { staff: { userId: string }; setupLink: { token: string } };
      }>(invited).inviteStaff;
      const again = await as('liucheng.admin', ISSUE, { input: { userId: first.staff.userId } });
      expect(again.errors).toBeUndefined();
      const second = data<{
        issueSetupLink: { setupLink: { token: string }; staff: { status: string } };
      }>(again).issueSetupLink;
      expect(second.staff.status).toBe('INVITED');
      const old = await complete(first.setupLink.token, 'a-long-password-3');
      expect(errorCode(old)).toBe('BAD_USER_INPUT');
      expect(old.errors![0].extensions!.reason).toBe('LINK_EXPIRED');
      expect((await complete(second.setupLink.token, 'a-long-password-3')).errors).toBeUndefined();
      // An active account needs no setup link.
      expect(
        errorCode(await as('liucheng.admin', ISSUE, { input: { userId: first.staff.userId } })),
      ).toBe('CONFLICT');
    });

    it('resets a password by a one-time link: the old password and its sessions end', async () => {
      const land = (await login(api.baseUrl, 'liucheng.land', PASSWORD, from())).data!.login;
      expect(
        errorCode(
          await as('liucheng.window', RESET, { input: { userId: userIds['liucheng.land'] } }),
        ),
      ).toBe('FORBIDDEN');
      const reset = await as('liucheng.admin', RESET, {
        input: { userId: userIds['liucheng.land'] },
      });
      expect(reset.errors).toBeUndefined();
      const token = data<{ resetStaffPassword: { setupLink: { token: string } } }>(reset)
        .resetStaffPassword.setupLink.token;
      // Until it is used, the old password still works.
      expect((await login(api.baseUrl, 'liucheng.land', PASSWORD, from())).errors).toBeUndefined();
      expect((await complete(token, 'new-password-for-land')).errors).toBeUndefined();
      expect(errorCode(await login(api.baseUrl, 'liucheng.land', PASSWORD, from()))).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        (await login(api.baseUrl, 'liucheng.land', 'new-password-for-land', from())).errors,
      ).toBeUndefined();
      expect(errorCode(await gql(api.baseUrl, ME, { token: land.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('shows a locked-out person as locked and unlocks them', async () => {
      for (let i = 0; i < 5; i++) await login(api.baseUrl, 'liucheng.supervisor', 'wrong', from());
      expect(errorCode(await login(api.baseUrl, 'liucheng.supervisor', PASSWORD, from()))).toBe(
        'RATE_LIMITED',
      );
      const staff = await as('liucheng.admin', STAFF, { id: ids['450222'] });
      const members = data<{
        tenant: { staffMembers: { username: string; locked: boolean; status: string }[] };
      }>(staff).tenant.staffMembers;
      expect(members.find((m) => m.username === 'liucheng.supervisor')).toMatchObject({
        locked: true,
      });
      expect(members.find((m) => m.username === 'liucheng.window')).toMatchObject({
        locked: false,
      });
      const unlocked = await as('liucheng.admin', UNLOCK, {
        input: { userId: userIds['liucheng.supervisor'] },
      });
      expect(data<{ unlockStaff: { locked: boolean } }>(unlocked).unlockStaff.locked).toBe(false);
      expect(
        (await login(api.baseUrl, 'liucheng.supervisor', PASSWORD, from())).errors,
      ).toBeUndefined();
    });
  });

  describe('windows', () => {
    it('renames, disables and enables a window; a disabled one takes nothing in', async () => {
      const c1 = (
        await db.query<{ id: string }>(
          `SELECT id FROM service_windows WHERE tenant_id = $1 AND code = 'C1'`,
          [ids['450222']],
        )
      )[0].id;
      const renamed = await as('liucheng.admin', RENAME, {
        input: { windowId: c1, name: '综合受理窗口1' },
      });
      expect(
        data<{ renameServiceWindow: { name: string } }>(renamed).renameServiceWindow.name,
      ).toBe('综合受理窗口1');
      const disabled = await as('liucheng.admin', DISABLE, { input: { windowId: c1 } });
      expect(
        data<{ disableServiceWindow: { disabled: boolean } }>(disabled).disableServiceWindow
          .disabled,
      ).toBe(true);
      const clerkView = await as(
        'liucheng.window',
        `query($id: ID!) { tenant(id: $id) { serviceWindows { code ${WINDOW} } } }`,
        {
          id: ids['450222'],
        },
      );
      const c1View = data<{
        tenant: {
          serviceWindows: { code: string; viewerCanTakeIn: boolean; intakeRefusal: string }[];
        };
      }>(clerkView).tenant.serviceWindows.find((w) => w.code === 'C1');
      expect(c1View).toMatchObject({ viewerCanTakeIn: false, intakeRefusal: 'WINDOW_DISABLED' });
      const input = {
        windowId: c1,
        itemCode: '00013112800001',
        applicant: { name: '韦测试' },
      };
      const before = await databaseFingerprint(db);
      expect(errorCode(await as('liucheng.window', SUBMIT, { input }))).toBe('CONFLICT');
      expect(await databaseFingerprint(db)).toBe(before);
      expect(errorCode(await as('liucheng.admin', DISABLE, { input: { windowId: c1 } }))).toBe(
        'CONFLICT',
      );
      await as('liucheng.admin', ENABLE, { input: { windowId: c1 } });
      expect((await as('liucheng.window', SUBMIT, { input })).errors).toBeUndefined();
    });

    it('deletes only a window no application was taken in at', async () => {
      const c1 = (
        await db.query<{ id: string }>(
          `SELECT id FROM service_windows WHERE tenant_id = $1 AND code = 'C1'`,
          [ids['450222']],
        )
      )[0].id;
      expect(errorCode(await as('liucheng.admin', DELETE, { input: { windowId: c1 } }))).toBe(
        'CONFLICT',
      );
      const created = await as('liucheng.admin', CREATE, {
        input: { tenantId: ids['450222'], code: 'X9', name: '临时窗口', kind: 'SERVICE' },
      });
      const id = data<{ createServiceWindow: { id: string } }>(created).createServiceWindow.id;
      expect(errorCode(await as('mashan.manager', DELETE, { input: { windowId: id } }))).toBe(
        'NOT_FOUND',
      );
      expect(
        data<{ deleteServiceWindow: boolean }>(
          await as('liucheng.admin', DELETE, { input: { windowId: id } }),
        ),
      ).toEqual({ deleteServiceWindow: true });
      expect(await db.query(`SELECT 1 FROM service_windows WHERE id = $1`, [id])).toEqual([]);
    });
  });

  describe('tenants', () => {
    it('shows the parent’s name and the suspension reason, cleared on reactivation', async () => {
      const own = await as('mashan.manager', TENANT, { id: ids['450222203'] });
      expect(data<{ tenant: { parentName: string } }>(own).tenant.parentName).toBe('柳城县');
      const suspended = await as('liucheng.admin', SUSPEND, {
        input: { tenantId: ids['450222203202'], reason: '人员调整' },
      });
      expect(data<{ suspendTenant: unknown }>(suspended).suspendTenant).toEqual({
        status: 'SUSPENDED',
        suspensionReason: '人员调整',
      });
      const back = await as('liucheng.admin', REACTIVATE, {
        input: { tenantId: ids['450222203202'] },
      });
      expect(
        data<{ reactivateTenant: { suspensionReason: string | null } }>(back).reactivateTenant
          .suspensionReason,
      ).toBeNull();
    });

    it('never offers (or allows) suspending one’s own tenant', async () => {
      const own = await as('liucheng.admin', TENANT, { id: ids['450222'] });
      expect(
        data<{ tenant: { viewerCan: { suspend: boolean } } }>(own).tenant.viewerCan.suspend,
      ).toBe(false);
      const province = await as('platform', TENANT, { id: ids['450000'] });
      expect(
        data<{ tenant: { viewerCan: { suspend: boolean } } }>(province).tenant.viewerCan.suspend,
      ).toBe(false);
      expect(
        errorCode(
          await as('platform', SUSPEND, { input: { tenantId: ids['450000'], reason: 'x' } }),
        ),
      ).toBe('FORBIDDEN');
      const below = await as('platform', TENANT, { id: ids['450222'] });
      expect(
        data<{ tenant: { viewerCan: { suspend: boolean } } }>(below).tenant.viewerCan.suspend,
      ).toBe(true);
    });

    it('seeds demo tenants whose status agrees with their checklist, also after reactivation', async () => {
      const dapu = data<{
        tenant: {
          status: string;
          onboardingChecklist: { complete: boolean; managerReady: boolean };
        };
      }>(await as('liucheng.admin', TENANT, { id: ids['450222100'] })).tenant;
      expect(dapu).toMatchObject({
        status: 'ONBOARDING',
        onboardingChecklist: { managerReady: false, complete: false },
      });
      const mashan = data<{
        tenant: { status: string; onboardingChecklist: { complete: boolean } };
      }>(await as('liucheng.admin', TENANT, { id: ids['450222203'] })).tenant;
      expect(mashan).toMatchObject({ status: 'ACTIVE', onboardingChecklist: { complete: true } });
      await as('liucheng.admin', SUSPEND, { input: { tenantId: ids['450222100'], reason: 'x' } });
      const back = await as('liucheng.admin', REACTIVATE, {
        input: { tenantId: ids['450222100'] },
      });
      expect(data<{ reactivateTenant: { status: string } }>(back).reactivateTenant.status).toBe(
        'ONBOARDING',
      );
    });
  });

  it('gives onboarding problems stable codes', async () => {
    const preview = await as(
      'liucheng.admin',
      `query($input: OnboardTenantInput!) { onboardingPreview(input: $input) { issues { code message } } }`,
      {
        input: {
          parentId: ids['450222'],
          kind: 'TOWNSHIP',
          divisionCode: '450223101',
          name: '测试镇',
          windows: [],
          manager: { username: 'liucheng.admin', displayName: 'x' },
        },
      },
    );
    expect(
      data<{ onboardingPreview: { issues: { code: string }[] } }>(
        preview,
      ).onboardingPreview.issues.map((i) => i.code),
    ).toEqual(['DIVISION_CODE_OUTSIDE_PARENT', 'USERNAME_TAKEN']);
  });
});
