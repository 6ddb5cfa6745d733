/**
 * Village stations in bulk (issue 8), in the browser: the template downloads, a sheet with
 * problems is shown row by row in Chinese with the sheet back (a problems column), and a good
 * sheet opens every station at once with each one's setup link shown once.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
  startApi,
  type TestDatabase,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

const HEADER = ['行政区划代码', '服务站名称', '代办员用户名', '代办员姓名', '窗口名称'];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('村居');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, rows: string[][]) {
  await page
    .getByTestId('village-sheet-upload')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: await xlsx(rows) });
}

describe('village stations in bulk', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: database.url });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  it('template, a sheet with problems (and back), then one run that opens them all', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', DEMO_PASSWORD);
    await page.getByTestId('menu-villageSheet').click();
    await expectVisibleText(page.getByTestId('page-title'), '批量开通村站');

    await page.getByTestId('village-sheet-parent').click();
    await page.locator('.ant-select-item-option', { hasText: '马山乡' }).click();

    // The template: an XLSX with the header the server reads.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('village-sheet-template').click(),
    ]);
    expect(template.suggestedFilename()).toBe('村站开通表.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await template.path())!)) as unknown as ArrayBuffer);
    const header = (book.worksheets[0].getRow(1).values as string[]).filter(Boolean);
    expect(header.join()).toContain('行政区划代码');

    // A sheet with problems: shown by row, in Chinese; nothing can run; the sheet comes back.
    await upload(page, 'stations.xlsx', [
      HEADER,
      ['450222203203', '马山乡新村村便民服务站', 'xincun.staff', '覃明', ''],
      ['450222100203', '错乡村便民服务站', 'wrong.staff', '韦一', ''],
      ['450222203204', '', 'mashan.manager', '韦二', ''],
    ]);
    const problems = page.getByTestId('village-sheet-problems');
    await expectVisibleText(page.getByTestId('village-sheet-verdict'), '发现');
    await expectVisibleText(problems, '行政区划代码必须以上级代码 450222203 开头');
    await expectVisibleText(problems, '用户名 mashan.manager 已被使用');
    await expectVisibleText(problems, '未填写');
    await expect(page.getByTestId('village-sheet-run').isDisabled()).resolves.toBe(true);
    await page.screenshot({
      path: `${SCREENSHOT_DIR}/tongban-village-sheet-problems-zh-CN.png`,
      fullPage: true,
    });
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('village-sheet-report').click(),
    ]);
    expect(report.suggestedFilename()).toBe('村站开通表-问题.xlsx');
    expect((await readFile((await report.path())!)).subarray(0, 2).toString()).toBe('PK');

    // A good sheet: all clear, one run opens both, each with its link shown once.
    await upload(page, 'stations-fixed.xlsx', [
      HEADER,
      ['450222203203', '马山乡新村村便民服务站', 'xincun.staff', '覃明', ''],
      ['450222203204', '马山乡古砦村便民服务站', 'guzhai.staff', '韦一', '代办窗口'],
    ]);
    await expectVisibleText(page.getByTestId('village-sheet-verdict'), '检查通过');
    await expectVisibleText(page.getByTestId('village-sheet-rows'), '马山乡古砦村便民服务站');
    await page.getByTestId('village-sheet-run').click();
    const done = page.getByTestId('village-sheet-done');
    await expectVisibleText(done, '已在 马山乡 下开通 2 个服务站');
    await expectVisibleText(done, '开通中');
    const link = await page.getByTestId('village-sheet-link-450222203204').inputValue();
    expect(link).toMatch(/\/setup#/);
    await page.screenshot({
      path: `${SCREENSHOT_DIR}/tongban-village-sheet-done-zh-CN.png`,
      fullPage: true,
    });
    await context.close();
  });
});
