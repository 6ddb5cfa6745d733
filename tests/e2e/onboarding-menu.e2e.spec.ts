import {
  ApiProcess,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  gql,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';

/**
 * Onboarding gives a new center its item menu (issue 9): a county administrator opens a
 * village station with the county's village menu template; the station's list is the
 * template's items its township offers, its checklist shows the menu, and its staff take in
 * only those. A template of the wrong tier or of another county opens nothing.
 */
const PASSWORD = 'Demo#2026';
const ONBOARD = `mutation Onboard($input: OnboardTenantInput!) {
  onboardTenant(input: $input) {
    tenant { id divisionCode onboardingChecklist { hasMenu hasWindow managerReady } }
    managerSetupLink { token }
    menuItemCount
    menuSkipped
  }
}`;
const TEMPLATES = `query($countyId: ID!) { menuTemplates(countyId: $countyId) { id name tier itemCodes } }`;
const COMPLETE = `mutation($input: CompleteSetupInput!) { completeSetup(input: $input) { accessToken } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
  itemName itemHandling } }`;
const WINDOWS = `query($id: ID!) { tenant(id: $id) { serviceWindows { id code } } }`;

interface Template {
  id: string;
  name: string;
  tier: string;
  itemCodes: string[];
}

describe('onboarding with an item menu', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let admin = '';
  let ids: Record<string, string> = {};
  let templates: Template[] = [];

  const station = (code: string, menuTemplateId: string | null) => ({
    parentId: ids['450222203'],
    kind: 'VILLAGE',
    divisionCode: code,
    name: `测试${code.slice(-3)}村便民服务站`,
    windows: [{ code: 'D1', name: '代办窗口', kind: 'COMPREHENSIVE' }],
    manager: { username: `station.${code}`, displayName: '代办员' },
    menuTemplateId,
  });

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url });
    admin = (await login(api.baseUrl, 'liucheng.admin', PASSWORD)).data!.login.accessToken;
    ids = Object.fromEntries(
      (
        await db.query<{ division_code: string; id: string }>(
          `SELECT division_code, id FROM tenants`,
        )
      ).map((row) => [row.division_code, row.id]),
    );
    templates = (
      await gql<{ menuTemplates: Template[] }>(api.baseUrl, TEMPLATES, {
        token: admin,
        variables: { countyId: ids['450222'] },
      })
    ).data!.menuTemplates;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('opens a station with the village menu, whose staff then take in only from it', async () => {
    const village = templates.find((t) => t.tier === 'VILLAGE')!;
    const opened = await gql<{
      onboardTenant: {
        tenant: { id: string; onboardingChecklist: { hasMenu: boolean } };
        managerSetupLink: { token: string };
        menuItemCount: number;
        menuSkipped: string[];
      };
    }>(api.baseUrl, ONBOARD, {
      token: admin,
      variables: { input: station('450222203301', village.id) },
    });
    expect(opened.errors).toBeUndefined();
    const result = opened.data!.onboardTenant;
    expect(result.menuItemCount + result.menuSkipped.length).toBe(village.itemCodes.length);
    expect(result.menuItemCount).toBeGreaterThan(10);
    expect(result.tenant.onboardingChecklist.hasMenu).toBe(true);
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM implementation_items WHERE tenant_id = $1`,
      [result.tenant.id],
    );
    expect(n).toBe(result.menuItemCount);

    const staff = (
      await gql<{ completeSetup: { accessToken: string } }>(api.baseUrl, COMPLETE, {
        variables: {
          input: { token: result.managerSetupLink.token, password: 'Station#2026-password' },
        },
      })
    ).data!.completeSetup.accessToken;
    const [window] = (
      await gql<{ tenant: { serviceWindows: { id: string }[] } }>(api.baseUrl, WINDOWS, {
        token: staff,
        variables: { id: result.tenant.id },
      })
    ).data!.tenant.serviceWindows;
    const submit = (itemCode: string) =>
      gql<{ submitApplication: { itemName: string; itemHandling: string } }>(api.baseUrl, SUBMIT, {
        token: staff,
        variables: { input: { windowId: window.id, itemCode, applicant: { name: '韦金莲' } } },
      });
    const onMenu = await submit(village.itemCodes.find((code) => code === '450011002W01')!);
    expect(onMenu.data!.submitApplication).toEqual({
      itemName: '高龄津贴申领',
      itemHandling: 'INTAKE_ONLY',
    });
    const offMenu = await submit('000104002000');
    expect(errorCode(offMenu)).toBe('BAD_USER_INPUT');
  });

  it('opens a station without a menu, its checklist showing the step undone', async () => {
    const opened = await gql<{
      onboardTenant: {
        menuItemCount: number;
        tenant: { onboardingChecklist: { hasMenu: boolean } };
      };
    }>(api.baseUrl, ONBOARD, { token: admin, variables: { input: station('450222203302', null) } });
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.onboardTenant.menuItemCount).toBe(0);
    expect(opened.data!.onboardTenant.tenant.onboardingChecklist.hasMenu).toBe(false);
  });

  it('opens nothing with a template of the wrong tier or one nobody has', async () => {
    const township = templates.find((t) => t.tier === 'TOWNSHIP')!;
    const before = await databaseFingerprint(db);
    const wrongTier = await gql(api.baseUrl, ONBOARD, {
      token: admin,
      variables: { input: station('450222203303', township.id) },
    });
    expect(errorCode(wrongTier)).toBe('BAD_USER_INPUT');
    const unknown = await gql(api.baseUrl, ONBOARD, {
      token: admin,
      variables: { input: station('450222203304', '00000000-0000-4000-8000-000000000000') },
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(await databaseFingerprint(db)).toBe(before);
  });
});
