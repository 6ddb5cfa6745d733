import ExcelJS from 'exceljs';
import {
  addCatalogueRollout,
  addCatalogueVersion,
  addNeighbourCounty,
  addSecondCitySubtree,
  ApiProcess,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  addInboxMessage,
  giveEveryTenantOneOfEach,
  gql,
  IdKind,
  login,
  MATRIX_ITEM_CODE,
  operationDocument,
  SchemaOperation,
  schemaOperations,
  servedSchema,
  STAFF_ROLE_BY_KIND,
  startApi,
  TenantTargets,
  TestDatabase,
} from '@tongban/test-support';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/**
 * For every actor, every operation of the served schema that takes an id, and every id slot
 * in it: an id of the parent, a sibling, a cousin, a tenant in another city and (for roles
 * that see only their own tenant) a child is refused and changes nothing; a foreign id is
 * NOT_FOUND whenever the actor may do the operation with an id of their own, FORBIDDEN (as
 * for their own id) when their role may not do it at all. Each refusal is paired with a
 * control: the same call with an id of the actor's own succeeds, by the actor or, where
 * their role may not, by someone whose role may. Every tenant holds a row of every kind
 * (tests/support/isolation-fixtures.ts), so nothing is skipped for want of a foreign id.
 */
interface Tenant {
  id: string;
  parent_id: string | null;
  kind: string;
  division_code: string;
  name: string;
}
interface IdSlot {
  path: string[];
  kind: IdKind;
}
interface IdOperation extends SchemaOperation {
  slots: IdSlot[];
}

/**
 * What each id argument of the schema names, by its name (or, for a bare `id`, by
 * operation). An id argument missing here fails the suite: a new one is mapped, not skipped.
 */
const ID_ARGUMENTS: Record<string, IdKind> = {
  'application.id': 'application',
  'tenant.id': 'tenant',
  tenantId: 'tenant',
  parentId: 'tenant',
  windowId: 'window',
  userId: 'user',
  countyId: 'tenant',
  versionId: 'catalogueVersion',
  'catalogueVersion.id': 'catalogueVersion',
  'catalogueImport.id': 'catalogueImport',
  'catalogueImportReport.id': 'catalogueImport',
  templateId: 'menuTemplate',
  menuTemplateId: 'menuTemplate',
  'deleteMenuTemplate.id': 'menuTemplate',
  'saveMenuTemplate.id': 'menuTemplate',
  previousVersionId: 'catalogueVersion',
  'catalogueRollout.id': 'catalogueRollout',
  'commandCatalogueRollout.id': 'catalogueRollout',
  'exportCatalogueRollout.id': 'catalogueRollout',
  ...Object.fromEntries(
    [
      'acceptApplication',
      'rejectApplication',
      'requestSupplement',
      'receiveSupplement',
      'startReview',
      'suspendApplication',
      'resumeApplication',
      'approveApplication',
      'denyApplication',
      'completeApplication',
      'completeOnTheSpot',
      'withdrawApplication',
      'requestExtension',
      'forwardApplication',
      'handBackResult',
    ].map((act) => [`${act}.id`, 'application' as const]),
  ),
  extensionId: 'applicationExtension',
  applicationId: 'application',
  'revokeEvaluationDevice.id': 'evaluationDevice',
  'rectificationCase.id': 'rectificationCase',
  caseId: 'rectificationCase',
  'closeWarning.id': 'warning',
  'markInboxMessageRead.id': 'inboxMessage',
  'complaint.id': 'complaint',
  complaintId: 'complaint',
  assigneeId: 'user',
  'revokeAttendanceTerminal.id': 'attendanceTerminal',
  staffId: 'user',
};

/** Acts on a complaint, each legal only while it is open: reopened before each control. */
const COMPLAINT_ACTS = new Set([
  'assignComplaint',
  'addComplaintNote',
  'resolveComplaint',
  'closeComplaint',
]);

/** The state a rectification case is put in before each control of an act on it. */
const CASE_FROM: Record<string, 'OPEN' | 'OPEN_CALLED' | 'APPEALED'> = {
  recordRectificationCallback: 'OPEN',
  closeRectificationCase: 'OPEN_CALLED',
  appealRectification: 'OPEN',
  decideRectificationAppeal: 'APPEALED',
};

/**
 * The state each act of the lifecycle starts from, arranged (in SQL) on the control's own
 * application before the control: an act is legal only from some states.
 */
const ACT_FROM: Record<
  string,
  { status: string; pause?: string; onTheSpot?: boolean; intakeOnlyItem?: string }
> = {
  acceptApplication: { status: 'SUBMITTED' },
  rejectApplication: { status: 'SUBMITTED' },
  requestSupplement: { status: 'SUBMITTED' },
  receiveSupplement: { status: 'SUPPLEMENT_REQUESTED' },
  startReview: { status: 'ACCEPTED' },
  suspendApplication: { status: 'IN_REVIEW' },
  resumeApplication: { status: 'SUSPENDED', pause: 'HEARING' },
  approveApplication: { status: 'IN_REVIEW' },
  denyApplication: { status: 'IN_REVIEW' },
  completeApplication: { status: 'APPROVED' },
  completeOnTheSpot: { status: 'SUBMITTED', onTheSpot: true },
  withdrawApplication: { status: 'SUBMITTED' },
  requestExtension: { status: 'ACCEPTED' },
  decideExtension: { status: 'ACCEPTED' },
  // 城乡最低生活保障对象认定: only taken in at townships and stations, decided by the county.
  forwardApplication: { status: 'SUBMITTED', intakeOnlyItem: '000111001000' },
  handBackResult: { status: 'RESULT_READY' },
};

/**
 * Id slots the matrix cannot aim (their right ids are no tenant's own), and where they are
 * tested instead.
 */
const ID_AIMED_ELSEWHERE: Record<string, string> = {
  ...Object.fromEntries(
    ['windowId', 'staffId', 'applicationId', 'tenantId'].map((slot) => [
      `logComplaint.input.${slot}`,
      'a complaint is about exactly one window, staff member or application (a call naming several is BAD_USER_INPUT, so no control can fill every slot): complaints.e2e.spec.ts aims each at another tenant’s window, application and staff member, and the staff member’s tenant at another tenant',
    ]),
  ),
  'recordClockEvents.input.events.staffId':
    'a public call whose right is the terminal token, not a person: attendance.e2e.spec.ts aims a terminal at staff members of the county above and the village below, and a token at another tenant',
  'rateByDevice.input.applicationId':
    'a public call whose right is the device token, not a person: evaluation.e2e.spec.ts aims a device at an application of another window and another tenant, and a token at another tenant',
  'forwardApplication.input.toTenantId':
    'names a center above the actor (代办 forwards up the line), never one of their own: proxy-intake.e2e.spec.ts aims it at a sibling station, another township and a center that does not handle the item',
};

/** Kinds of row one tenant publishes for others to use: the standard and its imports, templates. */
const PUBLISHED_KINDS = new Set<IdKind>(['catalogueVersion', 'catalogueImport', 'menuTemplate']);

/**
 * Slots whose id the operation does not read, and why (their calls are still made, must
 * change nothing, and must not answer otherwise than the control).
 */
const ID_NOT_READ: Record<string, string> = {
  'onboardingPreview.input.menuTemplateId':
    'the preview does not read the template (it shows no menu); onboardTenant, which applies it, refuses one out of sight',
  'villageSheetPreview.input.menuTemplateId':
    'the preview does not read the template (it shows no menu); onboardVillages, which applies it, refuses one out of sight',
};

