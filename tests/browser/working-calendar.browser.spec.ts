/**
 * The working calendar in a real browser (issue 11): the platform operator opens 工作日历,
 * sees 2026 with the Spring Festival off and its make-up Saturday worked, enters 2027 with a
 * make-up day on a weekday (refused, the problem named, nothing written), then as it should
 * be; the year shows as entered. Screenshots at 768, 1,366 and 1,920 px in zh-CN.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
  startApi,
  type TestDatabase,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

describe('the working calendar in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const dayReason = (date: string) =>
    page.locator(`[data-testid="calendar-day"][data-date="${date}"]`).getAttribute('data-reason');

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: database.url });
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  it('shows 2026 as the notices say, and enters 2027 once it is right', async () => {
    await page.goto(api.baseUrl);
    await signIn(page, 'platform', DEMO_PASSWORD);
    await page.getByTestId('menu-calendar').click();
    await expectVisibleText(page.getByTestId('page-title'), '工作日历');
    const yearInput = page
      .locator('[data-testid="calendar-year"] input, input[data-testid="calendar-year"]')
      .first();
    await yearInput.fill('2026');
    await yearInput.press('Tab');
    await page.locator('[data-testid="calendar-day"][data-date="2026-02-17"]').waitFor();
    expect(await dayReason('2026-02-17')).toBe('DAY_OFF');
    expect(await dayReason('2026-02-14')).toBe('ADJUSTED_WORKDAY');
    expect(await dayReason('2026-03-03')).toBe('WEEKDAY');
    await expectVisibleText(page.getByTestId('calendar-layers'), '国务院办公厅');
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/calendar-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // 2027: a make-up day on a Monday is refused, the problem named.
    await page.getByTestId('calendar-enter').click();
    await page
      .locator(
        '[data-testid="calendar-enter-year"] input, input[data-testid="calendar-enter-year"]',
      )
      .first()
      .fill('2027');
    await page.getByTestId('calendar-notice-title').fill('测试用 2027 年节假日安排');
    await page.getByTestId('calendar-add-dayoff').click();
    await page.getByTestId('calendar-dayoff-name').fill('元旦');
    await page.getByTestId('calendar-dayoff-first').fill('2027-01-01');
    await page.getByTestId('calendar-dayoff-last').fill('2027-01-03');
    const adjusted = page.getByTestId('calendar-adjusted').locator('input');
    await adjusted.fill('2027-02-15');
    await adjusted.press('Enter');
    await page.getByTestId('calendar-enter-save').click();
    await expectVisibleText(page.getByTestId('calendar-problems'), '2027-02-15');
    await expect(
      page
        .locator('[data-testid="calendar-problems"] li[data-code="ADJUSTED_WORKDAY_ON_WEEKDAY"]')
        .count(),
    ).resolves.toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/calendar-refused-1366.png` });
    const [{ n: before }] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM national_calendar_years`,
    );
    expect(before).toBe(0);

    // Corrected: a Saturday.
    await page.locator('.ant-select-selection-item-remove').first().click();
    await adjusted.fill('2027-02-13');
    await adjusted.press('Enter');
    await page.getByTestId('calendar-enter-save').click();
    await page.getByTestId('calendar-enter-save').waitFor({ state: 'hidden' });
    await expectVisibleText(page.getByTestId('calendar-layers'), '测试用 2027 年节假日安排');
    const [{ n: after }] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM national_calendar_years WHERE year = 2027`,
    );
    expect(after).toBe(1);
  });
});
