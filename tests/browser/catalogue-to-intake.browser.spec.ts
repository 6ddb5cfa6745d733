/**
 * The catalogue from the province to a village window (issue 9, "done when"): the platform
 * operator imports the standard spreadsheet and publishes it; Liucheng's county administrator
 * adopts it into the county's implementation list, promises an item faster than the statute,
 * builds a village menu and opens a village station with it; the station's staff, signed in
 * through their setup link, see only that menu at intake and take an application in; the
 * public kiosk page of Liucheng shows the service guide without signing in.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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
} from './harness';

const DEMO_FILE = join(__dirname, '../../libs/catalog/demo/standard-catalogue.xlsx');
const STATION = { code: '450222203305', name: '试点村便民服务站', staff: 'shidian.staff' };
const MENU = [
  { code: '450011002W01', name: '高龄津贴申领' },
  { code: '000114008000', name: '城乡居民基本养老保险参保登记' },
];

describe('from the standard catalogue to a village window', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    // Jobs in the API process: the import is read where it was uploaded.
    api = await startApi({ databaseUrl: database.url, env: { REDIS_URL: '' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    return context.newPage();
  }

  it('goes from the province to a village window and the public kiosk', async () => {
    // The platform operator: the spreadsheet imported into a draft, then published.
    const operator = await newPage();
    await operator.goto(api.baseUrl);
    await signIn(operator, 'platform', DEMO_PASSWORD);
    await operator.getByTestId('menu-catalogue').click();
    await operator.getByTestId('catalogue-import-label').fill('2026 年第二轮');
    await operator
      .getByTestId('catalogue-import-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'standard-catalogue.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await readFile(DEMO_FILE),
      });
    await expectVisibleText(operator.getByTestId('catalogue-import-done'), '导入完成', 60_000);
    await operator.getByTestId('catalogue-publish').click();
    await operator.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expectVisibleText(operator.getByTestId('catalogue-version'), '2026 年第二轮 · 已发布');

    // The county administrator: the new version adopted into Liucheng's list.
    const admin = await newPage();
    await admin.goto(api.baseUrl);
    await signIn(admin, 'liucheng.admin', DEMO_PASSWORD);
    await admin.getByTestId('menu-implementation').click();
    await expectVisibleText(admin.getByTestId('page-title'), '实施清单');
    await admin.getByTestId('implementation-adopt').click();
    await expectVisibleText(admin.locator('.ant-popconfirm'), '2026 年第二轮');
    await admin.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expectVisibleText(admin.locator('.ant-message'), '已采用 26 项新事项');

    // A promised limit: 高龄津贴申领 in 10 working days (the statute allows more).
    const box = admin.getByPlaceholder('按事项名称或编码查找');
    await box.fill(MENU[0].name);
    await box.press('Enter');
    await expectVisibleText(admin.getByTestId('implementation-loaded'), '已加载 1 项');
    await admin.getByTestId(`edit-${MENU[0].code}`).click();
    await admin.getByTestId('entry-days').fill('10');
    await admin.getByTestId('entry-save').click();
    await expectHidden(admin.getByTestId('entry-drawer'));
    await expectVisibleText(admin.getByTestId(`limit-${MENU[0].code}`), /^10 个工作日/);

    // The village menu: two items of the county's list.
    await admin.getByTestId('template-create').click();
    await admin.getByTestId('template-name').fill('试点村菜单');
    await admin.getByTestId('template-tier').getByText('村（社区）').click();
    const source = admin.getByTestId('template-items').locator('.ant-transfer-list').first();
    for (const item of MENU) {
      await source.getByPlaceholder('按名称或编码查找').fill(item.name);
      await source.locator('.ant-transfer-list-content-item', { hasText: item.name }).click();
    }
    await admin
      .getByTestId('template-items')
      .locator('.ant-transfer-operation button')
      .first()
      .click();
    await admin.getByTestId('template-save').click();
    await expectVisibleText(
      admin.getByTestId('menu-templates').locator('tr.ant-table-row', { hasText: '试点村菜单' }),
      '2 项',
    );

    // A village station opened under 马山乡 with that menu.
    const [{ id: mashan }] = await database.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222203'`,
    );
    await admin.goto(`${api.baseUrl}/onboarding?parent=${mashan}`);
    await expectVisibleText(admin.getByTestId('onboarding-kind'), '村（社区）');
    await admin.getByTestId('onboarding-division-code').fill(STATION.code);
    await admin.getByTestId('onboarding-name').fill(STATION.name);
    await admin.getByTestId('onboarding-next').click();
    await expectVisibleText(admin.getByTestId('onboarding-window-0'), /./);
    await admin.getByTestId('onboarding-next').click();
    await admin.getByTestId('onboarding-manager-username').fill(STATION.staff);
    await admin.getByTestId('onboarding-manager-display-name').fill('试点村代办员');
    await admin.getByTestId('onboarding-next').click();
    await expectVisibleText(admin.getByTestId('onboarding-preview-ok'), '检查通过');
    await admin.getByTestId('onboarding-menu-template').click();
    await admin.locator('.ant-select-item-option', { hasText: '试点村菜单（2 项）' }).click();
    await expectVisibleText(admin.getByTestId('onboarding-preview-ok'), '检查通过');
    await admin.screenshot({ path: join(SCREENSHOT_DIR, 'onboarding-menu-1366.png') });
    await admin.getByTestId('onboarding-commit').click();
    await expectVisibleText(admin.getByTestId('onboarding-done-title'), `${STATION.name} 已创建`);
    const link = await admin.getByTestId('onboarding-setup-link').inputValue();

    // The station's staff: set up through the link, then only the station's menu at intake.
    const staff = await newPage();
    await staff.goto(link);
    await staff.getByTestId('setup-password').fill('Shidian#2026-setup');
    await staff.getByTestId('setup-confirm').fill('Shidian#2026-setup');
    await staff.getByTestId('setup-submit').click();
    await expectVisibleText(staff.getByTestId('shell-tenant-name'), STATION.name);
    await staff.getByTestId('menu-applications').click();
    await staff.getByTestId('intake-item').click();
    const options = staff.locator('.ant-select-item-option');
    await expectVisibleText(options.first(), /./);
    expect((await options.allInnerTexts()).map((text) => text.split(/\s/)[0]).sort()).toEqual(
      MENU.map((item) => item.name).sort(),
    );
    await staff.getByTestId(`intake-menu-${MENU[0].code}`).click();
    await staff.getByTestId('intake-applicant-name').fill('韦金莲');
    await staff.getByTestId('intake-submit').click();
    const receipt = (await staff.getByTestId('intake-receipt-number').innerText()).trim();
    await expectVisibleText(staff.getByTestId(`application-row-${receipt}`), MENU[0].name);
    await staff.screenshot({ path: join(SCREENSHOT_DIR, 'station-intake-1366.png') });

    // The public kiosk page of Liucheng: the guide, without signing in.
    const kiosk = await newPage();
    await kiosk.goto(`${api.baseUrl}/guide/450222`);
    await expectVisibleText(kiosk.locator('body'), '柳城县');
    await kiosk.getByTestId('guide-search').fill(MENU[0].name);
    await kiosk.getByTestId('guide-search').press('Enter');
    // The promise the county just made, on the public page.
    await expectVisibleText(kiosk.locator('body'), MENU[0].name);
    await expectVisibleText(kiosk.locator('body'), '承诺 10 个工作日');
    await kiosk.screenshot({ path: join(SCREENSHOT_DIR, 'kiosk-liucheng-1366.png') });
  });
});
