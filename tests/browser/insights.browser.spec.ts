/**
 * 统计分析 in a real browser, against the real built API on a fresh demo database with the
 * demo's months of history, in zh-CN: the city official compares 柳城县's township centers
 * (and then every village station) for a month, opens the on-time rate and the completions of
 * 马山乡 and sees as many cases as the table says, exports the table and the list, and
 * downloads the yearly summary. Screenshots at 768, 1,366 and 1,920 px.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  API_DIST,
  createTestDatabase,
  runNode,
  startApi,
  type ApiProcess,
  type TestDatabase,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('insights in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const tenants: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const seeded = await runNode(
      join(API_DIST, 'migrate.js'),
      ['--seed-demo', '--demo-history'],
      {
        MIGRATION_DATABASE_URL: database.ownerUrl,
        DATABASE_URL: database.url,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
      },
      240_000,
    );
    expect(seeded.code).toBe(0);
    for (const row of await database.query<{ code: string; id: string }>(
      `SELECT division_code AS code, id FROM tenants`,
    )) {
      tenants[row.code] = row.id;
    }
    api = await startApi({ databaseUrl: database.url });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  const shots = async (page: Page, name: string) => {
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  };
  const choose = async (page: Page, testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: option,
      })
      .first()
      .click();
  };
  const cell = (page: Page, tenant: string, figure: string) =>
    page.getByTestId(`insight-cell-${tenants[tenant]}-${figure}`);
  /** Opens a number's cases; the drawer's count, once loaded. */
  const drill = async (page: Page, tenant: string, figure: string) => {
    await cell(page, tenant, figure).click();
    const count = page.getByTestId('insight-cases-count');
    await count.waitFor({ state: 'attached', timeout: 15_000 });
    return Number(await count.textContent());
  };

  it('the city official compares Liucheng, drills into Mashan, exports, and summarizes', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liuzhou.city', DEMO_PASSWORD);

    await page.getByTestId('menu-insights').click();
    await expectVisibleText(page.getByTestId('page-title'), '统计分析');
    // The current month by default, of the city: its counties side by side.
    const today = beijingDay(new Date());
    await expectVisibleText(
      page.getByTestId('insight-period-text'),
      `${today.slice(0, 8)}01 – ${today}`,
    );
    await expectVisibleText(page.getByTestId('insight-table'), '柳城县');

    // 柳城县: its township centers, the current month.
    await page.getByTestId('insight-tenant').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: /^柳城县$/ }).click();
    const table = page.getByTestId('insight-table');
    await expectVisibleText(table, '马山乡');
    await expectVisibleText(table, '柳城县（合计）');
    await expectVisibleText(table, '平均');
    // Every figure with its definition beside it.
    await page.getByTestId('insight-head-onTimeRate').first().hover();
    await expectVisibleText(page.locator('.ant-tooltip'), '按时办结数 ÷');
    await page.mouse.move(0, 0);
    await shots(page, 'insights');

    // The month before too (the current one may have only begun): the history has numbers.
    const numbers = async () => ({
      completions: Number(await cell(page, '450222203', 'completions').innerText()),
      openOverdue: Number(await cell(page, '450222203', 'openOverdue').innerText()),
      onTime: (await cell(page, '450222203', 'onTimeRate').innerText()).trim(),
    });
    let shown = await numbers();
    if (shown.completions + shown.openOverdue === 0) {
      await page.getByTestId('insight-period').click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .nth(1)
        .click();
      await expectVisibleText(table, '马山乡');
      await page.waitForTimeout(500);
      shown = await numbers();
    }
    expect(shown.completions).toBeGreaterThan(0);
    expect(shown.onTime).toMatch(/^\d+\.\d{2}%$/);

    // The on-time rate of 马山乡: the list is its denominator, completed + open and overdue.
    const onTimeCases = await drill(page, '450222203', 'onTimeRate');
    expect(onTimeCases).toBe(shown.completions + shown.openOverdue);
    await expectVisibleText(page.getByTestId('insight-cases-total'), '分母');
    await expectVisibleText(page.getByTestId('insight-cases-table'), '马山乡');
    await shots(page, 'insight-cases');
    const [caseExport] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('insight-cases-export').click(),
    ]);
    expect(caseExport.suggestedFilename()).toMatch(/^马山乡-按时办结率-.*\.csv$/);
    const caseLines = readFileSync((await caseExport.path())!, 'utf8')
      .trimEnd()
      .split(/\r\n/);
    expect(caseLines[0].startsWith('\uFEFF受理编号')).toBe(true);
    expect(caseLines).toHaveLength(onTimeCases + 1);
    await page.locator('.ant-drawer-close').click();

    // The completions: exactly as many cases as the number.
    expect(await drill(page, '450222203', 'completions')).toBe(shown.completions);
    await expectVisibleText(page.getByTestId('insight-cases-total'), `共 ${shown.completions} 件`);
    await page.locator('.ant-drawer-close').click();

    // The table as a spreadsheet (CSV with a byte order mark).
    const [tableExport] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('insight-export').click(),
    ]);
    expect(tableExport.suggestedFilename()).toMatch(/^统计分析-柳城县-.*\.csv$/);
    const sheet = readFileSync((await tableExport.path())!, 'utf8');
    expect(sheet.startsWith('\uFEFF')).toBe(true);
    expect(sheet).toContain('马山乡');
    expect(sheet).toContain('按时办结率');

    // Every village station of 柳城县 side by side.
    await choose(page, 'insight-tier', '村（社区）');
    await expectVisibleText(table, '柳城县（合计）');
    const villages = await database.query<{ name: string }>(
      `SELECT name FROM tenants WHERE kind = 'VILLAGE' AND division_code LIKE '450222%'`,
    );
    expect(villages.length).toBeGreaterThan(0);
    for (const village of villages) await expectVisibleText(table, village.name);
    await expect(table.getByText('马山乡', { exact: true }).count()).resolves.toBe(0);
    await shots(page, 'insights-villages');

    // The yearly summary, shown and downloaded.
    await page.getByTestId('insight-summary').click();
    await expectVisibleText(page.getByTestId('insight-summary-text'), '柳城县');
    await shots(page, 'insight-summary');
    const [summary] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('insight-summary-download').click(),
    ]);
    expect(summary.suggestedFilename()).toMatch(/\.txt$/);
    expect(readFileSync((await summary.path())!, 'utf8')).toContain('柳城县');
  });
});
