import type { CatalogueDiff } from './catalogue-diff';
import { describeTimeLimit, type Material, MATERIAL_FORM_LABELS } from './item';
import type { LocalSettings } from './localization';
import type { EntryOutcome } from './rollout-plan';

/**
 * What a rollout step did to one entry, as its audit shows it: each local setting that moved,
 * before and after, in the words of a service guide. Plain data for the step's record.
 */
export interface SettingChange {
  field: keyof LocalSettings;
  before: string | null;
  after: string | null;
}

export interface OutcomeRecord {
  code: string;
  kind: EntryOutcome['kind'];
  changes: SettingChange[];
}

/** "身份证（原件 1 份，必需）", one material per line. */
export function describeMaterials(materials: readonly Material[]): string {
  return materials
    .map(
      (material) =>
        `${material.name}（${MATERIAL_FORM_LABELS[material.form]} ${material.copies} 份，${material.required ? '必需' : '非必需'}）`,
    )
    .join('\n');
}

function describe(field: keyof LocalSettings, settings: LocalSettings | null): string | null {
  if (!settings) return null;
  if (field === 'promisedLimit') return describeTimeLimit(settings.promisedLimit);
  if (field === 'materials') return describeMaterials(settings.materials);
  return settings[field];
}

const FIELDS: (keyof LocalSettings)[] = [
  'promisedLimit',
  'materials',
  'address',
  'phone',
  'officeHours',
  'feeNote',
  'notes',
];

/** The settings that differ between `before` and `after` (null: the entry did not exist). */
export function settingChanges(
  before: LocalSettings | null,
  after: LocalSettings | null,
): SettingChange[] {
  return FIELDS.flatMap((field) => {
    const [was, is] = [describe(field, before), describe(field, after)];
    return was === is ? [] : [{ field, before: was, after: is }];
  });
}

/** One outcome of a plan as the step records it. */
export function outcomeRecord(outcome: EntryOutcome): OutcomeRecord {
  const before = 'before' in outcome ? outcome.before : null;
  const after = 'after' in outcome ? outcome.after : null;
  return {
    code: outcome.code,
    kind: outcome.kind,
    changes: outcome.kind === 'READ_ONLY' ? [] : settingChanges(before, after),
  };
}

/** Whether an outcome changes anything in the list (a KEPT entry may be left as it was). */
export function changesList(outcome: EntryOutcome): boolean {
  return outcome.kind !== 'KEPT' || settingChanges(outcome.before, outcome.after).length > 0;
}

/**
 * A county's menu template after a clean-up round: removed and suspended items leave it, a
 * split item is replaced by all the items it became, merged items by the item they became.
 */
export function templateCodesAfter(codes: readonly string[], diff: CatalogueDiff): string[] {
  const gone = new Set([...diff.removed, ...diff.suspended].map((item) => item.code));
  const becomes = new Map<string, string[]>();
  for (const split of diff.split)
    becomes.set(
      split.from.code,
      split.to.map((item) => item.code),
    );
  for (const merge of diff.merged) {
    for (const from of merge.from) becomes.set(from.code, [merge.to.code]);
  }
  const result = new Set<string>();
  for (const code of codes) {
    if (gone.has(code)) continue;
    for (const next of becomes.get(code) ?? [code]) result.add(next);
  }
  return [...result].sort();
}

/** A conflict's before or after value in words: a limit, materials, a text, or JSON. */
export function describeValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'onTheSpot' in (value as object)) {
    return describeTimeLimit(value as Parameters<typeof describeTimeLimit>[0]);
  }
  if (Array.isArray(value) && value.every((entry) => isMaterial(entry))) {
    return describeMaterials(value as Material[]);
  }
  if (isMaterial(value)) return describeMaterials([value as Material]);
  return JSON.stringify(value);
}

function isMaterial(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    'form' in value &&
    'required' in value
  );
}