/** What a control needs done first (by whoever may): one cannot enable what is enabled. */
const PREPARE: Record<string, string> = {
  reactivateTenant: 'suspendTenant',
  enableStaff: 'disableStaff',
  enableServiceWindow: 'disableServiceWindow',
};

/** A successful control leaves things as they were for the rest of the run. */
const UNDO: Record<string, string> = {
  suspendTenant: 'reactivateTenant',
  disableStaff: 'enableStaff',
  disableServiceWindow: 'enableServiceWindow',
  assignStaffToWindow: 'unassignStaffFromWindow',
  unassignStaffFromWindow: 'assignStaffToWindow',
};

/**
 * Controls that cannot exist, and why (anything else without a successful control fails).
 * Keyed `operation.slot@division code of the actor's home`.
 */
const NO_CONTROL: Record<string, string> = {
  // Weights of the monthly assessment are a county's (or the province's): none at a township
  // or a station, whoever acts there.
  'setAssessmentWeights.tenantId@450222203':
    'assessment weights are set by a county or the province, never a township',
  'setAssessmentWeights.tenantId@450222203201':
    'assessment weights are set by a county or the province, never a station',
  ...Object.fromEntries(
    ['recordRectificationCallback', 'closeRectificationCase'].flatMap((act) => [
      [`${act}.input.caseId@450200`, 'a center manager calls back and closes; a city has none'],
      [
        `${act}.input.caseId@450222203201`,
        'a center manager calls back and closes; a station has none',
      ],
    ]),
  ),
  ...Object.fromEntries(
    ['450200', '450222', '450222203', '450222203201'].map((code) => [
      `decideRectificationAppeal.input.caseId@${code}`,
      'a supervisor decides appeals; the only one of the demo is the county’s, whose own control is made',
    ]),
  ),
  ...Object.fromEntries(
    [...COMPLAINT_ACTS].flatMap((act) =>
      ['input.complaintId', ...(act === 'assignComplaint' ? ['input.assigneeId'] : [])].flatMap(
        (slot) => [
          [
            `${act}.${slot}@450200`,
            'center managers and supervisors handle complaints; the city’s matrix people are officials',
          ],
          [
            `${act}.${slot}@450222203201`,
            'center managers and supervisors handle complaints; a station has none',
          ],
        ],
      ),
    ),
  ),
  ...Object.fromEntries(
    [
      'registerAttendanceTerminal.input.tenantId',
      'revokeAttendanceTerminal.id',
      'attendanceTerminals.tenantId',
      'enterAttendance.input.staffId',
      'enterAttendance.input.tenantId',
    ].flatMap((slot) => [
      [`${slot}@450200`, 'a center manager keeps terminals and enters attendance; a city has none'],
      [
        `${slot}@450222203201`,
        'a center manager keeps terminals and enters attendance; a station has none',
      ],
    ]),
  ),
  'decideExtension.input.extensionId@450200':
    'extensions are approved by a center manager; a city has none',
  'decideExtension.input.extensionId@450222203201':
    'extensions are approved by a center manager; a station has none',
  'setSupervisionSettings.input.tenantId@450222203':
    'supervision settings are set by a province or a county; none is in a township’s reach',
  'setSupervisionSettings.input.tenantId@450222203201':
    'supervision settings are set by a province or a county; none is in a station’s reach',
  'forwardApplication.input.id@450200': 'no center above a city decides items (代办 goes up)',
  'forwardApplication.input.id@450222': 'no center above a county decides items (代办 goes up)',
  'onboardTenant.input.parentId@450222203201': 'nothing is opened under a village station',
  'onboardingPreview.input.parentId@450222203201': 'nothing is opened under a village station',
  'onboardVillages.input.parentId@450222203201': 'nothing is opened under a village station',
  'villageSheetPreview.input.parentId@450222203201': 'nothing is opened under a village station',
  'onboardTenant.input.menuTemplateId@450222203201': 'nothing is opened under a village station',
  'onboardingPreview.input.menuTemplateId@450222203201':
    'nothing is opened under a village station',
  'onboardVillages.input.menuTemplateId@450222203201': 'nothing is opened under a village station',
  'submitApplication.input.windowId@450200': 'a city takes nothing in: it has no menu',
  'setMenu.input.tenantId@450222': 'a window clerk’s scope is the county alone, which has no menu',
  'applyMenuTemplate.input.tenantId@450222':
    'a window clerk’s scope is the county alone, which has no menu',
  'applyMenuTemplate.input.templateId@450222':
    'a window clerk’s scope is the county alone, which has no menu',
  'menuTemplates.countyId@450222203':
    'templates are a county’s; no county is in a township’s reach',
  'saveMenuTemplate.input.countyId@450222203':
    'templates are a county’s; no county is in a township’s reach',
  'saveMenuTemplate.input.id@450222203':
    'templates are a county’s; no county is in a township’s reach',
  'adoptCatalogue.input.tenantId@450222203': 'a county adopts; no county is in a township’s reach',
  'adoptCatalogue.input.versionId@450222203': 'a county adopts; no county is in a township’s reach',
  'menuTemplates.countyId@450222203201':
    'templates are a county’s; no county is in a station’s reach',
  'saveMenuTemplate.input.countyId@450222203201':
    'templates are a county’s; no county is in a station’s reach',
  'saveMenuTemplate.input.id@450222203201':
    'templates are a county’s; no county is in a station’s reach',
  'adoptCatalogue.input.tenantId@450222203201':
    'a county adopts; no county is in a station’s reach',
  'adoptCatalogue.input.versionId@450222203201':
    'a county adopts; no county is in a station’s reach',
  'catalogueRolloutPreview.input.tenantId@450222203':
    'a rollout runs over a county or above; no county is in a township’s reach',
  'catalogueRolloutPreview.input.versionId@450222203':
    'a rollout runs over a county or above; no county is in a township’s reach',
  'exportCatalogueRolloutPreview.input.tenantId@450222203':
    'a rollout runs over a county or above; no county is in a township’s reach',
  'exportCatalogueRolloutPreview.input.versionId@450222203':
    'a rollout runs over a county or above; no county is in a township’s reach',
  'startCatalogueRollout.input.tenantId@450222203':
    'a rollout runs over a county or above; no county is in a township’s reach',
  'startCatalogueRollout.input.versionId@450222203':
    'a rollout runs over a county or above; no county is in a township’s reach',
  'catalogueRolloutPreview.input.tenantId@450222203201':
    'a rollout runs over a county or above; no county is in a station’s reach',
  'catalogueRolloutPreview.input.versionId@450222203201':
    'a rollout runs over a county or above; no county is in a station’s reach',
  'exportCatalogueRolloutPreview.input.tenantId@450222203201':
    'a rollout runs over a county or above; no county is in a station’s reach',
  'exportCatalogueRolloutPreview.input.versionId@450222203201':
    'a rollout runs over a county or above; no county is in a station’s reach',
  'startCatalogueRollout.input.tenantId@450222203201':
    'a rollout runs over a county or above; no county is in a station’s reach',
  'startCatalogueRollout.input.versionId@450222203201':
    'a rollout runs over a county or above; no county is in a station’s reach',
};

