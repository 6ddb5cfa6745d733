import {
  ApplicantScope,
  type CatalogItem,
  type Fee,
  ITEM_TYPE_LABELS,
  ItemType,
  type Material,
  MaterialForm,
  ServiceTier,
  type TimeLimit,
} from './item';

/**
 * The standard catalogue as officials exchange it (DESIGN.md §4.1): one row an item on
 * 事项, materials and procedure steps on their own sheets keyed by the item's code. Plain
 * TypeScript over cells already read from the file; opening the XLSX is the adapter's.
 * A sheet with any problem imports nothing: every problem is reported at once, at its sheet,
 * row and column, in Chinese and English.
 */

/** One cell as the adapter read it: its text, and whether it was a formula or merged. */
export interface SheetCell {
  text: string;
  kind: 'value' | 'formula' | 'merged';
}

export type CatalogueSheets = Record<string, SheetCell[][]>;

interface Column<Key extends string> {
  key: Key;
  zh: string;
  en: string;
  required: boolean;
}

const col = <Key extends string>(
  key: Key,
  zh: string,
  en: string,
  required = true,
): Column<Key> => ({
  key,
  zh,
  en,
  required,
});

export const ITEM_SHEET = {
  name: '事项',
  columns: [
    col('code', '事项编码', 'Code'),
    col('name', '事项名称', 'Name'),
    col('type', '事项类型', 'Type'),
    col('competentDepartment', '主管部门', 'Competent department'),
    col('implementingLevel', '实施层级', 'Implementing level'),
    col('legalBasis', '设定依据', 'Legal basis'),
    col('applicantScopes', '服务对象', 'Applicants'),
    col('conditions', '受理条件', 'Conditions', false),
    col('statutoryLimit', '法定时限', 'Statutory limit'),
    col('fee', '收费', 'Fee'),
    col('feeBasis', '收费依据', 'Fee basis', false),
    col('handlingTiers', '办理层级', 'Handled at'),
    col('intakeOnlyTiers', '仅受理层级', 'Taken in only at', false),
    col('onlineAvailable', '网上可办', 'Online'),
  ],
} as const;

export const MATERIAL_SHEET = {
  name: '材料',
  columns: [
    col('code', '事项编码', 'Code'),
    col('name', '材料名称', 'Material'),
    col('form', '材料形式', 'Form'),
    col('copies', '份数', 'Copies'),
    col('required', '是否必需', 'Required'),
    col('notes', '备注', 'Notes', false),
  ],
} as const;

export const STEP_SHEET = {
  name: '流程',
  columns: [
    col('code', '事项编码', 'Code'),
    col('order', '序号', 'Order'),
    col('name', '环节名称', 'Step'),
  ],
} as const;

export const CATALOGUE_SHEETS = [ITEM_SHEET, MATERIAL_SHEET, STEP_SHEET] as const;

/** Long enough for a real legal basis or conditions text; the rest are names. */
const MAX_LONG_TEXT = 4000;
const MAX_SHORT_TEXT = 200;
export const MAX_CATALOGUE_ITEMS = 20_000;

export type CatalogueSheetProblemCode =
  | 'SHEET_MISSING'
  | 'HEADER_MISSING'
  | 'NO_ITEMS'
  | 'TOO_MANY_ITEMS'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'FORMULA'
  | 'MERGED_CELL'
  | 'DUPLICATE_CODE'
  | 'UNKNOWN_TYPE'
  | 'UNKNOWN_APPLICANT_SCOPE'
  | 'LIMIT_NOT_A_NUMBER'
  | 'FEE_WITHOUT_BASIS'
  | 'UNKNOWN_TIER'
  | 'NO_TIER'
  | 'TIER_HANDLED_AND_INTAKE_ONLY'
  | 'NOT_YES_OR_NO'
  | 'UNKNOWN_ITEM'
  | 'UNKNOWN_MATERIAL_FORM'
  | 'COPIES_NOT_A_NUMBER'
  | 'DUPLICATE_MATERIAL'
  | 'STEP_ORDER_NOT_A_NUMBER'
  | 'DUPLICATE_STEP'
  | 'NOT_XLSX'
  | 'LABEL_TAKEN';

export interface CatalogueSheetProblem {
  sheet: string;
  /** The row's number in the sheet (1 is the header); null for the whole sheet. */
  row: number | null;
  /** The column's header, or null for the whole row or sheet. */
  column: string | null;
  code: CatalogueSheetProblemCode;
  message: { zhCN: string; enUS: string };
}

