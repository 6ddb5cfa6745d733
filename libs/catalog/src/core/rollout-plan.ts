import { type CatalogueDiff, compareCodes, type ItemChange, sameValue } from './catalogue-diff';
import {
  type CatalogItem,
  LOCKED_ELEMENTS,
  type Material,
  MATERIAL_FORM_WEIGHT,
  type TimeLimit,
} from './item';
import { ITEM_SHEET } from './catalogue-sheet';
import { adoptedSettings, type LocalSettings } from './localization';

/**
 * What a clean-up round does to one tenant's implementation list (DESIGN.md §4.1): the
 * preview shows it, the rollout step applies it. Pure: the caller reads the list, the diff and
 * the open applications, and writes the outcomes.
 *
 * The policy, as the conflicts state it:
 * - An entry's settings are re-based on the new item; what the new version does not touch is
 *   kept exactly (address, phone, hours, notes, a compressed promise, dropped or relaxed
 *   materials, local optional materials). Every resulting setting passes
 *   `localizationProblems` against the new item, and planning again against the result
 *   changes nothing.
 * - Promised limit: one equal to the old statutory limit was the standard's, not a local
 *   choice, and follows the new statutory limit (up or down); a local promise is kept unless
 *   above the new statutory limit, then clamped to it (on the spot if the item now is).
 *   A local promise made shorter is PROMISED_LIMIT_CLAMPED (the standard's, following it, is not).
 * - Materials, matched by name: an attribute the tenant left as the old standard had it takes
 *   the new standard's value; one the tenant relaxed keeps its value unless the new standard
 *   is laxer still; a local note stays. A material the new standard no longer has goes (a
 *   local optional one stays). A material new to the item is added as the standard says,
 *   required or optional (the tenant never chose about it; the list stays complete). A
 *   material the tenant dropped stays dropped unless the new version requires it and the old
 *   one did not: then it is re-added as the standard says (REQUIRED_MATERIAL_READDED), as is
 *   a relaxed or local optional one the new version newly requires. The tenant's order is
 *   kept; materials added come after it, in the standard's order.
 * - Locked elements are the standard's: a change is reported (LOCKED_ELEMENT_CHANGED, for
 *   items keeping their code outside a split or merge) and nothing local changes.
 * - A removed or suspended item: kept READ_ONLY while it has open applications (off the menu
 *   for new intake), otherwise DROPPED. The same for the old code of a split or merge that the
 *   new version no longer has (dropped, it has ITEM_SPLIT or ITEM_MERGED only).
 * - A split: the inheritor takes the re-based settings, the other new items are adopted as
 *   the standard says. A merge: the merged item takes the inheritor's re-based settings if the
 *   tenant has the inheritor, otherwise the standard's; the others' settings are dropped.
 * - Items added to the standard are not adopted here: the county adopts them when it wants.
 * The entries are assumed to pass the localization rules against the old items (the list
 * enforces them); which tiers may work an item is the menus' concern, not this plan's.
 */

/** The tenant's current entry (adopted from the old version). */
export interface ListEntry {
  code: string;
  settings: LocalSettings;
}

export type RolloutConflictCode =
  /** Promised limit above the new statutory limit: clamped to it. */
  | 'PROMISED_LIMIT_CLAMPED'
  /** A material the tenant dropped or relaxed that the new version newly requires: re-added. */
  | 'REQUIRED_MATERIAL_READDED'
  /** Removed or suspended item with open applications: kept read-only for them. */
  | 'ITEM_REMOVED_WITH_OPEN_APPLICATIONS'
  /** Removed or suspended item without open applications: off the list. */
  | 'ITEM_REMOVED_FROM_MENU'
  /** Local settings go to the inheritor; the other new items are adopted as the standard says. */
  | 'ITEM_SPLIT'
  /** The inheritor's settings go to the merged item; the others' are dropped. */
  | 'ITEM_MERGED'
  /** Name, type, department, level or basis changed in the standard: taken from it. */
  | 'LOCKED_ELEMENT_CHANGED';

export interface RolloutConflict {
  code: RolloutConflictCode;
  /** The entry's code the conflict is at (for a split or merge, the old code). */
  itemCode: string;
  /** `promisedLimit`, `materials[2]`, a locked element; null for the whole entry. */
  field: string | null;
  before: unknown;
  after: unknown;
  policy: { zhCN: string; enUS: string };
}

export type EntryOutcome =
  /** Still on the list, settings possibly adjusted (`before === after` when untouched). */
  | { kind: 'KEPT'; code: string; before: LocalSettings; after: LocalSettings }
  /** A new entry (the new items of a split, the item of a merge). */
  | { kind: 'ADOPTED'; code: string; after: LocalSettings }
  /** Kept for its open applications only, off the menu for new intake. */
  | { kind: 'READ_ONLY'; code: string; before: LocalSettings }
  | { kind: 'DROPPED'; code: string; before: LocalSettings };

