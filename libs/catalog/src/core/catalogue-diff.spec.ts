import {
  applyDiff,
  type CatalogueDiff,
  CatalogueMappingError,
  diffCatalogues,
  isEmptyDiff,
  type ItemMapping,
  mappingProblems,
  sameValue,
} from './catalogue-diff';
import { type CatalogItem, MaterialForm } from './item';
import { randomCatalogue, randomRound, seeded } from './test-catalogues';
import { ethnicityChangeItem } from './test-items';

const item = (code: string, overrides: Partial<CatalogItem> = {}) =>
  ethnicityChangeItem({ code, ...overrides });
const codes = (items: CatalogItem[]) => items.map(({ code }) => code);
const sorted = (items: CatalogItem[]) =>
  [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

describe('the diff of two catalogue versions', () => {
  const before = [item('B'), item('A'), item('C')];

  it('is empty between a version and itself, or a deep copy of it', () => {
    const diff = diffCatalogues(before, structuredClone(before).reverse(), []);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(applyDiff(before, diff)).toEqual(sorted(before));
  });

  it('lists items added and removed, by code', () => {
    const after = [item('E'), item('A'), item('D')];
    const diff = diffCatalogues(before, after, []);
    expect(codes(diff.added)).toEqual(['D', 'E']);
    expect(codes(diff.removed)).toEqual(['B', 'C']);
    expect(diff.changed).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(false);
    expect(applyDiff(before, diff)).toEqual(sorted(after));
  });

  it('lists each changed field of an item, old → new, deep inside materials, limits and fees', () => {
    const a = item('A');
    const changedA = item('A', {
      name: '民族成份变更',
      materials: a.materials.map((m, i) => (i === 1 ? { ...m, form: MaterialForm.ORIGINAL } : m)),
      statutoryLimit: { onTheSpot: false, workingDays: 5 },
    });
    const changedC = item('C', { fee: { free: false, basis: '工本费', amount: '10 元' } });
    const after = [changedC, item('B'), changedA];
    const diff = diffCatalogues(before, after, []);
    expect(diff.changed).toEqual([
      {
        code: 'A',
        name: '民族成份变更',
        fields: [
          { field: 'name', before: a.name, after: '民族成份变更' },
          { field: 'materials', before: a.materials, after: changedA.materials },
          {
            field: 'statutoryLimit',
            before: a.statutoryLimit,
            after: { onTheSpot: false, workingDays: 5 },
          },
        ],
      },
      {
        code: 'C',
        name: a.name,
        fields: [{ field: 'fee', before: { free: true }, after: changedC.fee }],
      },
    ]);
    expect(applyDiff(before, diff)).toEqual(sorted(after));
  });

  it('lists a split with its new items and inheritor, whether or not it keeps the old code', () => {
    const after = [item('A1'), item('A', { name: '拆分后' }), item('B'), item('C1'), item('C2')];
    const mappings: ItemMapping[] = [
      { kind: 'SPLIT', from: 'A', to: ['A1', 'A'], inheritor: 'A1' },
      { kind: 'SPLIT', from: 'C', to: ['C2', 'C1'], inheritor: 'C2' },
    ];
    const diff = diffCatalogues(before, after, mappings);
    expect(diff.split.map((s) => [s.from.code, codes(s.to), s.inheritor])).toEqual([
      ['A', ['A', 'A1'], 'A1'],
      ['C', ['C1', 'C2'], 'C2'],
    ]);
    expect([diff.added, diff.removed, diff.changed, diff.merged]).toEqual([[], [], [], []]);
    expect(applyDiff(before, diff)).toEqual(sorted(after));
  });

  it('lists a merge with its old items and inheritor, whether or not it keeps an old code', () => {
    const after = [item('B', { name: '合并后' }), item('D')];
    const diff = diffCatalogues([...before, item('E')], after, [
      { kind: 'MERGE', from: ['C', 'B'], to: 'B', inheritor: 'C' },
      { kind: 'MERGE', from: ['E', 'A'], to: 'D', inheritor: 'A' },
    ]);
    expect(diff.merged.map((m) => [codes(m.from), m.to.code, m.inheritor])).toEqual([
      [['B', 'C'], 'B', 'C'],
      [['A', 'E'], 'D', 'A'],
    ]);
    expect([diff.added, diff.removed, diff.changed, diff.split]).toEqual([[], [], [], []]);
    expect(applyDiff([...before, item('E')], diff)).toEqual(sorted(after));
  });

  it('lists suspended items of the new version, old or new, with their new contents only', () => {
    const after = [item('A', { name: '暂停' }), item('B'), item('C'), item('F')];
    const diff = diffCatalogues(before, after, [
      { kind: 'SUSPEND', code: 'F' },
      { kind: 'SUSPEND', code: 'A' },
    ]);
    expect(diff.suspended).toEqual([after[0], after[3]]);
    expect([diff.added, diff.changed]).toEqual([[], []]);
    expect(applyDiff(before, diff)).toEqual(sorted(after));
  });

  it('refuses a version whose codes repeat (a caller bug: the import refuses them)', () => {
    expect(() => diffCatalogues([item('A'), item('A')], [], [])).toThrow(/repeats/);
  });
});

describe('the mapping of a clean-up round', () => {
  const before = [item('A'), item('B'), item('C')];
  const after = [item('A'), item('X'), item('Y'), item('Z')];
  const problems = (mappings: ItemMapping[], old = before, next = after) =>
    mappingProblems(old, next, mappings).map(({ code, index }) => [code, index]);

  it('has no problems when it names known items once each', () => {
    expect(
      problems([
        { kind: 'SPLIT', from: 'B', to: ['X', 'Y'], inheritor: 'X' },
        { kind: 'MERGE', from: ['C'], to: 'Z', inheritor: 'C' },
        { kind: 'SUSPEND', code: 'A' },
      ]),
    ).toEqual([]);
  });

  it('names a source the old version lacks and a target the new one lacks', () => {
    expect(
      problems([
        { kind: 'SPLIT', from: 'Q', to: ['X', 'R'], inheritor: 'X' },
        { kind: 'MERGE', from: ['B', 'S'], to: 'T', inheritor: 'B' },
        { kind: 'SUSPEND', code: 'C' },
      ]),
    ).toEqual([
      ['UNKNOWN_SOURCE', 0],
      ['UNKNOWN_TARGET', 0],
      ['UNKNOWN_SOURCE', 1],
      ['UNKNOWN_TARGET', 1],
      ['UNKNOWN_TARGET', 2],
    ]);
  });

  it('names an inheritor that is not one of the split targets or merged sources', () => {
    expect(
      problems([
        { kind: 'SPLIT', from: 'B', to: ['X', 'Y'], inheritor: 'B' },
        { kind: 'MERGE', from: ['C'], to: 'Z', inheritor: 'Z' },
      ]),
    ).toEqual([
      ['INHERITOR_NOT_LISTED', 0],
      ['INHERITOR_NOT_LISTED', 1],
    ]);
  });

  it('names a code mapped twice, as a source or as a target, at the second mention', () => {
    expect(
      problems([
        { kind: 'SPLIT', from: 'B', to: ['X', 'Y'], inheritor: 'X' },
        { kind: 'MERGE', from: ['B', 'C'], to: 'Z', inheritor: 'C' },
        { kind: 'SUSPEND', code: 'Y' },
        { kind: 'SPLIT', from: 'A', to: ['A', 'A'], inheritor: 'A' },
      ]),
    ).toEqual([
      ['CODE_MAPPED_TWICE', 1],
      ['CODE_MAPPED_TWICE', 2],
      ['CODE_MAPPED_TWICE', 3],
    ]);
  });

  it('lets a split or merge keep its own old code, never another old item’s', () => {
    expect(
      problems([
        { kind: 'SPLIT', from: 'B', to: ['A', 'X'], inheritor: 'X' },
        { kind: 'MERGE', from: ['C'], to: 'A', inheritor: 'C' },
      ]).filter(([code]) => code === 'TARGET_ALSO_IN_OLD'),
    ).toEqual([
      ['TARGET_ALSO_IN_OLD', 0],
      ['TARGET_ALSO_IN_OLD', 1],
    ]);
    expect(
      problems(
        [
          { kind: 'SPLIT', from: 'A', to: ['A', 'X'], inheritor: 'X' },
          { kind: 'MERGE', from: ['B', 'C'], to: 'B', inheritor: 'C' },
        ],
        before,
        [...after, item('B')],
      ),
    ).toEqual([]);
  });

  it('names a source that lives on in the new version outside its own mapping', () => {
    expect(
      problems(
        [
          { kind: 'SPLIT', from: 'A', to: ['X', 'Y'], inheritor: 'X' },
          { kind: 'MERGE', from: ['B', 'C'], to: 'Z', inheritor: 'B' },
        ],
        before,
        [...after, item('C')],
      ),
    ).toEqual([
      ['SOURCE_ALSO_IN_NEW', 0],
      ['SOURCE_ALSO_IN_NEW', 1],
    ]);
  });

  it('names a split into nothing and a merge of nothing', () => {
    expect(
      problems([
        { kind: 'SPLIT', from: 'B', to: [], inheritor: 'X' },
        { kind: 'MERGE', from: [], to: 'Z', inheritor: 'C' },
      ]),
    ).toEqual([
      ['EMPTY_MAPPING', 0],
      ['INHERITOR_NOT_LISTED', 0],
      ['EMPTY_MAPPING', 1],
      ['INHERITOR_NOT_LISTED', 1],
    ]);
  });

  it('says each problem in Chinese and English, and the diff refuses the mapping whole', () => {
    const mappings: ItemMapping[] = [{ kind: 'SUSPEND', code: 'Q' }];
    const [problem] = mappingProblems(before, after, mappings);
    expect(problem.message).toEqual({
      zhCN: '新版本中没有事项 Q',
      enUS: 'The new version has no item Q',
    });
    let thrown: unknown;
    try {
      diffCatalogues(before, after, mappings);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CatalogueMappingError);
    expect((thrown as CatalogueMappingError).problems).toEqual([problem]);
  });
});

describe('plain-data equality', () => {
  it('compares deeply, arrays in order, an undefined key as absent', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});

describe('diff properties over random catalogues', () => {
  const RUNS = 200;
  const isSorted = (list: string[]) => list.every((code, i) => i === 0 || list[i - 1] < code);
  const diffCodes = (diff: CatalogueDiff) => ({
    added: codes(diff.added),
    removed: codes(diff.removed),
    changed: diff.changed.map(({ code }) => code),
    split: diff.split.map(({ from }) => from.code),
    merged: diff.merged.map(({ to }) => to.code),
    suspended: codes(diff.suspended),
  });

  it.each(Array.from({ length: RUNS }, (_, seed) => seed))('holds for seed %i', (seed) => {
    const random = seeded(seed);
    const before = randomCatalogue(random);
    const { after, mappings } = randomRound(random, before);

    expect(isEmptyDiff(diffCatalogues(before, before, []))).toBe(true);
    expect(isEmptyDiff(diffCatalogues(after, structuredClone(after), []))).toBe(true);

    expect(mappingProblems(before, after, mappings)).toEqual([]);
    const diff = diffCatalogues(before, after, mappings);
    expect(applyDiff(before, diff)).toEqual(sorted(after));

    // Deterministic and sorted, whatever the order of the inputs.
    expect(
      diffCatalogues(random.shuffle(before), random.shuffle(after), random.shuffle(mappings)),
    ).toEqual(diff);
    for (const list of Object.values(diffCodes(diff))) expect(isSorted(list)).toBe(true);
    for (const { to } of diff.split) expect(isSorted(codes(to))).toBe(true);
    for (const { from } of diff.merged) expect(isSorted(codes(from))).toBe(true);

    // Every old code is in one place at most, every new code too.
    const oldPlaces = [
      ...diffCodes(diff).removed,
      ...diffCodes(diff).changed,
      ...diff.split.map(({ from }) => from.code),
      ...diff.merged.flatMap(({ from }) => codes(from)),
    ];
    expect(new Set(oldPlaces).size).toBe(oldPlaces.length);
    const newPlaces = [
      ...diffCodes(diff).added,
      ...diffCodes(diff).changed,
      ...diff.split.flatMap(({ to }) => codes(to)),
      ...diffCodes(diff).merged,
      ...diffCodes(diff).suspended,
    ];
    expect(new Set(newPlaces).size).toBe(newPlaces.length);
  });

  it.each(Array.from({ length: 50 }, (_, seed) => seed))(
    'refuses a mapping broken at random (seed %i)',
    (seed) => {
      const random = seeded(1000 + seed);
      const before = randomCatalogue(random, 6);
      const { after, mappings } = randomRound(random, before);
      const broken: ItemMapping[] = [
        ...mappings,
        random.pick<ItemMapping>([
          { kind: 'SUSPEND', code: 'nowhere' },
          { kind: 'SPLIT', from: 'nowhere', to: [], inheritor: 'x' },
          { kind: 'MERGE', from: codes(before).slice(0, 1), to: 'nowhere', inheritor: 'x' },
        ]),
      ];
      expect(mappingProblems(before, after, broken)).not.toEqual([]);
      expect(() => diffCatalogues(before, after, broken)).toThrow(CatalogueMappingError);
    },
  );
});
