import type { CatalogItem } from './item';

/**
 * The diff of two standard catalogue versions for a clean-up round (DESIGN.md §4.1): what was
 * added, removed, changed (field by field), split, merged and suspended. Splits, merges and
 * suspensions cannot be read off the items: the publisher states them in a mapping (a sheet
 * of the spreadsheet, or entered in the admin app), checked here before anything is diffed.
 *
 * Edge rules (each checked by `mappingProblems`):
 * - Codes are unique within a version; every code of either version lands in exactly one
 *   place of the diff (or is unchanged): an item named by a mapping is never also in
 *   `added`, `removed` or `changed`.
 * - A split or merge may keep an old code for one of its new items (`X → [X, Y]`,
 *   `[A, B] → A`); any other target that also exists in the old version is refused
 *   (TARGET_ALSO_IN_OLD), as is a source that lives on in the new version without being one
 *   of its own mapping's targets (SOURCE_ALSO_IN_NEW).
 * - A split into one item, or a merge of one, is a change of code: allowed.
 * - A code is a source of at most one mapping and a target (or suspended) at most once
 *   (CODE_MAPPED_TWICE); a target of a split or merge cannot also be suspended.
 * - SUSPEND names an item of the new version, old or newly added; it is listed in
 *   `suspended` only, with its new contents (its field changes are not listed).
 * The diff shares values with its inputs; nothing here mutates them.
 */

/** How items of the old version became items of the new one, stated by the publisher. */
export type ItemMapping =
  /** One → several; `inheritor` (one of `to`) takes the local settings. */
  | { kind: 'SPLIT'; from: string; to: string[]; inheritor: string }
  /** Several → one; `inheritor` (one of `from`) gives its local settings. */
  | { kind: 'MERGE'; from: string[]; to: string; inheritor: string }
  /** In the new version but suspended: no new intake. */
  | { kind: 'SUSPEND'; code: string };

export interface FieldChange {
  field: keyof CatalogItem;
  before: unknown;
  after: unknown;
}

export interface ItemChange {
  code: string;
  /** The new version's name. */
  name: string;
  fields: FieldChange[];
}

export interface CatalogueDiff {
  /** In the new version, not in the old, not the target of a split or merge; by code. */
  added: CatalogItem[];
  /** In the old version, not in the new, not the source of a split or merge; by code. */
  removed: CatalogItem[];
  /** The same code in both, some field different (compared deeply); by code. */
  changed: ItemChange[];
  /** By the source's code; `to` by code. */
  split: { from: CatalogItem; to: CatalogItem[]; inheritor: string }[];
  /** By the target's code; `from` by code. */
  merged: { from: CatalogItem[]; to: CatalogItem; inheritor: string }[];
  /** Items of the new version named by a SUSPEND mapping; by code. */
  suspended: CatalogItem[];
}

export type MappingProblemCode =
  | 'UNKNOWN_SOURCE'
  | 'UNKNOWN_TARGET'
  | 'INHERITOR_NOT_LISTED'
  | 'CODE_MAPPED_TWICE'
  | 'TARGET_ALSO_IN_OLD'
  | 'SOURCE_ALSO_IN_NEW'
  | 'EMPTY_MAPPING';

export interface MappingProblem {
  code: MappingProblemCode;
  /** The mapping's position in the list it was given in. */
  index: number;
  message: { zhCN: string; enUS: string };
}

/** A mapping with problems, refused whole: every problem at once. */
export class CatalogueMappingError extends Error {
  constructor(readonly problems: MappingProblem[]) {
    super(`The item mapping has ${problems.length} problem(s): ${problems[0]?.message.enUS}`);
    this.name = 'CatalogueMappingError';
  }
}

/** Every field of an item, in the order a diff lists them (the Record keeps it complete). */
const FIELD_ORDER: Record<keyof CatalogItem, number> = {
  code: 0,
  name: 1,
  type: 2,
  competentDepartment: 3,
  implementingLevel: 4,
  legalBasis: 5,
  applicantScopes: 6,
  conditions: 7,
  materials: 8,
  steps: 9,
  statutoryLimit: 10,
  fee: 11,
  handlingTiers: 12,
  intakeOnlyTiers: 13,
  onlineAvailable: 14,
};
const ITEM_FIELDS = (Object.keys(FIELD_ORDER) as (keyof CatalogItem)[]).sort(
  (a, b) => FIELD_ORDER[a] - FIELD_ORDER[b],
);

