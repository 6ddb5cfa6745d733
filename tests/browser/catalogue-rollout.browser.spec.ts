/**
 * A clean-up round in the browser (issue 10, "done when"): the platform operator has published
 * a next standard version that cuts an item's statutory limit; Liucheng's county administrator
 * previews its rollout over the county's subtree, sees the conflict per tenant with the policy,
 * exports the preview, starts the rollout, watches every step complete and reads a changed
 * setting before → after. A township center manager has no such screen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type CatalogItem, DEMO_STANDARD_CATALOGUE, writeCatalogueSheets } from '@tongban/catalog';
import {
  type ApiProcess,
  createTestDatabase,
  gql,
  login,
  startApi,
  type TestDatabase,
  waitFor,
  spreadsheetBase64,
} from '@tongban/test-support';
import { DEMO_PASSWORD, expectVisibleText, launchBrowser, SCREENSHOT_DIR, signIn } from './harness';

/** Statutory 20 working days, Liucheng promises 15; the next version cuts the statute to 10. */
const ITEM = { code: '000116005000', name: '临时用地审批' };
const LABEL = '2026 年第二轮清理';

const IMPORT = `mutation($input: ImportCatalogueInput!) { importCatalogue(input: $input) { id } }`;
const IMPORT_STATUS = `query($id: ID!) { catalogueImport(id: $id) { status versionId } }`;
const PUBLISH = `mutation($input: CatalogueVersionInput!) { publishCatalogueVersion(input: $input) { id } }`;

/** The next standard version, imported and published through the API as the platform operator. */
async function publishNextVersion(baseUrl: string): Promise<void> {
  const token = (await login(baseUrl, 'platform', DEMO_PASSWORD)).data!.login.accessToken;
  const items = DEMO_STANDARD_CATALOGUE.map((item): CatalogItem =>
    item.code === ITEM.code
      ? { ...item, statutoryLimit: { onTheSpot: false, workingDays: 10 } }
      : item,
  );
  const started = await gql<{ importCatalogue: { id: string } }>(baseUrl, IMPORT, {
    token,
    variables: {
      input: {
        label: LABEL,
        fileName: 'round-2.xlsx',
        spreadsheet: await spreadsheetBase64(writeCatalogueSheets(items)),
      },
    },
  });
  expect(started.errors).toBeUndefined();
  const versionId = await waitFor(
    'the import',
    async () => {
      const result = await gql<{ catalogueImport: { status: string; versionId: string | null } }>(
        baseUrl,
        IMPORT_STATUS,
        { token, variables: { id: started.data!.importCatalogue.id } },
      );
      const found = result.data?.catalogueImport;
      if (found?.status === 'FAILED') throw new Error('the import failed');
      return found?.status === 'SUCCEEDED' ? found.versionId! : undefined;
    },
    60_000,
    200,
  );
  const published = await gql(baseUrl, PUBLISH, { token, variables: { input: { versionId } } });
  expect(published.errors).toBeUndefined();
}

