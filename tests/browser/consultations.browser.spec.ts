/**
 * 咨询登记 in a real browser, against the real built API on a fresh demo database: the clerk of
 * 综合窗口1 logs a phone question about an item found on the menu by part of its name; it
 * appears on top of the log and in the counts (by channel and among the items asked most); a
 * note too long is refused by the form and nothing is written; the city official reads the
 * counts of the whole city. Screenshots at 768, 1,366 and 1,920 px in zh-CN.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createTestDatabase,
  startApi,
  type ApiProcess,
  type TestDatabase,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

const ITEM_CODE = '00013130300000';
const ITEM_NAME = '食品小作坊登记';
const NOTE = '电话询问办理地点和所需材料，已一次性告知';

async function countOf(page: Page, key: string): Promise<number> {
  const text = await page
    .getByTestId(`consultation-count-${key}`)
    .locator('.ant-statistic-content-value')
    .innerText();
  return Number(text.replace(/,/g, ''));
}

/** Waits until a figure of the counts reads `expected`; says what it read instead. */
async function expectCount(page: Page, key: string, expected: number) {
  const deadline = Date.now() + 15_000;
  let seen = NaN;
  while (Date.now() < deadline) {
    seen = await countOf(page, key).catch(() => NaN);
    if (seen === expected) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`Expected the ${key} count to read ${expected}; it reads ${seen}`);
}

describe('consultations in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const newPage = async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
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

  it('the clerk of 综合窗口1 logs a phone question; it is on top of the log and in the counts', async () => {
    const page = await newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.window', DEMO_PASSWORD);
    await page.getByTestId('menu-consultations').click();
    await expectVisibleText(page.getByTestId('page-title'), '咨询登记');
    expect(new URL(page.url()).pathname).toBe('/consultations');

    // The demo's questions at the clerk's window, none of 国土资源窗口's.
    const table = page.getByTestId('consultations-table');
    await expectVisibleText(table, '问大厅办公时间');
    expect(await table.innerText()).not.toContain('国土资源窗口');
    const counts = page.getByTestId('consultation-counts');
    await expectVisibleText(counts, '合计');
    const total = await countOf(page, 'total');
    const phone = await countOf(page, 'PHONE');
    const [{ n: rowsBefore }] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consultations`,
    );

    // The only window the clerk works is chosen in advance; in person is the default channel.
    const form = page.getByTestId('consultation-form');
    await expectVisibleText(form.locator('.ant-select-selection-item'), '综合窗口1');

    // A note of 501 characters: the form says so, and nothing is sent.
    await page.getByTestId('consultation-note').fill('问'.repeat(501));
    await page.getByTestId('consultation-submit').click();
    await expectVisibleText(form.locator('.ant-form-item-explain-error'), '备注不能超过 500 个字');
    const [{ n: rowsAfterRefusal }] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consultations`,
    );
    expect(rowsAfterRefusal).toBe(rowsBefore);

    await page.getByTestId('consultation-item').click();
    await page.getByTestId('consultation-item').locator('input').fill('小作坊');
    await page.getByTestId(`consultation-menu-${ITEM_CODE}`).click();
    await page.getByTestId('consultation-channel-PHONE').click();
    await page.getByTestId('consultation-note').fill(NOTE);
    await page.getByTestId('consultation-submit').click();
    await expectVisibleText(page.locator('.ant-message'), `已登记：${ITEM_NAME}`);

    // On top of the log, with its channel and the clerk's name.
    const top = table.locator('tr.ant-table-row').first();
    await expectVisibleText(top, ITEM_NAME);
    await expectVisibleText(top, '电话');
    await expectVisibleText(top, '综合窗口 韦丽');
    // In the counts: one more in all and by phone, and among the items asked most.
    await expectCount(page, 'total', total + 1);
    await expectCount(page, 'PHONE', phone + 1);
    await expectVisibleText(page.getByTestId('consultation-top-items'), ITEM_NAME);
    // The form is ready for the next person: item and note cleared, window and channel kept.
    await expect(page.getByTestId('consultation-note').inputValue()).resolves.toBe('');
    await expectVisibleText(form.locator('.ant-radio-button-wrapper-checked'), '电话');

    const [row] = await database.query<Record<string, unknown>>(
      `SELECT c.item_code, c.channel, c.note, u.username FROM consultations c
         JOIN users u ON u.id = c.logged_by ORDER BY c.logged_at DESC LIMIT 1`,
    );
    expect(row).toEqual({
      item_code: ITEM_CODE,
      channel: 'PHONE',
      note: NOTE,
      username: 'liucheng.window',
    });

    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `consultations-${width}.png`),
        fullPage: true,
      });
    }
  });

  it('the city official reads the counts of the whole city and logs nothing', async () => {
    const page = await newPage();
    await page.goto(`${api.baseUrl}/consultations`);
    await signIn(page, 'liuzhou.city', DEMO_PASSWORD);
    await expectVisibleText(page.getByTestId('page-title'), '咨询登记');
    await expectVisibleText(page.getByTestId('consultation-counts'), '合计');
    // This year: every consultation the demo and the test above logged.
    await page.getByTestId('consultations-period').click();
    await page.locator('.ant-select-dropdown').getByText('今年', { exact: true }).click();
    const [{ n }] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consultations
        WHERE logged_at >= date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`,
    );
    await expectCount(page, 'total', n);
    // The station's question is in the log, with the station named.
    await expectVisibleText(page.getByTestId('consultations-table'), '马山村便民服务站');
    expect(await page.getByTestId('consultation-card').count()).toBe(0);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'consultations-city-1366.png'),
      fullPage: true,
    });
  });
});
