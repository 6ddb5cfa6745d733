/**
 * The admin app in a real browser, against the real built API (which serves the built admin
 * app on its own port) on a fresh database with the demo data. Assertions are on visible
 * text, so a blank or broken screen fails.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type ApiProcess,
  createTestDatabase,
  gql,
  login,
  startApi,
  type TestDatabase,
  waitFor,
} from '@tongban/test-support';
import {
  DEMO_PASSWORD as PASSWORD,
  expectHidden,
  expectVisibleText,
  launchBrowser,
  SCREENSHOT_DIR,
  refreshCookie,
  signIn,
  webStorage,
} from './harness';

/**
 * Collects the GraphQL operations the page sends (by operation name) and the session
 * endpoints it calls (`/auth/refresh`, `/auth/logout`), with their outcome.
 */
function recordGraphQL(page: Page) {
  const seen: { operation: string; status: number; body: string }[] = [];
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() !== 'POST') return;
    const path = new URL(request.url()).pathname;
    if (path !== '/graphql' && !path.startsWith('/auth/')) return;
    const query = (JSON.parse(request.postData() ?? '{}') as { query?: string }).query ?? '';
    const operation =
      path === '/graphql' ? (/(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '?') : path;
    const entry = { operation, status: response.status(), body: '' };
    seen.push(entry); // in arrival order
    entry.body = await response.text().catch(() => '');
  });
  return seen;
}