/**
 * Deep equality of plain item data (strings, numbers, booleans, null, arrays, objects):
 * arrays compare in order (the order of materials and steps is what a guide prints); an
 * object key holding `undefined` counts as absent.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = (record: Record<string, unknown>) =>
    Object.keys(record).filter((key) => record[key] !== undefined);
  const leftKeys = keys(left);
  return (
    leftKeys.length === keys(right).length &&
    leftKeys.every((key) => key in right && sameValue(left[key], right[key]))
  );
}

const byCode = (a: { code: string }, b: { code: string }) => compareCodes(a.code, b.code);

/** Code order, independent of the locale (codes are opaque). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indexByCode(items: CatalogItem[], version: string): Map<string, CatalogItem> {
  const index = new Map<string, CatalogItem>();
  for (const item of items) {
    // A version's codes are unique (the import refuses duplicates): this is a caller's bug.
    if (index.has(item.code)) throw new Error(`Item code ${item.code} repeats in the ${version}`);
    index.set(item.code, item);
  }
  return index;
}

const say = (zhCN: string, enUS: string) => ({ zhCN, enUS });

/**
 * Everything wrong with a mapping between two versions, all at once, each at the index of
 * the mapping it is in (a code mapped twice: at the second mapping naming it).
 */
export function mappingProblems(
  before: CatalogItem[],
  after: CatalogItem[],
  mappings: ItemMapping[],
): MappingProblem[] {
  const old = indexByCode(before, 'old version');
  const next = indexByCode(after, 'new version');
  const problems: MappingProblem[] = [];
  const sources = new Set<string>();
  const targets = new Set<string>();

  mappings.forEach((mapping, index) => {
    const problem = (code: MappingProblemCode, zhCN: string, enUS: string) =>
      problems.push({ code, index, message: say(zhCN, enUS) });
    const claim = (seen: Set<string>, code: string, role: 'source' | 'target') => {
      if (seen.has(code)) {
        problem(
          'CODE_MAPPED_TWICE',
          role === 'source'
            ? `事项 ${code} 被多次列为原事项`
            : `事项 ${code} 被多次列为新事项或暂停事项`,
          role === 'source'
            ? `Item ${code} is named more than once as a source`
            : `Item ${code} is named more than once as a target or as suspended`,
        );
      }
      seen.add(code);
    };
    const source = (code: string, ownTargets: string[]) => {
      claim(sources, code, 'source');
      if (!old.has(code)) {
        problem(
          'UNKNOWN_SOURCE',
          `原版本中没有事项 ${code}`,
          `The old version has no item ${code}`,
        );
      } else if (next.has(code) && !ownTargets.includes(code)) {
        problem(
          'SOURCE_ALSO_IN_NEW',
          `事项 ${code} 仍在新版本中，却未列为本对应关系的新事项`,
          `Item ${code} is still in the new version but is not one of this mapping's targets`,
        );
      }
    };
    const target = (code: string, ownSources: string[]) => {
      claim(targets, code, 'target');
      if (!next.has(code)) {
        problem(
          'UNKNOWN_TARGET',
          `新版本中没有事项 ${code}`,
          `The new version has no item ${code}`,
        );
      } else if (old.has(code) && !ownSources.includes(code)) {
        problem(
          'TARGET_ALSO_IN_OLD',
          `事项 ${code} 已在原版本中，只有本对应关系的原事项可以沿用其编码`,
          `Item ${code} is already in the old version: only this mapping's own source may keep its code`,
        );
      }
    };

    switch (mapping.kind) {
      case 'SPLIT':
        if (mapping.to.length === 0) {
          problem('EMPTY_MAPPING', '拆分未列出新事项', 'The split names no new items');
        }
        source(mapping.from, mapping.to);
        mapping.to.forEach((code) => target(code, [mapping.from]));
        if (!mapping.to.includes(mapping.inheritor)) {
          problem(
            'INHERITOR_NOT_LISTED',
            `继承本地设置的事项 ${mapping.inheritor} 不在拆分后的新事项中`,
            `The inheritor ${mapping.inheritor} is not one of the split's new items`,
          );
        }
        break;
      case 'MERGE':
        if (mapping.from.length === 0) {
          problem('EMPTY_MAPPING', '合并未列出原事项', 'The merge names no old items');
        }
        mapping.from.forEach((code) => source(code, [mapping.to]));
        target(mapping.to, mapping.from);
        if (!mapping.from.includes(mapping.inheritor)) {
          problem(
            'INHERITOR_NOT_LISTED',
            `提供本地设置的事项 ${mapping.inheritor} 不在合并的原事项中`,
            `The inheritor ${mapping.inheritor} is not one of the merged old items`,
          );
        }
        break;
      case 'SUSPEND':
        claim(targets, mapping.code, 'target');
        if (!next.has(mapping.code)) {
          problem(
            'UNKNOWN_TARGET',
            `新版本中没有事项 ${mapping.code}`,
            `The new version has no item ${mapping.code}`,
          );
        }
        break;
    }
  });
  return problems;
}

