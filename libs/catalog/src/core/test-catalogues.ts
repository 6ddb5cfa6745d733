import type { ItemMapping } from './catalogue-diff';
import {
  ApplicantScope,
  type CatalogItem,
  ItemType,
  type Material,
  MaterialForm,
  ServiceTier,
  type TimeLimit,
} from './item';
import type { LocalSettings } from './localization';

/**
 * Seeded random catalogues for the property tests of clean-up rounds: a version, the next
 * version with the publisher's mapping, and a tenant's localized settings. Same seed, same
 * catalogues; a failing run names its seed.
 */

export interface Random {
  /** In [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(values: readonly T[]): T;
  shuffle<T>(values: readonly T[]): T[];
  /** Each value kept with the given probability, in order. */
  some<T>(values: readonly T[], probability?: number): T[];
}

/** mulberry32: a small, fast 32-bit generator, good enough for test data. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (values) => values[Math.floor(next() * values.length)],
    shuffle: (values) => {
      const copy = [...values];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    some: (values, probability = 0.5) => values.filter(() => next() < probability),
  };
  return random;
}

const NAMES = ['户口迁入', '民族成份变更初审', '个体工商户登记', '高龄津贴发放', '临时救助'];
const DEPARTMENTS = ['县公安局', '县民政局', '县市场监督管理局'];
const BASES = [
  '《户口登记条例》第十条',
  '《社会救助暂行办法》第四十七条',
  '《个体工商户条例》第八条',
];
const MATERIAL_NAMES = [
  '居民身份证',
  '居民户口簿',
  '申请书',
  '结婚证',
  '出生医学证明',
  '村委会证明',
  '房产证明',
  '照片',
];
const FORMS = [MaterialForm.ORIGINAL, MaterialForm.COPY, MaterialForm.E_LICENCE];
const TIERS = [ServiceTier.COUNTY, ServiceTier.TOWNSHIP, ServiceTier.VILLAGE];

function randomLimit(random: Random): TimeLimit {
  return random.chance(0.25)
    ? { onTheSpot: true }
    : { onTheSpot: false, workingDays: random.int(1, 15) };
}

function randomMaterial(random: Random, name: string): Material {
  return {
    name,
    form: random.pick(FORMS),
    copies: random.int(1, 3),
    required: random.chance(0.6),
    notes: random.pick([null, '情形必要', '加盖公章']),
  };
}

export function randomItem(random: Random, code: string): CatalogItem {
  const scopes = random.some([ApplicantScope.NATURAL_PERSON, ApplicantScope.LEGAL_PERSON]);
  return {
    code,
    name: random.pick(NAMES),
    type: random.pick(Object.values(ItemType)),
    competentDepartment: random.pick(DEPARTMENTS),
    implementingLevel: random.pick(['县级', '乡级']),
    legalBasis: random.pick(BASES),
    applicantScopes: scopes.length > 0 ? scopes : [ApplicantScope.NATURAL_PERSON],
    conditions: random.pick(['', '本县户籍居民']),
    materials: random
      .shuffle(MATERIAL_NAMES)
      .slice(0, random.int(0, 4))
      .map((name) => randomMaterial(random, name)),
    steps: random.pick([['受理', '审查', '决定'], ['受理', '办结'], []]),
    statutoryLimit: randomLimit(random),
    fee: random.chance(0.7)
      ? { free: true }
      : { free: false, basis: '工本费', amount: random.pick(['10 元/本', '20 元']) },
    handlingTiers: random.some(TIERS),
    intakeOnlyTiers: random.some(TIERS),
    onlineAvailable: random.chance(0.5),
  };
}

/** The same materials, some dropped, tightened or relaxed, and perhaps new ones. */
function revisedMaterials(random: Random, materials: Material[]): Material[] {
  const revised = materials
    .filter(() => !random.chance(0.15))
    .map((material) => ({
      ...material,
      required: random.chance(0.3) ? !material.required : material.required,
      form: random.chance(0.3) ? random.pick(FORMS) : material.form,
      copies: random.chance(0.3) ? random.int(1, 3) : material.copies,
      notes: random.chance(0.2) ? random.pick([null, '情形必要']) : material.notes,
    }));
  const unused = MATERIAL_NAMES.filter((name) => !revised.some((m) => m.name === name));
  const added = random.shuffle(unused).slice(0, random.pick([0, 0, 1, 2]));
  return [...revised, ...added.map((name) => randomMaterial(random, name))];
}

