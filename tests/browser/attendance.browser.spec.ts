/**
 * 考勤 in a real browser, against the real built API on a fresh demo database, in zh-CN:
 * 马山乡's manager registers a fingerprint terminal (the token shown once), the terminal sends
 * two days of November 2026 with that token, the manager reads the month's sheet (one day
 * late), enters a forgotten clock-in with a reason, and exports the sheet as XLSX.
 * Screenshots at 768, 1,366 and 1,920 px.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createTestDatabase,
  gql,
  startApi,
  type ApiProcess,
  type TestDatabase,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

const RECORD = `mutation($input: RecordClockEventsInput!) {
  recordClockEvents(input: $input) { eventId outcome } }`;
const MANAGER = '马山乡政务服务中心主任';

describe('attendance in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

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

  const shots = async (page: Page, name: string) => {
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  };

  it('the manager registers a terminal, reads the month, enters a punch and exports the sheet', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'mashan.manager', DEMO_PASSWORD);

    await page.getByTestId('menu-attendance').click();
    await expectVisibleText(page.getByTestId('page-title'), '考勤');

    // A terminal: its token shown once.
    await page.getByTestId('attendance-terminals-tab').click();
    await page.getByTestId('terminal-register').click();
    await page.getByTestId('terminal-label').fill('一楼大厅考勤机');
    await page.getByTestId('terminal-register-submit').click();
    const tokenBox = page.getByTestId('terminal-token');
    await tokenBox.waitFor();
    const token = await tokenBox.inputValue();
    expect(token.split('.')).toHaveLength(3);
    await shots(page, 'attendance-token');
    await page.getByRole('button', { name: '我已保存' }).click();
    const terminals = page.getByTestId('attendance-terminals');
    await expectVisibleText(terminals, '一楼大厅考勤机');
    await expectVisibleText(terminals, '从未上报');

    // The terminal sends two days: on time on 2 November, late on the 3rd.
    const [{ id: staffId }] = await database.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'mashan.manager'`,
    );
    const at = (day: string, clock: string) => new Date(`${day}T${clock}:00+08:00`).toISOString();
    const sent = await gql<{ recordClockEvents: { outcome: string }[] }>(api.baseUrl, RECORD, {
      variables: {
        input: {
          terminalToken: token,
          events: [
            { eventId: '1', staffId, at: at('2026-11-02', '08:21'), direction: 'IN' },
            { eventId: '2', staffId, at: at('2026-11-02', '17:41'), direction: 'OUT' },
            { eventId: '3', staffId, at: at('2026-11-03', '08:52'), direction: 'IN' },
            { eventId: '4', staffId, at: at('2026-11-03', '17:33'), direction: 'OUT' },
          ],
        },
      },
    });
    expect(sent.errors).toBeUndefined();
    await page.getByTestId('attendance-terminals-tab').click();
    await page.reload();
    await page.getByTestId('attendance-terminals-tab').click();
    await expect(terminals.innerText()).resolves.not.toContain('从未上报');
    await shots(page, 'attendance-terminals');

    // November 2026: 21 working days, two present, one of them late.
    await page.getByRole('tab', { name: '月度考勤表' }).click();
    await page.getByTestId('attendance-month').fill('2026-11');
    const sheet = page.getByTestId('attendance-sheet');
    const row = sheet.locator('tr', { hasText: MANAGER });
    await expectVisibleText(page.getByTestId('attendance-working-days'), '21 个工作日');
    await expectVisibleText(row, MANAGER);
    expect((await row.locator('td').allInnerTexts()).map((c) => c.trim())).toEqual([
      MANAGER,
      '21',
      '2',
      '1',
      '0',
      '19',
    ]);
    await shots(page, 'attendance-sheet');

    // A forgotten clock-in on 6 November, entered by hand with the reason.
    await page.getByTestId('attendance-enter').click();
    await page.getByTestId('attendance-enter-staff').click();
    await page.locator('.ant-select-item-option', { hasText: MANAGER }).first().click();
    await page.getByTestId('attendance-enter-at').fill('2026-11-06T08:25');
    await page.getByTestId('attendance-enter-reason').fill('考勤机故障，补录上班打卡');
    await shots(page, 'attendance-enter');
    await page.getByTestId('attendance-enter-submit').click();
    // The sheet reloads once the entry is saved.
    await expectVisibleText(row.locator('td').nth(2), '3');
    expect((await row.locator('td').allInnerTexts()).map((c) => c.trim())).toEqual([
      MANAGER,
      '21',
      '3',
      '1',
      '1',
      '18',
    ]);
    const [entered] = await database.query<{ reason: string; entered: boolean }>(
      `SELECT reason, entered_by IS NOT NULL AS entered FROM attendance_events
        WHERE terminal_id IS NULL`,
    );
    expect(entered).toEqual({ reason: '考勤机故障，补录上班打卡', entered: true });

    // The sheet as XLSX, as the table shows it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('attendance-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('马山乡考勤2026-11.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.slice(2)).toEqual([[MANAGER, 21, 3, 1, 1, 18]]);
  });
});
