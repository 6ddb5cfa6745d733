import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeCatalogueSheets } from '@tongban/catalog';
import {
  ApiProcess,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  gql,
  login,
  startApi,
  TestDatabase,
  waitFor,
  spreadsheetBase64,
} from '@tongban/test-support';

/**
 * The standard catalogue (issue 9): the platform operator imports the spreadsheet into a draft
 * in the background, publishes it, and every tenant below reads it; a bad file imports nothing
 * and says what is wrong where.
 */
const IMPORT = `mutation($input: ImportCatalogueInput!) { importCatalogue(input: $input) { id status } }`;
const IMPORT_STATUS = `query($id: ID!) { catalogueImport(id: $id) {
  status rowsRead versionId problems { sheet row column code message { zhCN enUS } } } }`;
const VERSIONS = `query { catalogueVersions { id label status itemCount } }`;
const ITEMS = `query($input: CatalogueItemsInput!) { catalogueItems(input: $input) {
  nodes { code name type statutoryLimit { onTheSpot workingDays } materials { name form required }
          handlingTiers intakeOnlyTiers } hasNextPage endCursor } }`;
const PUBLISH = `mutation($input: CatalogueVersionInput!) { publishCatalogueVersion(input: $input) { id status publishedAt } }`;
const EXPORT = `query($versionId: ID!) { exportCatalogue(versionId: $versionId) }`;

const ITEMS_SHEET = writeCatalogueSheets([
  {
    code: '000131128000',
    name: '个体工商户设立登记',
    type: 'ADMINISTRATIVE_LICENSE',
    competentDepartment: '县市场监督管理局',
    implementingLevel: '县级',
    legalBasis: '《促进个体工商户发展条例》',
    applicantScopes: ['NATURAL_PERSON'],
    conditions: '有经营能力的公民',
    materials: [{ name: '居民身份证', form: 'ORIGINAL', copies: 1, required: true, notes: null }],
    steps: ['受理', '审查', '决定'],
    statutoryLimit: { onTheSpot: true },
    fee: { free: true },
    handlingTiers: ['COUNTY', 'TOWNSHIP'],
    intakeOnlyTiers: ['VILLAGE'],
    onlineAvailable: true,
  },
  {
    code: '000152001000',
    name: '城乡最低生活保障对象认定',
    type: 'ADMINISTRATIVE_CONFIRMATION',
    competentDepartment: '县民政局',
    implementingLevel: '县级',
    legalBasis: '《社会救助暂行办法》',
    applicantScopes: ['NATURAL_PERSON'],
    conditions: '家庭人均收入低于当地最低生活保障标准',
    materials: [
      { name: '居民身份证', form: 'COPY', copies: 1, required: true, notes: null },
      { name: '家庭收入证明', form: 'ORIGINAL', copies: 1, required: true, notes: null },
    ],
    steps: ['申请', '审核', '确认'],
    statutoryLimit: { onTheSpot: false, workingDays: 30 },
    fee: { free: true },
    handlingTiers: ['COUNTY'],
    intakeOnlyTiers: ['TOWNSHIP', 'VILLAGE'],
    onlineAvailable: false,
  },
] as Parameters<typeof writeCatalogueSheets>[0]);