const say = (zhCN: string, enUS: string) => ({ zhCN, enUS });

const TYPES = new Map<string, ItemType>(
  Object.entries(ITEM_TYPE_LABELS).flatMap(([type, label]) => [
    [label.zhCN, type as ItemType],
    [label.gbCode, type as ItemType],
    [type, type as ItemType],
  ]),
);
const SCOPES = new Map<string, ApplicantScope>([
  ['自然人', ApplicantScope.NATURAL_PERSON],
  ['法人', ApplicantScope.LEGAL_PERSON],
  ['NATURAL_PERSON', ApplicantScope.NATURAL_PERSON],
  ['LEGAL_PERSON', ApplicantScope.LEGAL_PERSON],
]);
const TIERS = new Map<string, ServiceTier>([
  ['县级', ServiceTier.COUNTY],
  ['乡镇', ServiceTier.TOWNSHIP],
  ['村', ServiceTier.VILLAGE],
  ['COUNTY', ServiceTier.COUNTY],
  ['TOWNSHIP', ServiceTier.TOWNSHIP],
  ['VILLAGE', ServiceTier.VILLAGE],
]);
const FORMS = new Map<string, MaterialForm>([
  ['原件', MaterialForm.ORIGINAL],
  ['复印件', MaterialForm.COPY],
  ['电子证照', MaterialForm.E_LICENCE],
  ['ORIGINAL', MaterialForm.ORIGINAL],
  ['COPY', MaterialForm.COPY],
  ['E_LICENCE', MaterialForm.E_LICENCE],
]);
const YES = new Set(['是', 'Y', 'YES', 'TRUE']);
const NO = new Set(['否', 'N', 'NO', 'FALSE']);
/** Lists in a cell: 、 as officials write them, or commas and semicolons. */
const LIST_SEPARATOR = /[、,，;；\s]+/;
const ON_THE_SPOT = new Set(['即办', 'ON_THE_SPOT']);
const FREE = new Set(['免费', '不收费', 'FREE']);

type Row<Key extends string> = { number: number; cells: Record<Key, string> };

/** Reads one sheet by its headers (Chinese or English, any order), checking every cell's form. */
function readSheet<Key extends string>(
  sheets: CatalogueSheets,
  spec: { name: string; columns: readonly Column<Key>[] },
  problems: CatalogueSheetProblem[],
): Row<Key>[] | null {
  const cells = sheets[spec.name];
  const sheet = spec.name;
  if (!cells) {
    problems.push({
      sheet,
      row: null,
      column: null,
      code: 'SHEET_MISSING',
      message: say(`缺少工作表“${sheet}”`, `The sheet "${sheet}" is missing`),
    });
    return null;
  }
  const header = (cells[0] ?? []).map((cell) => cell.text.trim());
  const at = new Map<Key, number>();
  for (const column of spec.columns) {
    const index = header.findIndex(
      (text) => text === column.zh || text.toLowerCase() === column.en.toLowerCase(),
    );
    if (index >= 0) at.set(column.key, index);
    else if (column.required) {
      problems.push({
        sheet,
        row: 1,
        column: column.zh,
        code: 'HEADER_MISSING',
        message: say(`缺少列“${column.zh}”`, `The column "${column.zh}" (${column.en}) is missing`),
      });
    }
  }
  if (problems.some((problem) => problem.sheet === sheet)) return null;

  const rows: Row<Key>[] = [];
  cells.slice(1).forEach((line, offset) => {
    const number = offset + 2;
    if (line.every((cell) => cell.text.trim() === '')) return;
    const values = {} as Record<Key, string>;
    for (const column of spec.columns) {
      const cell = at.has(column.key) ? line[at.get(column.key) as number] : undefined;
      const text = (cell?.text ?? '').trim();
      values[column.key] = text;
      const where = { sheet, row: number, column: column.zh };
      if (cell?.kind === 'formula') {
        problems.push({
          ...where,
          code: 'FORMULA',
          message: say('请填写数值，不要使用公式', 'A value, not a formula, please'),
        });
      } else if (cell?.kind === 'merged') {
        problems.push({
          ...where,
          code: 'MERGED_CELL',
          message: say(
            '请取消合并单元格，每行填写完整',
            'Unmerge the cells: every row is filled in full',
          ),
        });
      } else if (column.required && text === '') {
        problems.push({
          ...where,
          code: 'REQUIRED',
          message: say(`“${column.zh}”必填`, `${column.en} is required`),
        });
      } else {
        const limit =
          column.key === 'legalBasis' || column.key === 'conditions' || column.key === 'notes'
            ? MAX_LONG_TEXT
            : MAX_SHORT_TEXT;
        if (text.length > limit) {
          problems.push({
            ...where,
            code: 'TOO_LONG',
            message: say(`最多 ${limit} 个字`, `At most ${limit} characters`),
          });
        }
      }
    }
    rows.push({ number, cells: values });
  });
  return rows;
}

