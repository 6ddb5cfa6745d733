import {
  type CatalogItem,
  LOCKED_ELEMENTS,
  type LockedElement,
  type Material,
  MATERIAL_FORM_WEIGHT,
  type TimeLimit,
} from './item';

/**
 * What a tenant sets on an item it adopted (实施清单): the six locked elements stay the
 * standard's; the rest is local within the rules of DESIGN.md §4.1.
 */
export interface LocalSettings {
  promisedLimit: TimeLimit;
  materials: Material[];
  address: string | null;
  phone: string | null;
  officeHours: string | null;
  feeNote: string | null;
  notes: string | null;
}

export type LocalizationProblemCode =
  | 'LOCKED_ELEMENT'
  | 'PROMISED_LIMIT_ABOVE_STATUTORY'
  | 'ON_THE_SPOT_STAYS_ON_THE_SPOT'
  | 'PROMISED_LIMIT_NOT_POSITIVE'
  | 'REQUIRED_MATERIAL_ADDED'
  | 'MATERIAL_TIGHTENED';

export interface LocalizationProblem {
  code: LocalizationProblemCode;
  /** The field the problem is at (`promisedLimit`, `materials[2]`, or a locked element). */
  field: string;
  message: string;
}

/** A new list entry starts as the standard says: promised = statutory, the same materials. */
export function adoptedSettings(item: CatalogItem): LocalSettings {
  return {
    promisedLimit: item.statutoryLimit,
    materials: item.materials.map((material) => ({ ...material })),
    address: null,
    phone: null,
    officeHours: null,
    feeNote: null,
    notes: null,
  };
}

/** The locked elements a requested change would alter (each refused, named). */
export function lockedElementsChanged(
  item: CatalogItem,
  requested: Partial<Record<LockedElement, unknown>>,
): LockedElement[] {
  return LOCKED_ELEMENTS.filter(
    (element) => requested[element] !== undefined && requested[element] !== item[element],
  );
}

/**
 * Everything wrong with a tenant's settings for an item, all at once: a promised limit may
 * only compress the statutory one (on-the-spot stays on-the-spot); materials may be dropped
 * or relaxed (required → optional, original → copy, fewer copies) but a required one is never
 * added (行政许可法 Art. 31: nothing beyond what the item needs).
 */
export function localizationProblems(
  item: CatalogItem,
  settings: LocalSettings,
): LocalizationProblem[] {
  return [
    ...limitProblems(item.statutoryLimit, settings.promisedLimit),
    ...materialProblems(item, settings.materials),
  ];
}

function limitProblems(statutory: TimeLimit, promised: TimeLimit): LocalizationProblem[] {
  const field = 'promisedLimit';
  if (statutory.onTheSpot) {
    return promised.onTheSpot
      ? []
      : [
          {
            code: 'ON_THE_SPOT_STAYS_ON_THE_SPOT',
            field,
            message: 'An on-the-spot item is promised on the spot',
          },
        ];
  }
  if (promised.onTheSpot) return []; // deciding on the spot is the shortest promise there is
  if (!Number.isInteger(promised.workingDays) || promised.workingDays < 1) {
    return [
      {
        code: 'PROMISED_LIMIT_NOT_POSITIVE',
        field,
        message: 'A promised limit is a whole number of working days, at least 1',
      },
    ];
  }
  return promised.workingDays > statutory.workingDays
    ? [
        {
          code: 'PROMISED_LIMIT_ABOVE_STATUTORY',
          field,
          message: `The promised limit (${promised.workingDays} working days) is above the statutory limit (${statutory.workingDays})`,
        },
      ]
    : [];
}

function materialProblems(item: CatalogItem, materials: Material[]): LocalizationProblem[] {
  const standard = new Map(item.materials.map((material) => [material.name, material]));
  const problems: LocalizationProblem[] = [];
  materials.forEach((material, index) => {
    const field = `materials[${index}]`;
    const original = standard.get(material.name);
    if (!original) {
      if (material.required) {
        problems.push({
          code: 'REQUIRED_MATERIAL_ADDED',
          field,
          message: `"${material.name}" is not a material of the standard item: it cannot be required`,
        });
      }
      return;
    }
    const tightened =
      (material.required && !original.required) ||
      MATERIAL_FORM_WEIGHT[material.form] > MATERIAL_FORM_WEIGHT[original.form] ||
      material.copies > original.copies;
    if (tightened) {
      problems.push({
        code: 'MATERIAL_TIGHTENED',
        field,
        message: `"${material.name}" may only be relaxed (optional, a lesser form, fewer copies), not tightened`,
      });
    }
  });
  return problems;
}
