/**
 * Onboarding in a real browser, against the real built API on a fresh demo database: the
 * county administrator opens a township center with the wizard; its manager completes the
 * one-time setup link in another browser and lands signed in; the tree shows the township
 * running; the spent link is refused.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
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
  refreshCookie,
} from './harness';

const NEW_CODE = '450222104';
const NEW_NAME = '龙头镇';
const MANAGER = 'longtou.manager';
const MANAGER_NAME = '龙头镇政务服务中心主任';
const MANAGER_PASSWORD = 'Longtou#2026-setup';

async function next(page: Page) {
  await page.getByTestId('onboarding-next').click();
}

/** Fills the wizard's first three steps (the windows step keeps its suggested window). */
async function fillWizard(page: Page, code: string) {
  await page.getByTestId('onboarding-division-code').fill(code);
  await page.getByTestId('onboarding-name').fill(NEW_NAME);
  await next(page);
  await expectVisibleText(page.getByTestId('onboarding-window-0'), /./);
  await next(page);
  await page.getByTestId('onboarding-manager-username').fill(MANAGER);
  await page.getByTestId('onboarding-manager-display-name').fill(MANAGER_NAME);
  await next(page);
}

describe('onboarding a township center in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const newPage = async (options: { clipboard?: boolean } = {}) => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
    });
    if (options.clipboard) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: api.baseUrl,
      });
    }
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: database.url });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  it('menu entries follow the role', async () => {
    const page = await newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.window', DEMO_PASSWORD);
    await expectVisibleText(page.getByTestId('shell-menu'), '窗口');
    // No entry for what the role cannot read: tenants, onboarding, the staff list.
    expect(await page.getByTestId('shell-menu').innerText()).not.toMatch(/机构|开通|人员/);
    await expect(page.getByTestId('menu-staff').count()).resolves.toBe(0);

    // Typing the address of a screen the role may not open is refused, not shown.
    await page.goto(`${api.baseUrl}/onboarding`);
    await expectVisibleText(page.locator('body'), '无权访问');
    await page.getByTestId('menu-windows').click();
    await expectVisibleText(page.getByTestId('windows-table'), '国土资源窗口');
    await expectVisibleText(page.getByTestId('windows-table'), '投诉窗口');
    await page.goto(`${api.baseUrl}/staff`);
    await expectVisibleText(page.locator('body'), '无权访问');
    await page.getByTestId('menu-windows').click();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-windows-staff-window-zh-CN.png` });
  });

  it('onboards 龙头镇; the manager sets a password with the link and is signed in', async () => {
    // The county administrator opens the wizard from the side menu.
    const admin = await newPage({ clipboard: true });
    await admin.goto(api.baseUrl);
    await signIn(admin, 'liucheng.admin', DEMO_PASSWORD);
    await expectVisibleText(admin.getByTestId('shell-menu'), '机构');
    await admin.getByTestId('menu-onboarding').click();
    await expectVisibleText(admin.getByTestId('page-title'), '开通机构');
    await expectVisibleText(admin.getByTestId('onboarding-steps'), '预览');

    // Step 1: the parent is the administrator's county, the kind a township.
    await expectVisibleText(admin.locator('.ant-select-selection-item'), '柳城县');
    await expectVisibleText(admin.getByTestId('onboarding-kind'), '乡镇级');
    await expectVisibleText(admin.locator('body'), '9 位数字，以上级代码 450222 开头');

    // The wizard checks the division code as the server does, before asking it.
    await admin.getByTestId('onboarding-division-code').fill('450223104');
    await admin.getByTestId('onboarding-name').fill(NEW_NAME);
    await next(admin);
    await expectVisibleText(admin.locator('.ant-form-item-explain'), '必须以上级代码 450222 开头');

    // A well-formed code that is taken: only the server knows; its preview says so.
    await fillWizard(admin, '450222100');
    await expectVisibleText(admin.getByTestId('onboarding-problems'), '已被 大埔镇 使用');
    await expect(admin.getByTestId('onboarding-commit').isDisabled()).resolves.toBe(true);

    // Back to the first step, fix the code: the preview has no problem left.
    await admin.getByTestId('onboarding-steps').getByText('基本信息').click();
    await fillWizard(admin, NEW_CODE);
    await expectVisibleText(admin.getByTestId('onboarding-preview-ok'), '检查通过');
    const facts = admin.getByTestId('onboarding-preview-facts');
    await expectVisibleText(facts, NEW_CODE);
    await expectVisibleText(facts, NEW_NAME);
    await expectVisibleText(facts, MANAGER);
    await expectVisibleText(facts, '中心负责人');
    await expectVisibleText(facts, '开通中');
    await expectVisibleText(admin.getByTestId('onboarding-preview'), '综合窗口');
    await expect(admin.getByTestId('onboarding-problems').count()).resolves.toBe(0);
    await expect(admin.getByTestId('onboarding-commit').isEnabled()).resolves.toBe(true);
    await admin.screenshot({ path: `${SCREENSHOT_DIR}/tongban-onboarding-preview-zh-CN.png` });

    // Commit: the setup link is shown once, as a full address, and copies.
    await admin.getByTestId('onboarding-commit').click();
    await expectVisibleText(admin.getByTestId('onboarding-done-title'), `${NEW_NAME} 已创建`);
    await expectVisibleText(admin.locator('body'), '链接只能使用一次，有效期 72 小时');
    const linkBox = admin.getByTestId('onboarding-setup-link');
    const link = await linkBox.inputValue();
    expect(link).toMatch(
      new RegExp(`^${api.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/setup#\\S{40,}$`),
    );
    await admin.getByTestId('onboarding-setup-link-copy').click();
    await expectVisibleText(admin.getByTestId('onboarding-setup-link-copy'), '已复制');
    const copied = await admin.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(link);
    await admin.screenshot({ path: `${SCREENSHOT_DIR}/tongban-onboarding-done-zh-CN.png` });

    // The new manager, in a browser of their own, opens the link and sets a password.
    const manager = await newPage();
    await manager.goto(copied);
    await expectVisibleText(manager.getByTestId('setup-title'), '设置密码');
    await manager.getByTestId('setup-password').fill('too-short');
    await manager.getByTestId('setup-confirm').fill('too-short');
    await manager.getByTestId('setup-submit').click();
    await expectVisibleText(manager.locator('.ant-form-item-explain'), '至少需要 10 个字符');
    await manager.getByTestId('setup-password').fill(MANAGER_PASSWORD);
    await manager.getByTestId('setup-confirm').fill(MANAGER_PASSWORD);
    await expectHidden(manager.locator('.ant-form-item-explain-error'));
    await manager.screenshot({ path: `${SCREENSHOT_DIR}/tongban-setup-zh-CN.png` });
    await manager.getByTestId('setup-submit').click();

    // Signed in, in the shell, as the manager of the new township center.
    await expectVisibleText(manager.getByTestId('shell-tenant-name'), NEW_NAME);
    await expectVisibleText(manager.getByTestId('shell-tenant-kind'), '乡镇级');
    await expectVisibleText(manager.getByTestId('shell-roles'), '中心负责人');
    await expectVisibleText(manager.getByTestId('shell-user-name'), MANAGER_NAME);
    await expectVisibleText(manager.getByTestId('welcome-account'), MANAGER);
    expect(new URL(manager.url()).pathname).toBe('/');
    expect(new URL(manager.url()).hash).toBe(''); // the spent token left the address bar
    expect(await refreshCookie(manager)).toBeTruthy();
    // A reload keeps them signed in.
    await manager.reload();
    await expectVisibleText(manager.getByTestId('shell-roles'), '中心负责人');

    // Back with the administrator: after a reload the tree shows 龙头镇 running.
    await admin.getByTestId('onboarding-view-tenant').click();
    await expectVisibleText(admin.getByTestId('page-title'), '机构');
    await admin.reload();
    const node = admin.getByTestId(`tenant-node-${NEW_CODE}`);
    await expectVisibleText(node, NEW_NAME);
    await expectVisibleText(node, '运行中');
    await expectVisibleText(admin.getByTestId('tenant-detail-status'), '运行中');
    await expectVisibleText(admin.getByTestId('tenant-checklist'), '开通清单已完成');
    await expectVisibleText(admin.getByTestId('tenant-facts'), NEW_CODE);
    await expectVisibleText(admin.getByTestId('tenant-facts'), '柳城县');
    await admin.getByRole('tab', { name: /人员/ }).click();
    const managerRow = admin.getByTestId('staff-table').locator('tr', { hasText: MANAGER });
    await expectVisibleText(managerRow, '中心负责人');
    await expectVisibleText(managerRow, '正常');
    await admin.getByRole('tab', { name: /窗口/ }).click();
    await expectVisibleText(admin.getByTestId('windows-table'), '综合窗口');
    await expectVisibleText(admin.getByTestId('tenant-tree'), '大埔镇');
    await admin.waitForTimeout(400); // let the tab's ink bar settle for the screenshot
    await admin.screenshot({ path: `${SCREENSHOT_DIR}/tongban-tenant-tree-zh-CN.png` });

    // The same link a second time: refused, and nobody is signed in.
    const again = await newPage();
    await again.goto(link);
    await again.getByTestId('setup-password').fill('Another#password-1');
    await again.getByTestId('setup-confirm').fill('Another#password-1');
    await again.getByTestId('setup-submit').click();
    await expectVisibleText(again.getByTestId('setup-error'), '此设置链接已被使用');
    await expectHidden(again.getByTestId('setup-submit'));
    expect(await refreshCookie(again)).toBeNull();
    await again.screenshot({ path: `${SCREENSHOT_DIR}/tongban-setup-used-zh-CN.png` });
    await again.getByTestId('setup-go-login').click();
    await expectVisibleText(again.getByTestId('login-title'), '登录');
  });

  it('the county administrator manages the windows, staff and status of 马山乡', async () => {
    const page = await newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', DEMO_PASSWORD);
    await page.getByTestId('menu-tenants').click();
    await page.getByTestId('tenant-node-450222203').click();
    await expectVisibleText(page.getByTestId('tenant-detail-name'), '马山乡');
    expect(new URL(page.url()).pathname).toMatch(/^\/tenants\/[0-9a-f-]{36}$/);

    // A new window.
    await page.getByTestId('window-create').click();
    await page.getByTestId('window-code').fill('C1');
    await page.getByTestId('window-name').fill('综合窗口3');
    await page.getByTestId('window-create-submit').click();
    await expectVisibleText(page.locator('.ant-form-item-explain'), '窗口编号 C1 重复');
    await page.getByTestId('window-code').fill('C3');
    await page.getByTestId('window-create-submit').click();
    await expectVisibleText(page.getByTestId('windows-table'), '综合窗口3');
    await expectVisibleText(page.locator('.ant-tabs-tab'), '窗口（3）');

    // Inviting a person whose username is taken: the server's refusal is shown.
    await page.getByRole('tab', { name: /人员/ }).click();
    await page.getByTestId('staff-invite').click();
    await page.getByTestId('invite-username').fill('mashan.manager');
    await page.getByTestId('invite-display-name').fill('李红');
    await page.locator('.ant-modal').getByText('窗口工作人员').click();
    await page.locator('.ant-modal').getByRole('button', { name: '生成邀请链接' }).click();
    await expectVisibleText(page.locator('.ant-modal'), 'The username mashan.manager is taken');

    // A fresh username: the setup link is shown once.
    await page.getByTestId('invite-username').fill('mashan.clerk');
    await page.locator('.ant-modal').getByRole('button', { name: '生成邀请链接' }).click();
    await expectVisibleText(page.locator('.ant-modal'), '此链接只显示这一次');
    expect(await page.getByTestId('invite-setup-link').inputValue()).toMatch(/\/setup#\S{40,}$/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-invite-zh-CN.png` });
    await page.getByTestId('invite-setup-link-done').click();
    const clerk = page.getByTestId('staff-table').locator('tr', { hasText: 'mashan.clerk' });
    await expectVisibleText(clerk, '待激活');
    await expectVisibleText(clerk, '窗口工作人员');

    // Disable and enable an account (the township's manager).
    const manager = page.getByTestId('staff-table').locator('tr', { hasText: 'mashan.manager' });
    await expectVisibleText(manager, '正常');
    await page.getByTestId('staff-disable-mashan.manager').click();
    await page.locator('.ant-popover').getByRole('button', { name: '确定' }).click();
    await expectVisibleText(manager, '已停用');
    await page.getByTestId('staff-enable-mashan.manager').click();
    await page.locator('.ant-popover').getByRole('button', { name: '确定' }).last().click();
    await expectVisibleText(manager, '正常');

    // Suspend with a reason, then reactivate; the tree follows.
    await page.getByTestId('tenant-suspend').click();
    await page.getByTestId('tenant-suspend-submit').click();
    await expectVisibleText(page.locator('.ant-form-item-explain'), '请填写暂停原因');
    await page.getByTestId('tenant-suspend-reason').fill('办事大厅装修，暂停对外服务');
    await page.getByTestId('tenant-suspend-submit').click();
    await expectVisibleText(page.getByTestId('tenant-detail-status'), '已暂停');
    await expectVisibleText(page.getByTestId('tenant-node-450222203'), '已暂停');
    await page.getByTestId('tenant-reactivate').click();
    await page.locator('.ant-popover').getByRole('button', { name: '确定' }).last().click();
    await expectVisibleText(page.getByTestId('tenant-detail-status'), '运行中');
    await expectVisibleText(page.getByTestId('tenant-node-450222203'), '运行中');

    // The county itself cannot be suspended from here (it is not below the administrator).
    await page.getByTestId('tenant-node-450222').click();
    await expectVisibleText(page.getByTestId('tenant-detail-name'), '柳城县');
    await expect(page.getByTestId('tenant-suspend').count()).resolves.toBe(0);

    // In English the same screen speaks English.
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await expectVisibleText(page.getByTestId('page-title'), 'Tenants');
    await expectVisibleText(page.getByTestId('tenant-node-450222203'), 'Active');
    await expectVisibleText(page.getByTestId('tenant-facts'), 'Division code');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-tenant-tree-en-US.png` });

    // Windows, then staff, of the selected tenant, with a picker for the subtree.
    await page.getByTestId('menu-windows').click();
    await expectVisibleText(page.getByTestId('page-title'), 'Windows');
    await expectVisibleText(page.getByTestId('tenant-detail-name'), '柳城县');
    await expectVisibleText(page.getByTestId('windows-table'), '投诉窗口');
    await page.getByTestId('menu-staff').click();
    await expectVisibleText(page.getByTestId('page-title'), 'Staff');
    await expectVisibleText(page.getByTestId('staff-table'), 'liucheng.supervisor');
    await page.screenshot({
      path: `${SCREENSHOT_DIR}/tongban-windows-staff-en-US.png`,
      fullPage: true,
    });
  });

  it('a link that is not a setup link says so', async () => {
    const page = await newPage();
    await page.goto(`${api.baseUrl}/setup#not-a-real-token`);
    await page.getByTestId('setup-password').fill('Whatever#password-1');
    await page.getByTestId('setup-confirm').fill('Whatever#password-1');
    await page.getByTestId('setup-submit').click();
    await expectVisibleText(page.getByTestId('setup-error'), '此设置链接无效');

    await page.goto(`${api.baseUrl}/setup`);
    await expectVisibleText(page.getByTestId('setup-error'), '链接不完整');
  });
});