/**
 * The items of a catalogue spreadsheet, or everything wrong with it. Items come back only when
 * there is no problem at all: a bad file imports nothing.
 */
export function readCatalogueSheets(sheets: CatalogueSheets): {
  items: CatalogItem[];
  problems: CatalogueSheetProblem[];
} {
  const problems: CatalogueSheetProblem[] = [];
  const itemRows = readSheet(sheets, ITEM_SHEET, problems);
  const materialRows = readSheet(sheets, MATERIAL_SHEET, problems);
  const stepRows = readSheet(sheets, STEP_SHEET, problems);
  if (!itemRows || !materialRows || !stepRows) return { items: [], problems };

  const items = new Map<string, CatalogItem>();
  const problem = (
    sheet: string,
    row: number,
    column: string,
    code: CatalogueSheetProblemCode,
    zhCN: string,
    enUS: string,
  ) => problems.push({ sheet, row, column, code, message: say(zhCN, enUS) });

  if (itemRows.length === 0) {
    problems.push({
      sheet: ITEM_SHEET.name,
      row: null,
      column: null,
      code: 'NO_ITEMS',
      message: say('没有事项', 'The sheet has no items'),
    });
  }
  if (itemRows.length > MAX_CATALOGUE_ITEMS) {
    problems.push({
      sheet: ITEM_SHEET.name,
      row: null,
      column: null,
      code: 'TOO_MANY_ITEMS',
      message: say(`最多 ${MAX_CATALOGUE_ITEMS} 个事项`, `At most ${MAX_CATALOGUE_ITEMS} items`),
    });
  }

  const firstRowOfCode = new Map<string, number>();
  for (const { number, cells } of itemRows) {
    const at = (column: string, code: CatalogueSheetProblemCode, zhCN: string, enUS: string) =>
      problem(ITEM_SHEET.name, number, column, code, zhCN, enUS);
    if (cells.code !== '') {
      const first = firstRowOfCode.get(cells.code);
      if (first !== undefined) {
        at(
          '事项编码',
          'DUPLICATE_CODE',
          `编码 ${cells.code} 与第 ${first} 行重复`,
          `Code ${cells.code} repeats row ${first}`,
        );
      } else firstRowOfCode.set(cells.code, number);
    }
    const type = cells.type === '' ? undefined : TYPES.get(cells.type);
    if (cells.type !== '' && !type) {
      at(
        '事项类型',
        'UNKNOWN_TYPE',
        `未知的事项类型“${cells.type}”`,
        `Unknown item type "${cells.type}"`,
      );
    }
    const scopes = listOf(cells.applicantScopes, SCOPES);
    if (scopes.unknown.length) {
      at(
        '服务对象',
        'UNKNOWN_APPLICANT_SCOPE',
        `未知的服务对象：${scopes.unknown.join('、')}`,
        `Unknown applicants: ${scopes.unknown.join(', ')}`,
      );
    }
    const limit = timeLimit(cells.statutoryLimit);
    if (cells.statutoryLimit !== '' && !limit) {
      at(
        '法定时限',
        'LIMIT_NOT_A_NUMBER',
        '法定时限应为工作日数（正整数）或“即办”',
        'The statutory limit is a number of working days or 即办',
      );
    }
    const fee: Fee | null = FREE.has(cells.fee)
      ? { free: true }
      : cells.fee === ''
        ? null
        : { free: false, basis: cells.feeBasis, amount: cells.fee };
    if (fee && !fee.free && fee.basis === '') {
      at(
        '收费依据',
        'FEE_WITHOUT_BASIS',
        '收费事项须填写收费依据',
        'A charged item needs its fee basis',
      );
    }
    const handling = listOf(cells.handlingTiers, TIERS);
    const intakeOnly = listOf(cells.intakeOnlyTiers, TIERS);
    for (const [column, list] of [
      ['办理层级', handling],
      ['仅受理层级', intakeOnly],
    ] as const) {
      if (list.unknown.length) {
        at(
          column,
          'UNKNOWN_TIER',
          `未知的层级：${list.unknown.join('、')}（可填 县级、乡镇、村）`,
          `Unknown tiers: ${list.unknown.join(', ')} (县级, 乡镇 or 村)`,
        );
      }
    }
    if (
      cells.handlingTiers !== '' &&
      handling.known.length === 0 &&
      handling.unknown.length === 0
    ) {
      at('办理层级', 'NO_TIER', '至少一个办理层级', 'At least one tier handles the item');
    }
    const both = handling.known.filter((tier) => intakeOnly.known.includes(tier));
    if (both.length) {
      at(
        '仅受理层级',
        'TIER_HANDLED_AND_INTAKE_ONLY',
        '同一层级不能既办理又仅受理',
        'A tier either handles an item or only takes it in',
      );
    }
    const online = yesOrNo(cells.onlineAvailable);
    if (cells.onlineAvailable !== '' && online === null) {
      at('网上可办', 'NOT_YES_OR_NO', '请填“是”或“否”', 'Yes (是) or no (否)');
    }
    if (
      cells.code === '' ||
      !type ||
      !limit ||
      !fee ||
      online === null ||
      firstRowOfCode.get(cells.code) !== number
    )
      continue;
    items.set(cells.code, {
      code: cells.code,
      name: cells.name,
      type,
      competentDepartment: cells.competentDepartment,
      implementingLevel: cells.implementingLevel,
      legalBasis: cells.legalBasis,
      applicantScopes: scopes.known,
      conditions: cells.conditions,
      materials: [],
      steps: [],
      statutoryLimit: limit,
      fee,
      handlingTiers: handling.known,
      intakeOnlyTiers: intakeOnly.known,
      onlineAvailable: online,
    });
  }

  const materialSeen = new Map<string, number>();
  for (const { number, cells } of materialRows) {
    const at = (column: string, code: CatalogueSheetProblemCode, zhCN: string, enUS: string) =>
      problem(MATERIAL_SHEET.name, number, column, code, zhCN, enUS);
    const known = firstRowOfCode.has(cells.code);
    if (cells.code !== '' && !known) {
      at(
        '事项编码',
        'UNKNOWN_ITEM',
        `事项表中没有编码 ${cells.code}`,
        `No item with code ${cells.code} on the items sheet`,
      );
    }
    const form = FORMS.get(cells.form);
    if (cells.form !== '' && !form) {
      at(
        '材料形式',
        'UNKNOWN_MATERIAL_FORM',
        '材料形式为 原件、复印件 或 电子证照',
        'The form is 原件, 复印件 or 电子证照',
      );
    }
    const copies = /^\d{1,3}$/.test(cells.copies) ? Number(cells.copies) : null;
    if (cells.copies !== '' && copies === null) {
      at(
        '份数',
        'COPIES_NOT_A_NUMBER',
        '份数应为 0 至 999 的整数',
        'Copies is a whole number from 0 to 999',
      );
    }
    const required = yesOrNo(cells.required);
    if (cells.required !== '' && required === null) {
      at('是否必需', 'NOT_YES_OR_NO', '请填“是”或“否”', 'Yes (是) or no (否)');
    }
    const key = `${cells.code}\u0000${cells.name}`;
    const first = materialSeen.get(key);
    if (cells.name !== '' && first !== undefined) {
      at('材料名称', 'DUPLICATE_MATERIAL', `与第 ${first} 行重复`, `Repeats row ${first}`);
      continue;
    }
    materialSeen.set(key, number);
    const item = items.get(cells.code);
    if (!item || !form || copies === null || required === null || cells.name === '') continue;
    const material: Material = {
      name: cells.name,
      form,
      copies,
      required,
      notes: cells.notes === '' ? null : cells.notes,
    };
    item.materials.push(material);
  }

  const steps = new Map<string, { order: number; name: string }[]>();
  const stepSeen = new Map<string, number>();
  for (const { number, cells } of stepRows) {
    const at = (column: string, code: CatalogueSheetProblemCode, zhCN: string, enUS: string) =>
      problem(STEP_SHEET.name, number, column, code, zhCN, enUS);
    if (cells.code !== '' && !firstRowOfCode.has(cells.code)) {
      at(
        '事项编码',
        'UNKNOWN_ITEM',
        `事项表中没有编码 ${cells.code}`,
        `No item with code ${cells.code} on the items sheet`,
      );
    }
    const order = /^\d{1,3}$/.test(cells.order) ? Number(cells.order) : null;
    if (cells.order !== '' && order === null) {
      at('序号', 'STEP_ORDER_NOT_A_NUMBER', '序号应为整数', 'The order is a whole number');
    }
    const key = `${cells.code}\u0000${cells.order}`;
    const first = stepSeen.get(key);
    if (order !== null && first !== undefined) {
      at('序号', 'DUPLICATE_STEP', `与第 ${first} 行序号重复`, `Repeats the order of row ${first}`);
      continue;
    }
    stepSeen.set(key, number);
    if (!items.has(cells.code) || order === null || cells.name === '') continue;
    steps.set(cells.code, [...(steps.get(cells.code) ?? []), { order, name: cells.name }]);
  }
  for (const [code, list] of steps) {
    (items.get(code) as CatalogItem).steps = list
      .sort((a, b) => a.order - b.order)
      .map((step) => step.name);
  }

  return problems.length ? { items: [], problems } : { items: [...items.values()], problems };
}

