/**
 * Electronic supervision in a real browser (issue 12's "done when"), against the real built API
 * on a fresh demo database whose clock the test moves forward (TEST_CLOCK_FILE; never a
 * sleep): an application of 柳城县 is accepted; as its deadline nears the supervisor's sweep
 * shows a yellow card, past it a red one; the supervisor closes the red card with a note (not
 * without one). Screenshots of the console at 768, 1,366 and 1,920 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
  gql,
  login,
  startApi,
  TestClock,
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

describe('electronic supervision in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const clock = new TestClock();

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: database.url, env: clock.env });
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

  it('shows a case turn yellow, then red, and the supervisor closes the card with a note', async () => {
    // The clerk takes an application in and accepts it (through the API: the lifecycle's
    // browser test covers those screens).
    const { data } = await login(api.baseUrl, 'liucheng.window', DEMO_PASSWORD, {
      'X-Forwarded-For': '10.15.0.1',
    });
    const token = data!.login.accessToken;
    const [{ id: windowId }] = await database.query<{ id: string }>(
      `SELECT w.id FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
        WHERE t.division_code = '450222' AND w.code = 'C1'`,
    );
    const taken = await gql<{ submitApplication: { id: string; receiptNumber: string } }>(
      api.baseUrl,
      `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
         id receiptNumber } }`,
      {
        token,
        variables: {
          input: { windowId, itemCode: '00013130100001', applicant: { name: '覃监察' } },
        },
      },
    );
    const { id, receiptNumber } = taken.data!.submitApplication;
    const accepted = await gql<{ acceptApplication: { promisedDeadline: string } }>(
      api.baseUrl,
      `mutation($input: ActInput!) { acceptApplication(input: $input) { promisedDeadline } }`,
      { token, variables: { input: { id, version: 1 } } },
    );
    const due = new Date(accepted.data!.acceptApplication.promisedDeadline).getTime();

    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.supervisor', DEMO_PASSWORD);
    await page.getByTestId('menu-supervision').click();
    await expectVisibleText(page.getByTestId('page-title'), '电子监察');
    const row = page.getByTestId(`warning-row-${receiptNumber}`);

    // An hour before the deadline: a yellow card.
    clock.advance(due - 3600_000 - Date.now());
    await page.getByTestId('supervision-sweep').click();
    await expectVisibleText(page.locator('.ant-message'), '巡检完成');
    await expectVisibleText(row, '黄牌');
    await expectVisibleText(page.getByTestId('supervision-board'), '综合窗口1');

    // Past it: a red card too.
    clock.advance(2 * 3600_000);
    await page.getByTestId('supervision-sweep').click();
    const red = page.locator(`[data-testid="warning-row-${receiptNumber}"]`, {
      has: page.locator('[data-level="RED"]'),
    });
    await expectVisibleText(red, '红牌');
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/supervision-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // Closed only with a note of what was done.
    await red.getByTestId('warning-close').click();
    await page.getByTestId('warning-close-confirm').click();
    await expectVisibleText(page.locator('.ant-form-item-explain'), '请填写处置说明');
    await page.getByTestId('warning-note').fill('已约谈窗口负责人，当日办结');
    await page.getByTestId('warning-close-confirm').click();
    await expectHidden(page.getByTestId('warning-note'));
    // Open cards are listed by default: the closed one has left the list.
    await expectHidden(red);
    await page.getByTestId('supervision-status').click();
    await page.locator('.ant-select-item-option', { hasText: '已处置' }).click();
    await expectVisibleText(
      page.getByTestId(`warning-row-${receiptNumber}`).getByTestId('warning-closed'),
      '已约谈窗口负责人，当日办结',
    );
    const [{ status, note }] = await database.query<{ status: string; note: string }>(
      `SELECT status, note FROM application_warnings WHERE application_id = $1 AND level = 'RED'`,
      [id],
    );
    expect({ status, note }).toEqual({ status: 'CLOSED', note: '已约谈窗口负责人，当日办结' });
  });
});
