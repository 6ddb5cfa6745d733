/**
 * 投诉 in a real browser, against the real built API on a fresh demo database, in zh-CN:
 * 马山乡's manager logs a complaint at the complaint window against 综合窗口1, finds it in the
 * list (received, due in 15 working days), takes it on, and resolves it with an outcome and
 * what was done. Screenshots at 768, 1,366 and 1,920 px.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  createTestDatabase,
  startApi,
  type ApiProcess,
  type TestDatabase,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

const CONTENT = '窗口人员办理营业执照时态度生硬，未一次性告知所需材料';
const RESOLUTION = '已约谈窗口人员并批评教育，向投诉人致歉并当场补办';

describe('complaints in the browser', () => {
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

  const shots = async (page: import('playwright-core').Page, name: string) => {
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  };

  it('the manager logs a complaint against a window and resolves it with an outcome', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'mashan.manager', DEMO_PASSWORD);

    await page.getByTestId('menu-complaints').click();
    await expectVisibleText(page.getByTestId('page-title'), '投诉');
    await page.getByTestId('complaint-log').click();
    await page.getByTestId('complaint-subject').click();
    await page.locator('.ant-select-item-option', { hasText: 'C1' }).first().click();
    await page.getByTestId('complaint-channel').click();
    await page.locator('.ant-select-item-option', { hasText: '12345 热线' }).first().click();
    await page.getByTestId('complaint-name').fill('韦建国');
    await page.getByTestId('complaint-phone').fill('13907725566');
    await page.getByTestId('complaint-content').fill(CONTENT);
    await shots(page, 'complaint-log');
    await page.getByTestId('complaint-log-submit').click();

    // Logged: the detail opens, received, due as the server counted it.
    await expectVisibleText(page.getByTestId('complaint-status'), '已受理');
    const [stored] = await database.query<{ id: string; due: Date; status: string }>(
      `SELECT id, due_at AS due, status FROM complaints WHERE content = $1`,
      [CONTENT],
    );
    expect(stored.status).toBe('RECEIVED');
    expect(new URL(page.url()).pathname).toBe(`/complaints/${stored.id}`);
    const beijing = new Date(stored.due.getTime() + 8 * 3_600_000);
    const dueText = await page.getByTestId('complaint-due').innerText();
    expect(dueText).toContain(
      `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`,
    );
    expect(dueText).toContain('17:30');
    const facts = page.getByTestId('complaint-facts');
    await expectVisibleText(facts, '综合窗口1');
    await expectVisibleText(facts, '12345 热线');
    await expectVisibleText(facts, '韦建国 · 13907725566');
    await expectVisibleText(page.getByTestId('complaint-content-text'), CONTENT);

    // In the list, open and received.
    await page.getByTestId('complaint-back').click();
    const row = page.getByTestId(`complaint-row-${stored.id}`);
    await expectVisibleText(row, '窗口：综合窗口1');
    await expectVisibleText(row, '已受理');
    await shots(page, 'complaints');

    await page.getByTestId(`complaint-open-${stored.id}`).click();
    await page.getByTestId('complaint-take-on').click();
    await expectVisibleText(page.getByTestId('complaint-status'), '办理中');
    await page.getByTestId('complaint-resolve').click();
    // Without an outcome the dialog does not send.
    await page.getByTestId('complaint-resolve-text').fill(RESOLUTION);
    await page.getByTestId('complaint-resolve-submit').click();
    await expectVisibleText(page.locator('.ant-modal'), '请选择处理结论');
    await page.getByTestId('complaint-outcome-choice').getByText('部分属实').click();
    await shots(page, 'complaint-resolve');
    await page.getByTestId('complaint-resolve-submit').click();
    await expectVisibleText(page.getByTestId('complaint-status'), '已办结');
    await expectVisibleText(page.getByTestId('complaint-outcome'), '部分属实');
    await expectVisibleText(facts, RESOLUTION);
    await expectVisibleText(page.getByTestId('complaint-events'), '承办');
    await expectVisibleText(page.getByTestId('complaint-events'), '办结');
    await expectVisibleText(page.getByTestId('complaint-events'), RESOLUTION);
    await shots(page, 'complaint');

    const [resolved] = await database.query<Record<string, unknown>>(
      `SELECT status, outcome, resolution FROM complaints WHERE id = $1`,
      [stored.id],
    );
    expect(resolved).toEqual({
      status: 'RESOLVED',
      outcome: 'PARTLY_SUBSTANTIATED',
      resolution: RESOLUTION,
    });
  });
});
