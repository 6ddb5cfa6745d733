import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  startApi,
  TestDatabase,
} from '@tongban/test-support';

/**
 * The public service guide (办事指南) and one-time notification (一次性告知, issue 9 item 7):
 * anyone reads a serving center's guide without logging in; a center that is unknown,
 * onboarding or suspended is NOT_FOUND alike, and bad input is BAD_USER_INPUT, never an
 * internal error.
 */
const CENTER = `query($divisionCode: String!) { serviceGuideCenter(divisionCode: $divisionCode) {
  name kind divisionCode } }`;
const ITEMS = `query($divisionCode: String!, $search: String, $department: String, $first: Int, $after: String) {
  serviceGuideItems(divisionCode: $divisionCode, search: $search, department: $department, first: $first, after: $after) {
    nodes { code name type competentDepartment onTheSpot handling onlineAvailable
            promisedLimit { onTheSpot workingDays } statutoryLimit { onTheSpot workingDays } }
    hasNextPage endCursor } }`;
const DEPARTMENTS = `query($divisionCode: String!) { serviceGuideDepartments(divisionCode: $divisionCode) }`;
const ITEM = `query($divisionCode: String!, $code: String!) { serviceGuideItem(divisionCode: $divisionCode, code: $code) {
  code name legalBasis applicantScopes conditions steps fee { free basis amount } feeNote
  materials { name form copies required notes } } }`;
const NOTIFY = `query($divisionCode: String!, $code: String!, $present: [String!]!) {
  oneTimeNotification(divisionCode: $divisionCode, code: $code, presentMaterials: $present) {
    code name complete missing { name required } optionalMissing { name } } }`;

interface Entry {
  code: string;
  name: string;
  competentDepartment: string;
}
interface Guide extends Entry {
  legalBasis: string;
  steps: string[];
  materials: { name: string; required: boolean; form: string; copies: number }[];
}

const LIUCHENG = '450222';

