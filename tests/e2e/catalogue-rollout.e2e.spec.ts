import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { type CatalogItem, DEMO_STANDARD_CATALOGUE, writeCatalogueSheets } from '@tongban/catalog';
import { SCOPE_SQL } from '@tongban/core';
import {
  addNeighbourCounty,
  API_DIST,
  type ApiProcess,
  collect,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  gql,
  login,
  spawnNode,
  startApi,
  TEST_REDIS_URL,
  type TestDatabase,
  waitFor,
  spreadsheetBase64,
} from '@tongban/test-support';

/**
 * Clean-up rounds (issue 10): the platform operator publishes a new standard version with a
 * split, a suspension, removals and changed limits; Liucheng previews the rollout over its
 * subtree (nothing written), runs it, and every center's list follows without losing what it
 * localized; open applications keep their snapshot. Then the same over Redis with a worker
 * killed (SIGKILL) in the middle of a step: after restart every tenant ends exactly once on
 * the new version.
 */
const PASSWORD = 'Demo#2026';
const IMPORT = `mutation($input: ImportCatalogueInput!) { importCatalogue(input: $input) { id } }`;
const IMPORT_STATUS = `query($id: ID!) { catalogueImport(id: $id) { status versionId problems { code message { enUS } } } }`;
const MAPPINGS = `mutation($input: SetCatalogueMappingsInput!) { setCatalogueMappings(input: $input) {
  id mappings { kind from to inheritor } } }`;
const PUBLISH = `mutation($input: CatalogueVersionInput!) { publishCatalogueVersion(input: $input) { id status } }`;
const PREVIEW = `query($input: RolloutTargetInput!) { catalogueRolloutPreview(input: $input) {
  version { id label }
  diffs { from { id } added { code } removed { code } changed { code fields } split { from { code } to { code } inheritor } suspended { code } }
  tenants { tenant { id name divisionCode } kept adopted readOnly dropped unchanged
    outcomes { code kind changes { field before after } }
    conflicts { code itemCode field before after policy { zhCN enUS } } } } }`;
const EXPORT_PREVIEW = `query($input: RolloutTargetInput!) { exportCatalogueRolloutPreview(input: $input) }`;
const START = `mutation($input: RolloutTargetInput!) { startCatalogueRollout(input: $input) { id status } }`;
const COMMAND = `mutation($id: ID!, $command: CatalogueRolloutCommand!) { commandCatalogueRollout(id: $id, command: $command) { id status } }`;
const ROLLOUT = `query($id: ID!) { catalogueRollout(id: $id) { id status version { label }
  tenant { name } progress { total done failed pending cancelled }
  steps(first: 20) { tenant { divisionCode } status attempts changed conflictCount reason
    outcomes { code kind changes { field before after } } conflicts { code itemCode } } } }`;
const EXPORT_ROLLOUT = `query($id: ID!) { exportCatalogueRollout(id: $id) }`;
const HELD = `query($tenantId: ID!) { catalogueVersionsHeld(tenantId: $tenantId) { tenant { name } versions { version { label } entries } } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id itemVersionId } }`;

type Progress = { total: number; done: number; failed: number; pending: number; cancelled: number };
interface RolloutView {
  id: string;
  status: string;
  progress: Progress;
  steps: {
    tenant: { divisionCode: string };
    status: string;
    attempts: number;
    changed: number;
    conflictCount: number;
    reason: string | null;
    outcomes: {
      code: string;
      kind: string;
      changes: { field: string; before: string | null; after: string | null }[];
    }[];
    conflicts: { code: string; itemCode: string }[];
  }[];
}

/** Codes the test changes, chosen from the demo data so the round touches every kind of case. */
interface Chosen {
  /** Liucheng promises fewer days than statutory; the new version cuts the statutory below it. */
  clamp: string;
  /** On Mashan's menu, no open application anywhere: removed from the standard. */
  removed: string;
  /** Has an open application at Liucheng: removed, so kept read-only there. */
  removedOpen: string;
  /** On Mashan's menu: split into itself and a new item. */
  split: string;
  /** On Liucheng's list: suspended. */
  suspended: string;
  /** Its competent department renamed (a locked element). */
  renamed: string;
  /** Untouched by the standard; Liucheng set an address. */
  untouched: string;
}