describe('the standard catalogue', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let platform: string;
  let county: string;
  let village: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    // Jobs run in the API process here (no Redis queue): the import job is the same processor
    // the worker runs (worker.e2e.spec.ts covers the bull path).
    api = await startApi({ databaseUrl: db.url, env: { REDIS_URL: '' } });
    const token = async (username: string) =>
      (await login(api.baseUrl, username, 'Demo#2026')).data!.login.accessToken;
    [platform, county, village] = await Promise.all(
      ['platform', 'liucheng.admin', 'village.staff'].map(token),
    );
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  type ImportStatus = {
    status: string;
    rowsRead: number;
    versionId: string | null;
    problems: {
      sheet: string;
      row: number | null;
      column: string | null;
      code: string;
      message: { zhCN: string; enUS: string };
    }[];
  };
  const importAndWait = async (label: string, spreadsheet: string): Promise<ImportStatus> => {
    const started = await gql<{ importCatalogue: { id: string; status: string } }>(
      api.baseUrl,
      IMPORT,
      {
        token: platform,
        variables: { input: { label, fileName: `${label}.xlsx`, spreadsheet } },
      },
    );
    expect(started.errors).toBeUndefined();
    const id = started.data!.importCatalogue.id;
    return waitFor('the import to finish', async () => {
      const result = await gql<{ catalogueImport: ImportStatus }>(api.baseUrl, IMPORT_STATUS, {
        token: platform,
        variables: { id },
      });
      const found = result.data?.catalogueImport;
      return found && (found.status === 'SUCCEEDED' || found.status === 'FAILED')
        ? found
        : undefined;
    });
  };

  it('imports a spreadsheet into a draft, publishes it, and every tenant below reads it', async () => {
    const imported = await importAndWait('2026 年第二轮', await spreadsheetBase64(ITEMS_SHEET));
    expect(imported.problems).toEqual([]);
    expect(imported.status).toBe('SUCCEEDED');
    expect(imported.rowsRead).toBe(3 + 4 + 7);
    const versionId = imported.versionId!;

    // A draft is the province's alone.
    const before = await gql<{ catalogueVersions: { id: string }[] }>(api.baseUrl, VERSIONS, {
      token: county,
    });
    expect(before.data!.catalogueVersions.map((v) => v.id)).not.toContain(versionId);

    const published = await gql<{ publishCatalogueVersion: { status: string } }>(
      api.baseUrl,
      PUBLISH,
      {
        token: platform,
        variables: { input: { versionId } },
      },
    );
    expect(published.data!.publishCatalogueVersion.status).toBe('PUBLISHED');

    for (const token of [county, village]) {
      const versions = await gql<{ catalogueVersions: { id: string; itemCount: number }[] }>(
        api.baseUrl,
        VERSIONS,
        { token },
      );
      expect(versions.data!.catalogueVersions).toContainEqual(
        expect.objectContaining({ id: versionId, itemCount: 2 }),
      );
    }
    const items = await gql<{
      catalogueItems: {
        nodes: {
          code: string;
          statutoryLimit: { onTheSpot: boolean; workingDays: number | null };
        }[];
        hasNextPage: boolean;
        endCursor: string;
      };
    }>(api.baseUrl, ITEMS, { token: village, variables: { input: { versionId, first: 1 } } });
    expect(items.data!.catalogueItems.nodes.map((n) => n.code)).toEqual(['000131128000']);
    expect(items.data!.catalogueItems.nodes[0].statutoryLimit).toEqual({
      onTheSpot: true,
      workingDays: null,
    });
    expect(items.data!.catalogueItems.hasNextPage).toBe(true);
    const next = await gql<{ catalogueItems: { nodes: { code: string }[]; hasNextPage: boolean } }>(
      api.baseUrl,
      ITEMS,
      {
        token: village,
        variables: { input: { versionId, first: 5, after: items.data!.catalogueItems.endCursor } },
      },
    );
    expect(next.data!.catalogueItems.nodes.map((n) => n.code)).toEqual(['000152001000']);
    expect(next.data!.catalogueItems.hasNextPage).toBe(false);

    // Published means immutable: a second publish is an illegal transition; the table refuses edits too.
    const again = await gql(api.baseUrl, PUBLISH, {
      token: platform,
      variables: { input: { versionId } },
    });
    expect(errorCode(again)).toBe('CONFLICT');
    await expect(
      db.query(`UPDATE catalogue_items SET name = 'x' WHERE version_id = $1`, [versionId]),
    ).rejects.toThrow('A published catalogue version does not change');

    // Exported, it is the same spreadsheet again.
    const exported = await gql<{ exportCatalogue: string }>(api.baseUrl, EXPORT, {
      token: county,
      variables: { versionId },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(exported.data!.exportCatalogue, 'base64') as unknown as ArrayBuffer,
    );
    expect(book.getWorksheet('事项')!.getRow(3).getCell(2).text).toBe('城乡最低生活保障对象认定');
  });

  it('imports the demo catalogue as shipped (the file a newcomer uploads), and the seed published the same', async () => {
    const file = readFileSync(join(__dirname, '../../libs/catalog/demo/standard-catalogue.xlsx'));
    const imported = await importAndWait('演示导入', file.toString('base64'));
    expect(imported.problems).toEqual([]);
    const [{ items }] = await db.query<{ items: number }>(
      `SELECT count(*)::int AS items FROM catalogue_items WHERE version_id = $1`,
      [imported.versionId],
    );
    const [seeded] = await db.query<{ status: string; item_count: number }>(
      `SELECT status, item_count FROM catalogue_versions WHERE label = '广西政务服务事项基本目录（2026 年版）'`,
    );
    expect(seeded).toEqual({ status: 'PUBLISHED', item_count: items });
    expect(items).toBeGreaterThanOrEqual(197);
  });

  it('imports nothing from a bad spreadsheet and says what is wrong where, in both languages', async () => {
    const before = await db.query(`SELECT count(*)::int AS n FROM catalogue_versions`);
    const sheets: Record<string, string[][]> = JSON.parse(JSON.stringify(ITEMS_SHEET));
    sheets['事项'].push([...sheets['事项'][1]]);
    sheets['事项'][2][2] = '行政审批';
    sheets['事项'][2][8] = '三十天';
    sheets['材料'].push(['999', '证明', '原件', '1', '是', '']);
    delete sheets['流程'];
    const failed = await importAndWait('坏表', await spreadsheetBase64(sheets));
    expect(failed.status).toBe('FAILED');
    expect(failed.versionId).toBeNull();
    expect(failed.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.code}`)).toEqual([
      '流程:null:null:SHEET_MISSING',
    ]);
    sheets['流程'] = ITEMS_SHEET['流程'];
    const failedAgain = await importAndWait('坏表二', await spreadsheetBase64(sheets));
    expect(failedAgain.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.code}`)).toEqual([
      '事项:3:事项类型:UNKNOWN_TYPE',
      '事项:3:法定时限:LIMIT_NOT_A_NUMBER',
      '事项:4:事项编码:DUPLICATE_CODE',
      '材料:5:事项编码:UNKNOWN_ITEM',
    ]);
    expect(failedAgain.problems[0].message.zhCN).toContain('行政审批');
    expect(failedAgain.problems[0].message.enUS).toContain('Unknown item type');
    expect(await db.query(`SELECT count(*)::int AS n FROM catalogue_versions`)).toEqual(before);
  });

  it('reports merged cells where they are (they come after the rows in the file), importing nothing', async () => {
    const sheets: Record<string, string[][]> = JSON.parse(JSON.stringify(ITEMS_SHEET));
    const failed = await importAndWait(
      '合并单元格',
      await spreadsheetBase64(sheets, { 事项: 'D2:D3' }),
    );
    expect(failed.status).toBe('FAILED');
    expect(failed.versionId).toBeNull();
    expect(failed.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.code}`)).toEqual([
      '事项:2:主管部门:MERGED_CELL',
      '事项:3:主管部门:MERGED_CELL',
    ]);
    expect(failed.rowsRead).toBe(3 + 4 + 7);
  });

  it('refuses a file that is not a spreadsheet at once, and changes nothing', async () => {
    const before = await databaseFingerprint(db);
    const result = await gql(api.baseUrl, IMPORT, {
      token: platform,
      variables: {
        input: {
          label: 'csv',
          fileName: 'x.csv',
          spreadsheet: Buffer.from('a,b\n1,2').toString('base64'),
        },
      },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).toContain('not an XLSX spreadsheet');
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('lets only the platform operator manage the standard', async () => {
    const spreadsheet = await spreadsheetBase64(ITEMS_SHEET);
    const allowed = await gql(api.baseUrl, `query { catalogueVersions { id } }`, { token: county });
    expect(allowed.errors).toBeUndefined();
    const result = await gql(api.baseUrl, IMPORT, {
      token: county,
      variables: { input: { label: '县自制', fileName: 'x.xlsx', spreadsheet } },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });
});
