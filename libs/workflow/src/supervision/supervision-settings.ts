/**
 * Settings of supervision and evaluation (DESIGN.md §4.4): what local rules differ on
 * (../shared/domain/evaluation-and-supervision.md), set by a province or a county and inherited
 * down the tree, each field from the nearest tenant that sets it, else the default.
 */
export interface SupervisionSettings {
  /** YELLOW once at most this share of the promised time remains (0.2: 20 %). */
  yellowShare: number;
  /** …or at most this many working days, whichever comes first. */
  yellowWorkingDays: number;
  /** A bad review's rectification is due in this many working days. */
  rectificationWorkingDays: number;
  /** Not rated within this many natural days of acceptance or completion: the default rating. */
  defaultRatingAfterDays: number;
  /** The default rating (5 = very satisfied; Guangxi records "very satisfied"). */
  defaultRating: number;
  /** A promised item is rated twice: at acceptance and at completion (Guangxi). */
  rateAtAcceptance: boolean;
  /** A complaint (投诉) is due in this many working days. */
  complaintWorkingDays: number;
}

export const SUPERVISION_DEFAULTS: SupervisionSettings = {
  yellowShare: 0.2,
  yellowWorkingDays: 1,
  rectificationWorkingDays: 15,
  defaultRatingAfterDays: 7,
  defaultRating: 5,
  rateAtAcceptance: true,
  complaintWorkingDays: 15,
};

export type SupervisionSettingKey = keyof SupervisionSettings;

/** What one tenant sets (null: inherited). */
export type OwnSupervisionSettings = {
  [K in SupervisionSettingKey]: SupervisionSettings[K] | null;
};

/** One tenant's own settings, as a layer of the tree. */
export interface SettingsLayer {
  tenantId: string;
  own: Partial<OwnSupervisionSettings>;
}

/** The effective settings, and for each field the tenant it comes from (null: the default). */
export interface EffectiveSupervisionSettings {
  settings: SupervisionSettings;
  sources: Record<SupervisionSettingKey, string | null>;
}

const KEYS = Object.keys(SUPERVISION_DEFAULTS) as SupervisionSettingKey[];

/** Each field from the nearest layer that sets it. `layers` run from the root down. */
export function effectiveSettings(layers: readonly SettingsLayer[]): EffectiveSupervisionSettings {
  const settings = { ...SUPERVISION_DEFAULTS } as Record<SupervisionSettingKey, unknown>;
  const sources = Object.fromEntries(KEYS.map((key) => [key, null])) as Record<
    SupervisionSettingKey,
    string | null
  >;
  for (const layer of layers) {
    for (const key of KEYS) {
      const value = layer.own[key];
      if (value !== null && value !== undefined) {
        settings[key] = value;
        sources[key] = layer.tenantId;
      }
    }
  }
  return { settings: settings as unknown as SupervisionSettings, sources };
}

export type SettingsProblemCode = 'OUT_OF_RANGE' | 'NOT_AN_INTEGER';

export interface SettingsProblem {
  field: SupervisionSettingKey;
  code: SettingsProblemCode;
  problem: string;
}

const RANGES: Partial<Record<SupervisionSettingKey, [number, number, boolean]>> = {
  // [min, max, integer]
  yellowShare: [0.01, 0.9, false],
  yellowWorkingDays: [0, 10, false],
  rectificationWorkingDays: [1, 60, true],
  defaultRatingAfterDays: [1, 60, true],
  defaultRating: [1, 5, true],
  complaintWorkingDays: [1, 60, true],
};

/** What is wrong with settings a tenant means to set (null fields inherit and are fine). */
export function settingsProblems(own: Partial<OwnSupervisionSettings>): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  for (const [key, range] of Object.entries(RANGES) as [
    SupervisionSettingKey,
    [number, number, boolean],
  ][]) {
    const value = own[key];
    if (value === null || value === undefined) continue;
    const [min, max, integer] = range;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      problems.push({ field: key, code: 'OUT_OF_RANGE', problem: `Between ${min} and ${max}` });
    } else if (integer && !Number.isInteger(value)) {
      problems.push({ field: key, code: 'NOT_AN_INTEGER', problem: 'A whole number' });
    }
  }
  return problems;
}
