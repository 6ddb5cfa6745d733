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
  Tokens,
} from '@tongban/test-support';

const PASSWORD = 'Demo#2026';

const ONBOARD = `mutation Onboard($input: OnboardTenantInput!) {
  onboardTenant(input: $input) {
    tenant { id name kind divisionCode status parentId }
    managerSetupLink { token path expiresAt }
  }
}`;
const PREVIEW = `query Preview($input: OnboardTenantInput!) {
  onboardingPreview(input: $input) { problems managerRole parent { name } windows { code } }
}`;
const COMPLETE = `mutation Complete($input: CompleteSetupInput!) {
  completeSetup(input: $input) { accessToken refreshToken expiresIn }
}`;
const TENANT = `query Tenant($id: ID!) {
  tenant(id: $id) {
    id name status
    onboardingChecklist { managerReady hasWindow complete }
    serviceWindows { id code name }
    staffMembers { userId username status roles }
  }
}`;

describe('onboarding, staff and suspension', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const ids: Record<string, string> = {};
  const tokens: Record<string, Tokens> = {};
  let address = 1;
  const as = (username: string) => tokens[username].accessToken;

  async function loginAs(username: string, password = PASSWORD): Promise<Tokens> {
    const result = await login(api.baseUrl, username, password, {
      'X-Forwarded-For': `10.2.0.${address++}`,
    });
    expect(result.errors).toBeUndefined();
    return (tokens[username] = result.data!.login);
  }

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    await addNeighbourCounty(db);
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    for (const row of await db.query<{ division_code: string; id: string }>(
      `SELECT division_code, id FROM tenants`,
    )) {
      ids[row.division_code] = row.id;
    }
    for (const username of [
      'liucheng.admin',
      'mashan.manager',
      'liucheng.window',
      'liuzhou.city',
      'liujiang.admin',
    ]) {
      await loginAs(username);
    }
  });
  afterAll(async () => {
    if (process.env.DEBUG_API_LOGS)
      console.log(
        api
          .logs()
          .split('\n')
          .filter((l) => l.includes('"level":50'))
          .join('\n')
          .slice(0, 4000),
      );
    await api?.stop();
    await db?.drop();
  });

  const request = (overrides: Record<string, unknown> = {}) => ({
    parentId: ids['450222'],
    kind: 'TOWNSHIP',
    divisionCode: '450222104',
    name: '龙头镇',
    windows: [{ code: 'C1', name: '综合窗口1', kind: 'COMPREHENSIVE' }],
    manager: { username: 'longtou.manager', displayName: '龙头镇政务服务中心主任' },
    ...overrides,
  });

  describe('preview', () => {
    it('shows a clean plan for a good request and writes nothing', async () => {
      const before = await databaseFingerprint(db);
      const result = await gql<{
        onboardingPreview: { problems: string[]; managerRole: string; parent: { name: string } };
      }>(api.baseUrl, PREVIEW, { token: as('liucheng.admin'), variables: { input: request() } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.onboardingPreview).toMatchObject({
        problems: [],
        managerRole: 'CENTER_MANAGER',
        parent: { name: '柳城县' },
      });
      expect(await databaseFingerprint(db)).toBe(before);
    });

    it.each([
      ['malformed', { divisionCode: '45022210' }, /has 9 digits/],
      ['foreign prefix', { divisionCode: '450206104' }, /start with the parent's code 450222/],
      ['duplicate', { divisionCode: '450222203' }, /already used by 马山乡/],
      [
        'taken username',
        { manager: { username: 'mashan.manager', displayName: 'x' } },
        /username mashan.manager is taken/,
      ],
    ])('lists the problem of a %s request', async (_, overrides, problem) => {
      const input = request(overrides);
      const result = await gql<{ onboardingPreview: { problems: string[] } }>(
        api.baseUrl,
        PREVIEW,
        {
          token: as('liucheng.admin'),
          variables: { input },
        },
      );
      expect(result.data!.onboardingPreview.problems.join('\n')).toMatch(problem);
    });

    it('names the kind as the one problem of a village under a village', async () => {
      // A free code (the parent's own would be "already used", which proves nothing here).
      const input = request({
        parentId: ids['450222203201'],
        kind: 'VILLAGE',
        divisionCode: '450222203209',
      });
      const result = await gql<{
        onboardingPreview: { issues: { code: string; message: string }[] };
      }>(
        api.baseUrl,
        `query($input: OnboardTenantInput!) { onboardingPreview(input: $input) { issues { code message } } }`,
        {
          token: as('liucheng.admin'),
          variables: { input },
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.onboardingPreview.issues).toContainEqual({
        code: 'KIND_NOT_ALLOWED_HERE',
        message: 'A village cannot be opened under a village',
      });
      expect(result.data!.onboardingPreview.issues.map((i) => i.code)).not.toContain(
        'DIVISION_CODE_IN_USE',
      );
      // Control: the same code as a village under the township is clean.
      const control = await gql<{ onboardingPreview: { problems: string[] } }>(
        api.baseUrl,
        PREVIEW,
        {
          token: as('liucheng.admin'),
          variables: { input: { ...input, parentId: ids['450222203'] } },
        },
      );
      expect(control.data!.onboardingPreview.problems).toEqual([]);
    });

    it('answers NOT_FOUND for a parent in another county', async () => {
      const result = await gql(api.baseUrl, PREVIEW, {
        token: as('liucheng.admin'),
        variables: { input: request({ parentId: ids['450206'] }) },
      });
      expect(errorCode(result)).toBe('NOT_FOUND');
    });
  });

  it('refuses to onboard with problems, changing nothing', async () => {
    const before = await databaseFingerprint(db);
    const result = await gql(api.baseUrl, ONBOARD, {
      token: as('liucheng.admin'),
      variables: { input: request({ divisionCode: '450206104' }) },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.problems).toEqual([
      expect.stringMatching(/start with the parent's code/),
    ]);
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('onboards a township; its manager completes the one-time link, logs in, and the township goes ACTIVE', async () => {
    const result = await gql<{
      onboardTenant: {
        tenant: { id: string; status: string; parentId: string };
        managerSetupLink: { token: string; path: string; expiresAt: string };
      };
    }>(api.baseUrl, ONBOARD, { token: as('liucheng.admin'), variables: { input: request() } });
    expect(result.errors).toBeUndefined();
    const { tenant, managerSetupLink } = result.data!.onboardTenant;
    expect(tenant).toMatchObject({ status: 'ONBOARDING', parentId: ids['450222'] });
    expect(managerSetupLink.path).toBe(`/setup#${managerSetupLink.token}`);
    const hours = (Date.parse(managerSetupLink.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    const before = await gql<{
      tenant: { onboardingChecklist: object; staffMembers: { status: string }[] };
    }>(api.baseUrl, TENANT, {
      token: as('liucheng.admin'),
      variables: { id: tenant.id },
    });
    expect(before.errors).toBeUndefined();
    expect(before.data!.tenant.onboardingChecklist).toEqual({
      managerReady: false,
      hasWindow: true,
      complete: false,
    });
    expect(before.data!.tenant.staffMembers).toEqual([
      expect.objectContaining({
        username: 'longtou.manager',
        status: 'INVITED',
        roles: ['CENTER_MANAGER'],
      }),
    ]);
    // Invited but not set up: no login yet.
    expect(errorCode(await login(api.baseUrl, 'longtou.manager', 'x'.repeat(12)))).toBe(
      'UNAUTHENTICATED',
    );

    const done = await gql<{ completeSetup: Tokens }>(api.baseUrl, COMPLETE, {
      variables: { input: { token: managerSetupLink.token, password: 'Longtou#2026!' } },
    });
    expect(done.errors).toBeUndefined();
    const me = await gql<{
      me: { username: string; roles: string[]; tenant: { name: string; status: string } };
    }>(api.baseUrl, ME, {
      token: done.data!.completeSetup.accessToken,
    });
    expect(me.data!.me).toMatchObject({
      username: 'longtou.manager',
      roles: ['CENTER_MANAGER'],
      tenant: { name: '龙头镇', status: 'ACTIVE' },
    });
    expect((await login(api.baseUrl, 'longtou.manager', 'Longtou#2026!')).errors).toBeUndefined();

    const reuse = await gql(api.baseUrl, COMPLETE, {
      variables: { input: { token: managerSetupLink.token, password: 'Another#2026pw' } },
    });
    expect(errorCode(reuse)).toBe('BAD_USER_INPUT');
    expect(reuse.errors![0].message).toMatch(/already been used/);

    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE tenant_id = $1 ORDER BY created_at, action`,
      [tenant.id],
    );
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['STAFF_INVITED', 'STAFF_SETUP_COMPLETED', 'TENANT_ACTIVATED', 'TENANT_ONBOARDED'].sort(),
    );
  });

  it('refuses an expired setup link, and a forged one', async () => {
    const invited = await gql<{ inviteStaff: { setupLink: { token: string } } }>(
      api.baseUrl,
      `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { setupLink { token } staff { status } } }`,
      {
        token: as('liucheng.admin'),
        variables: {
          input: {
            tenantId: ids['450222'],
            username: 'late.window',
            displayName: '迟到',
            roles: ['WINDOW_STAFF'],
          },
        },
      },
    );
    expect(invited.errors).toBeUndefined();
    const token = invited.data!.inviteStaff.setupLink.token;
    // An invited account (no password yet) can be disabled and enabled again, back to INVITED.
    const [{ id: lateId }] = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'late.window'`,
    );
    const account = (m: string) =>
      gql<Record<string, { status: string }>>(
        api.baseUrl,
        `mutation($input: StaffAccountInput!) { ${m}(input: $input) { status } }`,
        {
          token: as('liucheng.admin'),
          variables: { input: { userId: lateId } },
        },
      );
    expect((await account('disableStaff')).data).toEqual({ disableStaff: { status: 'DISABLED' } });
    expect((await account('enableStaff')).data).toEqual({ enableStaff: { status: 'INVITED' } });
    await db.query(
      `UPDATE setup_links SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [token.split('.')[1]],
    );
    const expired = await gql(api.baseUrl, COMPLETE, {
      variables: { input: { token, password: 'Window#2026pw' } },
    });
    expect(errorCode(expired)).toBe('BAD_USER_INPUT');
    expect(expired.errors![0].message).toMatch(/expired/);

    const [tenantId, linkId] = token.split('.');
    const forged = await gql(api.baseUrl, COMPLETE, {
      variables: {
        input: { token: `${tenantId}.${linkId}.${'A'.repeat(43)}`, password: 'Window#2026pw' },
      },
    });
    expect(forged.errors![0].message).toMatch(/not valid/);
    // The right token with another tenant's id finds nothing: the link lives in its tenant.
    const moved = await gql(api.baseUrl, COMPLETE, {
      variables: {
        input: {
          token: [ids['450206'], linkId, token.split('.')[2]].join('.'),
          password: 'Window#2026pw',
        },
      },
    });
    expect(moved.errors![0].message).toMatch(/not valid/);
  });

  describe('privilege boundaries', () => {
    const INVITE = `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { staff { userId roles } } }`;
    const invite = (actor: string, tenant: string, roles: string[], username: string) =>
      gql(api.baseUrl, INVITE, {
        token: as(actor),
        variables: { input: { tenantId: ids[tenant], username, displayName: '测试', roles } },
      });

    const SET_ROLES = `mutation($input: SetStaffRolesInput!) { setStaffRoles(input: $input) { roles } }`;
    const setRoles = (actor: string, userId: string, roles: string[]) =>
      gql<{ setStaffRoles: { roles: string[] } }>(api.baseUrl, SET_ROLES, {
        token: as(actor),
        variables: { input: { userId, roles } },
      });
    const STAFF = `query($id: ID!) { tenant(id: $id) { staffMembers { userId username viewerCanManage } } }`;
    const staffSeenBy = async (actor: string, tenant: string) => {
      const result = await gql<{
        tenant: { staffMembers: { userId: string; username: string; viewerCanManage: boolean }[] };
      }>(api.baseUrl, STAFF, { token: as(actor), variables: { id: ids[tenant] } });
      expect(result.errors).toBeUndefined();
      return result.data!.tenant.staffMembers;
    };

    // Each refusal below is paired with a control: the same actor, the same tenant, a role
    // they may give, succeeds, so the refusal is the hierarchy rule and not visibility.
    it('a county administrator cannot give roles above their own', async () => {
      const allowed = await invite('liucheng.admin', '450222', ['WINDOW_STAFF'], 'county.window2');
      expect(allowed.errors).toBeUndefined();
      const before = await databaseFingerprint(db);
      const platform = await invite('liucheng.admin', '450222', ['PLATFORM_ADMIN'], 'escalate.one');
      expect(errorCode(platform)).toBe('FORBIDDEN');
      const city = await invite('liucheng.admin', '450222', ['CITY_OFFICIAL'], 'escalate.two');
      expect(errorCode(city)).toBe('FORBIDDEN');
      expect(await databaseFingerprint(db)).toBe(before);
    });

    it('a center manager gives window roles in their own hall only', async () => {
      const ok = await invite('mashan.manager', '450222203', ['WINDOW_STAFF'], 'mashan.window');
      expect(ok.errors).toBeUndefined();
      expect(
        errorCode(await invite('mashan.manager', '450222203', ['COUNTY_ADMIN'], 'escalate.three')),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(await invite('mashan.manager', '450222203', ['CENTER_MANAGER'], 'escalate.four')),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(await invite('mashan.manager', '450222100', ['WINDOW_STAFF'], 'sideways.one')),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(await invite('mashan.manager', '450222', ['WINDOW_STAFF'], 'upwards.one')),
      ).toBe('NOT_FOUND');
    });

    it('a role must fit the kind of tenant', async () => {
      const fits = await invite('liucheng.admin', '450222203201', ['STATION_STAFF'], 'fits.one');
      expect(fits.errors).toBeUndefined();
      const result = await invite(
        'liucheng.admin',
        '450222203201',
        ['WINDOW_STAFF'],
        'misplaced.one',
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain('WINDOW_STAFF');
    });

    it('nobody manages a person holding a role they could not give', async () => {
      // A supervisor in Mashan's own hall, given by the county: the manager sees them.
      const supervisor = await invite(
        'liucheng.admin',
        '450222203',
        ['SUPERVISOR'],
        'mashan.supervisor',
      );
      expect(supervisor.errors).toBeUndefined();
      const clerk = await invite('mashan.manager', '450222203', ['WINDOW_STAFF'], 'mashan.clerk');
      expect(clerk.errors).toBeUndefined();
      const seen = await staffSeenBy('mashan.manager', '450222203');
      const supervisorId = seen.find((s) => s.username === 'mashan.supervisor')!.userId;
      const clerkId = seen.find((s) => s.username === 'mashan.clerk')!.userId;
      expect(seen.find((s) => s.userId === supervisorId)!.viewerCanManage).toBe(false);
      expect(seen.find((s) => s.userId === clerkId)!.viewerCanManage).toBe(true);

      // Control: the manager changes the roles of someone they could have invited.
      const control = await setRoles('mashan.manager', clerkId, ['WINDOW_STAFF']);
      expect(control.errors).toBeUndefined();
      expect(control.data!.setStaffRoles.roles).toEqual(['WINDOW_STAFF']);

      const before = await databaseFingerprint(db);
      const refused = await setRoles('mashan.manager', supervisorId, ['WINDOW_STAFF']);
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(await databaseFingerprint(db)).toBe(before);
    });

    it('window staff may not invite anyone', async () => {
      // Visibility first: the clerk reads their own tenant.
      const own = await gql(api.baseUrl, `query($id: ID!) { tenant(id: $id) { id name } }`, {
        token: as('liucheng.window'),
        variables: { id: ids['450222'] },
      });
      expect(own.errors).toBeUndefined();
      expect(own.data).toEqual({ tenant: { id: ids['450222'], name: '柳城县' } });
      expect(
        errorCode(await invite('liucheng.window', '450222', ['WINDOW_STAFF'], 'nope.one')),
      ).toBe('FORBIDDEN');
    });
  });

  it('disabling a person ends their access at once; enabling restores it', async () => {
    const [{ id }] = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'liucheng.window'`,
    );
    const session = await loginAs('liucheng.window');
    const disabled = await gql(
      api.baseUrl,
      `mutation($input: StaffAccountInput!) { disableStaff(input: $input) { status } }`,
      {
        token: as('liucheng.admin'),
        variables: { input: { userId: id } },
      },
    );
    expect(disabled.data).toEqual({ disableStaff: { status: 'DISABLED' } });
    expect(errorCode(await gql(api.baseUrl, ME, { token: session.accessToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      errorCode(
        await gql(api.baseUrl, REFRESH, {
          variables: { input: { refreshToken: session.refreshToken } },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      errorCode(
        await login(api.baseUrl, 'liucheng.window', PASSWORD, { 'X-Forwarded-For': '10.3.0.1' }),
      ),
    ).toBe('UNAUTHENTICATED');

    const again = await gql(
      api.baseUrl,
      `mutation($input: StaffAccountInput!) { disableStaff(input: $input) { status } }`,
      {
        token: as('liucheng.admin'),
        variables: { input: { userId: id } },
      },
    );
    expect(errorCode(again)).toBe('CONFLICT');

    await gql(
      api.baseUrl,
      `mutation($input: StaffAccountInput!) { enableStaff(input: $input) { status } }`,
      {
        token: as('liucheng.admin'),
        variables: { input: { userId: id } },
      },
    );
    expect(
      (await login(api.baseUrl, 'liucheng.window', PASSWORD, { 'X-Forwarded-For': '10.3.0.2' }))
        .errors,
    ).toBeUndefined();
  });

  it('a person moved to another tenant loses the old access at once and cannot refresh', async () => {
    const session = await loginAs('liucheng.supervisor');
    const [{ id }] = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'liucheng.supervisor'`,
    );
    await db.query(
      `WITH moved AS (UPDATE users SET home_tenant_id = $2 WHERE id = $1 RETURNING id)
       INSERT INTO memberships (tenant_id, user_id, roles) SELECT $2, id, ARRAY['SUPERVISOR'] FROM moved`,
      [id, ids['450222100']],
    );
    expect(errorCode(await gql(api.baseUrl, ME, { token: session.accessToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      errorCode(
        await gql(api.baseUrl, REFRESH, {
          variables: { input: { refreshToken: session.refreshToken } },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    // A new login works in the new tenant only.
    const fresh = await loginAs('liucheng.supervisor');
    const me = await gql<{ me: { tenant: { name: string } } }>(api.baseUrl, ME, {
      token: fresh.accessToken,
    });
    expect(me.data!.me.tenant.name).toBe('大埔镇');
  });

  describe('suspension', () => {
    const SUSPEND = `mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { status } }`;
    const REACTIVATE = `mutation($input: ReactivateTenantInput!) { reactivateTenant(input: $input) { status } }`;

    it('a suspended tenant’s users cannot log in or refresh; its data stays; reactivation restores them', async () => {
      const session = await loginAs('mashan.manager');
      const [{ n: windowsBefore }] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM service_windows WHERE tenant_id = $1`,
        [ids['450222203']],
      );
      const suspended = await gql(api.baseUrl, SUSPEND, {
        token: as('liucheng.admin'),
        variables: { input: { tenantId: ids['450222203'], reason: '整改' } },
      });
      expect(suspended.data).toEqual({ suspendTenant: { status: 'SUSPENDED' } });

      expect(
        errorCode(
          await login(api.baseUrl, 'mashan.manager', PASSWORD, { 'X-Forwarded-For': '10.4.0.1' }),
        ),
      ).toBe('UNAUTHENTICATED');
      expect(errorCode(await gql(api.baseUrl, ME, { token: session.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        errorCode(
          await gql(api.baseUrl, REFRESH, {
            variables: { input: { refreshToken: session.refreshToken } },
          }),
        ),
      ).toBe('UNAUTHENTICATED');
      const [{ n: windowsAfter }] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM service_windows WHERE tenant_id = $1`,
        [ids['450222203']],
      );
      expect(windowsAfter).toBe(windowsBefore);

      expect(
        errorCode(
          await gql(api.baseUrl, SUSPEND, {
            token: as('liucheng.admin'),
            variables: { input: { tenantId: ids['450222203'], reason: 'again' } },
          }),
        ),
      ).toBe('CONFLICT');

      const back = await gql(api.baseUrl, REACTIVATE, {
        token: as('liucheng.admin'),
        variables: { input: { tenantId: ids['450222203'] } },
      });
      expect(back.data).toEqual({ reactivateTenant: { status: 'ACTIVE' } });
      expect(
        (await login(api.baseUrl, 'mashan.manager', PASSWORD, { 'X-Forwarded-For': '10.4.0.2' }))
          .errors,
      ).toBeUndefined();
    });

    it('only tenants below one’s own may be suspended', async () => {
      expect(
        errorCode(
          await gql(api.baseUrl, SUSPEND, {
            token: as('liucheng.admin'),
            variables: { input: { tenantId: ids['450222'], reason: 'x' } },
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await gql(api.baseUrl, SUSPEND, {
            token: as('liucheng.admin'),
            variables: { input: { tenantId: ids['450200'], reason: 'x' } },
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(
          await gql(api.baseUrl, SUSPEND, {
            token: as('liucheng.admin'),
            variables: { input: { tenantId: ids['450206'], reason: 'x' } },
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(
          await gql(api.baseUrl, SUSPEND, {
            token: as('liuzhou.city'),
            variables: { input: { tenantId: ids['450222'], reason: 'x' } },
          }),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  it('answers a malformed id with BAD_USER_INPUT, not an internal error', async () => {
    expect(
      errorCode(
        await gql(api.baseUrl, TENANT, {
          token: as('liucheng.admin'),
          variables: { id: 'not-a-uuid' },
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});