function listOf<T>(text: string, known: Map<string, T>): { known: T[]; unknown: string[] } {
  const parts = text.split(LIST_SEPARATOR).filter((part) => part !== '');
  const found = parts.map((part) => known.get(part.toUpperCase()) ?? known.get(part));
  return {
    known: [...new Set(found.filter((value): value is T => value !== undefined))],
    unknown: parts.filter((_, index) => found[index] === undefined),
  };
}

function timeLimit(text: string): TimeLimit | null {
  if (ON_THE_SPOT.has(text.toUpperCase()) || ON_THE_SPOT.has(text)) return { onTheSpot: true };
  const days = /^(\d{1,3})(?:\s*个?工作日)?$/.exec(text);
  if (!days || Number(days[1]) < 1) return null;
  return { onTheSpot: false, workingDays: Number(days[1]) };
}

function yesOrNo(text: string): boolean | null {
  const upper = text.toUpperCase();
  if (YES.has(upper)) return true;
  if (NO.has(upper)) return false;
  return null;
}

const TIER_TEXT: Record<ServiceTier, string> = {
  [ServiceTier.COUNTY]: '县级',
  [ServiceTier.TOWNSHIP]: '乡镇',
  [ServiceTier.VILLAGE]: '村',
};
const SCOPE_TEXT: Record<ApplicantScope, string> = {
  [ApplicantScope.NATURAL_PERSON]: '自然人',
  [ApplicantScope.LEGAL_PERSON]: '法人',
};
const FORM_TEXT: Record<MaterialForm, string> = {
  [MaterialForm.ORIGINAL]: '原件',
  [MaterialForm.COPY]: '复印件',
  [MaterialForm.E_LICENCE]: '电子证照',
};

