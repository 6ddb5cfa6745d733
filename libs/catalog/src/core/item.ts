/**
 * A standard catalogue item (基本目录事项) as DESIGN.md §4.1 and GB/T 39046-2020 describe it.
 * Plain data: no Nest, no database. Codes are opaque strings (standards disagree on their
 * length, domain/catalogue-standard.md §3), so nothing here reads meaning from positions.
 */

/** 事项类型, with the GB/T 39046-2020 table A.1 code each maps to on export. */
export enum ItemType {
  ADMINISTRATIVE_LICENSE = 'ADMINISTRATIVE_LICENSE', // 行政许可 01
  ADMINISTRATIVE_CONFIRMATION = 'ADMINISTRATIVE_CONFIRMATION', // 行政确认 07
  ADMINISTRATIVE_PAYMENT = 'ADMINISTRATIVE_PAYMENT', // 行政给付 05
  ADMINISTRATIVE_RULING = 'ADMINISTRATIVE_RULING', // 行政裁决 09
  PUBLIC_SERVICE = 'PUBLIC_SERVICE', // 公共服务 20
  OTHER = 'OTHER', // 其他 10
}

/** The names officials write in the spreadsheet's 事项类型 column, and the standard's codes. */
export const ITEM_TYPE_LABELS: Record<ItemType, { zhCN: string; gbCode: string }> = {
  [ItemType.ADMINISTRATIVE_LICENSE]: { zhCN: '行政许可', gbCode: '01' },
  [ItemType.ADMINISTRATIVE_CONFIRMATION]: { zhCN: '行政确认', gbCode: '07' },
  [ItemType.ADMINISTRATIVE_PAYMENT]: { zhCN: '行政给付', gbCode: '05' },
  [ItemType.ADMINISTRATIVE_RULING]: { zhCN: '行政裁决', gbCode: '09' },
  [ItemType.PUBLIC_SERVICE]: { zhCN: '公共服务', gbCode: '20' },
  [ItemType.OTHER]: { zhCN: '其他', gbCode: '10' },
};

/** 服务对象: who may apply. */
export enum ApplicantScope {
  NATURAL_PERSON = 'NATURAL_PERSON', // 自然人
  LEGAL_PERSON = 'LEGAL_PERSON', // 法人
}

/** 材料形式: what the applicant brings. Ordered from the most to the least demanding. */
export enum MaterialForm {
  ORIGINAL = 'ORIGINAL', // 原件
  COPY = 'COPY', // 复印件
  E_LICENCE = 'E_LICENCE', // 电子证照
}

/** The words officials write for each form (spreadsheet, guide, audit). */
export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  [MaterialForm.ORIGINAL]: '原件',
  [MaterialForm.COPY]: '复印件',
  [MaterialForm.E_LICENCE]: '电子证照',
};

/** How demanding each form is for the applicant; relaxing a material never raises it. */
export const MATERIAL_FORM_WEIGHT: Record<MaterialForm, number> = {
  [MaterialForm.ORIGINAL]: 2,
  [MaterialForm.COPY]: 1,
  [MaterialForm.E_LICENCE]: 0,
};

/** The tiers an item may be handled or taken in at (the tenant kinds that serve the public). */
export enum ServiceTier {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

export interface Material {
  name: string;
  form: MaterialForm;
  copies: number;
  required: boolean;
  notes: string | null;
}

/** 法定办结时限: on the spot (即办件) or a number of working days (承诺件). */
export type TimeLimit = { onTheSpot: true } | { onTheSpot: false; workingDays: number };

/** 收费: free, or a basis and an amount as written (e.g. "工本费 10 元/本"). */
export type Fee = { free: true } | { free: false; basis: string; amount: string };

export interface CatalogItem {
  code: string;
  name: string;
  type: ItemType;
  competentDepartment: string;
  implementingLevel: string;
  legalBasis: string;
  applicantScopes: ApplicantScope[];
  conditions: string;
  materials: Material[];
  steps: string[];
  statutoryLimit: TimeLimit;
  fee: Fee;
  /** Tiers that may accept and decide the item. */
  handlingTiers: ServiceTier[];
  /** Tiers that may only take it in (受理/代办) and pass it up. */
  intakeOnlyTiers: ServiceTier[];
  onlineAvailable: boolean;
}

/**
 * The six elements fixed province-wide (DESIGN.md §4.1; a 2022 provincial workflow,
 * catalogue-standard.md §5): a local change to any of them is refused.
 */
export const LOCKED_ELEMENTS = [
  'name',
  'code',
  'type',
  'competentDepartment',
  'implementingLevel',
  'legalBasis',
] as const satisfies readonly (keyof CatalogItem)[];

export type LockedElement = (typeof LOCKED_ELEMENTS)[number];

/** "即办" or "20 个工作日", as a guide prints it. */
export function describeTimeLimit(limit: TimeLimit): string {
  return limit.onTheSpot ? '即办' : `${limit.workingDays} 个工作日`;
}
