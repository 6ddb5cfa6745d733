/**
 * Village proxy intake (代办) in a real browser (issue 11's "done when"), against the real built
 * API on a fresh demo database: 马山村便民服务站 takes an application for 临时救助 in on a
 * villager's behalf and forwards it; 马山乡 accepts it, asks for a supplement with the one-time
 * notification, receives it, approves and completes it; the station sees the result come back
 * and hands it over. Every deadline on screen is the one the server counted, at both ends.
 * Screenshots of the station's view of the chain at 768, 1,366 and 1,920 px.
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

const ITEM = '临时救助';
const ITEM_CODE = '000111003000';

describe('village proxy intake in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let address = 0;

  const open = async (username: string): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, username, DEMO_PASSWORD);
    return page;
  };
  /** The application as the server has it, read through the API as `username`. */
  const serverView = async (username: string, id: string) => {
    const { data } = await login(api.baseUrl, username, DEMO_PASSWORD, {
      'X-Forwarded-For': `10.13.0.${++address}`,
    });
    const read = await gql<{
      application: {
        status: string;
        acceptedAt: string | null;
        acceptanceDueAt: string | null;
        promisedDeadline: string | null;
        statutoryDeadline: string | null;
      };
    }>(
      api.baseUrl,
      `query($id: ID!) { application(id: $id) {
         status acceptedAt acceptanceDueAt promisedDeadline statutoryDeadline } }`,
      { token: data!.login.accessToken, variables: { id } },
    );
    return read.data!.application;
  };
  const status = (page: Page) => page.getByTestId('detail-actions').locator('.ant-tag').first();
  const openFromQueue = async (page: Page, receipt: string) => {
    await page.getByTestId('menu-workQueue').click();
    await expectVisibleText(page.getByTestId('page-title'), '待办');
    await page
      .getByTestId('queue-table')
      .locator('tr', { hasText: receipt })
      .getByTestId('queue-open')
      .click();
    await expectVisibleText(page.getByTestId('page-title'), receipt);
    return new URL(page.url()).pathname.split('/').at(-1)!;
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

  it('takes a case in at the station, has the township decide it, and hands the result back', async () => {
    // The station takes it in: 临时救助 is only taken in at a village.
    const station = await open('village.staff');
    await station.getByTestId('menu-applications').click();
    await station.getByTestId('intake-item').click();
    await station.getByTestId('intake-item').locator('input').fill(ITEM);
    await station.getByTestId(`intake-menu-${ITEM_CODE}`).click();
    await station.getByTestId('intake-applicant-name').fill('韦秀英');
    await station.getByTestId('intake-submit').click();
    const receipt = (await station.getByTestId('intake-receipt-number').innerText()).trim();
    expect(receipt).toMatch(/^MSC-\d{8}-\d{4}$/);

    // It forwards it: the nearest center above that decides it is offered first.
    const stationId = await openFromQueue(station, receipt);
    await station.getByTestId('act-FORWARD').click();
    const targets = station.getByTestId('act-target').locator('.ant-radio-wrapper');
    expect(await targets.allInnerTexts()).toEqual(['马山乡', '柳城县']);
    await station.getByTestId('act-confirm').click();
    await expectVisibleText(status(station), '已转报');
    const chain = station.getByTestId('detail-chain');
    await expectVisibleText(chain, '已转报至 马山乡');
    await expectVisibleText(chain, receipt);

    // The township finds it on its queue under the same receipt, from the station.
    const township = await open('mashan.manager');
    const townshipId = await openFromQueue(township, receipt);
    await expectVisibleText(township.getByTestId('detail-chain'), '来自 马山村便民服务站 代办');
    const arrived = await serverView('mashan.manager', townshipId);
    await expectVisibleText(township.getByTestId('clock-facts'), shown(arrived.acceptanceDueAt!));

    await township.getByTestId('act-ACCEPT').click();
    await expectVisibleText(status(township), '已受理');
    let server = await serverView('mashan.manager', townshipId);
    await expectVisibleText(township.getByTestId('clock-facts'), shown(server.promisedDeadline!));
    await expectVisibleText(township.getByTestId('clock-facts'), shown(server.statutoryDeadline!));

    // 补正 after acceptance: the clock stops until the materials come in.
    await township.getByTestId('act-REQUEST_SUPPLEMENT').click();
    await township.getByTestId('act-materials').locator('.ant-checkbox-wrapper').first().click();
    await township.getByTestId('act-confirm').click();
    await expectVisibleText(status(township), '暂停计时');
    await expectVisibleText(township.getByTestId('clock-paused'), '计时暂停');
    await township.getByTestId('act-RECEIVE_SUPPLEMENT').click();
    await expectVisibleText(status(township), '审查中');
    server = await serverView('mashan.manager', townshipId);
    // The deadline moved by the paused days, as the server counted it.
    await expectVisibleText(township.getByTestId('clock-facts'), shown(server.promisedDeadline!));

    // The station sees where its case stands, with the township's deadlines.
    await station.getByTestId('detail-reload').click();
    await expectVisibleText(chain, '审查中');
    await expectVisibleText(chain, shown(server.promisedDeadline!));
    await expectVisibleText(chain, shown(server.statutoryDeadline!));

    await township.getByTestId('act-APPROVE').click();
    await township.getByTestId('act-confirm').click();
    await expectVisibleText(status(township), '准予许可');
    await township.getByTestId('act-COMPLETE').click();
    await expectVisibleText(status(township), '已办结');

    // Back at the station: the result waits to be handed over.
    await station.getByTestId('detail-reload').click();
    await expectVisibleText(status(station), '结果待交付');
    await expectVisibleText(chain, '已办结');
    for (const width of [768, 1366, 1920]) {
      await station.setViewportSize({ width, height: 900 });
      await station.screenshot({
        path: `${SCREENSHOT_DIR}/proxy-chain-station-${width}.png`,
        fullPage: true,
      });
    }
    await station.setViewportSize({ width: 1366, height: 900 });
    await station.getByTestId('act-HAND_BACK').click();
    await station.getByTestId('act-reason').fill('韦秀英本人签收');
    await station.getByTestId('act-confirm').click();
    await expectVisibleText(status(station), '已办结');
    expect((await serverView('village.staff', stationId)).status).toBe('COMPLETED');
    const steps = await station
      .getByTestId('timeline-event')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')));
    expect(steps).toEqual(['SUBMIT', 'FORWARD', 'RESULT_RETURNED', 'HAND_BACK']);
    await expectVisibleText(station.getByTestId('detail-timeline'), '韦秀英本人签收');
    await township.screenshot({ path: `${SCREENSHOT_DIR}/proxy-chain-township-1366.png` });
  });
});