async function choose(db: TestDatabase): Promise<Chosen> {
  const codes = async (sql: string) => (await db.query<{ code: string }>(sql)).map((r) => r.code);
  const open = await codes(
    `SELECT DISTINCT a.item_code AS code FROM applications a JOIN tenants t ON t.id = a.tenant_id
      WHERE t.division_code = '450222' AND a.status = 'SUBMITTED'
        AND a.item_code IN (SELECT code FROM implementation_items l WHERE l.tenant_id = t.id)`,
  );
  const anyOpen = new Set(await codes(`SELECT DISTINCT item_code AS code FROM applications`));
  const mashan = (
    await codes(
      `SELECT l.code FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
        WHERE t.division_code = '450222203' ORDER BY l.code`,
    )
  ).filter((code) => !anyOpen.has(code));
  const liucheng = await codes(
    `SELECT l.code FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
      WHERE t.division_code = '450222' AND l.promised_days >= 5 ORDER BY l.code`,
  );
  const free = liucheng.filter((code) => !anyOpen.has(code) && !mashan.includes(code));
  expect(open.length).toBeGreaterThan(0);
  expect(mashan.length).toBeGreaterThanOrEqual(2);
  expect(free.length).toBeGreaterThanOrEqual(4);
  return {
    removedOpen: open[0],
    removed: mashan[0],
    split: mashan[1],
    clamp: free[0],
    suspended: free[1],
    renamed: free[2],
    untouched: free[3],
  };
}

/** The next standard version: the demo's, with the chosen changes. */
function nextCatalogue(chosen: Chosen): CatalogItem[] {
  const items = DEMO_STANDARD_CATALOGUE.filter(
    (item) => item.code !== chosen.removed && item.code !== chosen.removedOpen,
  ).map((item): CatalogItem => {
    if (item.code === chosen.clamp) {
      return { ...item, statutoryLimit: { onTheSpot: false, workingDays: 2 } };
    }
    if (item.code === chosen.renamed) {
      return { ...item, competentDepartment: `${item.competentDepartment}（机构改革后）` };
    }
    return item;
  });
  const split = DEMO_STANDARD_CATALOGUE.find((item) => item.code === chosen.split)!;
  items.push({ ...split, code: `${split.code}A`, name: `${split.name}（变更）` });
  return items;
}

