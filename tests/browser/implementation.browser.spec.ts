/**
 * The implementation list in the browser (issue 9, item 8): Liucheng's county administrator
 * pages through the county's 197 items, finds one, promises it faster than the statute and
 * sees it saved, is stopped at the field when promising slower, then makes a village menu
 * template of two items and applies it to a village station, seeing what changed.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

const ITEM = { code: '000116005000', name: '临时用地审批' }; // statutory: 20 working days

async function search(page: Page, text: string) {
  const box = page.getByPlaceholder('按事项名称或编码查找');
  await box.fill(text);
  await box.press('Enter');
}

async function chooseInTransfer(page: Page, text: string) {
  const source = page.getByTestId('template-items').locator('.ant-transfer-list').first();
  await source.getByPlaceholder('按名称或编码查找').fill(text);
  await source.locator('.ant-transfer-list-content-item', { hasText: text }).first().click();
}

describe('the implementation list', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: database.url, env: { REDIS_URL: '' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  it('lists, edits within the rules, and makes and applies a village menu', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', DEMO_PASSWORD);
    await page.getByTestId('menu-implementation').click();
    await expectVisibleText(page.getByTestId('page-title'), '实施清单');
    await expectVisibleText(page.getByTestId('implementation-loaded'), '已加载 50 项');
    expect(await page.getByTestId('implementation-guide').getAttribute('href')).toBe(
      '/guide/450222',
    );
    await expectVisibleText(page.getByTestId('menu-templates'), '村级便民服务菜单');
    // The whole list as a spreadsheet.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('implementation-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('柳城县实施清单.xlsx');

    // Every page, by the "more" button: the demo county's 197 items.
    while (await page.getByTestId('implementation-more').isVisible()) {
      const loaded = await page.getByTestId('implementation-loaded').innerText();
      await page.getByTestId('implementation-more').click();
      await page.waitForFunction(
        (before) =>
          document.querySelector('[data-testid="implementation-loaded"]')?.textContent !== before,
        loaded,
      );
    }
    await expectVisibleText(page.getByTestId('implementation-loaded'), '已加载 197 项');

    // Found by name; promised in 15 working days (the statute allows 20): saved.
    await search(page, ITEM.name);
    await expectVisibleText(page.getByTestId('implementation-loaded'), '已加载 1 项');
    await expectVisibleText(page.getByTestId(`limit-${ITEM.code}`), '20 个工作日 / 20 个工作日');
    await page.getByTestId(`edit-${ITEM.code}`).click();
    await page.getByTestId('entry-days').fill('15');
    await page.getByTestId('entry-phone').fill('0772-7612345');
    await page.getByTestId('entry-save').click();
    await expectHidden(page.getByTestId('entry-drawer'));
    await expectVisibleText(page.getByTestId(`limit-${ITEM.code}`), '15 个工作日 / 20 个工作日');
    await expectVisibleText(page.getByTestId('implementation-items'), '0772-7612345');

    // The screen with one item found and the county's menu templates below.
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `implementation-${width}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // 25 working days is above the statute: refused at the field, nothing saved.
    await page.getByTestId(`edit-${ITEM.code}`).click();
    await page.getByTestId('entry-days').fill('25');
    await page.getByTestId('entry-save').click();
    await expectVisibleText(
      page.getByTestId('entry-drawer').locator('.ant-form-item-explain-error'),
      '承诺时限不能超过法定时限（20 个工作日）',
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'implementation-refusal-1366.png') });
    await page.getByTestId('entry-drawer').locator('.ant-drawer-close').click();
    await expectHidden(page.getByTestId('entry-drawer'));
    await expectVisibleText(page.getByTestId(`limit-${ITEM.code}`), '15 个工作日 / 20 个工作日');

    // A village menu of two items, applied to 和平村 (a station still being opened).
    await page.getByTestId('template-create').click();
    await page.getByTestId('template-name').fill('村级试点菜单');
    await page.getByTestId('template-tier').getByText('村（社区）').click();
    await chooseInTransfer(page, '个体工商户设立登记');
    await chooseInTransfer(page, '个体工商户注销登记');
    await page
      .getByTestId('template-items')
      .locator('.ant-transfer-operation button')
      .first()
      .click();
    await page.getByTestId('template-save').click();
    await expectVisibleText(page.getByTestId('menu-templates'), '村级试点菜单');
    const row = page
      .getByTestId('menu-templates')
      .locator('tr.ant-table-row', { hasText: '村级试点菜单' });
    await expectVisibleText(row, '2 项');

    await page.getByTestId('template-apply-村级试点菜单').click();
    await page.getByTestId('template-apply-tenant').click();
    await page.keyboard.type('和平村');
    await page
      .locator('.ant-select-tree-node-content-wrapper', { hasText: '和平村便民服务站' })
      .click();
    await page.getByTestId('template-apply-ok').click();
    await expectVisibleText(
      page.getByTestId('template-applied'),
      /已应用：新增 0 项，移除 \d+ 项，跳过 0 项/,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'implementation-applied-1366.png') });
    await page.locator('.ant-modal-close').click();
    await expectHidden(page.locator('.ant-modal'));

    // Adopting the published catalogue: all its items, told how many first; the county list
    // holds 197 of them, so the rest are added.
    await page.getByTestId('implementation-adopt').click();
    await expectVisibleText(page.locator('.ant-popconfirm'), '全部 223 项事项');
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expectVisibleText(page.locator('.ant-message'), '已采用 26 项新事项');
    await context.close();
  });

  it("shows a township center manager their center's menu, without adopting or templates", async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'mashan.manager', DEMO_PASSWORD);
    await page.getByTestId('menu-implementation').click();
    await expectVisibleText(page.getByTestId('implementation-list'), '马山乡');
    await expectVisibleText(page.getByTestId('implementation-loaded'), '已加载 50 项');
    expect(await page.getByTestId('implementation-guide').getAttribute('href')).toBe(
      '/guide/450222203',
    );
    expect(await page.getByTestId('implementation-adopt').count()).toBe(0);
    expect(await page.getByTestId('menu-templates').count()).toBe(0);
    await context.close();
  });
});