describe('the public service guide', () => {
  let db: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const items = (variables: Record<string, unknown>) =>
    gql<{ serviceGuideItems: { nodes: Entry[]; hasNextPage: boolean; endCursor: string | null } }>(
      api.baseUrl,
      ITEMS,
      { variables: { divisionCode: LIUCHENG, ...variables } },
    );
  const guide = (code: string, divisionCode = LIUCHENG) =>
    gql<{ serviceGuideItem: Guide }>(api.baseUrl, ITEM, { variables: { divisionCode, code } });

  /** An item of Liucheng's list with at least two required materials. */
  async function itemWithRequiredMaterials(): Promise<Guide> {
    const page = await items({ first: 200 });
    for (const entry of page.data!.serviceGuideItems.nodes) {
      const found = (await guide(entry.code)).data!.serviceGuideItem;
      if (found.materials.filter((m) => m.required).length >= 2) return found;
    }
    throw new Error('no item with two required materials in the demo list');
  }

  it("names the center and lists Liucheng's items without a token, a page at a time", async () => {
    const center = await gql(api.baseUrl, CENTER, { variables: { divisionCode: LIUCHENG } });
    expect(center.errors).toBeUndefined();
    expect(center.data).toEqual({
      serviceGuideCenter: {
        name: expect.stringContaining('柳城'),
        kind: 'COUNTY',
        divisionCode: LIUCHENG,
      },
    });

    const first = await items({ first: 150 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.serviceGuideItems.nodes).toHaveLength(150);
    expect(first.data!.serviceGuideItems.hasNextPage).toBe(true);
    const rest = await items({ first: 150, after: first.data!.serviceGuideItems.endCursor });
    const all = [...first.data!.serviceGuideItems.nodes, ...rest.data!.serviceGuideItems.nodes];
    expect(all).toHaveLength(197);
    expect(new Set(all.map((entry) => entry.code)).size).toBe(197);
    expect(rest.data!.serviceGuideItems.hasNextPage).toBe(false);
  });

  it('finds an item by part of its name or its code, and filters by department', async () => {
    const [sample] = (await items({ first: 1, after: null })).data!.serviceGuideItems.nodes;
    const byName = await items({ search: sample.name.slice(1, 5) });
    expect(byName.data!.serviceGuideItems.nodes.map((e) => e.code)).toContain(sample.code);
    const byCode = await items({ search: sample.code });
    expect(byCode.data!.serviceGuideItems.nodes.map((e) => e.code)).toEqual([sample.code]);

    const departments = await gql<{ serviceGuideDepartments: string[] }>(api.baseUrl, DEPARTMENTS, {
      variables: { divisionCode: LIUCHENG },
    });
    expect(departments.data!.serviceGuideDepartments).toContain(sample.competentDepartment);
    const ofDepartment = await items({ department: sample.competentDepartment, first: 200 });
    const nodes = ofDepartment.data!.serviceGuideItems.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((e) => e.competentDepartment === sample.competentDepartment)).toBe(true);
    expect((await items({ search: '没有这样的事项' })).data!.serviceGuideItems.nodes).toEqual([]);
  });

  it("gives an item's whole guide with its materials", async () => {
    const found = await itemWithRequiredMaterials();
    expect(found.legalBasis).not.toBe('');
    expect(found.steps.length).toBeGreaterThan(0);
    for (const material of found.materials) {
      expect(material).toMatchObject({
        name: expect.any(String),
        form: expect.stringMatching(/^(ORIGINAL|COPY|E_LICENCE)$/),
        copies: expect.any(Number),
        required: expect.any(Boolean),
      });
    }
    const unknown = await guide('NO-SUCH-ITEM');
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('tells at once every required material still missing', async () => {
    const found = await itemWithRequiredMaterials();
    const required = found.materials.filter((m) => m.required).map((m) => m.name);
    const notify = (present: string[]) =>
      gql<{
        oneTimeNotification: {
          code: string;
          complete: boolean;
          missing: { name: string; required: boolean }[];
        };
      }>(api.baseUrl, NOTIFY, {
        variables: { divisionCode: LIUCHENG, code: found.code, present },
      });

    const some = await notify([required[0], '不相干的材料']);
    expect(some.errors).toBeUndefined();
    expect(some.data!.oneTimeNotification.complete).toBe(false);
    expect(some.data!.oneTimeNotification.missing.map((m) => m.name)).toEqual(required.slice(1));
    expect(some.data!.oneTimeNotification.missing.every((m) => m.required)).toBe(true);

    const all = await notify(required);
    expect(all.data!.oneTimeNotification).toMatchObject({ complete: true, missing: [] });
  });

  it('answers NOT_FOUND alike for an unknown, an onboarding and a suspended center', async () => {
    const [dapu] = await db.query<{ status: string }>(
      `SELECT status FROM tenants WHERE division_code = '450222100'`,
    );
    expect(dapu.status).toBe('ONBOARDING');
    const answers = [];
    for (const divisionCode of ['999999', '450222100']) {
      answers.push(await gql(api.baseUrl, CENTER, { variables: { divisionCode } }));
      answers.push(await items({ divisionCode }));
      answers.push(await guide('000131128000', divisionCode));
    }
    await db.query(`UPDATE tenants SET status = 'SUSPENDED' WHERE division_code = $1`, [LIUCHENG]);
    try {
      answers.push(await gql(api.baseUrl, CENTER, { variables: { divisionCode: LIUCHENG } }));
      // Below a suspended county too.
      answers.push(await gql(api.baseUrl, CENTER, { variables: { divisionCode: '450222203' } }));
    } finally {
      await db.query(`UPDATE tenants SET status = 'ACTIVE' WHERE division_code = $1`, [LIUCHENG]);
    }
    for (const answer of answers) {
      expect(errorCode(answer)).toBe('NOT_FOUND');
      expect(answer.errors![0].message).toBe('No service guide for this division code');
    }
  });

  it('refuses bad input as BAD_USER_INPUT, never as an internal error', async () => {
    const bad = [
      await gql(api.baseUrl, CENTER, { variables: { divisionCode: '4502' } }),
      await gql(api.baseUrl, CENTER, { variables: { divisionCode: "450222' OR 1=1" } }),
      await gql(api.baseUrl, CENTER, { variables: { divisionCode: '1234567890123' } }),
      await items({ search: 'a\u0000b' }),
      await items({ search: 'x'.repeat(101) }),
      await items({ first: 0 }),
      await guide('a\u0000'),
    ];
    for (const answer of bad) {
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    }
  });
});