export interface TenantRolloutPlan {
  /** One per code, by code. */
  outcomes: EntryOutcome[];
  /** By item code. */
  conflicts: RolloutConflict[];
  /** KEPT entries whose settings stay exactly as they were. */
  unchanged: number;
}

const say = (zhCN: string, enUS: string) => ({ zhCN, enUS });

const describeLimit = (limit: TimeLimit) =>
  limit.onTheSpot
    ? say('即办', 'on the spot')
    : say(`${limit.workingDays} 个工作日`, `${limit.workingDays} working days`);

/** Whether `a` is a shorter limit than `b`. */
function shorter(a: TimeLimit, b: TimeLimit): boolean {
  if (a.onTheSpot) return !b.onTheSpot;
  return !b.onTheSpot && a.workingDays < b.workingDays;
}

function rebasedPromise(promised: TimeLimit, was: TimeLimit, now: TimeLimit): TimeLimit {
  if (sameValue(promised, was)) return now; // the standard's promise, not a local one
  if (now.onTheSpot) return promised.onTheSpot ? promised : now;
  if (!promised.onTheSpot && promised.workingDays > now.workingDays) return now;
  return promised;
}

/** How a material the new version newly requires was held: dropped, relaxed, or a local optional one. */
type Readded = 'DROPPED' | 'RELAXED' | 'LOCAL';

const laxerForm = (a: Material['form'], b: Material['form']) =>
  MATERIAL_FORM_WEIGHT[a] <= MATERIAL_FORM_WEIGHT[b] ? a : b;

/** One of the tenant's materials, re-based from the old standard's to the new one's. */
function rebasedMaterial(
  mine: Material,
  was: Material | undefined,
  now: Material,
): { material: Material; readded: Readded | null } {
  const localNotes = !was || mine.notes !== was.notes;
  if (now.required && !was?.required) {
    const relaxed = mine.form !== was?.form || mine.copies !== was?.copies;
    return {
      material: { ...now, notes: localNotes ? mine.notes : now.notes },
      readded: !was ? 'LOCAL' : relaxed ? 'RELAXED' : null,
    };
  }
  // An attribute as the old standard had it follows the new one; a local one stays if lax enough.
  const untouched = <Key extends keyof Material>(key: Key) =>
    was !== undefined && mine[key] === was[key];
  return {
    material: {
      name: now.name,
      form: untouched('form') ? now.form : laxerForm(mine.form, now.form),
      copies: untouched('copies') ? now.copies : Math.min(mine.copies, now.copies),
      required: untouched('required') ? now.required : mine.required && now.required,
      notes: localNotes ? mine.notes : now.notes,
    },
    readded: null,
  };
}

function rebasedMaterials(
  mine: Material[],
  was: Material[],
  now: Material[],
): { materials: Material[]; readded: { index: number; how: Readded; before: Material | null }[] } {
  const old = new Map(was.map((material) => [material.name, material]));
  const next = new Map(now.map((material) => [material.name, material]));
  const held = new Set(mine.map(({ name }) => name));
  const materials: Material[] = [];
  const readded: { index: number; how: Readded; before: Material | null }[] = [];
  for (const material of mine) {
    const standard = next.get(material.name);
    if (!standard) {
      if (!old.has(material.name)) materials.push(material); // a local optional material
      continue;
    }
    const rebased = rebasedMaterial(material, old.get(material.name), standard);
    if (rebased.readded) {
      readded.push({ index: materials.length, how: rebased.readded, before: material });
    }
    materials.push(rebased.material);
  }
  for (const standard of now) {
    if (held.has(standard.name)) continue;
    const before = old.get(standard.name);
    if (!before) {
      materials.push({ ...standard }); // new to the item
    } else if (standard.required && !before.required) {
      readded.push({ index: materials.length, how: 'DROPPED', before: null });
      materials.push({ ...standard });
    } // otherwise the tenant dropped it and may still
  }
  return { materials, readded };
}

