import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  GraphQLResult,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';
import ExcelJS from 'exceljs';

/**
 * Implementation lists and menus (issue 9): Liucheng adopts the published standard and
 * localizes it within the rules; its township and village menus are subsets of the list
 * above, set by hand or from the county's tier templates.
 */
const ADOPT = `mutation($input: AdoptCatalogueInput!) { adoptCatalogue(input: $input) }`;
const LIST = `query($input: ImplementationListInput!) { implementationItems(input: $input) {
  nodes { code handling version promisedLimit { onTheSpot workingDays } materials { name form required copies }
          standard { name statutoryLimit { onTheSpot workingDays } materials { name form required copies } } }
  hasNextPage } }`;
const UPDATE = `mutation($input: UpdateImplementationItemInput!) { updateImplementationItem(input: $input) {
  code version promisedLimit { onTheSpot workingDays } phone } }`;
const SAVE_TEMPLATE = `mutation($input: MenuTemplateInput!) { saveMenuTemplate(input: $input) { id name tier itemCodes } }`;
const APPLY = `mutation($input: ApplyMenuTemplateInput!) { applyMenuTemplate(input: $input) { added removed skipped } }`;
const SET_MENU = `mutation($input: SetMenuInput!) { setMenu(input: $input) { added removed } }`;

type Entry = {
  code: string;
  handling: string;
  version: number;
  promisedLimit: { onTheSpot: boolean; workingDays: number | null };
  materials: { name: string; form: string; required: boolean; copies: number }[];
  standard: {
    name: string;
    statutoryLimit: { onTheSpot: boolean; workingDays: number | null };
    materials: Entry['materials'];
  };
};

const reason = (result: GraphQLResult<unknown>) =>
  (result.errors?.[0]?.extensions as { reason?: string } | undefined)?.reason;

