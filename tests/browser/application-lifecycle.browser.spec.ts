/**
 * The lifecycle in a real browser (issue 11), against the real built API on a fresh demo
 * database: the clerk of 综合窗口1 opens the work queue, most urgent first; on an application
 * asks for a supplement with the one-time notification (a form sent without a material is
 * refused by the form), prints it, receives the materials, accepts — the promised deadline
 * shown is the one the server counted — reviews, approves and completes it. Screenshots of
 * the queue and the application at 768, 1,366 and 1,920 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
  gql,
  login,
  startApi,
  type TestDatabase,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

/** How the app writes a moment in zh-CN (Beijing time), as format.ts does. */
const shown = (value: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(value));

describe('the application lifecycle in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const act = async (action: string) => {
    await page.getByTestId(`act-${action}`).click();
  };
  const status = () => page.getByTestId('detail-actions').locator('.ant-tag').first();

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

  it('works an application from the queue to completion, with its deadlines as counted', async () => {
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.window', DEMO_PASSWORD);
    await page.getByTestId('menu-workQueue').click();
    await expectVisibleText(page.getByTestId('page-title'), '待办');
    const table = page.getByTestId('queue-table');
    await expectVisibleText(table, '食品经营许可（新办）');
    // Most urgent first: every waiting row carries its urgency.
    const urgencies = await page
      .getByTestId('queue-remaining')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-urgency')));
    expect(urgencies.length).toBeGreaterThan(0);
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/work-queue-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    await table
      .locator('tr', { hasText: '食品经营许可（新办）' })
      .getByTestId('queue-open')
      .click();
    await expectVisibleText(page.getByTestId('page-title'), '办件');
    await expectVisibleText(status(), '收件');
    const id = new URL(page.url()).pathname.split('/').at(-1)!;

    // 补正: the form refuses it without a material, then the notification lists the one chosen.
    await act('REQUEST_SUPPLEMENT');
    await page.getByTestId('act-confirm').click();
    await expectVisibleText(page.locator('.ant-form-item-explain'), '请至少选择一项材料');
    const firstMaterial = page
      .getByTestId('act-materials')
      .locator('.ant-checkbox-wrapper')
      .first();
    const materialName = (await firstMaterial.locator('input').getAttribute('value'))!;
    await firstMaterial.click();
    await page.getByTestId('act-confirm').click();
    await expectVisibleText(status(), '补正');
    await expectVisibleText(page.getByTestId('detail-timeline'), '一次性告知补正');
    await page.getByTestId('print-notice').click();
    await expectVisibleText(page.getByTestId('print-sheet-notice'), materialName);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/one-time-notice-1366.png` });
    await page.locator('.ant-modal-close').click();
    await page.getByTestId('print-sheet-notice').waitFor({ state: 'hidden' });

    await act('RECEIVE_SUPPLEMENT');
    await expectVisibleText(status(), '收件');
    await act('ACCEPT');
    await expectVisibleText(status(), '受理');

    // The deadline shown is the one the server counted (and the unit and e2e tests check).
    const { data } = await login(api.baseUrl, 'liucheng.window', DEMO_PASSWORD, {
      'X-Forwarded-For': '10.12.0.1',
    });
    const read = await gql<{
      application: { promisedDeadline: string; statutoryDeadline: string };
    }>(
      api.baseUrl,
      `query($id: ID!) { application(id: $id) { promisedDeadline statutoryDeadline } }`,
      {
        token: data!.login.accessToken,
        variables: { id },
      },
    );
    const facts = page.getByTestId('clock-facts');
    await expectVisibleText(facts, shown(read.data!.application.promisedDeadline));
    await expectVisibleText(facts, shown(read.data!.application.statutoryDeadline));

    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/application-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    await act('START_REVIEW');
    await expectVisibleText(status(), '审查');
    await act('APPROVE');
    await page.getByTestId('act-confirm').click();
    await expectVisibleText(status(), '准予');
    await act('COMPLETE');
    await expectVisibleText(status(), '办结');
    await expectVisibleText(page.getByTestId('detail-actions'), '当前没有您可以办理的操作');
    const steps = await page
      .getByTestId('timeline-event')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')));
    expect(steps).toEqual([
      'SUBMIT',
      'REQUEST_SUPPLEMENT',
      'RECEIVE_SUPPLEMENT',
      'ACCEPT',
      'START_REVIEW',
      'APPROVE',
      'COMPLETE',
    ]);
  });
});