/** Settings re-based from `was` (the item they were made for) to `now`, conflicts at `now`'s code. */
function rebased(
  settings: LocalSettings,
  was: CatalogItem,
  now: CatalogItem,
  conflicts: RolloutConflict[],
): LocalSettings {
  const promisedLimit = rebasedPromise(
    settings.promisedLimit,
    was.statutoryLimit,
    now.statutoryLimit,
  );
  // A promise that was the standard's follows it silently; a local one cut short is a conflict.
  const local = !sameValue(settings.promisedLimit, was.statutoryLimit);
  if (local && shorter(promisedLimit, settings.promisedLimit)) {
    const [from, to] = [describeLimit(settings.promisedLimit), describeLimit(now.statutoryLimit)];
    conflicts.push({
      code: 'PROMISED_LIMIT_CLAMPED',
      itemCode: now.code,
      field: 'promisedLimit',
      before: settings.promisedLimit,
      after: promisedLimit,
      policy: say(
        `承诺时限（${from.zhCN}）超过新的法定时限（${to.zhCN}），压缩为 ${describeLimit(promisedLimit).zhCN}`,
        `The promised limit (${from.enUS}) is above the new statutory limit (${to.enUS}): clamped to ${describeLimit(promisedLimit).enUS}`,
      ),
    });
  }
  const { materials, readded } = rebasedMaterials(settings.materials, was.materials, now.materials);
  for (const { index, how, before } of readded) {
    const name = materials[index].name;
    const [zh, en] = {
      DROPPED: [
        '本地删去的材料按基本目录恢复',
        'the dropped material is restored as the standard says',
      ],
      RELAXED: [
        '本地放宽要求的材料按基本目录恢复',
        'the relaxed material is restored as the standard says',
      ],
      LOCAL: [
        '本地自行列出的非必需材料改按基本目录',
        'the locally listed optional material now follows the standard',
      ],
    }[how];
    conflicts.push({
      code: 'REQUIRED_MATERIAL_READDED',
      itemCode: now.code,
      field: `materials[${index}]`,
      before,
      after: materials[index],
      policy: say(
        `新版本将材料“${name}”列为必需：${zh}`,
        `The new version requires "${name}": ${en}`,
      ),
    });
  }
  const after = { ...settings, promisedLimit, materials };
  return sameValue(after, settings) ? settings : after;
}

/** The old item a changed item was: the new one with the changed fields as they were. */
function itemBefore(now: CatalogItem, change: ItemChange | undefined): CatalogItem {
  if (!change) return now;
  return change.fields.reduce<CatalogItem>(
    (item, { field, before }) => ({ ...item, [field]: before }),
    now,
  );
}

/** The locked elements by the names the catalogue spreadsheet gives them. */
const LOCKED_LABELS: Partial<Record<keyof CatalogItem, { zh: string; en: string }>> =
  Object.fromEntries(
    ITEM_SHEET.columns
      .filter(({ key }) => (LOCKED_ELEMENTS as readonly string[]).includes(key))
      .map(({ key, zh, en }) => [key, { zh, en }]),
  );