describe('a catalogue clean-up round', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const shots = join(SCREENSHOT_DIR, 'rollout-shots');

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    database = await createTestDatabase({ seedDemo: true });
    // Jobs in the API process: the import and the rollout's steps run where they were started.
    api = await startApi({ databaseUrl: database.url, env: { REDIS_URL: '' } });
    // Liucheng's own promise, above the next statute: clamped, a conflict the preview names.
    await database.query(
      `UPDATE implementation_items SET promised_days = 15
        WHERE code = $1 AND tenant_id = (SELECT id FROM tenants WHERE division_code = '450222')`,
      [ITEM.code],
    );
    await publishNextVersion(api.baseUrl);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    await signIn(page, username, DEMO_PASSWORD);
    await page.getByTestId('shell-menu').waitFor();
    return page;
  }

  async function screenshots(page: Page, name: string) {
    for (const width of [768, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  it('previews, exports, starts and follows the rollout over Liucheng', async () => {
    const page = await signedIn('liucheng.admin');
    await page.getByTestId('menu-rollouts').click();
    await expectVisibleText(page.getByTestId('page-title'), '清理轮次');
    await expectVisibleText(page.getByTestId('rollout-version'), LABEL);
    await expectVisibleText(page.getByTestId('rollout-tenant'), '柳城县');

    // The preview: the catalogue's change, every tenant of the subtree, Liucheng's conflict.
    await page.getByTestId('rollout-preview').click();
    await expectVisibleText(
      page.getByTestId('rollout-diff'),
      `与“广西政务服务事项基本目录（2026 年版）”相比`,
    );
    await expectVisibleText(
      page.getByTestId('rollout-diff').locator('[data-diff=changed]'),
      '变更 1',
    );
    const tenants = page.getByTestId('rollout-tenants');
    await expectVisibleText(tenants, '马山乡');
    const county = tenants.locator('tr.ant-table-row', { hasText: '450222' }).first();
    await expectVisibleText(county, '柳城县');
    await county.locator('.ant-table-row-expand-icon').click();
    const conflict = tenants
      .getByTestId('rollout-conflicts')
      .first()
      .locator('tr.ant-table-row', { hasText: ITEM.code });
    await expectVisibleText(conflict, '承诺时限超过新法定时限');
    await expectVisibleText(conflict, /15 个工作日\s*→\s*10 个工作日/);
    expect(await conflict.innerText()).toMatch(/法定时限/);
    await screenshots(page, 'rollout-preview');

    // The preview as a spreadsheet.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('rollout-preview-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${LABEL}推送预览.xlsx`);

    // Started after confirming: the progress view follows it until every step is done.
    await page.getByTestId('rollout-start-button').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
    await page.waitForURL(/\/rollouts\/[0-9a-f-]{36}$/);
    await expectVisibleText(page.getByTestId('page-title'), `推送进度：${LABEL}`);
    const progress = page.getByTestId('rollout-progress');
    await expectVisibleText(progress.locator('[data-status=FINISHED]'), '完成', 60_000);
    await expectVisibleText(
      page.getByTestId('rollout-history'),
      '柳城县政务服务中心管理员 开始推送',
    );
    const counts = await page.getByTestId('rollout-counts').innerText();
    const [, done] = /已完成 (\d+) · 失败 0 · 待推送 0 · 已取消 0/.exec(counts) ?? [];
    expect(Number(done)).toBeGreaterThan(1);
    await expectVisibleText(progress, `${done} / ${done}`);
    const steps = page.getByTestId('rollout-steps');
    expect(await steps.locator('[data-status=DONE]').count()).toBe(
      await steps.locator('tr.ant-table-row').count(),
    );
    // The other rollouts' buttons are gone with the run: nothing to pause or retry.
    expect(await page.getByTestId('rollout-pause').count()).toBe(0);
    expect(await page.getByTestId('rollout-retry').count()).toBe(0);

    // Liucheng's step: the promised limit before → after.
    const step = steps.locator('tr.ant-table-row', { hasText: '450222' }).first();
    await expectVisibleText(step, '柳城县');
    await step.locator('.ant-table-row-expand-icon').click();
    const change = steps
      .getByTestId('rollout-outcomes')
      .first()
      .locator('tr.ant-table-row', { hasText: ITEM.code });
    await expectVisibleText(change, /承诺时限：\s*15 个工作日\s*→\s*10 个工作日/);
    await screenshots(page, 'rollout-progress');

    const [audit] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('rollout-export').click(),
    ]);
    expect(audit.suggestedFilename()).toBe(`${LABEL}推送审计.xlsx`);

    // Back on the list: the rollout, finished.
    await page.getByTestId('rollout-back').click();
    const row = page.getByTestId('rollout-list').locator('tr.ant-table-row', { hasText: LABEL });
    await expectVisibleText(row.locator('[data-status=FINISHED]'), '完成');
  });

  it("shows the platform operator the rollout and which version each county's list stands on", async () => {
    const page = await signedIn('platform');
    await page.getByTestId('menu-rollouts').click();
    const row = page.getByTestId('rollout-list').locator('tr.ant-table-row', { hasText: LABEL });
    await expectVisibleText(row, '柳城县');
    await expectVisibleText(row.locator('[data-status=FINISHED]'), '完成');
    const liucheng = page
      .getByTestId('rollout-held')
      .locator('tr.ant-table-row', { hasText: '柳城县' });
    await expectVisibleText(liucheng, LABEL);
    await page.screenshot({ path: join(shots, 'rollout-held-1366.png'), fullPage: true });

    // In English too: the progress view of the same rollout, its conflict's policy in English.
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await expectVisibleText(page.getByTestId('page-title'), 'Clean-up rounds');
    await row.getByRole('link', { name: LABEL }).click();
    await expectVisibleText(page.getByTestId('rollout-counts'), /Done \d+ · failed 0 · pending 0/);
    const step = page
      .getByTestId('rollout-steps')
      .locator('tr.ant-table-row', { hasText: '450222' })
      .first();
    await step.locator('.ant-table-row-expand-icon').click();
    await expectVisibleText(
      page.getByTestId('rollout-conflicts').first(),
      'Promised limit above the new statutory limit',
    );
    await expectVisibleText(page.getByTestId('rollout-conflicts').first(), /clamped to/);
    await page.screenshot({ path: join(shots, 'rollout-progress-en-1366.png'), fullPage: true });
  });

  it('offers a township center manager no clean-up rounds', async () => {
    const page = await signedIn('mashan.manager');
    await expectVisibleText(page.getByTestId('shell-menu'), '实施清单');
    expect(await page.getByTestId('menu-rollouts').count()).toBe(0);
    await page.goto(`${api.baseUrl}/rollouts`);
    await expectVisibleText(page.locator('.ant-result-title'), '无权访问');
  });
});
