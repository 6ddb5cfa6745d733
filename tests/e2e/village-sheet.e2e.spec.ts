import ExcelJS from 'exceljs';
import {
  ApiProcess,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  gql,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';

/**
 * Opening village stations in bulk from an XLSX sheet (issue 8): a preview with row-level
 * problems and the sheet back with a problems column, then one run that opens all or none.
 */
const PREVIEW = `query($input: VillageSheetInput!) { villageSheetPreview(input: $input) {
  rows { row divisionCode name managerUsername windowName } problems { row column code message } report } }`;
const ONBOARD = `mutation($input: VillageSheetInput!) { onboardVillages(input: $input) {
  tenant { id divisionCode status kind parentName } managerUsername setupLink { token } } }`;
const HEADER = ['行政区划代码', '服务站名称', '代办员用户名', '代办员姓名', '窗口名称'];

async function sheet(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('村居');
  for (const row of rows) worksheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('bulk village onboarding from a sheet', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let admin: string;
  let mashan: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url });
    admin = (await login(api.baseUrl, 'liucheng.admin', 'Demo#2026')).data!.login.accessToken;
    [{ id: mashan }] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222203'`,
    );
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const preview = async (spreadsheet: string) =>
    gql<{
      villageSheetPreview: {
        rows: { row: number; divisionCode: string; windowName: string }[];
        problems: { row: number; column: string | null; code: string }[];
        report: string | null;
      };
    }>(api.baseUrl, PREVIEW, {
      token: admin,
      variables: { input: { parentId: mashan, spreadsheet } },
    });

  it('previews every problem by row and column, and gives the sheet back with a problems column', async () => {
    const before = await databaseFingerprint(db);
    const file = await sheet([
      HEADER,
      ['450222203203', '新村便民服务站', 'xincun.staff', '覃明', ''],
      ['450222100203', '错乡村', 'wrong.staff', '韦一', ''],
      ['450222203201', '重复村', 'mashan.manager', '韦二', ''],
      ['450222203203', '新村二站', 'xincun.staff', '韦三', ''],
    ]);
    const result = await preview(file);
    expect(result.errors).toBeUndefined();
    const { rows, problems, report } = result.data!.villageSheetPreview;
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0].windowName).toBe('代办窗口');
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, '行政区划代码', 'DIVISION_CODE_OUTSIDE_PARENT'],
      [4, '行政区划代码', 'DIVISION_CODE_IN_USE'],
      [4, '代办员用户名', 'USERNAME_TAKEN'],
      [5, '行政区划代码', 'REPEATED_IN_SHEET'],
      [5, '代办员用户名', 'REPEATED_IN_SHEET'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report!, 'base64') as unknown as ArrayBuffer);
    const back = workbook.worksheets[0];
    expect(back.getRow(1).getCell(6).text).toBe('问题 Problems');
    expect(back.getRow(2).getCell(6).text).toBe('');
    expect(back.getRow(3).getCell(6).text).toContain('行政区划代码');
    // Running it anyway opens nothing.
    const refused = await gql(api.baseUrl, ONBOARD, {
      token: admin,
      variables: { input: { parentId: mashan, spreadsheet: file } },
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('refuses a file that is not a spreadsheet, or lacks a column, changing nothing', async () => {
    const before = await databaseFingerprint(db);
    const garbage = await gql(api.baseUrl, ONBOARD, {
      token: admin,
      variables: {
        input: {
          parentId: mashan,
          spreadsheet: Buffer.from('PK\u0003\u0004 not really').toString('base64'),
        },
      },
    });
    expect(errorCode(garbage)).toBe('BAD_USER_INPUT');
    expect(garbage.errors![0].extensions!.reason).toBe('NOT_XLSX');
    const headless = await preview(await sheet([['服务站名称'], ['x']]));
    expect(headless.data!.villageSheetPreview.problems.map((p) => [p.code, p.column])).toEqual([
      ['HEADER_MISSING', '行政区划代码'],
      ['HEADER_MISSING', '代办员用户名'],
      ['HEADER_MISSING', '代办员姓名'],
    ]);
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('opens 200 stations in one run, each ONBOARDING with a window and a setup link', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [
      `450222203${String(300 + i).padStart(3, '0')}`,
      `测试${i + 1}村便民服务站`,
      `cun${i + 1}.staff`,
      `代办员${i + 1}`,
      '',
    ]);
    const file = await sheet([HEADER, ...rows]);
    expect((await preview(file)).data!.villageSheetPreview.problems).toEqual([]);
    const result = await gql<{
      onboardVillages: {
        tenant: { divisionCode: string; status: string; kind: string; parentName: string };
        setupLink: { token: string };
      }[];
    }>(api.baseUrl, ONBOARD, {
      token: admin,
      variables: { input: { parentId: mashan, spreadsheet: file } },
    });
    expect(result.errors).toBeUndefined();
    const opened = result.data!.onboardVillages;
    expect(opened).toHaveLength(200);
    expect(opened[0].tenant).toMatchObject({
      status: 'ONBOARDING',
      kind: 'VILLAGE',
      parentName: '马山乡',
    });
    expect(new Set(opened.map((o) => o.setupLink.token)).size).toBe(200);
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
        WHERE t.division_code LIKE '450222203%' AND w.code = 'D1' AND t.division_code >= '450222203300'`,
    );
    expect(n).toBe(200);
    // A station manager's role is not the county's to hand out beyond: the city cannot run it.
    const city = (await login(api.baseUrl, 'liuzhou.city', 'Demo#2026')).data!.login.accessToken;
    expect(
      errorCode(
        await gql(api.baseUrl, ONBOARD, {
          token: city,
          variables: { input: { parentId: mashan, spreadsheet: file } },
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});
