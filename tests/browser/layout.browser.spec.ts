/**
 * What the admin app costs and how it fits: the JavaScript the login page downloads
 * (compressed, as the API serves it), and the shell at 768, 1,366 and 1,920 px wide — no
 * sideways page scroll, logout and the language switch in sight, the applications table
 * whole at 1,366. Screenshots of the main pages at each width go to SCREENSHOT_DIR/shots.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
  startApi,
  type TestDatabase,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

const SHOTS = `${SCREENSHOT_DIR}/shots`;
const LOGIN_JS_BUDGET = 300 * 1024;
const WIDTHS = [768, 1366, 1920] as const;

/** Bytes on the wire (compressed) of the scripts a page load fetches, from the DevTools protocol. */
async function scriptBytesOf(page: Page, load: () => Promise<void>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map<string, { url: string; encoding: string }>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') {
      const headers = event.response.headers as Record<string, string>;
      const encoding = headers['content-encoding'] ?? headers['Content-Encoding'] ?? 'identity';
      scripts.set(event.requestId, { url: event.response.url, encoding });
    }
  });
  cdp.on('Network.loadingFinished', (event) => {
    bytes.set(event.requestId, event.encodedDataLength);
  });
  await load();
  await page.waitForLoadState('networkidle');
  const files = [...scripts].map(([id, script]) => ({ ...script, bytes: bytes.get(id) ?? 0 }));
  return { files, total: files.reduce((sum, file) => sum + file.bytes, 0) };
}

/** Whether the page scrolls sideways, and whether `testId` is fully inside the viewport. */
async function fits(page: Page) {
  return page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: scroller.scrollWidth, innerWidth: window.innerWidth };
  });
}

async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).first().boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= width + 0.5;
}

describe('admin app: weight and layout', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: database.url });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  it('the login page loads at most 300 KB of compressed JavaScript', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const { files, total } = await scriptBytesOf(page, async () => {
      await page.goto(api.baseUrl);
      await expectVisibleText(page.getByTestId('login-title'), '登录');
    });
    const listing = files.map((f) => `${f.url} ${f.encoding} ${f.bytes}`).join('\n');
    expect(files.length).toBeGreaterThan(0);
    // Served compressed, and within budget.
    expect(files.every((f) => f.encoding === 'br' || f.encoding === 'gzip')).toBe(true);
    if (total > LOGIN_JS_BUDGET) throw new Error(`login JS ${total} B > budget:\n${listing}`);
    // Nothing of the signed-in app comes along.
    expect(listing).not.toMatch(/SignedIn|TenantsPage|ApplicationsPage|OnboardingPage/);
    await context.close();
  });

  it.each(WIDTHS)('fits %i px: no sideways scroll, logout and language in sight', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await page.screenshot({ path: `${SHOTS}/login-${width}.png` });
    await signIn(page, 'liucheng.admin', DEMO_PASSWORD);
    // Generous: password hashing is slow on a busy machine.
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县', 45_000);

    const pages: [string, string, string][] = [
      ['home', '/', 'welcome-tenant'],
      ['applications', '/applications', 'applications-table'],
      ['tenants', '/tenants', 'tenant-tree'],
      ['windows', '/windows', 'windows-table'],
      ['staff', '/staff', 'staff-table'],
      ['onboarding', '/onboarding', 'page-title'],
      ['village-sheet', '/village-sheet', 'page-title'],
    ];
    for (const [name, path, ready] of pages) {
      await page.goto(`${api.baseUrl}${path}`);
      try {
        await page.getByTestId(ready).first().waitFor({ state: 'visible', timeout: 15_000 });
      } catch (error) {
        await page.screenshot({ path: `${SHOTS}/${name}-${width}-failed.png`, fullPage: true });
        throw new Error(
          `${name} at ${width}px: ${String(error)}; it shows ${await page.locator('body').innerText()}` +
            `\nAPI errors: ${api
              .logs()
              .split('\n')
              .filter((line) => /"level":(40|50)/.test(line))
              .slice(-4)
              .join('\n')}`,
        );
      }
      await page.waitForTimeout(300); // fonts and the table's column widths settle
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
      const { scrollWidth, innerWidth } = await fits(page);
      if (scrollWidth > innerWidth) {
        throw new Error(`${name} at ${width}px scrolls sideways: ${scrollWidth} > ${innerWidth}`);
      }
      await expect(inView(page, 'logout')).resolves.toBe(true);
      await expect(inView(page, 'language-switch')).resolves.toBe(true);
    }

    // Narrow: the menu opens from the header.
    if (width < 992) {
      await page.getByTestId('menu-open').click();
      await page.getByTestId('menu-tenants').click();
      await expectVisibleText(page.getByTestId('page-title'), '机构');
    }

    // 1,366 and wider: the applications table shows its last column, 收件时间, whole.
    if (width >= 1366) {
      await page.goto(`${api.baseUrl}/applications`);
      const table = page.getByTestId('applications-table');
      await expectVisibleText(table, '收件时间');
      const header = table.locator('th', { hasText: '收件时间' }).first();
      const cell = await header.boundingBox();
      const wrapper = await table
        .locator('.ant-table-content, .ant-table-body')
        .first()
        .boundingBox();
      expect(cell).not.toBeNull();
      expect(wrapper).not.toBeNull();
      expect(cell!.x + cell!.width).toBeLessThanOrEqual(wrapper!.x + wrapper!.width + 1);
      expect(cell!.x + cell!.width).toBeLessThanOrEqual(width);
    }
    await context.close();
  });
});