describe('catalogue clean-up rounds', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  const tokens: Record<string, string> = {};
  const tenants: Record<string, string> = {};
  let chosen: Chosen;
  let oldVersionId: string;
  let newVersionId: string;

  const as = (username: string) => ({ token: tokens[username] });
  const entry = async (divisionCode: string, code: string) =>
    (
      await db.query<{
        source_version_id: string;
        promised_days: number | null;
        address: string | null;
        read_only: boolean;
      }>(
        `SELECT l.source_version_id, l.promised_days, l.address, l.read_only
           FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
          WHERE t.division_code = $1 AND l.code = $2`,
        [divisionCode, code],
      )
    )[0];
  const listFingerprint = async () =>
    (
      await db.query<{ f: string }>(
        `SELECT md5(coalesce(string_agg(l::text, ',' ORDER BY tenant_id, code), '')) AS f
           FROM implementation_items l`,
      )
    )[0].f;
  const waitForRollout = (id: string, until: (view: RolloutView) => boolean, timeoutMs = 30_000) =>
    waitFor(
      'the rollout',
      async () => {
        const result = await gql<{ catalogueRollout: RolloutView }>(api.baseUrl, ROLLOUT, {
          ...as('liucheng.admin'),
          variables: { id },
        });
        expect(result.errors).toBeUndefined();
        return until(result.data!.catalogueRollout) ? result.data!.catalogueRollout : undefined;
      },
      timeoutMs,
      100,
    );

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    await addNeighbourCounty(db);
    api = await startApi({ databaseUrl: db.url, env: { REDIS_URL: '', TRUST_PROXY: 'loopback' } });
    let address = 1;
    for (const username of [
      'platform',
      'liucheng.admin',
      'liujiang.admin',
      'mashan.manager',
      'liucheng.window',
      'village.staff',
      'liuzhou.city',
    ]) {
      const result = await login(api.baseUrl, username, PASSWORD, {
        'X-Forwarded-For': `10.10.0.${address++}`,
      });
      tokens[username] = result.data!.login.accessToken;
    }
    for (const row of await db.query<{ division_code: string; id: string }>(
      `SELECT division_code, id FROM tenants`,
    )) {
      tenants[row.division_code] = row.id;
    }
    [{ id: oldVersionId }] = await db.query<{ id: string }>(
      `SELECT id FROM catalogue_versions WHERE status = 'PUBLISHED'`,
    );
    chosen = await choose(db);
    // Liucheng's local settings the round must keep, clamp or carry over.
    await db.query(
      `UPDATE implementation_items SET promised_days = 4
        WHERE tenant_id = $1 AND code = $2`,
      [tenants['450222'], chosen.clamp],
    );
    await db.query(
      `UPDATE implementation_items SET address = '柳城县政务服务中心二楼 6 号窗口'
        WHERE tenant_id = $1 AND code = ANY($2::text[])`,
      [tenants['450222'], [chosen.untouched, chosen.split]],
    );

    const started = await gql<{ importCatalogue: { id: string } }>(api.baseUrl, IMPORT, {
      ...as('platform'),
      variables: {
        input: {
          label: '2026 年第二轮清理',
          fileName: 'round-2.xlsx',
          spreadsheet: await spreadsheetBase64(writeCatalogueSheets(nextCatalogue(chosen))),
        },
      },
    });
    expect(started.errors).toBeUndefined();
    const imported = await waitFor('the import', async () => {
      const result = await gql<{
        catalogueImport: { status: string; versionId: string | null; problems: unknown[] };
      }>(api.baseUrl, IMPORT_STATUS, {
        ...as('platform'),
        variables: { id: started.data!.importCatalogue.id },
      });
      const found = result.data?.catalogueImport;
      return found && found.status !== 'QUEUED' && found.status !== 'RUNNING' ? found : undefined;
    });
    expect(imported.problems).toEqual([]);
    newVersionId = imported.versionId!;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('takes the split and the suspension from the publisher, refusing mappings that do not fit', async () => {
    const wrong = await gql(api.baseUrl, MAPPINGS, {
      ...as('platform'),
      variables: {
        input: {
          versionId: newVersionId,
          previousVersionId: oldVersionId,
          mappings: [
            {
              kind: 'SPLIT',
              from: ['NO-SUCH-ITEM'],
              to: [chosen.split, `${chosen.split}A`],
              inheritor: chosen.split,
            },
          ],
        },
      },
    });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions).toMatchObject({ reason: 'INVALID_MAPPINGS' });

    const county = await gql(api.baseUrl, MAPPINGS, {
      ...as('liucheng.admin'),
      variables: {
        input: { versionId: newVersionId, previousVersionId: oldVersionId, mappings: [] },
      },
    });
    expect(errorCode(county)).toBe('FORBIDDEN');

    const set = await gql<{ setCatalogueMappings: { mappings: unknown[] } }>(
      api.baseUrl,
      MAPPINGS,
      {
        ...as('platform'),
        variables: {
          input: {
            versionId: newVersionId,
            previousVersionId: oldVersionId,
            mappings: [
              {
                kind: 'SPLIT',
                from: [chosen.split],
                to: [chosen.split, `${chosen.split}A`],
                inheritor: chosen.split,
              },
              { kind: 'SUSPEND', from: [chosen.suspended] },
            ],
          },
        },
      },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setCatalogueMappings.mappings).toHaveLength(2);

    // A draft is not rolled out.
    const early = await gql(api.baseUrl, START, {
      ...as('liucheng.admin'),
      variables: { input: { versionId: newVersionId, tenantId: tenants['450222'] } },
    });
    expect(['NOT_FOUND', 'CONFLICT']).toContain(errorCode(early));

    const published = await gql(api.baseUrl, PUBLISH, {
      ...as('platform'),
      variables: { input: { versionId: newVersionId } },
    });
    expect(published.errors).toBeUndefined();
    const after = await gql(api.baseUrl, MAPPINGS, {
      ...as('platform'),
      variables: {
        input: { versionId: newVersionId, previousVersionId: oldVersionId, mappings: [] },
      },
    });
    expect(errorCode(after)).toBe('CONFLICT');
  });

  it('previews each tenant’s changes and conflicts with the policy, and writes nothing', async () => {
    const before = `${await databaseFingerprint(db)}/${await listFingerprint()}`;
    const result = await gql<{
      catalogueRolloutPreview: {
        diffs: {
          removed: { code: string }[];
          split: { from: { code: string } }[];
          suspended: { code: string }[];
          changed: { code: string; fields: string[] }[];
        }[];
        tenants: {
          tenant: { divisionCode: string };
          kept: number;
          adopted: number;
          readOnly: number;
          dropped: number;
          outcomes: {
            code: string;
            kind: string;
            changes: { field: string; before: string | null; after: string | null }[];
          }[];
          conflicts: { code: string; itemCode: string; policy: { zhCN: string; enUS: string } }[];
        }[];
      };
    }>(api.baseUrl, PREVIEW, {
      ...as('liucheng.admin'),
      variables: { input: { versionId: newVersionId, tenantId: tenants['450222'] } },
    });
    expect(result.errors).toBeUndefined();
    const preview = result.data!.catalogueRolloutPreview;
    const [diff] = preview.diffs;
    expect(diff.removed.map((item) => item.code).sort()).toEqual(
      [chosen.removed, chosen.removedOpen].sort(),
    );
    expect(diff.split.map((split) => split.from.code)).toEqual([chosen.split]);
    expect(diff.suspended.map((item) => item.code)).toEqual([chosen.suspended]);
    expect(diff.changed.find((change) => change.code === chosen.renamed)?.fields).toEqual([
      'competentDepartment',
    ]);

    // Every tenant of the subtree that keeps a list: the county, its townships and stations.
    expect(preview.tenants.map((t) => t.tenant.divisionCode)).toContain('450222203');
    expect(preview.tenants.map((t) => t.tenant.divisionCode)).not.toContain('450206');
    const liucheng = preview.tenants.find((t) => t.tenant.divisionCode === '450222')!;
    const conflict = (code: string, item: string) =>
      liucheng.conflicts.find((c) => c.code === code && c.itemCode === item);
    expect(conflict('PROMISED_LIMIT_CLAMPED', chosen.clamp)?.policy.zhCN).toBeTruthy();
    expect(conflict('ITEM_REMOVED_WITH_OPEN_APPLICATIONS', chosen.removedOpen)).toBeDefined();
    expect(conflict('ITEM_REMOVED_FROM_MENU', chosen.removed)).toBeDefined();
    expect(conflict('ITEM_SPLIT', chosen.split)).toBeDefined();
    expect(conflict('LOCKED_ELEMENT_CHANGED', chosen.renamed)).toBeDefined();
    const clamped = liucheng.outcomes.find((o) => o.code === chosen.clamp)!;
    expect(clamped.changes).toContainEqual({
      field: 'promisedLimit',
      before: '4 个工作日',
      after: '2 个工作日',
    });
    expect(liucheng.readOnly).toBe(1);
    expect(liucheng.adopted).toBe(1);
    // The untouched entry moves as it is: not among the changes.
    expect(liucheng.outcomes.map((o) => o.code)).not.toContain(chosen.untouched);

    const sheet = await gql<{ exportCatalogueRolloutPreview: string }>(
      api.baseUrl,
      EXPORT_PREVIEW,
      {
        ...as('liucheng.admin'),
        variables: { input: { versionId: newVersionId, tenantId: tenants['450222'] } },
      },
    );
    expect(sheet.errors).toBeUndefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(sheet.data!.exportCatalogueRolloutPreview, 'base64') as unknown as ArrayBuffer,
    );
    const conflicts = book.getWorksheet('冲突 Conflicts')!;
    const rows = conflicts
      .getSheetValues()
      .flatMap((row) => (Array.isArray(row) ? [row.join('|')] : []));
    expect(
      rows.some((row) => row.includes(chosen.clamp) && row.includes('PROMISED_LIMIT_CLAMPED')),
    ).toBe(true);

    expect(`${await databaseFingerprint(db)}/${await listFingerprint()}`).toBe(before);
  });

  it('refuses a rollout out of reach, over the wrong tenant, or of an unknown version, changing nothing', async () => {
    const before = `${await databaseFingerprint(db)}/${await listFingerprint()}`;
    const target = { versionId: newVersionId, tenantId: tenants['450222'] };
    const cases: [string, Record<string, string>, string][] = [
      ['liujiang.admin', target, 'NOT_FOUND'], // a sibling county's subtree
      ['mashan.manager', target, 'FORBIDDEN'], // no rollouts for a center's manager at all
      ['village.staff', target, 'FORBIDDEN'],
      ['liucheng.admin', { ...target, tenantId: tenants['450222203'] }, 'BAD_USER_INPUT'],
      [
        'liucheng.admin',
        { ...target, versionId: '00000000-0000-4000-8000-000000000000' },
        'NOT_FOUND',
      ],
    ];
    for (const [username, input, code] of cases) {
      const result = await gql(api.baseUrl, START, { ...as(username), variables: { input } });
      expect([username, errorCode(result)]).toEqual([username, code]);
    }
    const malformed = await gql(api.baseUrl, START, {
      ...as('liucheng.admin'),
      variables: { input: { versionId: 'not-a-uuid\u0000', tenantId: tenants['450222'] } },
    });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(`${await databaseFingerprint(db)}/${await listFingerprint()}`).toBe(before);
  });

  it('rolls the version out over Liucheng: local changes kept, conflicts resolved as previewed, audited', async () => {
    const started = await gql<{ startCatalogueRollout: { id: string } }>(api.baseUrl, START, {
      ...as('liucheng.admin'),
      variables: { input: { versionId: newVersionId, tenantId: tenants['450222'] } },
    });
    expect(started.errors).toBeUndefined();
    const id = started.data!.startCatalogueRollout.id;
    const view = await waitForRollout(id, (v) => v.status === 'FINISHED');
    expect(view.progress.failed).toBe(0);
    expect(view.progress.done).toBe(view.progress.total);
    expect(view.steps.every((step) => step.attempts === 1)).toBe(true);
    // Parents before children: the county's step is listed (and ran) first.
    expect(view.steps[0].tenant.divisionCode).toBe('450222');

    // Local settings the round did not touch are kept; the entry stands on the new version.
    expect(await entry('450222', chosen.untouched)).toMatchObject({
      source_version_id: newVersionId,
      address: '柳城县政务服务中心二楼 6 号窗口',
    });
    expect(await entry('450222', chosen.clamp)).toMatchObject({
      source_version_id: newVersionId,
      promised_days: 2,
    });
    // The split: the inheritor keeps the local address, the new item is adopted below too.
    expect(await entry('450222', chosen.split)).toMatchObject({
      address: '柳城县政务服务中心二楼 6 号窗口',
    });
    expect(await entry('450222', `${chosen.split}A`)).toMatchObject({
      source_version_id: newVersionId,
    });
    expect(await entry('450222203', `${chosen.split}A`)).toBeDefined();
    // Removed: gone from every list; removed with open applications: kept read-only.
    expect(await entry('450222', chosen.removed)).toBeUndefined();
    expect(await entry('450222203', chosen.removed)).toBeUndefined();
    expect(await entry('450222', chosen.removedOpen)).toMatchObject({
      read_only: true,
      source_version_id: oldVersionId,
    });

    // The open application keeps its snapshot; new intake of that item is refused, of another
    // item it records the new version.
    const [window] = await db.query<{ id: string }>(
      `SELECT w.id FROM service_windows w WHERE w.tenant_id = $1 AND w.code = 'C1'`,
      [tenants['450222']],
    );
    const refused = await gql(api.baseUrl, SUBMIT, {
      ...as('liucheng.window'),
      variables: {
        input: { windowId: window.id, itemCode: chosen.removedOpen, applicant: { name: '蓝桂英' } },
      },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      problems: [expect.objectContaining({ code: 'ITEM_RETIRED' })],
    });
    const taken = await gql<{ submitApplication: { itemVersionId: string } }>(api.baseUrl, SUBMIT, {
      ...as('liucheng.window'),
      variables: {
        input: { windowId: window.id, itemCode: chosen.clamp, applicant: { name: '蓝桂英' } },
      },
    });
    expect(taken.errors).toBeUndefined();
    expect(taken.data!.submitApplication.itemVersionId).toBe(newVersionId);
    const snapshots = await db.query<{ item_version_id: string }>(
      `SELECT item_version_id FROM applications WHERE item_code = $1 AND status = 'SUBMITTED'`,
      [chosen.removedOpen],
    );
    expect(snapshots.length).toBeGreaterThan(0);
    expect(snapshots.every((row) => row.item_version_id !== newVersionId)).toBe(true);

    // The audit: who started it, and per tenant what changed, before and after.
    const liuchengStep = view.steps.find((step) => step.tenant.divisionCode === '450222')!;
    expect(liuchengStep.outcomes.find((o) => o.code === chosen.clamp)?.changes).toContainEqual({
      field: 'promisedLimit',
      before: '4 个工作日',
      after: '2 个工作日',
    });
    const [audit] = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'CATALOGUE_ROLLOUT_STARTED' AND subject_id = $1`,
      [id],
    );
    expect(Number(audit.n)).toBe(1);
    const exported = await gql<{ exportCatalogueRollout: string }>(api.baseUrl, EXPORT_ROLLOUT, {
      ...as('liucheng.admin'),
      variables: { id },
    });
    expect(exported.errors).toBeUndefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(exported.data!.exportCatalogueRollout, 'base64') as unknown as ArrayBuffer,
    );
    expect(book.getWorksheet('变更 Changes')!.rowCount).toBeGreaterThan(1);

    // Which counties stand on which version: the operator's view.
    const held = await gql<{
      catalogueVersionsHeld: {
        tenant: { name: string };
        versions: { version: { label: string }; entries: number }[];
      }[];
    }>(api.baseUrl, HELD, { ...as('platform'), variables: { tenantId: tenants['450000'] } });
    expect(held.errors).toBeUndefined();
    const liuchengHeld = held.data!.catalogueVersionsHeld.find((c) =>
      c.tenant.name.includes('柳城'),
    )!;
    expect(liuchengHeld.versions[0].version.label).toBe('2026 年第二轮清理');

    // Commands that do not apply to a finished rollout.
    for (const command of ['PAUSE', 'CANCEL']) {
      const result = await gql(api.baseUrl, COMMAND, {
        ...as('liucheng.admin'),
        variables: { id, command },
      });
      expect(errorCode(result)).toBe('CONFLICT');
    }
    const retry = await gql(api.baseUrl, COMMAND, {
      ...as('liucheng.admin'),
      variables: { id, command: 'RETRY' },
    });
    expect(retry.errors?.[0]?.extensions).toMatchObject({ reason: 'NOTHING_TO_RETRY' });
    const foreign = await gql(api.baseUrl, ROLLOUT, { ...as('liujiang.admin'), variables: { id } });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });

  it('running the same version again changes nothing (idempotent)', async () => {
    const before = await listFingerprint();
    const started = await gql<{ startCatalogueRollout: { id: string } }>(api.baseUrl, START, {
      ...as('liucheng.admin'),
      variables: { input: { versionId: newVersionId, tenantId: tenants['450222'] } },
    });
    expect(started.errors).toBeUndefined();
    const view = await waitForRollout(
      started.data!.startCatalogueRollout.id,
      (v) => v.status === 'FINISHED',
    );
    expect(view.steps.every((step) => step.status === 'DONE' && step.changed === 0)).toBe(true);
    expect(await listFingerprint()).toBe(before);
  });

  it('lists a failed tenant with its reason, lets the rest finish, and retries it on demand', async () => {
    // A station's entry damaged (its materials not a list): its step cannot be planned.
    const station = '450222203202';
    const [{ code, materials }] = await db.query<{ code: string; materials: unknown }>(
      `SELECT code, materials FROM implementation_items WHERE tenant_id = $1 ORDER BY code LIMIT 1`,
      [tenants[station]],
    );
    await db.query(
      `UPDATE implementation_items SET materials = '"damaged"', source_version_id = $3
        WHERE tenant_id = $1 AND code = $2`,
      [tenants[station], code, oldVersionId],
    );
    const started = await gql<{ startCatalogueRollout: { id: string } }>(api.baseUrl, START, {
      ...as('liucheng.admin'),
      variables: { input: { versionId: newVersionId, tenantId: tenants['450222'] } },
    });
    const id = started.data!.startCatalogueRollout.id;
    const failed = await waitForRollout(id, (v) => v.status === 'FINISHED');
    expect(failed.progress).toMatchObject({ failed: 1, done: failed.progress.total - 1 });
    const step = failed.steps.find((s) => s.tenant.divisionCode === station)!;
    expect(step).toMatchObject({ status: 'FAILED', attempts: 1 });
    // What a client may read: no stack, no SQL.
    expect(step.reason).toBe('The step failed unexpectedly; the worker’s log says why');

    // Mended, the retry finishes it.
    await db.query(
      `UPDATE implementation_items SET materials = $3 WHERE tenant_id = $1 AND code = $2`,
      [tenants[station], code, JSON.stringify(materials)],
    );
    const retried = await gql<{ commandCatalogueRollout: { status: string } }>(
      api.baseUrl,
      COMMAND,
      { ...as('liucheng.admin'), variables: { id, command: 'RETRY' } },
    );
    expect(retried.errors).toBeUndefined();
    const done = await waitForRollout(
      id,
      (v) => v.status === 'FINISHED' && v.progress.failed === 0,
    );
    expect(done.progress.done).toBe(done.progress.total);
    expect(await entry(station, code)).toMatchObject({ source_version_id: newVersionId });
    const history = await gql<{ catalogueRollout: { history: { action: string }[] } }>(
      api.baseUrl,
      `query($id: ID!) { catalogueRollout(id: $id) { history { action } } }`,
      { ...as('liucheng.admin'), variables: { id } },
    );
    expect(history.data!.catalogueRollout.history.map((event) => event.action)).toEqual([
      'CATALOGUE_ROLLOUT_STARTED',
      'CATALOGUE_ROLLOUT_RETRIED',
    ]);
  });

  it('ends a rollout whose county step failed: the tenants below wait for the retry, then run', async () => {
    // The county's own entry damaged: the steps below it may not run before it.
    const [{ code, materials }] = await db.query<{ code: string; materials: unknown }>(
      `SELECT code, materials FROM implementation_items WHERE tenant_id = $1 AND NOT read_only
        ORDER BY code LIMIT 1`,
      [tenants['450222']],
    );
    await db.query(
      `UPDATE implementation_items SET materials = '"damaged"', source_version_id = $3
        WHERE tenant_id = $1 AND code = $2`,
      [tenants['450222'], code, oldVersionId],
    );
    const started = await gql<{ startCatalogueRollout: { id: string } }>(api.baseUrl, START, {
      ...as('liucheng.admin'),
      variables: { input: { versionId: newVersionId, tenantId: tenants['450222'] } },
    });
    const id = started.data!.startCatalogueRollout.id;
    // Not left RUNNING with nothing to run: it ends, the failure listed, the rest waiting.
    const ended = await waitForRollout(id, (v) => v.status === 'FINISHED');
    expect(ended.progress).toMatchObject({ failed: 1, done: 0, pending: ended.progress.total - 1 });
    expect(ended.steps[0]).toMatchObject({ status: 'FAILED', tenant: { divisionCode: '450222' } });

    await db.query(
      `UPDATE implementation_items SET materials = $3 WHERE tenant_id = $1 AND code = $2`,
      [tenants['450222'], code, JSON.stringify(materials)],
    );
    const retried = await gql(api.baseUrl, COMMAND, {
      ...as('liucheng.admin'),
      variables: { id, command: 'RETRY' },
    });
    expect(retried.errors).toBeUndefined();
    const done = await waitForRollout(
      id,
      (v) => v.status === 'FINISHED' && v.progress.done === v.progress.total,
    );
    expect(done.progress).toMatchObject({ failed: 0, pending: 0 });
    expect(await entry('450222', code)).toMatchObject({ source_version_id: newVersionId });
  });
});

describe('a rollout on Redis, with a worker killed in the middle of a step', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let worker: ChildProcess | null = null;
  let token = '';
  const queuePrefix = `tongban-test-${randomBytes(4).toString('hex')}`;
  const stopWorker = () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  };
  const startWorker = async () => {
    const child = spawnNode(join(API_DIST, 'worker.js'), [], {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      QUEUE_STALLED_MS: '1500',
      DATABASE_STATEMENT_TIMEOUT_MS: '60000',
      DATA_DIR: join(tmpdir(), `tongban-worker-${randomBytes(4).toString('hex')}`),
      LOG_LEVEL: 'info',
    });
    worker = child;
    const output = collect(child);
    await waitFor('worker ready', async () =>
      output().stdout.includes('worker ready') ? true : undefined,
    );
  };
  const view = async (id: string) => {
    const result = await gql<{ catalogueRollout: RolloutView }>(api.baseUrl, ROLLOUT, {
      token,
      variables: { id },
    });
    expect(result.errors).toBeUndefined();
    return result.data!.catalogueRollout;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    // The API only queues; a worker of the same queue prefix runs the jobs.
    api = await startApi({ databaseUrl: db.url, env: { QUEUE_PREFIX: queuePrefix } });
    token = (await login(api.baseUrl, 'liucheng.admin', PASSWORD)).data!.login.accessToken;
  });
  afterAll(async () => {
    stopWorker();
    await api?.stop();
    await db?.drop();
  });

  it('pauses, refuses a second rollout over the same tenants, cancels with nothing changed', async () => {
    const [{ id: versionId }] = await db.query<{ id: string }>(
      `SELECT id FROM catalogue_versions WHERE status = 'PUBLISHED'`,
    );
    const [{ id: liucheng }] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222'`,
    );
    const lists = await db.query<{ f: string }>(
      `SELECT md5(string_agg(l::text, ',' ORDER BY tenant_id, code)) AS f FROM implementation_items l`,
    );
    // No worker yet: the steps wait in the queue.
    const started = await gql<{ startCatalogueRollout: { id: string; status: string } }>(
      api.baseUrl,
      START,
      {
        token,
        variables: { input: { versionId, tenantId: liucheng } },
      },
    );
    expect(started.data!.startCatalogueRollout.status).toBe('RUNNING');
    const id = started.data!.startCatalogueRollout.id;
    const again = await gql(api.baseUrl, START, {
      token,
      variables: { input: { versionId, tenantId: liucheng } },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ROLLOUT_IN_PROGRESS',
    });
    const paused = await gql<{ commandCatalogueRollout: { status: string } }>(
      api.baseUrl,
      COMMAND,
      {
        token,
        variables: { id, command: 'PAUSE' },
      },
    );
    expect(paused.data!.commandCatalogueRollout.status).toBe('PAUSED');
    // A worker now takes the queued steps: paused, they change nothing.
    await startWorker();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await view(id)).progress.done).toBe(0);
    const cancelled = await gql<{ commandCatalogueRollout: { status: string } }>(
      api.baseUrl,
      COMMAND,
      {
        token,
        variables: { id, command: 'CANCEL' },
      },
    );
    expect(cancelled.data!.commandCatalogueRollout.status).toBe('CANCELLED');
    const after = await view(id);
    expect(after.progress).toMatchObject({ cancelled: after.progress.total, done: 0, pending: 0 });
    // Who steered it, oldest first, with their names as they were.
    const history = await gql<{
      catalogueRollout: { history: { action: string; actorName: string }[] };
    }>(
      api.baseUrl,
      `query($id: ID!) { catalogueRollout(id: $id) { history { action actorName at } } }`,
      { token, variables: { id } },
    );
    expect(history.data!.catalogueRollout.history.map((e) => [e.action, e.actorName])).toEqual([
      ['CATALOGUE_ROLLOUT_STARTED', '柳城县政务服务中心管理员'],
      ['CATALOGUE_ROLLOUT_PAUSED', '柳城县政务服务中心管理员'],
      ['CATALOGUE_ROLLOUT_CANCELLED', '柳城县政务服务中心管理员'],
    ]);
    const resumed = await gql(api.baseUrl, COMMAND, {
      token,
      variables: { id, command: 'RESUME' },
    });
    expect(errorCode(resumed)).toBe('CONFLICT');
    const listsAfter = await db.query<{ f: string }>(
      `SELECT md5(string_agg(l::text, ',' ORDER BY tenant_id, code)) AS f FROM implementation_items l`,
    );
    expect(listsAfter[0].f).toBe(lists[0].f);
  });

  it('after a SIGKILL mid-step and a restart, every tenant ends exactly once on the new version', async () => {
    if (!worker || worker.exitCode !== null) await startWorker();
    // A new version to roll out: the demo's with every statutory limit a day shorter, so that
    // every tenant's step changes its list.
    const items = DEMO_STANDARD_CATALOGUE.map((item): CatalogItem =>
      item.statutoryLimit.onTheSpot || item.statutoryLimit.workingDays < 2
        ? item
        : {
            ...item,
            statutoryLimit: { onTheSpot: false, workingDays: item.statutoryLimit.workingDays - 1 },
          },
    );
    const platform = (await login(api.baseUrl, 'platform', PASSWORD)).data!.login.accessToken;
    const imported = await gql<{ importCatalogue: { id: string } }>(api.baseUrl, IMPORT, {
      token: platform,
      variables: {
        input: {
          label: '2026 年第三轮',
          fileName: 'round-3.xlsx',
          spreadsheet: await spreadsheetBase64(writeCatalogueSheets(items)),
        },
      },
    });
    expect(imported.errors).toBeUndefined();
    const versionId = await waitFor('the import', async () => {
      const result = await gql<{ catalogueImport: { status: string; versionId: string | null } }>(
        api.baseUrl,
        IMPORT_STATUS,
        { token: platform, variables: { id: imported.data!.importCatalogue.id } },
      );
      return result.data?.catalogueImport.versionId ?? undefined;
    });
    await gql(api.baseUrl, PUBLISH, { token: platform, variables: { input: { versionId } } });

    // Hold one station's list rows so that its step blocks inside its transaction.
    const [{ id: liucheng }] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222'`,
    );
    const [{ id: station }] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222203201'`,
    );
    const holder = new Client({ connectionString: db.url });
    holder.on('error', () => undefined); // dropped with the database if the test fails
    await holder.connect();
    await holder.query('BEGIN');
    // As the station's scope: row-level security is forced on the tables' owner too.
    await holder.query(SCOPE_SQL, ['tenant', station, '']);
    const held = await holder.query(
      `SELECT 1 FROM implementation_items WHERE tenant_id = $1 FOR UPDATE`,
      [station],
    );
    expect(held.rowCount).toBeGreaterThan(0);

    const started = await gql<{ startCatalogueRollout: { id: string } }>(api.baseUrl, START, {
      token,
      variables: { input: { versionId, tenantId: liucheng } },
    });
    expect(started.errors).toBeUndefined();
    const id = started.data!.startCatalogueRollout.id;
    // Wait until the station's step is the one left, blocked on the held rows, then kill.
    await waitFor('the station step to block', async () => {
      const [blocked] = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%implementation_items%'`,
      );
      if (Number(blocked.n) > 0) return true;
      const current = await view(id);
      if (current.progress.failed > 0)
        throw new Error(`a step failed: ${JSON.stringify(current.progress)}`);
      return undefined;
    });
    stopWorker();
    await holder.query('ROLLBACK');
    await holder.end();
    const mid = await view(id);
    expect(mid.progress.pending).toBeGreaterThan(0);

    await startWorker();
    const done = await waitFor(
      'the rollout to finish after the restart',
      async () => {
        const current = await view(id);
        return current.status === 'FINISHED' ? current : undefined;
      },
      60_000,
      200,
    );
    expect(done.progress).toMatchObject({ failed: 0, pending: 0, done: done.progress.total });
    // Exactly once: each step finished one time, each tenant audited once, the station's
    // whole list on the new version.
    expect(done.steps.every((step) => step.attempts === 1)).toBe(true);
    const audits = await db.query<{ tenant_id: string; n: string }>(
      `SELECT tenant_id, count(*) AS n FROM audit_events
        WHERE action = 'CATALOGUE_ROLLOUT_STEP_DONE' AND subject_id = $1 GROUP BY tenant_id`,
      [id],
    );
    expect(audits).toHaveLength(done.progress.total);
    expect(audits.every((row) => Number(row.n) === 1)).toBe(true);
    const versions = await db.query<{ source_version_id: string }>(
      `SELECT DISTINCT source_version_id FROM implementation_items WHERE tenant_id = $1`,
      [station],
    );
    expect(versions).toEqual([{ source_version_id: versionId }]);
  }, 120_000);
});
