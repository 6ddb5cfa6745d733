/**
 * Intake (收件) in a real browser, against the real built API on a fresh demo database: the
 * window clerk of 综合窗口1 takes an application in and sees its receipt number on top of the
 * list; an invalid ID number is refused (by the form, and by the server when the form is
 * bypassed) and creates nothing; the city official sees the application with the applicant's
 * personal data masked, and the plain values are nowhere in the page.
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
import {
  DEMO_PASSWORD,
  expectHidden,
  expectVisibleText,
  launchBrowser,
  SCREENSHOT_DIR,
  signIn,
} from './harness';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID number with its GB 11643 check character computed. */
function residentId(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const APPLICANT = '张三';
const ID_NUMBER = residentId('45022219900101123'); // 450222199001011232
/** The same number with a wrong last character. */
const WRONG_ID_NUMBER = `${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('4') ? '5' : '4'}`;
const PHONE = '13812345678';
const ITEM_CODE = '00013130300000';
const ITEM_NAME = '食品小作坊登记';

/** Chooses an item of the hall's menu, found by part of its name. */
async function chooseItem(page: Page, search: string, code: string) {
  await page.getByTestId('intake-item').click();
  await page.getByTestId('intake-item').locator('input').fill(search);
  await page.getByTestId(`intake-menu-${code}`).click();
}

async function applicationCount(baseUrl: string, username: string): Promise<number> {
  const { data } = await login(baseUrl, username, DEMO_PASSWORD);
  const token = data?.login.accessToken;
  if (!token) throw new Error(`${username} could not log in`);
  const result = await gql<{ applications: { nodes: { id: string }[] } }>(
    baseUrl,
    `query { applications(page: { first: 200 }) { nodes { id } } }`,
    { token },
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.applications.nodes.length;
}

async function fillIntake(page: Page, idNumber: string) {
  await chooseItem(page, '小作坊', ITEM_CODE);
  await page.getByTestId('intake-applicant-name').fill(APPLICANT);
  await page.getByTestId('intake-id-number').fill(idNumber);
  await page.getByTestId('intake-phone').fill(PHONE);
}

describe('intake and masked reading of applications in the browser', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let receiptNumber = '';

  const newPage = async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai', // receipt numbers are dated in China's time
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

  it('the clerk of 综合窗口1 takes an application in; an invalid ID number creates nothing', async () => {
    const before = await applicationCount(api.baseUrl, 'liucheng.window');
    expect(before).toBeGreaterThan(0);

    const page = await newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liucheng.window', DEMO_PASSWORD);
    await page.getByTestId('menu-applications').click();
    await expectVisibleText(page.getByTestId('page-title'), '办件');
    expect(new URL(page.url()).pathname).toBe('/applications');

    // The list: the applications of the clerk's window, not those of 国土资源窗口.
    const table = page.getByTestId('applications-table');
    await expectVisibleText(table, '个体工商户设立登记');
    await expectVisibleText(table, '综合窗口1');
    expect(await table.innerText()).not.toContain('农村村民宅基地审批');
    await expect(page.getByTestId('applications-masked-hint').count()).resolves.toBe(0);

    // The only window the clerk works is chosen in advance.
    const form = page.getByTestId('intake-form');
    await expectVisibleText(form.locator('.ant-select-selection-item'), '综合窗口1');

    // A wrong check character: the form says so, and nothing is sent.
    await fillIntake(page, WRONG_ID_NUMBER);
    await page.getByTestId('intake-submit').click();
    await expectVisibleText(page.locator('.ant-form-item-explain'), '身份证号校验码不正确');
    await expect(page.getByTestId('intake-receipt').count()).resolves.toBe(0);

    // The form bypassed (the request rewritten on its way): the server refuses, and says why.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        query?: string;
        variables?: { input?: { applicant?: { idNumber?: string } } };
      };
      if (body.query?.includes('mutation SubmitApplication') && body.variables?.input?.applicant) {
        body.variables.input.applicant.idNumber = WRONG_ID_NUMBER;
        await route.continue({ postData: JSON.stringify(body) });
      } else {
        await route.continue();
      }
    });
    await page.getByTestId('intake-id-number').fill(ID_NUMBER);
    await page.getByTestId('intake-submit').click();
    const error = page.getByTestId('intake-error');
    await expectVisibleText(error, '收件未成功');
    await expectVisibleText(error, '请求内容有误');
    // The form's own check passes (the typed number is valid): the message at the field is the
    // server's problem code, in the interface language.
    await expectVisibleText(page.locator('.ant-form-item-explain'), '身份证号校验码不正确');
    await expect(page.getByTestId('intake-receipt').count()).resolves.toBe(0);
    await page.unroute('**/graphql');
    expect(await applicationCount(api.baseUrl, 'liucheng.window')).toBe(before);

    // A valid number: taken in, with its receipt number shown large and the row on top.
    await page.getByTestId('intake-id-number').fill(ID_NUMBER);
    await page.getByTestId('intake-submit').click();
    const receipt = page.getByTestId('intake-receipt-number');
    await expectVisibleText(receipt, /^LC-\d{8}-\d{4}$/);
    receiptNumber = (await receipt.innerText()).trim();
    await expectVisibleText(page.getByTestId('intake-receipt'), '收件成功');
    await expectHidden(error);
    const firstRow = table.locator('tbody tr.ant-table-row').first();
    await expectVisibleText(firstRow, receiptNumber);
    for (const text of [APPLICANT, ID_NUMBER, PHONE, ITEM_NAME, '综合窗口1', '已收件']) {
      await expectVisibleText(firstRow, text);
    }
    // The form is ready for the next applicant.
    await expect(page.getByTestId('intake-applicant-name').inputValue()).resolves.toBe('');
    expect(await applicationCount(api.baseUrl, 'liucheng.window')).toBe(before + 1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-intake-window-zh-CN.png` });
  });

  it('a township manager takes an application in at a village station below', async () => {
    const page = await newPage();
    await page.goto(`${api.baseUrl}/applications`);
    await signIn(page, 'mashan.manager', DEMO_PASSWORD);
    await expectVisibleText(page.getByTestId('page-title'), '办件');
    const picker = page.getByTestId('intake-card').locator('.ant-select-selection-item').first();
    await expectVisibleText(picker, '马山乡');

    // The station below: its window is the only one, chosen in advance.
    await page.getByTestId('intake-card').locator('.ant-select-selector').first().click();
    await page.locator('.ant-select-tree').getByText('马山村便民服务站', { exact: true }).click();
    await expectVisibleText(
      page.getByTestId('intake-form').locator('.ant-select-selection-item'),
      '代办窗口',
    );
    await chooseItem(page, '高龄', '450011002W01');
    await page.getByTestId('intake-applicant-name').fill('黄美玲');
    await page.getByTestId('intake-phone').fill('0772-7613456');
    await page.getByTestId('intake-submit').click();
    const receipt = (await page.getByTestId('intake-receipt-number').innerText()).trim();
    const row = page.getByTestId(`application-row-${receipt}`);
    await expectVisibleText(row, '黄美玲');
    await expectVisibleText(row, '0772-7613456');
    await expectVisibleText(row, '马山村便民服务站');
  });

  it('the city official sees the application with the personal data masked, never plainly', async () => {
    expect(receiptNumber).toMatch(/^LC-/);
    const page = await newPage();
    await page.goto(api.baseUrl);
    await signIn(page, 'liuzhou.city', DEMO_PASSWORD);
    await page.getByTestId('menu-applications').click();
    await expectVisibleText(page.getByTestId('page-title'), '办件');

    const row = page.getByTestId(`application-row-${receiptNumber}`);
    await expectVisibleText(row, ITEM_NAME);
    await expectVisibleText(row, '张*');
    await expectVisibleText(row, `${ID_NUMBER.slice(0, 4)}**********${ID_NUMBER.slice(-4)}`);
    await expectVisibleText(row, '138****5678');
    await expectVisibleText(row, '柳城县'); // the tenant, for a reader of the subtree
    await expectVisibleText(page.getByTestId('applications-masked-hint'), '脱敏');
    // No intake form for a reader.
    await expect(page.getByTestId('intake-card').count()).resolves.toBe(0);
    // Applications from the townships and stations below are there too.
    await expectVisibleText(page.getByTestId('applications-table'), '马山村');

    const html = await page.content();
    for (const plain of [ID_NUMBER, PHONE, APPLICANT, '13807721234']) {
      expect(html).not.toContain(plain);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-applications-city-masked-zh-CN.png` });

    // The status filter asks the server; nothing is 已办结 yet.
    await page.getByTestId('applications-status-filter').click();
    await page.locator('.ant-select-dropdown').getByText('已办结', { exact: true }).click();
    await expectVisibleText(page.getByTestId('applications-table'), '没有符合条件的办件');

    // In English the same screen speaks English, still masked.
    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await expectVisibleText(page.getByTestId('page-title'), 'Applications');
    await expectVisibleText(page.getByTestId('applications-table'), 'No application matches');
    await page.getByTestId('applications-status-filter').locator('.ant-select-clear').click();
    await expectVisibleText(row, '138****5678');
    await expectVisibleText(row, 'Submitted');
    await expectVisibleText(page.getByTestId('applications-masked-hint'), 'masked');
    expect(await page.content()).not.toContain(ID_NUMBER);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/tongban-applications-city-masked-en-US.png` });
  });
});