/**
 * The diff from `before` to `after` under the publisher's mapping, deterministic (every list
 * sorted by code, whatever the order of the inputs). Throws a CatalogueMappingError if the
 * mapping has problems.
 */
export function diffCatalogues(
  before: CatalogItem[],
  after: CatalogItem[],
  mappings: ItemMapping[],
): CatalogueDiff {
  const problems = mappingProblems(before, after, mappings);
  if (problems.length > 0) throw new CatalogueMappingError(problems);
  const old = indexByCode(before, 'old version');
  const next = indexByCode(after, 'new version');
  const item = (index: Map<string, CatalogItem>, code: string) => index.get(code) as CatalogItem;

  const mapped = new Set<string>();
  const split: CatalogueDiff['split'] = [];
  const merged: CatalogueDiff['merged'] = [];
  const suspended: CatalogItem[] = [];
  for (const mapping of mappings) {
    switch (mapping.kind) {
      case 'SPLIT':
        [mapping.from, ...mapping.to].forEach((code) => mapped.add(code));
        split.push({
          from: item(old, mapping.from),
          to: mapping.to.map((code) => item(next, code)).sort(byCode),
          inheritor: mapping.inheritor,
        });
        break;
      case 'MERGE':
        [...mapping.from, mapping.to].forEach((code) => mapped.add(code));
        merged.push({
          from: mapping.from.map((code) => item(old, code)).sort(byCode),
          to: item(next, mapping.to),
          inheritor: mapping.inheritor,
        });
        break;
      case 'SUSPEND':
        mapped.add(mapping.code);
        suspended.push(item(next, mapping.code));
        break;
    }
  }

  const changed: ItemChange[] = [];
  for (const [code, now] of next) {
    const was = old.get(code);
    if (!was || mapped.has(code)) continue;
    const fields = ITEM_FIELDS.filter((field) => !sameValue(was[field], now[field])).map(
      (field) => ({ field, before: was[field], after: now[field] }),
    );
    if (fields.length > 0) changed.push({ code, name: now.name, fields });
  }

  return {
    added: after.filter((now) => !old.has(now.code) && !mapped.has(now.code)).sort(byCode),
    removed: before.filter((was) => !next.has(was.code) && !mapped.has(was.code)).sort(byCode),
    changed: changed.sort(byCode),
    split: split.sort((a, b) => byCode(a.from, b.from)),
    merged: merged.sort((a, b) => byCode(a.to, b.to)),
    suspended: suspended.sort(byCode),
  };
}

/** The new version's items, rebuilt from the old one's and the diff; sorted by code. */
export function applyDiff(before: CatalogItem[], diff: CatalogueDiff): CatalogItem[] {
  const items = new Map(before.map((item) => [item.code, item]));
  for (const item of diff.removed) items.delete(item.code);
  for (const { from } of diff.split) items.delete(from.code);
  for (const { from } of diff.merged) from.forEach((item) => items.delete(item.code));
  for (const change of diff.changed) {
    const was = items.get(change.code);
    if (!was) throw new Error(`The diff changes ${change.code}, which the old version lacks`);
    items.set(
      change.code,
      change.fields.reduce<CatalogItem>(
        (item, { field, after }) => ({ ...item, [field]: after }),
        was,
      ),
    );
  }
  const replaced = [
    ...diff.added,
    ...diff.split.flatMap(({ to }) => to),
    ...diff.merged.map(({ to }) => to),
    ...diff.suspended,
  ];
  for (const item of replaced) items.set(item.code, item);
  return [...items.values()].sort(byCode);
}

/** Whether the diff holds nothing: the two versions hold the same items, nothing mapped. */
export function isEmptyDiff(diff: CatalogueDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.split.length === 0 &&
    diff.merged.length === 0 &&
    diff.suspended.length === 0
  );
}
