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
 * Intake from the menu (issue 9): a window takes in only items of its center's menu, and the
 * application keeps the item as it was (version, name, limits, handling) whatever the list
 * says later. Off the menu, retired or not at this tier: refused with its own code, nothing
 * written.
 */
const PASSWORD = 'Demo#2026';
const FIELDS = `id itemCode itemName itemVersionId itemHandling
  statutoryLimit { onTheSpot workingDays } promisedLimit { onTheSpot workingDays }`;
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { ${FIELDS} } }`;
const GET = `query Get($id: ID!) { application(id: $id) { ${FIELDS} } }`;
const LIST_ENTRY = `query($input: ImplementationListInput!) { implementationItems(input: $input) {
  nodes { code version materials { name form required copies notes } } } }`;
const UPDATE = `mutation($input: UpdateImplementationItemInput!) { updateImplementationItem(input: $input) {
  code version promisedLimit { onTheSpot workingDays } } }`;

interface Snapshot {
  id: string;
  itemCode: string;
  itemName: string;
  itemVersionId: string | null;
  itemHandling: string | null;
  statutoryLimit: { onTheSpot: boolean; workingDays: number | null } | null;
  promisedLimit: { onTheSpot: boolean; workingDays: number | null } | null;
}

/** 食品经营许可（新办）: on Liucheng's list, with a statutory limit in working days. */
const FOOD_LICENCE = '00013130100001';
/** 高龄津贴申领: the county decides it, villages only take it in. */
const AGE_ALLOWANCE = '450011002W01';
/** 固定资产投资项目节能审查: on Liucheng's list, on no township or village menu. */
const COUNTY_ONLY = '000104002000';

describe('intake from the menu', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const windows: Record<string, string> = {};
  let liuchengId = '';

  const submit = (username: string, window: string, itemCode: string) =>
    gql<{ submitApplication: Snapshot }>(api.baseUrl, SUBMIT, {
      token: tokens[username],
      variables: { input: { windowId: windows[window], itemCode, applicant: { name: '蓝桂英' } } },
    });
  const problemCode = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    (
      result.errors?.[0]?.extensions?.problems as { field: string; code: string }[] | undefined
    )?.[0];

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    let address = 1;
    for (const username of [
      'liucheng.admin',
      'liucheng.window',
      'mashan.manager',
      'village.staff',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.9.0.${address++}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ key: string; id: string }>(
      `SELECT t.division_code || '/' || w.code AS key, w.id FROM service_windows w
         JOIN tenants t ON t.id = w.tenant_id`,
    )) {
      windows[row.key] = row.id;
    }
    [{ id: liuchengId }] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222'`,
    );
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('records the item as it was, and a later localization leaves the application alone', async () => {
    const taken = await submit('liucheng.window', '450222/C1', FOOD_LICENCE);
    expect(taken.errors).toBeUndefined();
    const application = taken.data!.submitApplication;
    expect(application).toMatchObject({
      itemCode: FOOD_LICENCE,
      itemName: '食品经营许可（新办）',
      itemHandling: 'HANDLE',
    });
    expect(application.itemVersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(application.promisedLimit).toEqual(application.statutoryLimit);

    const listed = await gql<{
      implementationItems: { nodes: { code: string; version: number; materials: unknown[] }[] };
    }>(api.baseUrl, LIST_ENTRY, {
      token: tokens['liucheng.admin'],
      variables: { input: { tenantId: liuchengId, first: 1, search: FOOD_LICENCE } },
    });
    const entry = listed.data!.implementationItems.nodes[0];
    const promised = await gql(api.baseUrl, UPDATE, {
      token: tokens['liucheng.admin'],
      variables: {
        input: {
          tenantId: liuchengId,
          code: FOOD_LICENCE,
          expectedVersion: entry.version,
          promisedLimit: { onTheSpot: false, workingDays: 1 },
          materials: entry.materials,
        },
      },
    });
    expect(promised.errors).toBeUndefined();

    const again = await gql<{ application: Snapshot }>(api.baseUrl, GET, {
      token: tokens['liucheng.window'],
      variables: { id: application.id },
    });
    expect(again.data!.application.promisedLimit).toEqual(application.promisedLimit);
    const next = await submit('liucheng.window', '450222/C1', FOOD_LICENCE);
    expect(next.data!.submitApplication.promisedLimit).toEqual({
      onTheSpot: false,
      workingDays: 1,
    });
  });

  it('lets a village station take in what the county decides, as intake only', async () => {
    const taken = await submit('village.staff', '450222203201/D1', AGE_ALLOWANCE);
    expect(taken.errors).toBeUndefined();
    expect(taken.data!.submitApplication).toMatchObject({
      itemName: '高龄津贴申领',
      itemHandling: 'INTAKE_ONLY',
    });
  });

  it('refuses an item off the menu, one nobody has, and a NUL byte, writing nothing', async () => {
    const before = await databaseFingerprint(db);
    const offMenu = await submit('village.staff', '450222203201/D1', COUNTY_ONLY);
    expect(errorCode(offMenu)).toBe('BAD_USER_INPUT');
    expect(problemCode(offMenu)).toEqual(
      expect.objectContaining({ field: 'itemCode', code: 'ITEM_NOT_ON_MENU' }),
    );
    const township = await submit('mashan.manager', '450222203/C1', COUNTY_ONLY);
    expect(problemCode(township)?.code).toBe('ITEM_NOT_ON_MENU');
    const unknown = await submit('liucheng.window', '450222/C1', '999999999999');
    expect(problemCode(unknown)?.code).toBe('ITEM_NOT_ON_MENU');
    const nul = await submit('liucheng.window', '450222/C1', '0001311\u00002800001');
    expect(errorCode(nul)).toBe('BAD_USER_INPUT');
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('refuses an item whose standard version was retired', async () => {
    // Retiring the version the list came from (the platform operator's act, done here directly).
    await db.query(`UPDATE catalogue_versions SET status = 'RETIRED'`);
    try {
      const before = await databaseFingerprint(db);
      const retired = await submit('liucheng.window', '450222/C1', FOOD_LICENCE);
      expect(errorCode(retired)).toBe('CONFLICT');
      expect(problemCode(retired)?.code).toBe('ITEM_RETIRED');
      expect(await databaseFingerprint(db)).toBe(before);
    } finally {
      await db.query(`UPDATE catalogue_versions SET status = 'PUBLISHED'`);
    }
  });
});
