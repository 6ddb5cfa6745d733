import { type CatalogueDiff, diffCatalogues, type ItemMapping } from './catalogue-diff';
import { type CatalogItem, type Material, MaterialForm } from './item';
import { adoptedSettings, type LocalSettings, localizationProblems } from './localization';
import { type ListEntry, planTenantRollout, type TenantRolloutPlan } from './rollout-plan';
import { randomCatalogue, randomRound, randomSettings, seeded } from './test-catalogues';
import { ethnicityChangeItem } from './test-items';

const item = (code: string, overrides: Partial<CatalogItem> = {}) =>
  ethnicityChangeItem({ code, ...overrides });
const [ID_CARD, HOUSEHOLD, PARENTS] = ethnicityChangeItem().materials;
const days = (workingDays: number) => ({ onTheSpot: false as const, workingDays });

/** A round from `before` to `after`, planned for a tenant holding `entries`. */
function plan(
  before: CatalogItem[],
  after: CatalogItem[],
  entries: ListEntry[],
  options: { mappings?: ItemMapping[]; open?: string[] } = {},
): TenantRolloutPlan {
  return planTenantRollout({
    diff: diffCatalogues(before, after, options.mappings ?? []),
    newItems: new Map(after.map((i) => [i.code, i])),
    entries,
    openApplicationCodes: new Set(options.open ?? []),
  });
}
const entry = (code: string, settings: Partial<LocalSettings> = {}, of = item(code)) => ({
  code,
  settings: { ...adoptedSettings(of), ...settings },
});
const conflictsOf = (result: TenantRolloutPlan) =>
  result.conflicts.map(({ code, itemCode, field }) => [code, itemCode, field]);