/** The sheets of a catalogue, headers first, as `readCatalogueSheets` reads them back. */
export function writeCatalogueSheets(items: readonly CatalogItem[]): Record<string, string[][]> {
  const header = (spec: { columns: readonly { zh: string }[] }) =>
    spec.columns.map((column) => column.zh);
  const yes = (value: boolean) => (value ? '是' : '否');
  return {
    [ITEM_SHEET.name]: [
      header(ITEM_SHEET),
      ...items.map((item) => [
        item.code,
        item.name,
        ITEM_TYPE_LABELS[item.type].zhCN,
        item.competentDepartment,
        item.implementingLevel,
        item.legalBasis,
        item.applicantScopes.map((scope) => SCOPE_TEXT[scope]).join('、'),
        item.conditions,
        item.statutoryLimit.onTheSpot ? '即办' : String(item.statutoryLimit.workingDays),
        item.fee.free ? '免费' : item.fee.amount,
        item.fee.free ? '' : item.fee.basis,
        item.handlingTiers.map((tier) => TIER_TEXT[tier]).join('、'),
        item.intakeOnlyTiers.map((tier) => TIER_TEXT[tier]).join('、'),
        yes(item.onlineAvailable),
      ]),
    ],
    [MATERIAL_SHEET.name]: [
      header(MATERIAL_SHEET),
      ...items.flatMap((item) =>
        item.materials.map((material) => [
          item.code,
          material.name,
          FORM_TEXT[material.form],
          String(material.copies),
          yes(material.required),
          material.notes ?? '',
        ]),
      ),
    ],
    [STEP_SHEET.name]: [
      header(STEP_SHEET),
      ...items.flatMap((item) =>
        item.steps.map((step, index) => [item.code, String(index + 1), step]),
      ),
    ],
  };
}
