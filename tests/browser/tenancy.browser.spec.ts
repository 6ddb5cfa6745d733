/**
 * Windows, staff and tenants as a county administrator sees them (issue 8): renaming,
 * disabling and deleting windows (refused, clearly, for one with applications); pending and
 * locked people with a new setup link, a password reset and an unlock; a suspended tenant's
 * reason, the parent's name, 开通中 for a tenant still onboarding, and a tree of 200 more
 * village stations that stays usable.
 */
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
  gql,
  login,
  startApi,
  type TestDatabase,
} from '@tongban/test-support';
import {
  DEMO_PASSWORD,
  expectHidden,
  expectVisibleText,
  launchBrowser,
  SCREENSHOT_DIR,
  signIn,
} from './harness';

describe('windows, staff and tenants', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: string;
  const tenantIds = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: database.url });
    browser = await launchBrowser();
    admin = (await login(api.baseUrl, 'liucheng.admin', DEMO_PASSWORD)).data!.login.accessToken;
    const tenants = await gql<{ tenants: { nodes: { id: string; name: string }[] } }>(
      api.baseUrl,
      'query { tenants { nodes { id name } } }',
      { token: admin },
    );
    for (const node of tenants.data!.tenants.nodes) tenantIds.set(node.name, node.id);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', DEMO_PASSWORD);
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');
  });

  afterEach(async () => {
    await context?.close();
  });

  /** Answers the open confirmation with OK. */
  const confirm = async () => {
    const open = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    await open.last().locator('.ant-btn-primary').click();
    await expectHidden(open); // closed before the next one opens
  };

  it('renames, disables and enables a window; deleting one with applications is refused clearly', async () => {
    await page.getByTestId('menu-windows').click();
    const table = page.getByTestId('windows-table');
    await expectVisibleText(table, '综合窗口3');

    await page.getByTestId('window-rename-C3').click();
    await page.getByTestId('window-rename-name').fill('综合窗口3（老年人专窗）');
    await page.getByTestId('window-rename-submit').click();
    await expectVisibleText(table, '综合窗口3（老年人专窗）');

    await page.getByTestId('window-disable-C2').click();
    await confirm();
    await expectVisibleText(page.getByTestId('window-state-C2'), '已停用');
    await page.getByTestId('window-enable-C2').click();
    await confirm();
    await expectVisibleText(page.getByTestId('window-state-C2'), '收件中');

    // 国土资源窗口 (01) took applications in: refused, saying why and what to do instead.
    await page.getByTestId('window-delete-01').click();
    await confirm();
    const refusal = page.locator('.ant-modal-confirm');
    await expectVisibleText(refusal, '无法执行');
    await expectVisibleText(refusal, '已有办件在此窗口收件');
    await expectVisibleText(refusal, '请停用该窗口');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-window-delete-refused-zh-CN.png` });
    await refusal.locator('.ant-btn-primary').click();
    await expectVisibleText(table, '国土资源窗口');

    // F1 never took anything in: it goes.
    await page.getByTestId('window-delete-F1').click();
    await confirm();
    await expectVisibleText(page.locator('.ant-message'), '已删除');
    await expectHidden(page.getByTestId('window-state-F1'));
  });

  it('shows pending and locked people; new link, password reset and unlock', async () => {
    // Lock liucheng.window out (5 wrong passwords), invite someone (pending).
    for (let i = 0; i < 5; i += 1) await login(api.baseUrl, 'liucheng.window', `wrong-${i}`);
    const invited = await gql(
      api.baseUrl,
      'mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { staff { userId } } }',
      {
        token: admin,
        variables: {
          input: {
            tenantId: tenantIds.get('柳城县'),
            username: 'liucheng.clerk',
            displayName: '柳城县新同事',
            roles: ['WINDOW_STAFF'],
          },
        },
      },
    );
    expect(invited.errors).toBeUndefined();

    await page.getByTestId('menu-staff').click();
    await expectVisibleText(page.getByTestId('staff-status-liucheng.clerk'), '待激活');
    await expectVisibleText(page.getByTestId('staff-status-liucheng.window'), '已锁定');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-staff-states-zh-CN.png` });

    // A pending person gets a new setup link, shown once and copyable.
    await page.getByTestId('staff-new-link-liucheng.clerk').click();
    await confirm();
    await expect(page.getByTestId('staff-setup-link').inputValue()).resolves.toMatch(/\/setup#/);
    await page.getByTestId('staff-setup-link-done').click();

    // An active one gets a password reset, by a setup link too.
    await page.getByTestId('staff-reset-password-liucheng.supervisor').click();
    await confirm();
    await expect(page.getByTestId('staff-setup-link').inputValue()).resolves.toMatch(/\/setup#/);
    await page.getByTestId('staff-setup-link-done').click();

    // Unlock: the lock-out is lifted, the person signs in again.
    await page.getByTestId('staff-unlock-liucheng.window').click();
    await confirm();
    await expectHidden(page.getByTestId('staff-unlock-liucheng.window'));
    expect((await login(api.baseUrl, 'liucheng.window', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it('a reader without the right sees no staff actions', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.supervisor', DEMO_PASSWORD);
    await page.getByTestId('menu-staff').click();
    await expectVisibleText(page.getByTestId('staff-table'), 'liucheng.admin');
    await expect(page.locator('[data-testid^="staff-reset-password-"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid^="staff-disable-"]').count()).resolves.toBe(0);
  });

  it('the onboarding wizard shows village examples when a station is opened', async () => {
    await page.goto(`${api.baseUrl}/onboarding?parent=${tenantIds.get('大埔镇')}`);
    await page.getByTestId('onboarding-kind').getByText('村（社区）级').click();
    const name = page.getByTestId('onboarding-name');
    await expect(name.getAttribute('placeholder')).resolves.toContain('大埔镇新村村便民服务站');
    const code = await page.getByTestId('onboarding-division-code').getAttribute('placeholder');
    expect(code).toMatch(/^\d{12}$/);
    await expectVisibleText(page.locator('.ant-form-item-extra'), `例如 ${code}`);
  });

  it('tenants: suspension reason, parent name, 开通中, and a tree of 200 more stations', async () => {
    const suspended = await gql(
      api.baseUrl,
      'mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { id } }',
      {
        token: admin,
        variables: { input: { tenantId: tenantIds.get('马山乡'), reason: '办事大厅装修' } },
      },
    );
    expect(suspended.errors).toBeUndefined();
    // 200 village stations under 大埔镇, opened in one sheet.
    const dapu = await gql<{ tenant: { divisionCode: string } }>(
      api.baseUrl,
      'query($id: ID!) { tenant(id: $id) { divisionCode } }',
      { token: admin, variables: { id: tenantIds.get('大埔镇') } },
    );
    const prefix = dapu.data!.tenant.divisionCode;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('村居');
    sheet.addRow(['行政区划代码', '服务站名称', '代办员用户名', '代办员姓名', '窗口名称']);
    for (let i = 1; i <= 200; i += 1) {
      const n = String(500 + i);
      sheet.addRow([`${prefix}${n}`, `大埔镇第${n}村便民服务站`, `dapu.v${n}`, `代办员${n}`, '']);
    }
    const spreadsheet = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const opened = await gql(
      api.baseUrl,
      'mutation($input: VillageSheetInput!) { onboardVillages(input: $input) { managerUsername } }',
      { token: admin, variables: { input: { parentId: tenantIds.get('大埔镇'), spreadsheet } } },
    );
    expect(opened.errors).toBeUndefined();

    await page.goto(`${api.baseUrl}/tenants/${tenantIds.get('马山乡')}`);
    await expectVisibleText(page.getByTestId('tenant-suspension'), '暂停原因：办事大厅装修');
    await expectVisibleText(page.getByTestId('tenant-facts'), '柳城县'); // the parent, by name
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-tenant-suspended-zh-CN.png` });

    // The new stations are still onboarding: 开通中, never 已开通.
    await page.goto(`${api.baseUrl}/tenants/${tenantIds.get('大埔镇')}`);
    const tree = page.getByTestId('tenant-tree');
    await expectVisibleText(tree, '开通中');
    expect(await page.locator('body').innerText()).not.toContain('已开通');
    // Virtual: far fewer rows in the page than tenants in the tree.
    const rendered = await page.locator('[data-testid^="tenant-node-"]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-tenant-tree-200-zh-CN.png` });

    // Search finds one far down.
    await page
      .locator('input[data-testid="tenant-search"], [data-testid="tenant-search"] input')
      .first()
      .fill('第699村');
    await expectVisibleText(tree, '大埔镇第699村便民服务站');
    await page.getByTestId(`tenant-node-${prefix}699`).click();
    await expectVisibleText(page.getByTestId('tenant-detail-name'), '大埔镇第699村便民服务站');
    await expectVisibleText(page.getByTestId('tenant-detail-status'), '开通中');
    await expectVisibleText(page.getByTestId('tenant-facts'), '大埔镇');
  });
});
