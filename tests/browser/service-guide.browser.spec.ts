/**
 * The public service guide in the browser (issue 9 item 7): anyone opens a center's guide at
 * /guide/<division code> without signing in (no token on any request), finds an item by
 * name, reads its whole guide, prints it alone, and ticks the materials they have to get the
 * one-time notification of everything still missing.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
  gql,
  startApi,
  type TestDatabase,
} from '@tongban/test-support';
import { expectVisibleText, launchBrowser, SCREENSHOT_DIR } from './harness';

const ITEM = `query($code: String!) { serviceGuideItem(divisionCode: "450222", code: $code) {
  code name materials { name required } } }`;
const SEARCH = `query { serviceGuideItems(divisionCode: "450222", search: "最低生活保障", first: 5) {
  nodes { code name } } }`;

describe('the public service guide', () => {
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

  it('lists, finds, shows, prints and tells what is missing, without signing in', async () => {
    const found = await gql<{ serviceGuideItems: { nodes: { code: string; name: string }[] } }>(
      api.baseUrl,
      SEARCH,
    );
    const target = found.data!.serviceGuideItems.nodes[0];
    const guide = (
      await gql<{ serviceGuideItem: { materials: { name: string; required: boolean }[] } }>(
        api.baseUrl,
        ITEM,
        { variables: { code: target.code } },
      )
    ).data!.serviceGuideItem;
    const required = guide.materials.filter((m) => m.required).map((m) => m.name);
    expect(required.length).toBeGreaterThanOrEqual(2);

    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) {
        const header = request.headers()['authorization'];
        if (header) authorizations.push(header);
      }
    });
    await page.goto(`${api.baseUrl}/guide/450222`);
    await expectVisibleText(page.getByTestId('guide-center-name'), '柳城');
    await expectVisibleText(page.getByTestId('guide-count'), '已显示 60 项');
    expect(await page.getByTestId('guide-item').count()).toBe(60);
    // Kiosk sizes: touch targets at least 48 px high, 18 px text.
    const submit = await page.getByTestId('guide-search-submit').boundingBox();
    expect(submit!.height).toBeGreaterThanOrEqual(48);
    const fontSize = await page
      .locator('.guide-page')
      .evaluate((element) => getComputedStyle(element).fontSize);
    expect(fontSize).toBe('18px');

    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `guide-${width}.png`), fullPage: false });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByTestId('guide-search').fill('最低生活保障');
    await page.getByTestId('guide-search').press('Enter');
    await expectVisibleText(page.getByTestId('guide-items'), target.name);
    const names = await page.getByTestId('guide-item').locator('.guide-card-name').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain('最低生活保障');

    await page.locator(`[data-testid=guide-item][data-code="${target.code}"]`).click();
    await expectVisibleText(page.getByTestId('guide-item-name'), target.name);
    for (const material of guide.materials) {
      await expectVisibleText(page.getByTestId('guide-materials'), material.name);
    }
    expect(new URL(page.url()).search).toBe(`?item=${target.code}`);

    // Printing puts the guide alone on paper (window.print stubbed: no dialog in a test).
    await page.evaluate(() => {
      const record = window as unknown as { printed?: string | null };
      window.print = () => {
        record.printed = document.querySelector('[data-print-target=true]')?.textContent ?? null;
      };
    });
    await page.getByTestId('guide-print').click();
    const printed = await page.evaluate(() => (window as unknown as { printed?: string }).printed);
    expect(printed).toContain(target.name);
    expect(printed).toContain(guide.materials[0].name);
    expect(printed).not.toContain('一次性告知');

    // One-time notification: one required material ticked, the others listed at once.
    const tick = (name: string) =>
      page.locator(`[data-testid=guide-material-check][data-material="${name}"]`).check();
    await tick(required[0]);
    await page.getByTestId('guide-check').click();
    const missing = page.getByTestId('guide-missing');
    for (const name of required.slice(1)) await expectVisibleText(missing, name);
    expect(await missing.innerText()).not.toContain(required[0]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'guide-item-1366.png'), fullPage: true });

    await page.getByTestId('guide-notification-print').click();
    const notice = await page.evaluate(() => (window as unknown as { printed?: string }).printed);
    expect(notice).toContain('一次性告知单');
    expect(notice).toContain(required[1]);

    // Everything ticked: complete.
    for (const name of required) {
      await tick(name);
    }
    await page.getByTestId('guide-check').click();
    await expectVisibleText(page.getByTestId('guide-complete'), '必交材料已齐全');

    await page.getByTestId('guide-back').click();
    await expectVisibleText(page.getByTestId('guide-count'), '项');
    expect(authorizations).toEqual([]);
    await context.close();
  });

  it('says there is no guide for an unknown center', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/guide/999999`);
    await expectVisibleText(page.getByTestId('guide-not-found'), '没有找到该服务中心的办事指南');
    await context.close();
  });
});