describe('implementation lists and menus', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let versionId: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url });
    for (const username of ['liucheng.admin', 'mashan.manager', 'village.staff', 'liuzhou.city']) {
      tokens[username] = (await login(api.baseUrl, username, 'Demo#2026')).data!.login.accessToken;
    }
    for (const [name, code] of [
      ['liucheng', '450222'],
      ['mashan', '450222203'],
      ['mashanVillage', '450222203201'],
      ['dapu', '450222100'],
    ]) {
      const [row] = await db.query<{ id: string }>(
        `SELECT id FROM tenants WHERE division_code = $1`,
        [code],
      );
      ids[name] = row.id;
    }
    [{ id: versionId }] = await db.query<{ id: string }>(
      `SELECT id FROM catalogue_versions WHERE status = 'PUBLISHED'`,
    );
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const list = async (token: string, tenantId: string, first = 500) =>
    gql<{ implementationItems: { nodes: Entry[]; hasNextPage: boolean } }>(api.baseUrl, LIST, {
      token,
      variables: { input: { tenantId, first } },
    });
  const codesWhere = async (condition: string) =>
    (
      await db.query<{ code: string }>(
        `SELECT code FROM catalogue_items WHERE version_id = $1 AND ${condition} ORDER BY code`,
        [versionId],
      )
    ).map((r) => r.code);

  it('adopts the published standard into the county list once, as the standard says it', async () => {
    // The demo adopted the 197 items Liucheng's center runs; the rest come now, once.
    const [{ seeded }] = await db.query<{ seeded: number }>(
      `SELECT count(*)::int AS seeded FROM implementation_items WHERE tenant_id = $1`,
      [ids.liucheng],
    );
    expect(seeded).toBe(197);
    const adopted = await gql<{ adoptCatalogue: number }>(api.baseUrl, ADOPT, {
      token: tokens['liucheng.admin'],
      variables: { input: { tenantId: ids.liucheng, versionId } },
    });
    expect(adopted.errors).toBeUndefined();
    const [{ count }] = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM catalogue_items WHERE version_id = $1`,
      [versionId],
    );
    expect(adopted.data!.adoptCatalogue).toBe(count - seeded);
    const again = await gql<{ adoptCatalogue: number }>(api.baseUrl, ADOPT, {
      token: tokens['liucheng.admin'],
      variables: { input: { tenantId: ids.liucheng, versionId } },
    });
    expect(again.data!.adoptCatalogue).toBe(0);

    const listed = await list(tokens['liucheng.admin'], ids.liucheng);
    const entries = listed.data!.implementationItems.nodes;
    expect(entries).toHaveLength(count);
    for (const entry of entries) {
      expect(entry.promisedLimit).toEqual(entry.standard.statutoryLimit);
      expect(entry.materials).toEqual(entry.standard.materials);
    }
    // The county decides what the catalogue lets a county decide (宅基地审批 is the township's).
    const countyHandles = await codesWhere(`'COUNTY' = ANY(handling_tiers)`);
    expect(entries.filter((e) => e.handling === 'HANDLE').map((e) => e.code)).toEqual(
      countyHandles,
    );
    expect(countyHandles.length).toBeGreaterThan(count - 5);
    // A township does not adopt the standard itself.
    const township = await gql(api.baseUrl, ADOPT, {
      token: tokens['mashan.manager'],
      variables: { input: { tenantId: ids.mashan, versionId } },
    });
    expect([errorCode(township), reason(township)]).toEqual(['BAD_USER_INPUT', 'NOT_A_COUNTY']);
  });

  it('localizes within the rules: the promise, the materials, never a locked element', async () => {
    const [code] = await codesWhere(`statutory_days >= 10 AND jsonb_array_length(materials) >= 1`);
    const entry = (
      await list(tokens['liucheng.admin'], ids.liucheng)
    ).data!.implementationItems.nodes.find((e) => e.code === code)!;
    const statutory = entry.standard.statutoryLimit.workingDays!;
    const base = {
      tenantId: ids.liucheng,
      code,
      expectedVersion: entry.version,
      promisedLimit: { onTheSpot: false, workingDays: 5 },
      materials: entry.materials,
      phone: '0772-7612345',
    };
    const update = (input: object) =>
      gql<{
        updateImplementationItem: {
          version: number;
          promisedLimit: { workingDays: number };
          phone: string;
        };
      }>(api.baseUrl, UPDATE, {
        token: tokens['liucheng.admin'],
        variables: { input: { ...base, ...input } },
      });

    const above = await update({ promisedLimit: { onTheSpot: false, workingDays: statutory + 1 } });
    expect([errorCode(above), reason(above)]).toEqual([
      'BAD_USER_INPUT',
      'PROMISED_LIMIT_ABOVE_STATUTORY',
    ]);
    const added = await update({
      materials: [
        ...entry.materials,
        { name: '村委会证明', form: 'ORIGINAL', copies: 1, required: true },
      ],
    });
    expect([errorCode(added), reason(added)]).toEqual([
      'BAD_USER_INPUT',
      'REQUIRED_MATERIAL_ADDED',
    ]);
    const renamed = await update({ name: `${entry.standard.name}（柳城）` });
    expect([errorCode(renamed), reason(renamed)]).toEqual(['BAD_USER_INPUT', 'LOCKED_ELEMENT']);
    expect(renamed.errors![0].message).toContain('name');
    const sameName = await update({ name: entry.standard.name });
    expect(sameName.errors).toBeUndefined();
    expect(sameName.data!.updateImplementationItem).toMatchObject({
      version: entry.version + 1,
      promisedLimit: { workingDays: 5 },
      phone: '0772-7612345',
    });

    // The edit read before that one is stale now.
    const stale = await update({ promisedLimit: { onTheSpot: false, workingDays: 3 } });
    expect([errorCode(stale), reason(stale)]).toEqual(['CONFLICT', 'STALE_VERSION']);
  });

  it('keeps menus within the list above, and a village to what villages may take in', async () => {
    const villageCodes = await codesWhere(
      `'VILLAGE' = ANY(intake_only_tiers) OR 'VILLAGE' = ANY(handling_tiers)`,
    );
    const [countyOnly] = await codesWhere(
      `NOT ('VILLAGE' = ANY(intake_only_tiers) OR 'VILLAGE' = ANY(handling_tiers))`,
    );
    expect(villageCodes.length).toBeGreaterThanOrEqual(20);
    const save = (itemCodes: string[], name = '村级标准菜单') =>
      gql<{ saveMenuTemplate: { id: string; itemCodes: string[] } }>(api.baseUrl, SAVE_TEMPLATE, {
        token: tokens['liucheng.admin'],
        variables: { input: { countyId: ids.liucheng, name, tier: 'VILLAGE', itemCodes } },
      });
    const notForVillages = await save([villageCodes[0], countyOnly]);
    expect([errorCode(notForVillages), reason(notForVillages)]).toEqual([
      'BAD_USER_INPUT',
      'NOT_FOR_VILLAGES',
    ]);
    const unknown = await save([villageCodes[0], 'NO-SUCH-ITEM']);
    expect([errorCode(unknown), reason(unknown)]).toEqual([
      'BAD_USER_INPUT',
      'OUTSIDE_PARENT_LIST',
    ]);
    const template = await save(villageCodes.slice(0, 20));
    expect(template.errors).toBeUndefined();

    // The township manager gives 马山乡 ten of those and one more; what leaves its menu leaves
    // its stations' menus too; the village template then gives the station the overlap.
    const mashanCodes = [...villageCodes.slice(0, 10), countyOnly];
    const menu = await gql<{ setMenu: { added: number } }>(api.baseUrl, SET_MENU, {
      token: tokens['mashan.manager'],
      variables: { input: { tenantId: ids.mashan, codes: mashanCodes } },
    });
    expect(menu.errors).toBeUndefined();
    const codesOf = async (token: string, tenantId: string) =>
      (await list(token, tenantId)).data!.implementationItems.nodes.map((e) => e.code);
    expect(await codesOf(tokens['mashan.manager'], ids.mashan)).toEqual([...mashanCodes].sort());
    const stationBefore = await codesOf(tokens['mashan.manager'], ids.mashanVillage);
    expect(stationBefore.filter((code) => !mashanCodes.includes(code))).toEqual([]);
    const applied = await gql<{ applyMenuTemplate: { added: number; skipped: string[] } }>(
      api.baseUrl,
      APPLY,
      {
        token: tokens['liucheng.admin'],
        variables: {
          input: { tenantId: ids.mashanVillage, templateId: template.data!.saveMenuTemplate.id },
        },
      },
    );
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyMenuTemplate.added).toBe(10 - stationBefore.length);
    expect(applied.data!.applyMenuTemplate.skipped).toEqual(villageCodes.slice(10, 20));

    // The station's staff see exactly their menu, taken in only (not decided) at a village.
    const own = await list(tokens['village.staff'], ids.mashanVillage);
    expect(own.data!.implementationItems.nodes.map((e) => e.code)).toEqual(
      villageCodes.slice(0, 10),
    );
    const intakeOnly = await codesWhere(`'VILLAGE' = ANY(intake_only_tiers)`);
    for (const entry of own.data!.implementationItems.nodes) {
      expect(entry.handling).toBe(intakeOnly.includes(entry.code) ? 'INTAKE_ONLY' : 'HANDLE');
    }
    // A menu beyond the township's list is refused.
    const beyond = await gql(api.baseUrl, SET_MENU, {
      token: tokens['mashan.manager'],
      variables: { input: { tenantId: ids.mashanVillage, codes: villageCodes.slice(0, 12) } },
    });
    expect([errorCode(beyond), reason(beyond)]).toEqual(['BAD_USER_INPUT', 'OUTSIDE_PARENT_LIST']);
  });

  it('shows a list only to those who see its tenant, and lets only its managers change it', async () => {
    const foreign = await list(tokens['mashan.manager'], ids.dapu);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    const cityReads = await list(tokens['liuzhou.city'], ids.liucheng, 1);
    expect(cityReads.errors).toBeUndefined();
    const staffWrites = await gql(api.baseUrl, SET_MENU, {
      token: tokens['village.staff'],
      variables: { input: { tenantId: ids.mashanVillage, codes: [] } },
    });
    expect(errorCode(staffWrites)).toBe('FORBIDDEN');
    const cityWrites = await gql(api.baseUrl, SET_MENU, {
      token: tokens['liuzhou.city'],
      variables: { input: { tenantId: ids.mashan, codes: [] } },
    });
    expect(errorCode(cityWrites)).toBe('FORBIDDEN');
  });

  it("exports a tenant's list as the catalogue spreadsheet with what it localized", async () => {
    const exported = await gql<{ exportImplementationList: string }>(
      api.baseUrl,
      `query($tenantId: ID!) { exportImplementationList(tenantId: $tenantId) }`,
      { token: tokens['mashan.manager'], variables: { tenantId: ids.mashan } },
    );
    expect(exported.errors).toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(exported.data!.exportImplementationList, 'base64') as unknown as ArrayBuffer,
    );
    const menu = (await list(tokens['mashan.manager'], ids.mashan)).data!.implementationItems.nodes;
    const items = workbook.getWorksheet('事项')!;
    const localized = workbook.getWorksheet('实施清单')!;
    expect(items.actualRowCount - 1).toBe(menu.length);
    expect(localized.actualRowCount - 1).toBe(menu.length);
    expect(localized.getRow(1).values).toEqual([
      undefined,
      '事项编码',
      '承诺时限',
      '办理地点',
      '咨询电话',
      '办公时间',
      '收费说明',
      '备注',
    ]);
    const codes = menu.map((entry) => entry.code).sort();
    expect(localized.getRow(2).getCell(1).value).toBe(codes[0]);

    const outside = await gql(
      api.baseUrl,
      `query($tenantId: ID!) { exportImplementationList(tenantId: $tenantId) }`,
      { token: tokens['mashan.manager'], variables: { tenantId: ids.dapu } },
    );
    expect(errorCode(outside)).toBe('NOT_FOUND');
  });
});