describe('a tenant’s rollout plan', () => {
  it('keeps an entry the new version does not touch exactly, and says nothing', () => {
    const local = entry('A', {
      promisedLimit: days(3),
      materials: [{ ...ID_CARD, form: MaterialForm.E_LICENCE }],
      address: '马山镇便民服务中心',
      phone: '0772-1234567',
      officeHours: '工作日 9:00-17:00',
      feeNote: '免费',
      notes: '可预约',
    });
    const result = plan([item('A'), item('B')], [item('A'), item('B', { steps: [] })], [local]);
    expect(result.outcomes).toEqual([
      { kind: 'KEPT', code: 'A', before: local.settings, after: local.settings },
    ]);
    const [kept] = result.outcomes;
    expect(kept.kind === 'KEPT' && kept.after === kept.before).toBe(true);
    expect([result.conflicts, result.unchanged]).toEqual([[], 1]);
  });

  it('keeps local settings through a change of other fields, and does not adopt added items', () => {
    const local = entry('A', {
      promisedLimit: days(3),
      address: '县政务服务中心',
      notes: '可预约',
    });
    const result = plan(
      [item('A')],
      [item('A', { conditions: '本县户籍居民', steps: ['受理'] }), item('N')],
      [local],
    );
    expect(result.outcomes).toEqual([
      { kind: 'KEPT', code: 'A', before: local.settings, after: local.settings },
    ]);
    expect(result.conflicts).toEqual([]);
  });

  describe('PROMISED_LIMIT_CLAMPED', () => {
    const promised = (
      before: LocalSettings['promisedLimit'],
      statutory: CatalogItem['statutoryLimit'],
    ) => {
      const result = plan(
        [item('A')],
        [item('A', { statutoryLimit: statutory })],
        [entry('A', { promisedLimit: before })],
      );
      const [outcome] = result.outcomes;
      return {
        after: outcome.kind === 'KEPT' && outcome.after.promisedLimit,
        conflicts: result.conflicts,
      };
    };

    it('clamps a local promise above the new statutory limit, and says so', () => {
      const { after, conflicts } = promised(days(8), days(5));
      expect(after).toEqual(days(5));
      expect(conflicts).toEqual([
        {
          code: 'PROMISED_LIMIT_CLAMPED',
          itemCode: 'A',
          field: 'promisedLimit',
          before: days(8),
          after: days(5),
          policy: {
            zhCN: '承诺时限（8 个工作日）超过新的法定时限（5 个工作日），压缩为 5 个工作日',
            enUS: 'The promised limit (8 working days) is above the new statutory limit (5 working days): clamped to 5 working days',
          },
        },
      ]);
    });

    it('promises on the spot an item that now is on-the-spot', () => {
      const { after, conflicts } = promised(days(3), { onTheSpot: true });
      expect(after).toEqual({ onTheSpot: true });
      expect(conflicts.map((c) => c.code)).toEqual(['PROMISED_LIMIT_CLAMPED']);
    });

    it('keeps a local promise within the new limit, and an on-the-spot one', () => {
      expect(promised(days(3), days(5))).toEqual({ after: days(3), conflicts: [] });
      expect(promised({ onTheSpot: true }, days(20))).toEqual({
        after: { onTheSpot: true },
        conflicts: [],
      });
    });

    it('moves the standard’s promise with the statutory limit, up or down, without a conflict', () => {
      expect(promised(days(10), days(15))).toEqual({ after: days(15), conflicts: [] });
      // Nothing local was overridden: the promise was the standard's and follows it.
      expect(promised(days(10), days(7))).toEqual({ after: days(7), conflicts: [] });
    });
  });

  describe('materials', () => {
    const materialsAfter = (result: TenantRolloutPlan): Material[] => {
      const [outcome] = result.outcomes;
      if (outcome.kind !== 'KEPT') throw new Error(`expected KEPT, got ${outcome.kind}`);
      return outcome.after.materials;
    };

    it('re-adds a dropped optional material the new version requires, flagged (REQUIRED_MATERIAL_READDED)', () => {
      const parentsRequired = { ...PARENTS, required: true };
      const result = plan(
        [item('A')],
        [item('A', { materials: [ID_CARD, HOUSEHOLD, parentsRequired] })],
        [entry('A', { materials: [ID_CARD] })], // dropped 户口簿 (required) and 父母民族成份证明
      );
      expect(materialsAfter(result)).toEqual([ID_CARD, parentsRequired]); // 户口簿 stays dropped
      expect(result.conflicts).toEqual([
        {
          code: 'REQUIRED_MATERIAL_READDED',
          itemCode: 'A',
          field: 'materials[1]',
          before: null,
          after: parentsRequired,
          policy: {
            zhCN: '新版本将材料“父母民族成份证明”列为必需：本地删去的材料按基本目录恢复',
            enUS: 'The new version requires "父母民族成份证明": the dropped material is restored as the standard says',
          },
        },
      ]);
    });

    it('restores a relaxed or local optional material the new version newly requires, keeping a local note', () => {
      const extra = {
        name: '村委会证明',
        form: MaterialForm.COPY,
        copies: 1,
        required: false,
        notes: null,
      };
      const relaxed = { ...PARENTS, form: MaterialForm.E_LICENCE, notes: '本地说明' };
      const parentsRequired = { ...PARENTS, required: true };
      const villageRequired = { ...extra, form: MaterialForm.ORIGINAL, required: true };
      const result = plan(
        [item('A')],
        [item('A', { materials: [ID_CARD, HOUSEHOLD, parentsRequired, villageRequired] })],
        [entry('A', { materials: [ID_CARD, HOUSEHOLD, relaxed, extra] })],
      );
      expect(materialsAfter(result)).toEqual([
        ID_CARD,
        HOUSEHOLD,
        { ...parentsRequired, notes: '本地说明' },
        villageRequired,
      ]);
      expect(result.conflicts.map((c) => [c.code, c.field, c.before, c.policy.enUS])).toEqual([
        [
          'REQUIRED_MATERIAL_READDED',
          'materials[2]',
          relaxed,
          'The new version requires "父母民族成份证明": the relaxed material is restored as the standard says',
        ],
        [
          'REQUIRED_MATERIAL_READDED',
          'materials[3]',
          extra,
          'The new version requires "村委会证明": the locally listed optional material now follows the standard',
        ],
      ]);
    });

    it('does not flag an untouched optional material the standard now requires: it just follows', () => {
      const parentsRequired = { ...PARENTS, required: true };
      const result = plan(
        [item('A')],
        [item('A', { materials: [ID_CARD, HOUSEHOLD, parentsRequired] })],
        [entry('A')],
      );
      expect(materialsAfter(result)).toEqual([ID_CARD, HOUSEHOLD, parentsRequired]);
      expect(result.conflicts).toEqual([]);
    });

    it('keeps relaxations the new version leaves possible, follows it where the tenant did not relax', () => {
      const photo = {
        name: '照片',
        form: MaterialForm.ORIGINAL,
        copies: 2,
        required: false,
        notes: null,
      };
      const certificate = {
        name: '结婚证',
        form: MaterialForm.COPY,
        copies: 1,
        required: true,
        notes: null,
      };
      const local = {
        name: '补充说明',
        form: MaterialForm.COPY,
        copies: 1,
        required: false,
        notes: null,
      };
      const result = plan(
        [item('A')],
        [
          item('A', {
            materials: [
              { ...ID_CARD, copies: 2 },
              { ...HOUSEHOLD, form: MaterialForm.ORIGINAL, required: true },
              photo,
              certificate,
            ], // 父母民族成份证明 gone; 照片 and 结婚证 new
          }),
        ],
        [
          entry('A', {
            materials: [
              local,
              { ...HOUSEHOLD, copies: 1, required: false },
              { ...ID_CARD, form: MaterialForm.E_LICENCE },
              PARENTS,
            ],
          }),
        ],
      );
      expect(materialsAfter(result)).toEqual([
        local,
        { ...HOUSEHOLD, form: MaterialForm.ORIGINAL, copies: 1, required: false },
        { ...ID_CARD, form: MaterialForm.E_LICENCE, copies: 2 },
        photo,
        certificate,
      ]);
      expect(result.conflicts).toEqual([]);
    });

    it('takes the laxer of a local relaxation and a laxer new standard', () => {
      const result = plan(
        [item('A')],
        [item('A', { materials: [{ ...HOUSEHOLD, form: MaterialForm.E_LICENCE, copies: 1 }] })],
        [entry('A', { materials: [{ ...HOUSEHOLD, copies: 1, form: MaterialForm.COPY }] })],
      );
      expect(materialsAfter(result)).toEqual([
        { ...HOUSEHOLD, form: MaterialForm.E_LICENCE, copies: 1 },
      ]);
    });
  });

  it('drops a removed or suspended item without open applications (ITEM_REMOVED_FROM_MENU)', () => {
    const result = plan(
      [item('A'), item('B'), item('C')],
      [item('B'), item('C')],
      [entry('A'), entry('B'), entry('C')],
      { mappings: [{ kind: 'SUSPEND', code: 'B' }] },
    );
    expect(result.outcomes.map(({ kind, code }) => [kind, code])).toEqual([
      ['DROPPED', 'A'],
      ['DROPPED', 'B'],
      ['KEPT', 'C'],
    ]);
    expect(result.conflicts.map((c) => [c.code, c.itemCode, c.policy.enUS])).toEqual([
      [
        'ITEM_REMOVED_FROM_MENU',
        'A',
        'The item is removed from the new version and has no open applications: off the list and the menus',
      ],
      [
        'ITEM_REMOVED_FROM_MENU',
        'B',
        'The item is suspended in the new version and has no open applications: off the list and the menus',
      ],
    ]);
  });

  it('keeps a removed or suspended item read-only for its open applications (ITEM_REMOVED_WITH_OPEN_APPLICATIONS)', () => {
    const a = entry('A', { address: '县政务服务中心' });
    const result = plan([item('A'), item('B')], [item('B')], [a, entry('B')], {
      mappings: [{ kind: 'SUSPEND', code: 'B' }],
      open: ['A', 'B'],
    });
    expect(result.outcomes).toEqual([
      { kind: 'READ_ONLY', code: 'A', before: a.settings },
      { kind: 'READ_ONLY', code: 'B', before: entry('B').settings },
    ]);
    expect(conflictsOf(result)).toEqual([
      ['ITEM_REMOVED_WITH_OPEN_APPLICATIONS', 'A', null],
      ['ITEM_REMOVED_WITH_OPEN_APPLICATIONS', 'B', null],
    ]);
  });

  describe('ITEM_SPLIT', () => {
    const local = { promisedLimit: days(5), address: '马山镇便民服务中心' };

    it('gives the local settings to the inheritor and adopts the others as the standard says', () => {
      const a1 = item('A1', { name: '民族成份变更（未成年）' });
      const a2 = item('A2', { name: '民族成份变更（成年）', statutoryLimit: days(20) });
      const result = plan([item('A')], [a1, a2], [entry('A', local)], {
        mappings: [{ kind: 'SPLIT', from: 'A', to: ['A2', 'A1'], inheritor: 'A2' }],
      });
      expect(result.outcomes).toEqual([
        { kind: 'DROPPED', code: 'A', before: entry('A', local).settings },
        { kind: 'ADOPTED', code: 'A1', after: adoptedSettings(a1) },
        { kind: 'ADOPTED', code: 'A2', after: { ...adoptedSettings(a2), ...local } },
      ]);
      expect(result.conflicts).toEqual([
        {
          code: 'ITEM_SPLIT',
          itemCode: 'A',
          field: null,
          before: 'A',
          after: ['A1', 'A2'],
          policy: {
            zhCN: '事项拆分为 A1、A2：本地设置由 A2 继承，其余按基本目录采用',
            enUS: 'Split into A1, A2: the local settings go to A2; the others are adopted as the standard says',
          },
        },
      ]);
    });

    it('keeps the old code when the split does, and the old entry read-only for open applications', () => {
      const keptCode = plan([item('A')], [item('A'), item('A1')], [entry('A', local)], {
        mappings: [{ kind: 'SPLIT', from: 'A', to: ['A', 'A1'], inheritor: 'A1' }],
      });
      expect(keptCode.outcomes).toEqual([
        {
          kind: 'KEPT',
          code: 'A',
          before: entry('A', local).settings,
          after: adoptedSettings(item('A')),
        },
        { kind: 'ADOPTED', code: 'A1', after: entry('A1', local).settings },
      ]);
      expect(conflictsOf(keptCode)).toEqual([['ITEM_SPLIT', 'A', null]]);

      const open = plan(
        [item('A')],
        [item('A1'), item('A2', { statutoryLimit: days(3) })],
        [entry('A', local)],
        {
          mappings: [{ kind: 'SPLIT', from: 'A', to: ['A1', 'A2'], inheritor: 'A2' }],
          open: ['A'],
        },
      );
      expect(open.outcomes.map(({ kind, code }) => [kind, code])).toEqual([
        ['READ_ONLY', 'A'],
        ['ADOPTED', 'A1'],
        ['ADOPTED', 'A2'],
      ]);
      expect(conflictsOf(open)).toEqual([
        ['ITEM_REMOVED_WITH_OPEN_APPLICATIONS', 'A', null],
        ['ITEM_SPLIT', 'A', null],
        ['PROMISED_LIMIT_CLAMPED', 'A2', 'promisedLimit'],
      ]);
    });
  });

  describe('ITEM_MERGED', () => {
    const mappings: ItemMapping[] = [{ kind: 'MERGE', from: ['A', 'B'], to: 'M', inheritor: 'B' }];
    const m = item('M', { name: '民族成份变更' });

    it('gives the inheritor’s settings to the merged item and drops the others’', () => {
      const result = plan(
        [item('A'), item('B')],
        [m],
        [entry('A', { phone: '1' }), entry('B', { phone: '2' })],
        {
          mappings,
        },
      );
      expect(result.outcomes).toEqual([
        { kind: 'DROPPED', code: 'A', before: entry('A', { phone: '1' }).settings },
        { kind: 'DROPPED', code: 'B', before: entry('B', { phone: '2' }).settings },
        { kind: 'ADOPTED', code: 'M', after: entry('M', { phone: '2' }).settings },
      ]);
      expect(
        result.conflicts.map((c) => [c.code, c.itemCode, c.before, c.after, c.policy.enUS]),
      ).toEqual([
        [
          'ITEM_MERGED',
          'A',
          ['A', 'B'],
          'M',
          "A, B merged into M: this item's local settings are dropped; the merged item takes B's local settings",
        ],
        [
          'ITEM_MERGED',
          'B',
          ['A', 'B'],
          'M',
          "A, B merged into M: this item's local settings go to it",
        ],
      ]);
    });

    it('adopts the merged item as the standard says when the tenant lacks the inheritor', () => {
      const result = plan([item('A'), item('B')], [m], [entry('A', { phone: '1' })], {
        mappings,
        open: ['A'],
      });
      expect(result.outcomes.map((o) => [o.kind, o.code])).toEqual([
        ['READ_ONLY', 'A'],
        ['ADOPTED', 'M'],
      ]);
      expect(result.outcomes[1]).toEqual({ kind: 'ADOPTED', code: 'M', after: adoptedSettings(m) });
      expect(result.conflicts.map((c) => [c.code, c.policy.enUS])).toEqual([
        [
          'ITEM_REMOVED_WITH_OPEN_APPLICATIONS',
          'The item is split or merged into new items in the new version but has open applications: kept read-only for them, off the menu for new intake',
        ],
        [
          'ITEM_MERGED',
          "A, B merged into M: this item's local settings are dropped; the merged item takes the standard as it stands",
        ],
      ]);
    });

    it('keeps the entry of the old code the merge keeps, with the inheritor’s settings', () => {
      const result = plan(
        [item('A'), item('B')],
        [item('A')],
        [entry('A', { phone: '1' }), entry('B', { phone: '2' })],
        {
          mappings: [{ kind: 'MERGE', from: ['A', 'B'], to: 'A', inheritor: 'B' }],
        },
      );
      expect(result.outcomes).toEqual([
        {
          kind: 'KEPT',
          code: 'A',
          before: entry('A', { phone: '1' }).settings,
          after: entry('A', { phone: '2' }).settings,
        },
        { kind: 'DROPPED', code: 'B', before: entry('B', { phone: '2' }).settings },
      ]);
      expect(conflictsOf(result)).toEqual([
        ['ITEM_MERGED', 'A', null],
        ['ITEM_MERGED', 'B', null],
      ]);
      expect(result.unchanged).toBe(0);
    });
  });

  it('takes changed locked elements from the standard, each named (LOCKED_ELEMENT_CHANGED)', () => {
    const local = entry('A', { address: '县政务服务中心' });
    const result = plan(
      [item('A')],
      [item('A', { name: '民族成份变更', competentDepartment: '县公安局', conditions: '' })],
      [local],
    );
    expect(result.outcomes).toEqual([
      { kind: 'KEPT', code: 'A', before: local.settings, after: local.settings },
    ]);
    expect(result.conflicts.map((c) => [c.code, c.field, c.before, c.after, c.policy])).toEqual([
      [
        'LOCKED_ELEMENT_CHANGED',
        'name',
        '公民民族成份变更初审',
        '民族成份变更',
        {
          zhCN: '基本目录修改了事项名称：以基本目录为准',
          enUS: 'The standard changed the name: taken from the standard',
        },
      ],
      [
        'LOCKED_ELEMENT_CHANGED',
        'competentDepartment',
        '县民族宗教事务局',
        '县公安局',
        {
          zhCN: '基本目录修改了主管部门：以基本目录为准',
          enUS: 'The standard changed the competent department: taken from the standard',
        },
      ],
    ]);
  });

  it('refuses an entry in neither version, and an entry listed twice (caller bugs)', () => {
    expect(() => plan([item('A')], [item('A')], [entry('Q')])).toThrow(/neither/);
    expect(() => plan([item('A')], [item('A')], [entry('A'), entry('A')])).toThrow(/twice/);
  });
});

