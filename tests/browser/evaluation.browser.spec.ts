/**
 * 好差评 and 差评整改 in a real browser, against the real built API on a fresh demo database:
 * 马山乡's manager registers an evaluation device at 综合窗口1 (its token shown once); an
 * application completed there is rated 2 by the device (through the API, as the device does);
 * the manager finds the rectification case, due in 15 working days, cannot close it before a
 * callback, records who called, when and what was agreed, and closes it with an outcome. The
 * applicant's public rating page rates a link once. Screenshots at 768, 1,366 and 1,920 px.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  createTestDatabase,
  gql,
  login,
  startApi,
  type ApiProcess,
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

const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id version receiptNumber } }`;
const COMPLETE = `mutation($input: ActInput!) { completeOnTheSpot(input: $input) { id } }`;
const RATE = `mutation($input: RateByDeviceInput!) { rateByDevice(input: $input) { badReview } }`;
const ISSUE_LINK = `mutation($applicationId: ID!) { issueEvaluationLink(applicationId: $applicationId) { token } }`;
const AGREED = '解释办理时限，约定下次提前电话告知所需材料';
const OUTCOME = '已回访，申请人表示理解；窗口补充一次性告知单';

describe('evaluation in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let managerToken: string;
  let windowId: string;
  let itemCode: string;

  const newPage = async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    return context.newPage();
  };
  /** An on-the-spot application taken in and completed at 马山乡 综合窗口1 by its manager. */
  const completed = async (name: string) => {
    const submitted = await gql<{
      submitApplication: { id: string; version: number; receiptNumber: string };
    }>(api.baseUrl, SUBMIT, {
      token: managerToken,
      variables: { input: { windowId, itemCode, applicant: { name } } },
    });
    expect(submitted.errors).toBeUndefined();
    const { id, version, receiptNumber } = submitted.data!.submitApplication;
    const done = await gql(api.baseUrl, COMPLETE, {
      token: managerToken,
      variables: { input: { id, version } },
    });
    expect(done.errors).toBeUndefined();
    return { id, receiptNumber };
  };

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: database.url });
    browser = await launchBrowser();
    managerToken = (await login(api.baseUrl, 'mashan.manager', DEMO_PASSWORD)).data!.login
      .accessToken;
    [{ id: windowId }] = await database.query<{ id: string }>(
      `SELECT w.id FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
        WHERE t.division_code = '450222203' AND w.code = 'C1'`,
    );
    [{ code: itemCode }] = await database.query<{ code: string }>(
      `SELECT l.code FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
        WHERE t.division_code = '450222203' AND l.promised_days IS NULL AND NOT l.read_only
        ORDER BY l.code LIMIT 1`,
    );
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  it('a device rating of 2 opens a case that the manager closes with a callback record', async () => {
    const page = await newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'mashan.manager', DEMO_PASSWORD);

    // The device: registered at 综合窗口1, its token shown once.
    await page.getByTestId('menu-evaluationDevices').click();
    await expectVisibleText(page.getByTestId('page-title'), '评价器');
    await page.getByTestId('device-register').click();
    await page.getByTestId('device-window').click();
    await page.locator('.ant-select-item-option', { hasText: 'C1' }).first().click();
    await page.getByTestId('device-label').fill('综合窗口1 评价器');
    await page.getByTestId('device-register-submit').click();
    const tokenBox = page.getByTestId('device-token');
    await tokenBox.waitFor();
    const deviceToken = await tokenBox.inputValue();
    expect(deviceToken.split('.')).toHaveLength(3);
    await page.getByRole('button', { name: '我已保存令牌' }).click();
    await expectVisibleText(page.getByTestId('devices'), '综合窗口1 评价器');
    await expectVisibleText(page.getByTestId('devices'), '从未使用');

    // The applicant at the window presses 不满意 on the device.
    const application = await completed('差评申请人');
    const rated = await gql<{ rateByDevice: { badReview: boolean } }>(api.baseUrl, RATE, {
      variables: { input: { deviceToken, rating: 2 } },
    });
    expect(rated.data?.rateByDevice.badReview).toBe(true);
    const [stored] = await database.query<{ id: string; due: Date; rated: Date }>(
      `SELECT r.id, r.due_at AS due, e.rated_at AS rated FROM rectification_cases r
         JOIN evaluations e ON e.id = r.evaluation_id WHERE r.application_id = $1`,
      [application.id],
    );
    expect(stored).toBeDefined();

    await page.getByTestId('menu-rectification').click();
    await expectVisibleText(page.getByTestId('page-title'), '差评整改');
    const row = page.getByTestId(`rectification-row-${application.id}`);
    await expectVisibleText(row, application.receiptNumber);
    await expectVisibleText(row, '2 · 不满意');
    await expectVisibleText(row, '整改中');
    await page.getByTestId(`rectification-open-${stored.id}`).click();
    expect(new URL(page.url()).pathname).toBe(`/rectification/${stored.id}`);
    const facts = page.getByTestId('rectification-facts');
    await expectVisibleText(facts, '国标满意度代码');
    await expectVisibleText(facts, '评价器');
    // Due as the server counted it: the Beijing day of the stored due moment, at 17:30.
    const beijing = new Date(stored.due.getTime() + 8 * 3_600_000);
    const dueText = await page.getByTestId('rectification-due').innerText();
    expect(dueText).toContain(
      `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`,
    );
    expect(dueText).toContain('17:30');
    // No callback yet: closing is not offered.
    await expect(page.getByTestId('rectification-close').isDisabled()).resolves.toBe(true);
    await expectVisibleText(page.getByTestId('rectification-callbacks'), '尚无回访记录');

    await page.getByTestId('rectification-callback').click();
    await page.getByTestId('callback-caller').fill('马山乡 黄主任');
    await page.getByTestId('callback-agreed').fill(AGREED);
    await page.getByTestId('callback-submit').click();
    await expectVisibleText(page.getByTestId('rectification-callbacks'), AGREED);
    await expectVisibleText(page.getByTestId('rectification-callbacks'), '马山乡 黄主任');

    await page.getByTestId('rectification-close').click();
    await page.getByTestId('close-outcome').fill(OUTCOME);
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `rectification-close-${width}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByTestId('close-submit').click();
    await expectVisibleText(page.getByTestId('rectification-status'), '已办结');
    await expectVisibleText(facts, OUTCOME);

    const [closed] = await database.query<Record<string, unknown>>(
      `SELECT r.status, r.outcome, (SELECT count(*)::int FROM rectification_callbacks c
                                     WHERE c.case_id = r.id) AS callbacks
         FROM rectification_cases r WHERE r.id = $1`,
      [stored.id],
    );
    expect(closed).toEqual({ status: 'CLOSED', outcome: OUTCOME, callbacks: 1 });

    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `rectification-${width}.png`),
        fullPage: true,
      });
    }
    // The device was last seen when it rated.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByTestId('menu-evaluationDevices').click();
    await expectVisibleText(page.getByTestId('devices'), '使用中');
    await expectHidden(page.getByTestId('devices').getByText('从未使用'));
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `evaluation-devices-${width}.png`),
        fullPage: true,
      });
    }
  });

  it('the public rating page rates a link once, without signing in', async () => {
    const application = await completed('链接评价人');
    const issued = await gql<{ issueEvaluationLink: { token: string } }>(api.baseUrl, ISSUE_LINK, {
      token: managerToken,
      variables: { applicationId: application.id },
    });
    const token = issued.data!.issueEvaluationLink.token;
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${api.baseUrl}/rate#${token}`);
    await expectVisibleText(page.getByTestId('rate-subject'), '马山乡');
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `rate-${width}.png`), fullPage: true });
    }
    await page.getByTestId('rate-5').click();
    await expectVisibleText(page.getByTestId('rate-thanks'), '感谢您的评价');
    const [rating] = await database.query<Record<string, unknown>>(
      `SELECT rating, channel FROM evaluations WHERE application_id = $1`,
      [application.id],
    );
    expect(rating).toEqual({ rating: 5, channel: 'LINK' });

    // The same link again: used.
    await page.reload();
    await expectVisibleText(page.getByTestId('rate-error'), '该评价链接已使用过');
  });
});