/** The item as a new version may state it: a few fields revised, or nothing. */
export function revisedItem(random: Random, item: CatalogItem, code = item.code): CatalogItem {
  const other = randomItem(random, code);
  const revised: CatalogItem = { ...item, code };
  for (const field of random.some(Object.keys(item) as (keyof CatalogItem)[], 0.15)) {
    if (field !== 'code') Object.assign(revised, { [field]: other[field] });
  }
  if (random.chance(0.5)) revised.materials = revisedMaterials(random, item.materials);
  if (random.chance(0.3)) revised.statutoryLimit = randomLimit(random);
  return revised;
}

export function randomCatalogue(random: Random, size = random.int(0, 10)): CatalogItem[] {
  const codes = random.shuffle(Array.from({ length: 20 }, (_, i) => `C${i + 10}`));
  return codes.slice(0, size).map((code) => randomItem(random, code));
}

/** The next version of `before` with the mapping its publisher would state; both shuffled. */
export function randomRound(
  random: Random,
  before: CatalogItem[],
): { after: CatalogItem[]; mappings: ItemMapping[] } {
  let fresh = 0;
  const newCode = () => `N${fresh++ + 10}`; // never an old code (those start with C)
  const after: CatalogItem[] = [];
  const mappings: ItemMapping[] = [];
  const pending = random.shuffle(before);
  while (pending.length > 0) {
    const item = pending.shift() as CatalogItem;
    const roll = random.next();
    if (roll < 0.3) {
      after.push(item);
    } else if (roll < 0.55) {
      after.push(revisedItem(random, item));
    } else if (roll < 0.65) {
      // removed
    } else if (roll < 0.77) {
      const to = Array.from({ length: random.int(1, 3) }, newCode);
      if (random.chance(0.4)) to[0] = item.code;
      after.push(...to.map((code) => revisedItem(random, item, code)));
      mappings.push({ kind: 'SPLIT', from: item.code, to, inheritor: random.pick(to) });
    } else if (roll < 0.89) {
      const from = [item, ...pending.splice(0, random.int(0, 2))];
      const codes = from.map(({ code }) => code);
      const to = random.chance(0.4) ? random.pick(codes) : newCode();
      after.push(revisedItem(random, random.pick(from), to));
      mappings.push({ kind: 'MERGE', from: codes, to, inheritor: random.pick(codes) });
    } else {
      after.push(random.chance(0.5) ? item : revisedItem(random, item));
      mappings.push({ kind: 'SUSPEND', code: item.code });
    }
  }
  for (let i = random.int(0, 3); i > 0; i--) {
    const item = randomItem(random, newCode());
    after.push(item);
    if (random.chance(0.2)) mappings.push({ kind: 'SUSPEND', code: item.code });
  }
  return { after: random.shuffle(after), mappings: random.shuffle(mappings) };
}

/**
 * Settings a tenant may have given an item (each passes localizationProblems): a promise
 * as the standard's or compressed, materials dropped or relaxed, notes and a local optional
 * material added (perhaps named like a standard material of another item).
 */
export function randomSettings(random: Random, item: CatalogItem): LocalSettings {
  const statutory = item.statutoryLimit;
  let promisedLimit: TimeLimit = statutory;
  if (!statutory.onTheSpot && random.chance(0.5)) {
    promisedLimit = random.chance(0.2)
      ? { onTheSpot: true }
      : { onTheSpot: false, workingDays: random.int(1, statutory.workingDays) };
  }
  const materials = item.materials
    .filter(() => !random.chance(0.2))
    .map((material) => {
      const formIndex = FORMS.indexOf(material.form);
      return {
        ...material,
        required: material.required && !random.chance(0.2),
        form: random.chance(0.2) ? FORMS[random.int(formIndex, FORMS.length - 1)] : material.form,
        copies: random.chance(0.2) ? random.int(1, material.copies) : material.copies,
        notes: random.chance(0.2) ? '本地说明' : material.notes,
      };
    });
  const unused = MATERIAL_NAMES.filter((name) => !item.materials.some((m) => m.name === name));
  if (unused.length > 0 && random.chance(0.3)) {
    materials.push({ ...randomMaterial(random, random.pick(unused)), required: false });
  }
  return {
    promisedLimit,
    materials: random.chance(0.2) ? random.shuffle(materials) : materials,
    address: random.chance(0.5) ? '县政务服务中心 2 号窗口' : null,
    phone: random.chance(0.5) ? '0772-1234567' : null,
    officeHours: random.chance(0.3) ? '工作日 9:00-17:00' : null,
    feeNote: null,
    notes: random.chance(0.3) ? '可预约' : null,
  };
}