describe('rollout plan properties over random rounds', () => {
  const RUNS = 200;
  const untouchedCodes = (diff: CatalogueDiff, entries: ListEntry[]) => {
    const touched = new Set([
      ...diff.removed.map((i) => i.code),
      ...diff.changed.map((c) => c.code),
      ...diff.suspended.map((i) => i.code),
      ...diff.split.flatMap(({ from, to }) => [from.code, ...to.map((i) => i.code)]),
      ...diff.merged.flatMap(({ from, to }) => [to.code, ...from.map((i) => i.code)]),
    ]);
    return entries.map((e) => e.code).filter((code) => !touched.has(code));
  };

  it.each(Array.from({ length: RUNS }, (_, seed) => seed))('holds for seed %i', (seed) => {
    const random = seeded(5000 + seed);
    const before = randomCatalogue(random);
    const { after, mappings } = randomRound(random, before);
    const diff = diffCatalogues(before, after, mappings);
    const newItems = new Map(after.map((i) => [i.code, i]));
    const entries = random
      .some(before, 0.8)
      .map((i) => ({ code: i.code, settings: randomSettings(random, i) }));
    for (const { code, settings } of entries) {
      expect(
        localizationProblems(before.find((i) => i.code === code) as CatalogItem, settings),
      ).toEqual([]);
    }
    const open = new Set(
      random.some(
        entries.map((e) => e.code),
        0.3,
      ),
    );
    const result = planTenantRollout({ diff, newItems, entries, openApplicationCodes: open });

    // Every setting that stays passes the localization rules against the new item.
    for (const outcome of result.outcomes) {
      if (outcome.kind !== 'KEPT' && outcome.kind !== 'ADOPTED') continue;
      expect(
        localizationProblems(newItems.get(outcome.code) as CatalogItem, outcome.after),
      ).toEqual([]);
    }
    // One outcome per code, by code; every entry accounted for; only open ones read-only.
    const codes = result.outcomes.map((o) => o.code);
    expect(codes).toEqual([...new Set(codes)].sort());
    for (const { code } of entries) expect(codes).toContain(code);
    for (const o of result.outcomes) {
      if (o.kind === 'READ_ONLY') expect(open.has(o.code)).toBe(true);
      if (o.kind === 'ADOPTED') expect(entries.some((e) => e.code === o.code)).toBe(false);
      if (o.kind !== 'DROPPED' && o.kind !== 'READ_ONLY') expect(newItems.has(o.code)).toBe(true);
    }
    // Added items are not adopted.
    for (const added of diff.added) expect(codes).not.toContain(added.code);
    // What the round does not touch is kept exactly, silently.
    for (const code of untouchedCodes(diff, entries)) {
      const outcome = result.outcomes.find((o) => o.code === code);
      expect(outcome?.kind).toBe('KEPT');
      expect(outcome?.kind === 'KEPT' && outcome.after === outcome.before).toBe(true);
      expect(result.conflicts.filter((c) => c.itemCode === code)).toEqual([]);
    }
    // Local fields outside limits and materials survive wherever the entry keeps its code.
    for (const o of result.outcomes) {
      if (o.kind !== 'KEPT' || diff.split.some((s) => s.from.code === o.code)) continue;
      if (diff.merged.some((m) => m.to.code === o.code)) continue;
      const { promisedLimit: _p, materials: _m, ...rest } = o.after;
      const { promisedLimit: _bp, materials: _bm, ...was } = o.before;
      expect(rest).toEqual(was);
    }
    // Deterministic, whatever the order of the entries.
    expect(
      planTenantRollout({
        diff,
        newItems,
        entries: random.shuffle(entries),
        openApplicationCodes: open,
      }),
    ).toEqual(result);

    // Planning again against the result changes nothing.
    const landed = result.outcomes.flatMap((o) =>
      o.kind === 'KEPT' || o.kind === 'ADOPTED' ? [{ code: o.code, settings: o.after }] : [],
    );
    const again = planTenantRollout({
      diff: diffCatalogues(after, after, []),
      newItems,
      entries: landed,
      openApplicationCodes: open,
    });
    expect(again.conflicts).toEqual([]);
    expect(again.unchanged).toBe(landed.length);
    for (const o of again.outcomes) {
      expect(o.kind).toBe('KEPT');
      expect(o.kind === 'KEPT' && o.before === o.after).toBe(true);
    }
  });
});