/** The preview of a clean-up round at one tenant: each entry's outcome and the conflicts. */
export function planTenantRollout(input: {
  diff: CatalogueDiff;
  /** The new version's items by code. */
  newItems: ReadonlyMap<string, CatalogItem>;
  /** The tenant's list entries adopted from the old version. */
  entries: ListEntry[];
  /** Item codes with open applications at this tenant. */
  openApplicationCodes: ReadonlySet<string>;
}): TenantRolloutPlan {
  const { diff, newItems, openApplicationCodes } = input;
  const entries = new Map<string, ListEntry>();
  for (const entry of input.entries) {
    if (entries.has(entry.code)) throw new Error(`Item ${entry.code} is on the list twice`);
    entries.set(entry.code, entry);
  }
  const outcomes = new Map<string, EntryOutcome>();
  const conflicts: RolloutConflict[] = [];
  const settle = (outcome: EntryOutcome) => {
    if (outcomes.has(outcome.code)) throw new Error(`Item ${outcome.code} has two outcomes`);
    outcomes.set(outcome.code, outcome);
  };
  /** The entry's settings as they end up at `code`: kept there, or adopted anew. */
  const land = (code: string, after: LocalSettings) => {
    const entry = entries.get(code);
    settle(
      entry
        ? { kind: 'KEPT', code, before: entry.settings, after }
        : { kind: 'ADOPTED', code, after },
    );
  };
  /** An entry whose code the new version no longer offers for intake. */
  const retire = (entry: ListEntry, why: 'removed' | 'suspended' | 'replaced') => {
    const open = openApplicationCodes.has(entry.code);
    settle({ kind: open ? 'READ_ONLY' : 'DROPPED', code: entry.code, before: entry.settings });
    const [zh, en] = {
      removed: ['已取消', 'removed from'],
      suspended: ['已暂停', 'suspended in'],
      replaced: ['已拆分或合并为新事项', 'split or merged into new items in'],
    }[why];
    if (open) {
      conflicts.push({
        code: 'ITEM_REMOVED_WITH_OPEN_APPLICATIONS',
        itemCode: entry.code,
        field: null,
        before: null,
        after: null,
        policy: say(
          `事项在新版本中${zh}，但仍有在办件：保留为只读供其办结，不再受理新件`,
          `The item is ${en} the new version but has open applications: kept read-only for them, off the menu for new intake`,
        ),
      });
    } else if (why !== 'replaced') {
      // (a split or merge says itself where the entry went)
      conflicts.push({
        code: 'ITEM_REMOVED_FROM_MENU',
        itemCode: entry.code,
        field: null,
        before: null,
        after: null,
        policy: say(
          `事项在新版本中${zh}，且无在办件：移出实施清单和菜单`,
          `The item is ${en} the new version and has no open applications: off the list and the menus`,
        ),
      });
    }
  };

  const removed = new Set(diff.removed.map(({ code }) => code));
  const suspended = new Set(diff.suspended.map(({ code }) => code));
  const changes = new Map(diff.changed.map((change) => [change.code, change]));
  const splitSources = new Set(diff.split.map(({ from }) => from.code));
  const mergeSources = new Set(diff.merged.flatMap(({ from }) => from.map(({ code }) => code)));

  for (const split of diff.split) {
    const entry = entries.get(split.from.code);
    if (!entry) continue;
    const targets = split.to.map(({ code }) => code);
    for (const item of split.to) {
      land(
        item.code,
        item.code === split.inheritor
          ? rebased(entry.settings, split.from, item, conflicts)
          : adoptedSettings(item),
      );
    }
    if (!targets.includes(entry.code)) retire(entry, 'replaced');
    conflicts.push({
      code: 'ITEM_SPLIT',
      itemCode: entry.code,
      field: null,
      before: entry.code,
      after: targets,
      policy: say(
        `事项拆分为 ${targets.join('、')}：本地设置由 ${split.inheritor} 继承，其余按基本目录采用`,
        `Split into ${targets.join(', ')}: the local settings go to ${split.inheritor}; the others are adopted as the standard says`,
      ),
    });
  }

  for (const merge of diff.merged) {
    const held = merge.from.filter(({ code }) => entries.has(code));
    if (held.length === 0) continue;
    const inheritor = entries.get(merge.inheritor);
    const item = merge.to;
    const source = merge.from.find(({ code }) => code === merge.inheritor) as CatalogItem;
    land(
      item.code,
      inheritor ? rebased(inheritor.settings, source, item, conflicts) : adoptedSettings(item),
    );
    const sources = merge.from.map(({ code }) => code);
    for (const was of held) {
      const entry = entries.get(was.code) as ListEntry;
      if (was.code !== item.code) retire(entry, 'replaced');
      const inherits = was.code === merge.inheritor;
      conflicts.push({
        code: 'ITEM_MERGED',
        itemCode: was.code,
        field: null,
        before: sources,
        after: item.code,
        policy: inherits
          ? say(
              `${sources.join('、')} 合并为 ${item.code}：本事项的本地设置由合并后的事项继承`,
              `${sources.join(', ')} merged into ${item.code}: this item's local settings go to it`,
            )
          : say(
              `${sources.join('、')} 合并为 ${item.code}：本事项的本地设置不再保留，合并后的事项采用${inheritor ? ` ${merge.inheritor} 的本地设置` : '基本目录的规定'}`,
              `${sources.join(', ')} merged into ${item.code}: this item's local settings are dropped; the merged item takes ${inheritor ? `${merge.inheritor}'s local settings` : 'the standard as it stands'}`,
            ),
      });
    }
  }

  for (const entry of entries.values()) {
    const { code } = entry;
    if (splitSources.has(code) || mergeSources.has(code)) continue;
    if (suspended.has(code)) {
      retire(entry, 'suspended');
      continue;
    }
    if (removed.has(code)) {
      retire(entry, 'removed');
      continue;
    }
    const now = newItems.get(code);
    if (!now) throw new Error(`Item ${code} is in neither the diff nor the new version`);
    const change = changes.get(code);
    land(code, rebased(entry.settings, itemBefore(now, change), now, conflicts));
    for (const { field, before, after } of change?.fields ?? []) {
      const label = LOCKED_LABELS[field];
      if (!label) continue;
      conflicts.push({
        code: 'LOCKED_ELEMENT_CHANGED',
        itemCode: code,
        field,
        before,
        after,
        policy: say(
          `基本目录修改了${label.zh}：以基本目录为准`,
          `The standard changed the ${label.en.toLowerCase()}: taken from the standard`,
        ),
      });
    }
  }

  const sorted = [...outcomes.values()].sort((a, b) => compareCodes(a.code, b.code));
  return {
    outcomes: sorted,
    conflicts: conflicts.sort((a, b) => compareCodes(a.itemCode, b.itemCode)),
    unchanged: sorted.filter((o) => o.kind === 'KEPT' && o.before === o.after).length,
  };
}