describe('admin app in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

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

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('signs in, shows the shell in Chinese, switches to English, remembers it, signs out', async () => {
    const graphql = recordGraphQL(page);
    await page.goto(api.baseUrl);

    // Login page, in Chinese by default.
    await expectVisibleText(page.getByTestId('login-title'), '登录');
    await expectVisibleText(page.locator('body'), '通办 Tongban');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-login-zh-CN.png` });

    await signIn(page, 'liucheng.admin', PASSWORD);

    // The shell: tenant, user, role in Chinese, the side menu, the welcome card.
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');
    await expectVisibleText(page.getByTestId('shell-tenant-kind'), '县级');
    await expectVisibleText(page.getByTestId('shell-roles'), '县级管理员');
    await expectVisibleText(page.getByTestId('shell-user-name'), /\S/);
    await expectVisibleText(page.getByTestId('shell-menu'), '概览');
    await expectVisibleText(page.getByTestId('welcome-tenant'), '行政区划代码');
    await expectVisibleText(page.getByTestId('welcome-tenant'), /\b\d{6}\b/);
    await expectVisibleText(page.getByTestId('welcome-account'), 'liucheng.admin');
    await expectVisibleText(page.getByTestId('logout'), '退出登录');
    expect(await page.getByTestId('shell-roles').innerText()).not.toContain('COUNTY_ADMIN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The refresh token lives in an httpOnly cookie only; no token in web storage.
    const tokenAfterLogin = await refreshCookie(page);
    expect(tokenAfterLogin).toBeTruthy();
    expect(await page.evaluate(() => document.cookie)).not.toContain('tongban_refresh');
    const loginBody = graphql.find((c) => c.operation === 'Login')?.body ?? '';
    const accessToken = (JSON.parse(loginBody) as { data: { login: { accessToken: string } } }).data
      .login.accessToken;
    expect(await webStorage(page)).not.toContain(accessToken);
    expect(await webStorage(page)).not.toContain(tokenAfterLogin!);
    expect(await webStorage(page)).not.toMatch(/token/i);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-admin-zh-CN.png` });

    // Switch to English: labels, role and the menu follow.
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await expectVisibleText(page.getByTestId('shell-roles'), 'County administrator');
    await expectVisibleText(page.getByTestId('shell-tenant-kind'), 'County');
    await expectVisibleText(page.getByTestId('shell-menu'), 'Home');
    await expectVisibleText(page.getByTestId('welcome-tenant'), 'Division code');
    await expectVisibleText(page.getByTestId('logout'), 'Sign out');
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县'); // data stays as is
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-admin-en-US.png` });

    // Reload: still signed in (the cookie, rotated at POST /auth/refresh), still in English.
    await page.reload();
    await expectVisibleText(page.getByTestId('shell-roles'), 'County administrator');
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');
    await expectVisibleText(page.getByTestId('logout'), 'Sign out');
    const tokenAfterReload = await refreshCookie(page);
    expect(tokenAfterReload).toBeTruthy();
    expect(tokenAfterReload).not.toBe(tokenAfterLogin);
    expect(graphql.filter((c) => c.operation === '/auth/refresh' && c.status === 200)).toHaveLength(
      1,
    );
    expect(await webStorage(page)).not.toMatch(/token/i);

    // Sign out: back on the login page (still in English), session gone for good.
    await page.getByTestId('logout').click();
    await expectVisibleText(page.getByTestId('login-title'), 'Sign in');
    await expectHidden(page.getByTestId('shell-tenant-name'));
    expect(await refreshCookie(page)).toBeNull();
    const logout = await waitFor(
      'the logout answer',
      async () => graphql.find((c) => c.operation === '/auth/logout')?.body || undefined,
      5_000,
    );
    expect(logout).toContain('"loggedOut":true');

    await page.reload();
    await expectVisibleText(page.getByTestId('login-title'), 'Sign in');
    await expect(page.getByTestId('login-username').isVisible()).resolves.toBe(true);
  });

  it('a wrong password shows the wrong-credentials message, in the chosen language', async () => {
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', 'not-the-password');
    await expectVisibleText(page.getByTestId('login-error'), '用户名或密码错误');
    await expect(page.getByTestId('shell-tenant-name').count()).resolves.toBe(0);

    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await signIn(page, 'nobody.here', 'not-the-password');
    await expectVisibleText(page.getByTestId('login-error'), 'Wrong username or password');
  });

  it('tells a suspended center\'s user and a disabled account why, not "wrong password"', async () => {
    // As the county administrator: suspend 马山乡 and disable liucheng.land's account.
    const admin = (await login(api.baseUrl, 'liucheng.admin', PASSWORD)).data!.login.accessToken;
    const tenants = await gql<{ tenants: { nodes: { id: string; name: string }[] } }>(
      api.baseUrl,
      'query { tenants { nodes { id name } } }',
      { token: admin },
    );
    const idOf = (name: string) => tenants.data!.tenants.nodes.find((n) => n.name === name)!.id;
    const suspended = await gql(
      api.baseUrl,
      'mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { id } }',
      { token: admin, variables: { input: { tenantId: idOf('马山乡'), reason: '办事大厅装修' } } },
    );
    expect(suspended.errors).toBeUndefined();
    const staff = await gql<{ tenant: { staffMembers: { userId: string; username: string }[] } }>(
      api.baseUrl,
      'query($id: ID!) { tenant(id: $id) { staffMembers { userId username } } }',
      { token: admin, variables: { id: idOf('柳城县') } },
    );
    const land = staff.data!.tenant.staffMembers.find((m) => m.username === 'liucheng.land')!;
    const disabled = await gql(
      api.baseUrl,
      'mutation($input: StaffAccountInput!) { disableStaff(input: $input) { userId } }',
      { token: admin, variables: { input: { userId: land.userId } } },
    );
    expect(disabled.errors).toBeUndefined();

    await page.goto(api.baseUrl);
    await signIn(page, 'mashan.manager', PASSWORD);
    await expectVisibleText(page.getByTestId('login-error'), '服务中心已被暂停');
    expect(await page.getByTestId('login-error').innerText()).not.toContain('用户名或密码错误');
    await signIn(page, 'liucheng.land', PASSWORD);
    await expectVisibleText(page.getByTestId('login-error'), '账号已被停用');
    // A wrong password still says only that (no hint about the account).
    await signIn(page, 'mashan.manager', 'not-the-password');
    await expectVisibleText(page.getByTestId('login-error'), '用户名或密码错误');
  });

  it('follows the browser language on a first visit and remembers a choice after', async () => {
    const english = await browser.newContext({ locale: 'en-US' });
    const page = await english.newPage();
    await page.goto(api.baseUrl);
    await expectVisibleText(page.getByTestId('login-title'), 'Sign in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    // Chosen: remembered over the browser's language.
    await page.getByTestId('language-switch').getByText('中文', { exact: true }).click();
    await expectVisibleText(page.getByTestId('login-title'), '登录');
    await page.reload();
    await expectVisibleText(page.getByTestId('login-title'), '登录');
    await english.close();

    const other = await browser.newContext({ locale: 'fr-FR' });
    const french = await other.newPage();
    await french.goto(api.baseUrl);
    await expectVisibleText(french.getByTestId('login-title'), '登录'); // Chinese by default
    await other.close();
  });

  it('tabs share the session: a new tab is signed in, a logout in one signs out the other', async () => {
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', PASSWORD);
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');
    const second = await context.newPage();
    await second.goto(api.baseUrl);
    await expectVisibleText(second.getByTestId('shell-tenant-name'), '柳城县');
    await page.getByTestId('logout').click();
    await expectVisibleText(page.getByTestId('login-title'), '登录');
    await expectVisibleText(second.getByTestId('login-title'), '登录');
    // Signing in again in one tab signs the other in too.
    await signIn(second, 'liucheng.admin', PASSWORD);
    await expectVisibleText(second.getByTestId('shell-tenant-name'), '柳城县');
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');
  });

  it('says the server cannot be reached when nothing answers', async () => {
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', PASSWORD);
    await expectVisibleText(page.getByTestId('login-error'), '无法连接到服务器');
  });

  it('keeps the session through a server outage and recovers on retry', async () => {
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', PASSWORD);
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');

    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.reload();
    await expectVisibleText(page.getByTestId('shell-error'), '无法连接到服务器');
    expect(await refreshCookie(page)).toBeTruthy();

    await page.unroute('**/graphql');
    await page.getByTestId('shell-retry').click();
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');
    await expectVisibleText(page.getByTestId('shell-roles'), '县级管理员');
  });

  it('renews a rejected access token silently and retries the request', async () => {
    const graphql = recordGraphQL(page);
    let rejectedOnce = false;
    // The first `me` after login is answered as if the access token had expired.
    await page.route('**/graphql', async (route) => {
      const query = (route.request().postDataJSON() as { query?: string } | null)?.query ?? '';
      if (!rejectedOnce && /query Me\b/.test(query)) {
        rejectedOnce = true;
        await route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            data: null,
            errors: [{ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } }],
          }),
        });
        return;
      }
      await route.continue();
    });
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', PASSWORD);
    await expectVisibleText(page.getByTestId('shell-roles'), '县级管理员');
    expect(rejectedOnce).toBe(true);
    const operations = graphql.map((c) => `${c.operation}:${c.status}`);
    expect(operations).toEqual([
      '/auth/refresh:401',
      'Login:200',
      'Me:200',
      '/auth/refresh:200',
      'Me:200',
    ]);
  });
});

describe('admin app with short-lived access tokens and a strict login throttle', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase({ seedDemo: true });
    api = await startApi({
      databaseUrl: database.url,
      env: {
        ACCESS_TOKEN_TTL_SECONDS: '2',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_LOCKOUT_SECONDS: '90',
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
  });

  it('signs out with an expired access token (the cookie is enough)', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const graphql = recordGraphQL(page);
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.admin', PASSWORD);
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');

    await page.waitForTimeout(2_500); // the access token has now expired
    await page.getByTestId('logout').click();
    await expectVisibleText(page.getByTestId('login-title'), '登录');

    // No live access token needed: the cookie alone ends the session.
    const tail = graphql.slice(-1).map((c) => `${c.operation}:${c.status}`);
    expect(tail).toEqual(['/auth/logout:200']);
    // The body is read after the response event: wait for it rather than race it.
    const body = await waitFor(
      'the logout answer',
      async () => graphql.at(-1)?.body || undefined,
      5_000,
    );
    expect(body).toContain('"loggedOut":true');
    expect(await refreshCookie(page)).toBeNull();
    await context.close();
  });

  it('locks an account out after repeated failures and says how long to wait', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    const error = page.getByTestId('login-error');
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await signIn(page, 'liucheng.window', `wrong-${attempt}`);
      await expectVisibleText(error, '用户名或密码错误');
      await page.waitForTimeout(100);
    }
    // Even the right password is refused now, with the wait shown and counting down.
    await signIn(page, 'liucheng.window', PASSWORD);
    await expectVisibleText(error, /登录失败次数过多.*请在 (1 分 \d+ 秒|1 分钟|\d+ 秒)后重试/);
    await expect(page.getByTestId('login-submit').isDisabled()).resolves.toBe(true);
    const first = await error.innerText();
    await page.waitForTimeout(1_500);
    expect(await error.innerText()).not.toBe(first);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-login-locked-zh-CN.png` });

    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await expectVisibleText(error, /Too many failed sign-in attempts.*try again in (1 min|\d+ s)/);
    await expect(page.getByTestId('shell-tenant-name').count()).resolves.toBe(0);

    // The lock-out is of that username only: another may sign in meanwhile.
    await page.getByTestId('login-username').fill('liucheng.admin');
    await expect(page.getByTestId('login-submit').isDisabled()).resolves.toBe(false);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await expectVisibleText(page.getByTestId('shell-tenant-name'), '柳城县');
    await context.close();
  });

  it('warns how many attempts are left before the lock-out', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(api.baseUrl);
    const error = page.getByTestId('login-error');
    await signIn(page, 'liucheng.supervisor', 'wrong-1');
    await expectVisibleText(error, '还剩 2 次');
    await signIn(page, 'liucheng.supervisor', 'wrong-2');
    await expectVisibleText(error, '还剩 1 次');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-login-attempts-zh-CN.png` });
    await signIn(page, 'liucheng.supervisor', 'wrong-3');
    await expectVisibleText(error, '尝试次数已用完');
    await context.close();
  });
});
