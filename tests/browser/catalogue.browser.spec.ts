/**
 * The standard catalogue in the browser (issue 9): the platform operator finds items of the
 * published demo catalogue, sees a bad spreadsheet's problems by sheet, row and column, imports
 * the shipped catalogue file into a draft with its progress shown, and publishes it; a county
 * administrator reads the published versions and has nothing to import.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
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

const DEMO_FILE = join(__dirname, '../../libs/catalog/demo/standard-catalogue.xlsx');

async function upload(page: Page, name: string, buffer: Buffer) {
  await page
    .getByTestId('catalogue-import-upload')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

describe('the standard catalogue', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    // Jobs in the API process: the import is read where it was uploaded.
    api = await startApi({ databaseUrl: database.url, env: { REDIS_URL: '' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  /** Signed in as `username` (zh-CN, 1,366 px), on the catalogue screen. */
  async function openCatalogue(username: string) {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, username, DEMO_PASSWORD);
    await page.getByTestId('menu-catalogue').click();
    return { context, page };
  }

  it('finds items, reports a bad sheet, imports the catalogue file and publishes it', async () => {
    const { context, page } = await openCatalogue('platform');
    await expectVisibleText(page.getByTestId('page-title'), '标准目录');
    await expectVisibleText(
      page.getByTestId('catalogue-version'),
      '广西政务服务事项基本目录（2026 年版）',
    );
    await expectVisibleText(page.getByTestId('catalogue-version'), '223 项');

    const search = page.getByPlaceholder('按事项名称或编码查找');
    await search.fill('个体工商户');
    await search.press('Enter');
    await expectVisibleText(page.getByTestId('catalogue-items'), '个体工商户');
    const names = await page
      .getByTestId('catalogue-items')
      .locator('tbody tr.ant-table-row')
      .allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const row of names) expect(row).toContain('个体工商户');

    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `catalogue-${width}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // A sheet without 流程: nothing imported, the problem named in Chinese.
    await page.getByTestId('catalogue-import-label').fill('坏表');
    const bad = new ExcelJS.Workbook();
    bad.addWorksheet('事项').addRow(['事项编码', '事项名称']);
    bad.addWorksheet('材料').addRow(['事项编码']);
    await upload(page, 'bad.xlsx', Buffer.from(await bad.xlsx.writeBuffer()));
    await expectVisibleText(page.getByTestId('catalogue-import-problems'), '缺少工作表“流程”');
    await expectVisibleText(page.getByTestId('catalogue-import-problems'), '缺少列“事项类型”');

    // The shipped catalogue file: read in the background into a draft, then published.
    await page.getByTestId('catalogue-import-label').fill('2026 年第二轮');
    await upload(page, 'standard-catalogue.xlsx', await readFile(DEMO_FILE));
    await expectVisibleText(page.getByTestId('catalogue-import-done'), '导入完成', 60_000);
    await expectVisibleText(page.getByTestId('catalogue-version'), '2026 年第二轮 · 草稿');

    // Mappings against the version before: an unknown item refused at the row, then a suspension.
    await page.getByTestId('catalogue-mappings').click();
    await page.getByTestId('catalogue-mappings-add').click();
    const row = page
      .getByTestId('catalogue-mappings-rows')
      .locator('tbody tr.ant-table-row')
      .first();
    await row.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option[title="暂停"]').click();
    await row.locator('.ant-select').nth(1).click();
    await page.keyboard.type('NO-SUCH-ITEM');
    await page.keyboard.press('Enter');
    await page.getByTestId('catalogue-mappings-save').click();
    await expectVisibleText(page.getByTestId('catalogue-mappings-error'), '对照未保存');
    await expectVisibleText(page.getByRole('dialog'), '第 1 条：');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'catalogue-mappings-1366.png') });
    await row.locator('.ant-select-selection-item-remove').first().click();
    await row.locator('.ant-select').nth(1).click();
    await page.keyboard.type('00013112800001');
    await page.keyboard.press('Enter');
    await page.getByTestId('catalogue-mappings-save').click();
    await expectVisibleText(page.getByTestId('catalogue-mappings'), '调整对照（1）');

    await page.getByTestId('catalogue-publish').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await expectVisibleText(page.getByTestId('catalogue-version'), '2026 年第二轮 · 已发布');
    await expectHidden(page.getByTestId('catalogue-publish'));
    await context.close();
  });

  it('lets a county administrator read the published versions, with nothing to import', async () => {
    const { context, page } = await openCatalogue('liucheng.admin');
    await expectVisibleText(page.getByTestId('catalogue-version'), '已发布');
    await expectVisibleText(page.getByTestId('catalogue-items'), '居民身份证首次申领');
    expect(await page.getByTestId('catalogue-import').count()).toBe(0);
    await context.close();
  });
});