const ACTORS = [
  'liuzhou.city',
  'liucheng.admin',
  'liucheng.supervisor',
  'liucheng.window',
  'mashan.manager',
  'village.staff',
];
const SUBTREE_ROLES = new Set([
  'liuzhou.city',
  'liucheng.admin',
  'liucheng.supervisor',
  'mashan.manager',
]);
const CHILD_KIND: Record<string, string> = {
  PROVINCE: 'CITY',
  CITY: 'COUNTY',
  COUNTY: 'TOWNSHIP',
  TOWNSHIP: 'VILLAGE',
  VILLAGE: 'VILLAGE',
};
/** Digits a child's division code keeps of its parent's, and how many it adds. */
const CHILD_CODE: Record<string, [number, number]> = {
  PROVINCE: [2, 4],
  CITY: [4, 2],
  COUNTY: [6, 3],
  TOWNSHIP: [9, 3],
  VILLAGE: [12, 0],
};
const SHEET_HEADER = ['行政区划代码', '服务站名称', '代办员用户名', '代办员姓名', '窗口名称'];
const MIN_CALLS_PER_SLOT = 20;

describe('tenant isolation matrix', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let schema: GraphQLSchema;
  let tenants: Tenant[];
  let targets: Map<string, TenantTargets>;
  const homes: Record<string, Tenant> = {};
  const tokens: Record<string, string> = {};
  /** Calls made per `operation.slot`, over all actors and relations. */
  const callsPerSlot = new Map<string, number>();
  let address = 0;
  let unique = 0;

  async function signIn(username: string) {
    address++;
    const result = await login(api.baseUrl, username, 'Demo#2026', {
      'X-Forwarded-For': `10.5.${Math.floor(address / 250)}.${(address % 250) + 1}`,
    });
    if (!result.errors) tokens[username] = result.data!.login.accessToken;
    return result;
  }

  /** Calls as `username`; signs in again once if a control's suspension ended the session. */
  async function call(username: string, document: string, variables: Record<string, unknown>) {
    let result = tokens[username]
      ? await gql(api.baseUrl, document, { token: tokens[username], variables })
      : undefined;
    if (!result || errorCode(result) === 'UNAUTHENTICATED') {
      const signedIn = await signIn(username);
      if (signedIn.errors) return signedIn;
      result = await gql(api.baseUrl, document, { token: tokens[username], variables });
    }
    return result;
  }

  const loadTenants = () =>
    db.query<Tenant>(
      `SELECT id, parent_id, kind, division_code, name FROM tenants ORDER BY division_code`,
    );

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    await addNeighbourCounty(db);
    await addSecondCitySubtree(db);
    targets = await giveEveryTenantOneOfEach(db);
    // A card at a window each demo clerk works, so that no one's list of warnings is empty.
    await db.query(
      `INSERT INTO application_warnings (tenant_id, application_id, kind, level, due_at,
                                         raised_at, window_id)
       SELECT DISTINCT ON (a.window_id) a.tenant_id, a.id, 'ACCEPTANCE', 'YELLOW', now(), now(),
              a.window_id
         FROM applications a JOIN window_assignments w ON w.window_id = a.window_id
        ORDER BY a.window_id, a.id
       ON CONFLICT DO NOTHING`,
    );
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    tenants = await loadTenants();
    for (const username of ACTORS) {
      expect((await signIn(username)).errors).toBeUndefined();
      const [home] = await db.query<{ id: string }>(
        `SELECT home_tenant_id AS id FROM users WHERE username = $1`,
        [username],
      );
      homes[username] = tenants.find((t) => t.id === home.id)!;
    }
    schema = await servedSchema(api.baseUrl);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const children = (t: Tenant) => tenants.filter((c) => c.parent_id === t.id);
  const byId = (id: string | null) => tenants.find((t) => t.id === id);
  const descendants = (t: Tenant): Tenant[] => children(t).flatMap((c) => [c, ...descendants(c)]);

  /** The foreign tenants an actor must not reach, by relation; each one must exist. */
  function foreignOf(username: string): [string, Tenant][] {
    const home = homes[username];
    const parent = byId(home.parent_id)!;
    const grandparent = byId(parent.parent_id);
    const siblings = children(parent).filter((t) => t.id !== home.id);
    const parentsSiblings = grandparent
      ? children(grandparent).filter((t) => t.id !== parent.id)
      : [];
    const cousins = [...siblings.flatMap(descendants), ...parentsSiblings.flatMap(children)];
    const secondCity = tenants.find((t) => t.division_code === '450300')!;
    const elsewhere = [secondCity, ...descendants(secondCity)].filter((t) => t.id !== home.id);
    const relations: [string, Tenant | undefined][] = [
      ['parent', parent],
      ['sibling', siblings[0]],
      ['cousin', cousins[0]],
      ['second city', elsewhere.find((t) => t.kind === home.kind) ?? elsewhere.at(-1)],
    ];
    // A station has no tenant below it; every other home has one.
    if (!SUBTREE_ROLES.has(username) && home.kind !== 'VILLAGE') {
      relations.push(['child', children(home)[0]]);
    }
    const missing = relations.filter(([, t]) => !t).map(([r]) => r);
    if (missing.length) throw new Error(`${username} has no ${missing.join(', ')} to aim at`);
    return relations as [string, Tenant][];
  }

  /** The kind of id an argument names, from ID_ARGUMENTS; undefined when it is not mapped. */
  function kindOf(operation: string, path: string[]): IdKind | undefined {
    const name = path.at(-1)!;
    return name === 'id' ? ID_ARGUMENTS[`${operation}.id`] : ID_ARGUMENTS[name];
  }

  /** Every ID-typed argument or input field in the schema, with its kind (or none). */
  function idArguments(): { operation: SchemaOperation; path: string[]; kind?: IdKind }[] {
    const out: { operation: SchemaOperation; path: string[]; kind?: IdKind }[] = [];
    const visit = (
      operation: SchemaOperation,
      input: GraphQLArgument | GraphQLInputField,
      path: string[],
    ) => {
      const named = getNamedType(input.type);
      if (isScalarType(named) && named.name === 'ID') {
        if (ID_AIMED_ELSEWHERE[`${operation.field.name}.${path.join('.')}`]) return;
        out.push({ operation, path, kind: kindOf(operation.field.name, path) });
      } else if (isInputObjectType(named)) {
        for (const f of Object.values(named.getFields())) visit(operation, f, [...path, f.name]);
      }
    };
    for (const operation of schemaOperations(schema)) {
      for (const arg of operation.field.args) visit(operation, arg, [arg.name]);
    }
    return out;
  }

  function idOperations(): IdOperation[] {
    const byOperation = new Map<string, IdOperation>();
    for (const { operation, path, kind } of idArguments()) {
      if (!kind) throw new Error(`${operation.field.name}(${path.join('.')}): unmapped id`);
      const entry = byOperation.get(operation.field.name) ?? { ...operation, slots: [] };
      entry.slots.push({ path, kind });
      byOperation.set(operation.field.name, entry);
    }
    return [...byOperation.values()];
  }

  const slotKey = (slot: IdSlot) => slot.path.join('.');

  const ancestors = (t: Tenant): Tenant[] => {
    const parent = byId(t.parent_id);
    return parent ? [parent, ...ancestors(parent)] : [];
  };

  /**
   * Catalogue ids of the actor's own, made afresh for each control (a control may publish,
   * retire or delete what it is given): the province's standard as every tenant below reads it
   * (a draft, which only the platform operator sees, then a published version), an import of the
   * province, and templates of the actor's county (its home, an ancestor, or the first county
   * below it) holding every code of the menus of their tier there, so that applying one only
   * adds to a menu.
   */
  async function catalogueCandidates(username: string, kind: IdKind): Promise<string[]> {
    const province = tenants.find((t) => t.kind === 'PROVINCE')!;
    const n = ++unique;
    if (kind === 'catalogueVersion') {
      return [
        await addCatalogueVersion(db, province.id, 'DRAFT', `矩阵对照草稿${n}`),
        await addCatalogueVersion(db, province.id, 'PUBLISHED', `矩阵对照${n}`),
      ];
    }
    if (kind === 'catalogueImport') {
      const [{ id }] = await db.query<{ id: string }>(
        `INSERT INTO catalogue_imports (tenant_id, label, file_name, status)
         VALUES ($1, $2, 'matrix.xlsx', 'FAILED') RETURNING id`,
        [province.id, `矩阵对照导入${n}`],
      );
      return [id];
    }
    const home = homes[username];
    const reach = [home, ...ancestors(home), ...descendants(home)].filter(
      (t) => t.kind === 'COUNTY',
    );
    // The county with the longest list first (the demo's, where there is a choice).
    const [county] = await db.query<{ id: string }>(
      `SELECT t.id FROM tenants t WHERE t.id = ANY ($1::uuid[])
        ORDER BY (SELECT count(*) FROM implementation_items i WHERE i.tenant_id = t.id) DESC,
                 t.division_code LIMIT 1`,
      [reach.map((t) => t.id)],
    );
    const ids: string[] = [];
    for (const tier of ['TOWNSHIP', 'VILLAGE']) {
      const [{ id }] = await db.query<{ id: string }>(
        `INSERT INTO menu_templates (tenant_id, name, tier, item_codes)
         SELECT $1, $2, $3, coalesce(array_agg(DISTINCT i.code), '{}')
           FROM implementation_items i JOIN tenants t ON t.id = i.tenant_id
          WHERE $1 = ANY (t.path) AND t.kind = $3
         RETURNING id`,
        [county.id, `矩阵对照模板${n}${tier}`, tier],
      );
      ids.push(id);
    }
    return ids;
  }

  /** Ids of the actor's own to try in a control, best first (never the fixtures' targets). */
  async function ownCandidates(username: string, kind: IdKind): Promise<string[]> {
    if (kind === 'catalogueVersion' || kind === 'catalogueImport' || kind === 'menuTemplate') {
      return catalogueCandidates(username, kind);
    }
    if (kind === 'catalogueRollout') {
      // Fresh (a control pauses it), owned by a county in the actor's reach: a rollout runs
      // over a county (or above), and whoever may steer it there is the control.
      const home = homes[username];
      const counties = [home, ...ancestors(home), ...descendants(home)].filter(
        (t) => t.kind === 'COUNTY',
      );
      return Promise.all(counties.slice(0, 2).map((t) => addCatalogueRollout(db, t.id)));
    }
    const home = homes[username];
    const actorId = (
      await db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username])
    )[0].id;
    if (kind === 'warning') {
      // Open again (a control closes it): a card on the clerk's own application at home.
      const rows = await db.query<{ id: string }>(
        `INSERT INTO application_warnings (tenant_id, application_id, kind, level, due_at,
                                           raised_at, window_id)
         SELECT a.tenant_id, a.id, 'ACCEPTANCE', 'YELLOW', now(), now(), a.window_id
           FROM applications a WHERE a.tenant_id = $1 AND a.receipt_number LIKE 'MATRIX-MY-%'
         ON CONFLICT (tenant_id, application_id, kind, level)
           DO UPDATE SET status = 'OPEN', note = NULL, closed_by = NULL, closed_at = NULL
         RETURNING id`,
        [home.id],
      );
      return rows.map((r) => r.id);
    }
    if (kind === 'inboxMessage') {
      return [await addInboxMessage(db, home.id, actorId, `matrix-own-${++unique}`)];
    }
    if (kind === 'applicationExtension') {
      const rows = await db.query<{ id: string }>(
        `SELECT e.id FROM application_extensions e
           JOIN applications a ON a.tenant_id = e.tenant_id AND a.id = e.application_id
          WHERE e.tenant_id = $1 ORDER BY e.id LIMIT 3`,
        [home.id],
      );
      return rows.map((r) => r.id);
    }
    if (kind === 'evaluationDevice') {
      // Fresh: a control revokes it.
      const rows = await db.query<{ id: string }>(
        `INSERT INTO evaluation_devices (tenant_id, window_id, label, token_hash, registered_by)
         SELECT w.tenant_id, w.id, '矩阵对照评价器', sha256('matrix'::bytea), $2
           FROM service_windows w WHERE w.tenant_id = $1 ORDER BY w.code LIMIT 1
         RETURNING id`,
        [home.id, actorId],
      );
      return rows.map((r) => r.id);
    }
    if (kind === 'attendanceTerminal') {
      // Fresh: a control revokes it.
      const rows = await db.query<{ id: string }>(
        `INSERT INTO attendance_terminals (tenant_id, label, token_hash, registered_by)
         VALUES ($1, '矩阵对照考勤机', sha256('matrix'::bytea), $2) RETURNING id`,
        [home.id, actorId],
      );
      return rows.map((r) => r.id);
    }
    if (kind === 'complaint') {
      // About the actor or at the actor's own windows first (a clerk reads only those).
      const rows = await db.query<{ id: string }>(
        `SELECT c.id FROM complaints c WHERE c.tenant_id = $1
          ORDER BY c.staff_id IS NOT DISTINCT FROM $2 DESC,
                   EXISTS (SELECT 1 FROM window_assignments w
                            WHERE w.window_id = c.window_id AND w.user_id = $2) DESC,
                   c.id LIMIT 3`,
        [home.id, actorId],
      );
      return rows.map((r) => r.id);
    }
    if (kind === 'rectificationCase') {
      // Those at the actor's own windows first (a clerk reads and appeals only those).
      const rows = await db.query<{ id: string }>(
        `SELECT r.id FROM rectification_cases r WHERE r.tenant_id = $1
          ORDER BY EXISTS (SELECT 1 FROM window_assignments w
                            WHERE w.window_id = r.window_id AND w.user_id = $2) DESC,
                   r.staff_id = $2 DESC, r.id LIMIT 3`,
        [home.id, actorId],
      );
      return rows.map((r) => r.id);
    }
    const target = targets.get(home.id)!;
    const rows = await db.query<{ id: string }>(
      {
        tenant: SUBTREE_ROLES.has(username)
          ? `SELECT id FROM tenants WHERE path @> ARRAY[$1::uuid]
              ORDER BY array_length(path, 1), division_code LIMIT 6`
          : `SELECT id FROM tenants WHERE id = $1`,
        window: `SELECT id FROM service_windows WHERE tenant_id = $1 AND id <> $2
                  ORDER BY code = 'MZ' DESC,
                           EXISTS (SELECT 1 FROM window_assignments a
                                    WHERE a.window_id = service_windows.id AND a.user_id = $3) DESC,
                           code = 'MY' DESC, code LIMIT 6`,
        user: `SELECT m.user_id AS id FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.tenant_id = $1 AND u.id <> $2 AND u.id <> $3
                ORDER BY u.username LIKE 'matrix.spare.%' DESC, u.username LIKE 'matrix.clerk.%',
                         u.username LIMIT 6`,
        // Those at the actor's own windows first: a clerk reads only those (ordering by id
        // alone left the control to chance); then the one at the home clerk's window, which
        // the clerk may act on where the actor may not.
        application: `SELECT a.id FROM applications a WHERE a.tenant_id = $1
                       ORDER BY EXISTS (SELECT 1 FROM window_assignments w
                                         WHERE w.window_id = a.window_id AND w.user_id = $2) DESC,
                                a.receipt_number LIKE 'MATRIX-MY-%' DESC, a.id LIMIT 3`,
      }[kind as 'tenant' | 'window' | 'user' | 'application'],
      kind === 'tenant'
        ? [home.id]
        : kind === 'application'
          ? [home.id, actorId]
          : kind === 'window'
            ? [home.id, target.window, actorId]
            : [home.id, target.user, actorId],
    );
    return rows.map((r) => r.id);
  }

  async function tenantOf(kind: IdKind, id: string): Promise<Tenant> {
    const table = {
      tenant: `SELECT id AS tenant_id FROM tenants WHERE id = $1`,
      window: `SELECT tenant_id FROM service_windows WHERE id = $1`,
      user: `SELECT home_tenant_id AS tenant_id FROM users WHERE id = $1`,
      application: `SELECT tenant_id FROM applications WHERE id = $1`,
      catalogueVersion: `SELECT tenant_id FROM catalogue_versions WHERE id = $1`,
      catalogueImport: `SELECT tenant_id FROM catalogue_imports WHERE id = $1`,
      menuTemplate: `SELECT tenant_id FROM menu_templates WHERE id = $1`,
      catalogueRollout: `SELECT tenant_id FROM catalogue_rollouts WHERE id = $1`,
      applicationExtension: `SELECT tenant_id FROM application_extensions WHERE id = $1`,
      evaluationDevice: `SELECT tenant_id FROM evaluation_devices WHERE id = $1`,
      rectificationCase: `SELECT tenant_id FROM rectification_cases WHERE id = $1`,
      warning: `SELECT tenant_id FROM application_warnings WHERE id = $1`,
      inboxMessage: `SELECT tenant_id FROM notification_inbox WHERE id = $1`,
      complaint: `SELECT tenant_id FROM complaints WHERE id = $1`,
      attendanceTerminal: `SELECT tenant_id FROM attendance_terminals WHERE id = $1`,
    }[kind];
    const [row] = await db.query<{ tenant_id: string }>(table, [id]);
    const [tenant] = await db.query<Tenant>(
      `SELECT id, parent_id, kind, division_code, name FROM tenants WHERE id = $1`,
      [row.tenant_id],
    );
    return tenant;
  }

  /**
   * The tenant a call is about, whose values its other inputs take (a child's kind and code, a
   * role, an entry of its list): the owner of the aimed row, except for catalogue material,
   * which another tenant publishes (the province's versions, a county's templates): then the
   * tenant the call names, if it names one.
   */
  async function aboutTenant(
    operation: IdOperation,
    aimed: IdSlot,
    ids: Map<string, string>,
  ): Promise<Tenant> {
    const named = operation.slots.find((s) => s.kind === 'tenant');
    if (PUBLISHED_KINDS.has(aimed.kind) && named) {
      return tenantOf('tenant', ids.get(slotKey(named))!);
    }
    return tenantOf(aimed.kind, ids.get(slotKey(aimed))!);
  }

  /** A fresh division code for a child of `parent` (kind CHILD_KIND[parent.kind]). */
  function childCode(parent: Tenant): string {
    const [keep, add] = CHILD_CODE[parent.kind];
    // The counter wraps (a county has 499 codes to give here): never a code given before, which
    // a successful control may have opened.
    for (;;) {
      const n = ++unique;
      const own =
        add === 4
          ? `${60 + (n % 39)}00`
          : add === 2
            ? String(60 + (n % 39))
            : String(500 + (n % 499)).padStart(add, '0');
      const code = parent.division_code.slice(0, keep) + own;
      if (!givenCodes.has(code) || givenCodes.size > 5000) {
        givenCodes.add(code);
        return code;
      }
    }
  }
  const givenCodes = new Set<string>();

  async function sheetFor(parent: Tenant): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet('村居');
    worksheet.addRow(SHEET_HEADER);
    // A station's 12-digit code under the township or county.
    const prefix = parent.division_code.slice(0, CHILD_CODE[parent.kind][0]);
    const own = String(700000 + (++unique % 99999)).slice(-(12 - prefix.length));
    worksheet.addRow([
      prefix + own,
      `矩阵${++unique}村便民服务站`,
      `matrix.v${unique}`,
      '代办员',
      '',
    ]);
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  }

  /** A plausible value for a non-id leaf, fitting `target` (the tenant the call is about). */
  async function valueFor(
    name: string,
    type: GraphQLInputType,
    ids: Map<string, string>,
    path: string[],
    target: Tenant,
  ): Promise<unknown> {
    const key = path.join('.');
    const inner = isNonNullType(type) ? type.ofType : type;
    if (ids.has(key)) return isListType(inner) ? [ids.get(key)] : ids.get(key);
    if (isListType(inner)) {
      if (name === 'windows') return [{ code: 'C1', name: '综合窗口1', kind: 'COMPREHENSIVE' }];
      return [await valueFor(name, inner.ofType, ids, path, target)];
    }
    if (isEnumType(inner)) {
      if (inner.name === 'Role') return STAFF_ROLE_BY_KIND[target.kind];
      if (inner.name === 'TenantKind') return CHILD_KIND[target.kind];
      if (inner.name === 'ServiceWindowKind') return 'COMPREHENSIVE';
      return inner.getValues()[0].name;
    }
    if (isInputObjectType(inner)) {
      const fields = Object.values(inner.getFields()).filter(
        (f) =>
          isNonNullType(f.type) || [...ids.keys()].some((k) => k.startsWith(`${key}.${f.name}`)),
      );
      const entries = [];
      for (const f of fields) {
        entries.push([f.name, await valueFor(f.name, f.type, ids, [...path, f.name], target)]);
      }
      return Object.fromEntries(entries);
    }
    switch (inner.name) {
      case 'Int':
      case 'Float':
        return 10;
      case 'Boolean':
        return false;
    }
    if (name === 'divisionCode') return childCode(target);
    if (name === 'spreadsheet') return sheetFor(target);
    if (name === 'username') return `matrix.u${++unique}`;
    if (name === 'password') return 'Matrix#2026-password';
    if (name === 'code') return `M${++unique}`;
    if (name === 'itemCode') return '00013112800001';
    if (name === 'itemName') return '个体工商户设立登记';
    return `矩阵测试${++unique}`;
  }

  /**
   * Inputs no generic value fits, read from the tenant a call is about: an entry of its list as
   * it stands (so that the update changes nothing of it), its menu as it stands, a template
   * with no items for a township.
   */
  async function inputOf(
    operation: string,
    target: Tenant,
    ids: Map<string, string>,
  ): Promise<Record<string, unknown>> {
    if (ACT_FROM[operation] && operation !== 'decideExtension') {
      const [application] = await db.query<{ version: number; material: string | null }>(
        `SELECT a.version, (SELECT m->>'name' FROM implementation_items l,
                                   jsonb_array_elements(l.materials) m
                             WHERE l.tenant_id = a.tenant_id AND l.code = a.item_code LIMIT 1)
                           AS material
           FROM applications a WHERE a.id = $1`,
        [ids.get('input.id')],
      );
      return {
        version: application?.version ?? 1,
        reason: '矩阵理由',
        ...(operation === 'requestSupplement'
          ? { missingMaterials: [application?.material ?? '矩阵材料'] }
          : {}),
        ...(operation === 'suspendApplication' ? { procedure: 'HEARING' } : {}),
        ...(operation === 'requestExtension' ? { workingDays: 2 } : {}),
      };
    }
    if (operation === 'decideExtension') return { approve: true };
    if (operation === 'resolveComplaint') return { outcome: 'SUBSTANTIATED' };
    // A callback made now, after the review (a case's review is a day old).
    if (operation === 'recordRectificationCallback') return { calledAt: new Date().toISOString() };
    if (operation === 'enterCalendarYear') {
      // A tenant's local year, empty, of a year nobody else enters (undone after the control).
      return { kind: 'LOCAL', year: 2040 + (++unique % 60), daysOff: [], adjustedWorkdays: [] };
    }
    if (operation === 'setBusinessHours') {
      return {
        periods: [
          { opens: '08:30', closes: '12:00' },
          { opens: '14:30', closes: '17:30' },
        ],
      };
    }
    if (operation === 'updateImplementationItem') {
      const [entry] = await db.query<{
        code: string;
        version: number;
        materials: Record<string, unknown>[];
        days: number | null;
      }>(
        `SELECT code, version, materials, promised_days AS days FROM implementation_items
          WHERE tenant_id = $1 ORDER BY code = $2 DESC, code LIMIT 1`,
        [target.id, MATRIX_ITEM_CODE],
      );
      if (!entry) return { code: MATRIX_ITEM_CODE };
      return {
        code: entry.code,
        expectedVersion: entry.version,
        materials: entry.materials.map(({ name, form, copies, required, notes }) => ({
          name,
          form,
          copies,
          required,
          notes,
        })),
        promisedLimit:
          entry.days === null ? { onTheSpot: true } : { onTheSpot: false, workingDays: entry.days },
      };
    }
    if (operation === 'setMenu') {
      const [{ codes }] = await db.query<{ codes: string[] }>(
        `SELECT coalesce(array_agg(code), '{}') AS codes FROM implementation_items
          WHERE tenant_id = $1`,
        [target.id],
      );
      return { codes };
    }
    if (operation === 'saveMenuTemplate') return { tier: 'TOWNSHIP', itemCodes: [] };
    // The insights read a period (and the cases of one figure).
    if (
      [
        'insightFigures',
        'insightComparison',
        'insightSeries',
        'insightCases',
        'exportInsightCases',
        'exportInsightComparison',
      ].includes(operation)
    ) {
      return {
        from: '2026-01-01',
        to: '2026-12-31',
        ...(operation.endsWith('InsightCases') || operation === 'insightCases'
          ? { figure: 'completions' }
          : {}),
      };
    }
    // A forgotten clock-in of an hour ago (not from the future).
    if (operation === 'enterAttendance') {
      return { at: new Date(Date.now() - 3_600_000).toISOString(), reason: '矩阵补录' };
    }
    if (operation === 'setCatalogueMappings') return { mappings: [] };
    return {};
  }

  /** Arguments no generic value fits (the standard item a version is asked for). */
  const ARGUMENTS: Record<string, Record<string, unknown>> = {
    catalogueItem: { code: MATRIX_ITEM_CODE },
    workingCalendar: { year: 2026 },
    consultationCounts: { from: '2026-01-01', to: '2026-12-31' },
    insightYearlySummary: { year: 2026 },
    monthlyAssessment: { month: '2026-11' },
    exportMonthlyAssessment: { month: '2026-11' },
    setAssessmentWeights: {
      weights: {
        volume: 20,
        onTime: 30,
        satisfaction: 20,
        badReviews: 10,
        warnings: 10,
        attendance: 10,
      },
    },
    attendanceMonth: { month: '2026-11' },
    exportAttendanceMonth: { month: '2026-11' },
  };

  async function variablesFor(
    operation: SchemaOperation,
    ids: Map<string, string>,
    target: Tenant,
  ): Promise<Record<string, unknown>> {
    const variables: Record<string, unknown> = {};
    for (const arg of operation.field.args) {
      const used = [...ids.keys()].some((k) => k === arg.name || k.startsWith(`${arg.name}.`));
      if (isNonNullType(arg.type) || used) {
        variables[arg.name] = await valueFor(arg.name, arg.type, ids, [arg.name], target);
      }
    }
    const input = await inputOf(operation.field.name, target, ids);
    if (Object.keys(input).length) Object.assign(variables.input as object, input);
    return { ...variables, ...ARGUMENTS[operation.field.name] };
  }

  function byName(name: string): SchemaOperation {
    return schemaOperations(schema).find((o) => o.field.name === name)!;
  }

  interface Control {
    /** Who succeeded with ids of the actor's own. */
    by: string;
    ids: Map<string, string>;
    /** The actor's own answer where their role may not do it. */
    actorCode?: string;
  }

  /**
   * The control of one slot: the actor tries combinations of their own ids; if none
   * succeeds, the home's clerk, the platform operator and the county administrator try the
   * same (someone whose role may). A success that changed something is undone.
   */
  async function findControl(
    username: string,
    operation: IdOperation,
    aimed: IdSlot,
  ): Promise<
    { control: Control } | { answers: string[]; actorCode?: string; fallback: Map<string, string> }
  > {
    const home = homes[username];
    const candidates = await Promise.all(
      operation.slots.map((slot) => ownCandidates(username, slot.kind)),
    );
    const combinations: Map<string, string>[] = [];
    const walk = (i: number, ids: Map<string, string>) => {
      if (combinations.length >= 12) return;
      if (i === operation.slots.length) return void combinations.push(new Map(ids));
      for (const id of candidates[i])
        walk(i + 1, new Map(ids).set(slotKey(operation.slots[i]), id));
    };
    walk(0, new Map());
    const document = operationDocument(operation);
    const answers: string[] = [];
    const prepared = new Set<Map<string, string>>();
    let actorCode: string | undefined;
    const controllers = [
      username,
      `matrix.clerk.${home.division_code}`,
      ...(home.kind === 'COUNTY' || home.kind === 'TOWNSHIP'
        ? [`matrix.manager.${home.division_code}`]
        : []),
      'platform',
      'liucheng.admin',
    ];
    try {
      for (const by of controllers) {
        for (const ids of combinations) {
          const target = await aboutTenant(operation, aimed, ids);
          // Not on the actor's own home: a suspended home would lock the actor out.
          const prepare = PREPARE[operation.field.name];
          if (prepare && !(by === username && [...ids.values()].includes(home.id))) {
            prepared.add(ids);
            for (const who of [by, 'liucheng.admin', 'platform']) {
              const done = await call(
                who,
                operationDocument(byName(prepare)),
                await variablesFor(byName(prepare), ids, target),
              );
              if (!done.errors) break;
            }
          }
          await arrangeAct(operation.field.name, ids);
          const result = await call(by, document, await variablesFor(operation, ids, target));
          const code = errorCode(result);
          if (by === username) actorCode ??= code;
          if (!result.errors) {
            prepared.delete(ids);
            await undo(by, operation, ids, target);
            return { control: { by, ids, actorCode: by === username ? undefined : actorCode } };
          }
          answers.push(`${by}: ${code} ${result.errors[0].message}`);
        }
      }
    } finally {
      // What was prepared and not undone by a success is put back.
      for (const ids of prepared) {
        const target = await aboutTenant(operation, aimed, ids);
        for (const who of ['liucheng.admin', 'platform']) {
          const done = await call(who, document, await variablesFor(operation, ids, target));
          if (!done.errors) break;
        }
      }
    }
    return { answers, actorCode, fallback: combinations[0] };
  }

  /** Puts the control's application in the state its act starts from (ACT_FROM). */
  async function arrangeAct(operation: string, ids: Map<string, string>) {
    if (operation === 'issueEvaluationLink') {
      // A link is given for a completed application.
      await db.query(
        `UPDATE applications SET status = 'COMPLETED', completed_at = coalesce(completed_at, now())
          WHERE id = $1`,
        [ids.get('applicationId')],
      );
      return;
    }
    if (COMPLAINT_ACTS.has(operation)) {
      await db.query(
        `UPDATE complaints SET status = 'RECEIVED', assignee_id = NULL, outcome = NULL,
                resolution = NULL, finished_by = NULL, finished_at = NULL WHERE id = $1`,
        [ids.get('input.complaintId')],
      );
      return;
    }
    const caseFrom = CASE_FROM[operation];
    if (caseFrom) {
      const caseId = ids.get('input.caseId');
      await db.query(
        `UPDATE rectification_appeals SET status = 'DISMISSED', decided_at = now(),
                decided_by = appellant_id, decision_note = '矩阵'
          WHERE case_id = $1 AND status = 'PENDING'`,
        [caseId],
      );
      await db.query(
        `UPDATE rectification_cases SET status = $2, outcome = NULL, closed_by = NULL,
                closed_at = NULL WHERE id = $1`,
        [caseId, caseFrom === 'APPEALED' ? 'APPEALED' : 'OPEN'],
      );
      if (caseFrom === 'APPEALED') {
        await db.query(
          `INSERT INTO rectification_appeals (tenant_id, case_id, appellant_id, reason)
           SELECT tenant_id, id, coalesce(staff_id, (SELECT id FROM users LIMIT 1)), '矩阵申诉'
             FROM rectification_cases WHERE id = $1`,
          [caseId],
        );
      }
      if (caseFrom === 'OPEN_CALLED') {
        await db.query(
          `INSERT INTO rectification_callbacks (tenant_id, case_id, caller_name, called_at, agreed,
                                                recorded_by)
           SELECT tenant_id, id, '矩阵回访', now(), '矩阵', coalesce(staff_id, (SELECT id FROM users LIMIT 1))
             FROM rectification_cases WHERE id = $1`,
          [caseId],
        );
      }
      return;
    }
    const from = ACT_FROM[operation];
    if (!from) return;
    let applicationId = ids.get('input.id');
    const extensionId = ids.get('input.extensionId');
    if (extensionId) {
      [{ application_id: applicationId }] = await db.query<{ application_id: string }>(
        `SELECT application_id FROM application_extensions WHERE id = $1`,
        [extensionId],
      );
    }
    await db.query(
      `UPDATE application_pauses SET ended_at = now() WHERE application_id = $1 AND ended_at IS NULL`,
      [applicationId],
    );
    await db.query(
      `UPDATE application_extensions SET status = 'REFUSED'
        WHERE application_id = $1 AND status = 'PENDING' AND id IS DISTINCT FROM $2`,
      [applicationId, extensionId ?? null],
    );
    if (extensionId) {
      await db.query(`UPDATE application_extensions SET status = 'PENDING' WHERE id = $1`, [
        extensionId,
      ]);
    }
    if (from.intakeOnlyItem) {
      // Forwarded afresh: an earlier control's handler row lets go of it.
      await db.query(
        `UPDATE applications SET forwarded_from_tenant_id = NULL, forwarded_from_id = NULL
          WHERE forwarded_from_id = $1`,
        [applicationId],
      );
    }
    await db.query(
      `UPDATE applications
          SET item_code = coalesce($4, item_code),
              item_handling = CASE WHEN $4::text IS NULL THEN 'HANDLE' ELSE 'INTAKE_ONLY' END,
              forwarded_to_tenant_id = CASE WHEN $2 = 'RESULT_READY' THEN tenant_id END,
              forwarded_to_id = CASE WHEN $2 = 'RESULT_READY' THEN gen_random_uuid() END,
              chain_status = CASE WHEN $2 = 'RESULT_READY' THEN 'COMPLETED' END,
              status = $2,
              item_version_id = CASE WHEN $3 THEN coalesce(item_version_id, gen_random_uuid())
                                     ELSE item_version_id END,
              item_promised_days = CASE WHEN $3 THEN NULL ELSE coalesce(item_promised_days, 5) END,
              accepted_at = CASE WHEN $2 IN ('SUBMITTED', 'SUPPLEMENT_REQUESTED') THEN NULL
                                 ELSE coalesce(accepted_at, now()) END
        WHERE id = $1`,
      [applicationId, from.status, from.onTheSpot === true, from.intakeOnlyItem ?? null],
    );
    if (from.pause) {
      await db.query(
        `INSERT INTO application_pauses (tenant_id, application_id, kind, started_at)
         SELECT tenant_id, id, $2, now() FROM applications WHERE id = $1`,
        [applicationId, from.pause],
      );
    }
  }

  async function undo(
    by: string,
    operation: SchemaOperation,
    ids: Map<string, string>,
    target: Tenant,
  ) {
    if (operation.field.name === 'enterCalendarYear') {
      // Entered years are never deleted by the application; the owner takes the control's back.
      await db.query(`DELETE FROM calendar_years WHERE tenant_id = $1 AND kind = 'LOCAL'`, [
        target.id,
      ]);
      return;
    }
    if (operation.field.name === 'setBusinessHours') {
      await db.query(`DELETE FROM business_hours WHERE tenant_id = $1`, [target.id]);
      return;
    }
    if (operation.field.name === 'startCatalogueRollout') {
      // Its steps wait in a queue no worker reads; cancelled, they hold no tenant back.
      await db.query(
        `UPDATE catalogue_rollout_steps SET status = 'CANCELLED' WHERE status = 'PENDING'`,
      );
      return;
    }
    const name = UNDO[operation.field.name];
    if (!name) return;
    const reverse = byName(name);
    for (const who of [by, 'platform']) {
      const result = await call(
        who,
        operationDocument(reverse),
        await variablesFor(reverse, ids, target),
      );
      if (!result.errors) return;
    }
    throw new Error(`could not undo ${operation.field.name} with ${name}`);
  }

  it('maps every id argument of the schema to a kind of id', () => {
    const unmapped = idArguments()
      .filter((a) => !a.kind)
      .map((a) => `${a.operation.field.name}(${a.path.join('.')})`);
    expect(unmapped).toEqual([]);
    expect(idOperations().map((o) => o.field.name)).toEqual(
      expect.arrayContaining([
        'tenant',
        'onboardTenant',
        'suspendTenant',
        'inviteStaff',
        'assignStaffToWindow',
        'application',
        'applications',
        'submitApplication',
      ]),
    );
    expect(idOperations().map((o) => o.field.name)).toEqual(
      expect.arrayContaining([
        'catalogueVersion',
        'publishCatalogueVersion',
        'catalogueImport',
        'adoptCatalogue',
        'applyMenuTemplate',
        'saveMenuTemplate',
        'implementationItems',
      ]),
    );
  });

  it('has a foreign row of every kind in every relation of every actor', () => {
    for (const username of ACTORS) {
      for (const [, tenant] of foreignOf(username)) {
        expect(targets.get(tenant.id)).toEqual({
          tenant: tenant.id,
          window: expect.any(String),
          user: expect.any(String),
          application: expect.any(String),
          setupLink: expect.any(String),
          catalogueVersion: expect.any(String),
          catalogueImport: expect.any(String),
          menuTemplate: expect.any(String),
          catalogueRollout: expect.any(String),
          applicationExtension: expect.any(String),
          evaluationDevice: expect.any(String),
          rectificationCase: expect.any(String),
          warning: expect.any(String),
          inboxMessage: expect.any(String),
          complaint: expect.any(String),
          attendanceTerminal: expect.any(String),
        });
      }
    }
  });

  it.each(ACTORS)('%s: the tenant list holds only what the role may see', async (username) => {
    const result = await gql<{ tenants: { nodes: { id: string }[] } }>(
      api.baseUrl,
      '{ tenants { nodes { id } } }',
      {
        token: tokens[username],
      },
    );
    const home = homes[username];
    const visible = SUBTREE_ROLES.has(username) ? [home, ...descendants(home)] : [home];
    expect(result.data!.tenants.nodes.map((t) => t.id).sort()).toEqual(
      visible.map((t) => t.id).sort(),
    );
  });

  /** Every list in the schema (a query without required arguments returning `nodes`). */
  function listQueries(): { name: string; selection: string; args: string }[] {
    return Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
      const named = getNamedType(field.type);
      if (!isObjectType(named) || !named.getFields().nodes) return [];
      if (field.args.some((arg) => isNonNullType(arg.type))) return [];
      const node = getNamedType(named.getFields().nodes.type);
      if (!isObjectType(node)) return [];
      const fields = node.getFields();
      const selection = ['id', 'tenantId', 'windowId'].filter((f) => fields[f]).join(' ');
      const paged = field.args.some((arg) => arg.name === 'page');
      return [{ name: field.name, selection, args: paged ? '(page: { first: 200 })' : '' }];
    });
  }

  it('finds every list in the schema', () => {
    expect(listQueries().map((q) => q.name)).toEqual(
      expect.arrayContaining(['tenants', 'applications']),
    );
  });

  it.each(ACTORS)(
    '%s: every list in the schema holds only rows of tenants the role may see',
    async (username) => {
      const home = homes[username];
      const visible = new Set(
        (SUBTREE_ROLES.has(username) ? [home, ...descendants(home)] : [home]).map((t) => t.id),
      );
      const [{ windows }] = await db.query<{ windows: string[] }>(
        `SELECT coalesce(array_agg(a.window_id), '{}') AS windows FROM window_assignments a
           JOIN users u ON u.id = a.user_id WHERE u.username = $1`,
        [username],
      );
      const failures: string[] = [];
      for (const list of listQueries()) {
        const result = await gql<Record<string, { nodes: Record<string, string>[] }>>(
          api.baseUrl,
          `{ ${list.name}${list.args} { nodes { ${list.selection} } } }`,
          { token: tokens[username] },
        );
        if (result.errors) {
          failures.push(`${list.name}: ${errorCode(result)}`);
          continue;
        }
        const nodes = result.data![list.name].nodes;
        // Every demo actor has something in every list; an empty one would prove nothing.
        if (nodes.length === 0) failures.push(`${list.name}: empty`);
        for (const node of nodes) {
          const tenantId = node.tenantId ?? node.id;
          if (!visible.has(tenantId)) failures.push(`${list.name}: ${node.id} of ${tenantId}`);
          // Window staff see only what belongs to the windows they work.
          if (username === 'liucheng.window' && node.windowId && !windows.includes(node.windowId))
            failures.push(`${list.name}: ${node.id} at window ${node.windowId}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it.each(ACTORS)(
    '%s: a foreign id in every slot of every id-taking operation is refused, changing nothing; the own-id control succeeds',
    async (username) => {
      const home = homes[username];
      const failures: string[] = [];
      for (const operation of idOperations()) {
        const document = operationDocument(operation);
        for (const slot of operation.slots) {
          const name = `${operation.field.name}(${slotKey(slot)})`;
          const found = await findControl(username, operation, slot);
          const control = 'control' in found ? found.control : undefined;
          const failed = 'control' in found ? undefined : found;
          const exempt =
            NO_CONTROL[`${operation.field.name}.${slotKey(slot)}@${home.division_code}`];
          if (failed && !exempt) {
            failures.push(
              `${name}: no control succeeded: ${failed.answers.filter((a, i, all) => all.findIndex((b) => b.split(':')[0] === a.split(':')[0]) === i).join(' | ')}`,
            );
          }
          // NOT_FOUND where the actor may do it with their own id. Where only someone else
          // may, the answer the actor had for their own id, whatever the id names: FORBIDDEN,
          // or NOT_FOUND where nothing of the kind is in the actor's sight at all (a county's
          // menu templates, to a township). With no control at all (NO_CONTROL), FORBIDDEN as
          // for the own id, or, where the own id met another refusal (a township adopts no
          // standard), that same refusal or NOT_FOUND.
          const actorCode = control ? control.actorCode : failed!.actorCode;
          const notRead = ID_NOT_READ[`${operation.field.name}.${slotKey(slot)}`];
          const expected: (string | undefined)[] =
            control?.by === username
              ? [notRead ? undefined : 'NOT_FOUND']
              : control || actorCode === 'FORBIDDEN'
                ? [actorCode]
                : [actorCode, 'NOT_FOUND'];
          if (
            control &&
            control.by !== username &&
            actorCode !== 'FORBIDDEN' &&
            actorCode !== 'NOT_FOUND'
          ) {
            failures.push(
              `${name}: own id answered ${actorCode}, not FORBIDDEN or NOT_FOUND, to ${username}`,
            );
          }
          for (const [relation, tenant] of foreignOf(username)) {
            const ids = new Map(control?.ids ?? failed!.fallback);
            ids.set(slotKey(slot), targets.get(tenant.id)![slot.kind]);
            const about = PUBLISHED_KINDS.has(slot.kind)
              ? await aboutTenant(operation, slot, ids)
              : tenant;
            const variables = await variablesFor(operation, ids, about);
            const before = await databaseFingerprint(db);
            const result = await call(username, document, variables);
            const code = errorCode(result);
            callsPerSlot.set(name, (callsPerSlot.get(name) ?? 0) + 1);
            if (!expected.includes(code)) {
              failures.push(
                `${name} = ${relation} ${tenant.name} ${slot.kind}: ${code ?? 'succeeded'} (expected ${expected.map((e) => e ?? 'success').join(' or ')}) ${result.errors?.[0]?.message ?? ''}`,
              );
            }
            if ((await databaseFingerprint(db)) !== before) {
              failures.push(`${name} = ${relation} ${tenant.name}: changed the database`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it(`made at least ${MIN_CALLS_PER_SLOT} refused calls per operation and slot`, () => {
    const slots = idOperations().flatMap((o) =>
      o.slots.map((s) => `${o.field.name}(${slotKey(s)})`),
    );
    expect(slots.length).toBeGreaterThanOrEqual(20);
    const short = slots.filter((s) => (callsPerSlot.get(s) ?? 0) < MIN_CALLS_PER_SLOT);
    expect(short.map((s) => `${s}: ${callsPerSlot.get(s) ?? 0}`)).toEqual([]);
  });
});
