import {
  ApplicantScope,
  type CatalogItem,
  type Fee,
  ITEM_TYPE_LABELS,
  ItemType,
  type Material,
  MATERIAL_FORM_LABELS,
  MaterialForm,
  ServiceTier,
  type TimeLimit,
} from './item';

/**
 * The standard catalogue as officials exchange it (DESIGN.md §4.1): one row an item on
 * 事项, materials and procedure steps on their own sheets keyed by the item's code. Plain
 * TypeScript over cells already read from the file, one row at a time (`CatalogueCheck`), so
 * that an import never holds the rows; opening the XLSX is the adapter's. A sheet with any
 * problem imports nothing: every problem is reported at once, at its sheet, row and column, in
 * Chinese and English.
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
  | 'LABEL_TAKEN'
  | 'TOO_MANY_PROBLEMS';

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

type ItemKey = (typeof ITEM_SHEET.columns)[number]['key'];
type MaterialKey = (typeof MATERIAL_SHEET.columns)[number]['key'];
type StepKey = (typeof STEP_SHEET.columns)[number]['key'];
type SheetSpec = (typeof CATALOGUE_SHEETS)[number];

/**
 * What one good row holds: an item (its materials and steps empty: they come on their own
 * sheets), or a material or a procedure step of the item of that code.
 */
export type CatalogueRow =
  | { kind: 'item'; row: number; item: CatalogItem }
  | { kind: 'material'; row: number; code: string; material: Material }
  | { kind: 'step'; row: number; code: string; order: number; name: string };

/** Problems listed at most by an import; the rest are counted (a wholly wrong file has many). */
export const MAX_LISTED_PROBLEMS = 1000;

/**
 * When a problem is found decides nothing: the list reads as if every cell's form were checked
 * first (sheet by sheet), then the count of items, then what the rows say, sheet by sheet.
 */
enum Phase {
  CELLS = 0,
  COUNT = 1,
  ROWS = 2,
}

interface Noted {
  problem: CatalogueSheetProblem;
  phase: Phase;
  sheet: number;
  row: number;
  /** Within a row: an unknown item's code (known late when the items sheet comes last) first. */
  rank: number;
}

interface SheetState {
  spec: SheetSpec;
  index: number;
  /** Each column's index in the rows, once the header is read; null when a column is missing. */
  at: Map<string, number> | null;
  headerRead: boolean;
  ended: boolean;
  lastRow: number;
  /** Rows with anything in them. */
  rows: number;
}

/**
 * Checks a catalogue spreadsheet one row at a time, as it is read, keeping only what the rules
 * across rows need (each item code's first row, the material and step keys seen): a catalogue of
 * any size is checked without holding its rows. Feed each sheet's rows in order (the header
 * first; empty rows may be skipped), end each sheet, then `finish` for the whole list of problems.
 */
export class CatalogueCheck {
  private readonly sheets = new Map<string, SheetState>(
    CATALOGUE_SHEETS.map((spec, index) => [
      spec.name,
      { spec, index, at: null, headerRead: false, ended: false, lastRow: 0, rows: 0 },
    ]),
  );
  private readonly noted: Noted[] = [];
  private readonly counted = [0, 0, 0];
  private readonly firstRowOfCode = new Map<string, number>();
  private readonly materialSeen = new Map<string, number>();
  private readonly stepSeen = new Map<string, number>();
  /** Codes of materials and steps read before the items sheet ended, checked when it ends. */
  private readonly unchecked: { sheet: string; index: number; row: number; code: string }[] = [];

  constructor(private readonly maxListed = Number.POSITIVE_INFINITY) {}

  /** Whether anything is wrong so far: from then on, nothing of the file will be imported. */
  get failed(): boolean {
    return (
      this.counted.some((count) => count > 0) ||
      (this.sheets.get(ITEM_SHEET.name) as SheetState).rows > MAX_CATALOGUE_ITEMS
    );
  }

  /**
   * Checks the next row of a sheet (rows of other sheets are ignored). Returns what it holds
   * while nothing is wrong with the file so far; a problem found later still fails the file.
   */
  row(sheet: string, number: number, line: readonly SheetCell[]): CatalogueRow | null {
    const state = this.sheets.get(sheet);
    if (!state || state.ended || number <= state.lastRow) return null;
    state.lastRow = number;
    if (!state.headerRead) {
      this.header(state, number === 1 ? line : []);
      if (number === 1) return null;
    }
    if (!state.at || line.every((cell) => cell.text.trim() === '')) return null;
    state.rows += 1;
    const cells = this.cells(state, number, line);
    const read =
      state.spec === ITEM_SHEET
        ? this.item(number, cells as Record<ItemKey, string>)
        : state.spec === MATERIAL_SHEET
          ? this.material(number, cells as Record<MaterialKey, string>)
          : this.step(number, cells as Record<StepKey, string>);
    return read && !this.failed ? read : null;
  }

  /** The end of a sheet's rows. */
  endSheet(sheet: string): void {
    const state = this.sheets.get(sheet);
    if (!state || state.ended) return;
    if (!state.headerRead) this.header(state, []);
    state.ended = true;
    if (state.spec !== ITEM_SHEET) return;
    for (const { sheet: name, index, row, code } of this.unchecked.splice(0)) {
      if (!this.firstRowOfCode.has(code)) this.unknownItem(name, index, row, code);
    }
  }

  /**
   * Everything wrong with the file, once every sheet was read: nothing when its rows are a
   * catalogue. At most `maxListed` problems are listed, then one saying how many more there are.
   */
  finish(): { problems: CatalogueSheetProblem[]; items: number } {
    for (const state of this.sheets.values()) {
      if (state.headerRead) this.endSheet(state.spec.name);
      else this.note(Phase.CELLS, state.index, 0, sheetMissing(state.spec.name));
    }
    const states = [...this.sheets.values()];
    const items = states[0].rows;
    if (states.some((state) => !state.at)) {
      // A sheet that cannot be read says nothing about the rows of the others.
      this.counted[Phase.COUNT] = this.counted[Phase.ROWS] = 0;
      this.noted.splice(0, this.noted.length, ...this.noted.filter((n) => n.phase === Phase.CELLS));
    } else if (items === 0) {
      this.note(Phase.COUNT, 0, 0, {
        sheet: ITEM_SHEET.name,
        row: null,
        column: null,
        code: 'NO_ITEMS',
        message: say('没有事项', 'The sheet has no items'),
      });
    } else if (items > MAX_CATALOGUE_ITEMS) {
      this.note(Phase.COUNT, 0, 0, {
        sheet: ITEM_SHEET.name,
        row: null,
        column: null,
        code: 'TOO_MANY_ITEMS',
        message: say(`最多 ${MAX_CATALOGUE_ITEMS} 个事项`, `At most ${MAX_CATALOGUE_ITEMS} items`),
      });
    }
    const listed = this.noted
      .sort((a, b) => a.phase - b.phase || a.sheet - b.sheet || a.row - b.row || a.rank - b.rank)
      .slice(0, this.maxListed)
      .map((noted) => noted.problem);
    const more = this.counted.reduce((sum, count) => sum + count, 0) - listed.length;
    if (more > 0) {
      listed.push({
        sheet: '',
        row: null,
        column: null,
        code: 'TOO_MANY_PROBLEMS',
        message: say(`另有 ${more} 个问题未列出`, `${more} more problems are not listed`),
      });
    }
    return { problems: listed, items: listed.length ? 0 : items };
  }

  private note(phase: Phase, sheet: number, row: number, problem: CatalogueSheetProblem, rank = 1) {
    this.counted[phase] += 1;
    // Enough of each phase kept to fill the list whichever phases are dropped.
    if (this.counted[phase] <= this.maxListed) {
      this.noted.push({ problem, phase, sheet, row, rank });
    }
  }

  /** Finds the columns by their headers (Chinese or English, any order). */
  private header(state: SheetState, line: readonly SheetCell[]): void {
    state.headerRead = true;
    const header = line.map((cell) => cell.text.trim());
    const at = new Map<string, number>();
    for (const column of state.spec.columns) {
      const index = header.findIndex(
        (text) => text === column.zh || text.toLowerCase() === column.en.toLowerCase(),
      );
      if (index >= 0) at.set(column.key, index);
      else if (column.required) {
        this.note(Phase.CELLS, state.index, 1, {
          sheet: state.spec.name,
          row: 1,
          column: column.zh,
          code: 'HEADER_MISSING',
          message: say(
            `缺少列“${column.zh}”`,
            `The column "${column.zh}" (${column.en}) is missing`,
          ),
        });
      }
    }
    state.at = state.spec.columns.every((column) => !column.required || at.has(column.key))
      ? at
      : null;
  }

  /** The row's text by column, checking every cell's form. */
  private cells(state: SheetState, number: number, line: readonly SheetCell[]) {
    const sheet = state.spec.name;
    const at = state.at as Map<string, number>;
    const values: Record<string, string> = {};
    for (const column of state.spec.columns) {
      const cell = at.has(column.key) ? line[at.get(column.key) as number] : undefined;
      const text = (cell?.text ?? '').trim();
      values[column.key] = text;
      const problem = (
        code: CatalogueSheetProblemCode,
        message: CatalogueSheetProblem['message'],
      ) =>
        this.note(Phase.CELLS, state.index, number, {
          sheet,
          row: number,
          column: column.zh,
          code,
          message,
        });
      if (cell?.kind === 'formula') {
        problem('FORMULA', say('请填写数值，不要使用公式', 'A value, not a formula, please'));
      } else if (cell?.kind === 'merged') {
        problem(
          'MERGED_CELL',
          say('请取消合并单元格，每行填写完整', 'Unmerge the cells: every row is filled in full'),
        );
      } else if (column.required && text === '') {
        problem('REQUIRED', say(`“${column.zh}”必填`, `${column.en} is required`));
      } else {
        const limit =
          column.key === 'legalBasis' || column.key === 'conditions' || column.key === 'notes'
            ? MAX_LONG_TEXT
            : MAX_SHORT_TEXT;
        if (text.length > limit)
          problem('TOO_LONG', say(`最多 ${limit} 个字`, `At most ${limit} characters`));
      }
    }
    return values;
  }

  private problem(
    spec: SheetSpec,
    row: number,
    column: string,
    code: CatalogueSheetProblemCode,
    zhCN: string,
    enUS: string,
  ) {
    this.note(Phase.ROWS, CATALOGUE_SHEETS.indexOf(spec), row, {
      sheet: spec.name,
      row,
      column,
      code,
      message: say(zhCN, enUS),
    });
  }

  private unknownItem(sheet: string, index: number, row: number, code: string) {
    this.note(
      Phase.ROWS,
      index,
      row,
      {
        sheet,
        row,
        column: '事项编码',
        code: 'UNKNOWN_ITEM',
        message: say(`事项表中没有编码 ${code}`, `No item with code ${code} on the items sheet`),
      },
      0,
    );
  }

  /** A material's or step's item code: known now if the items sheet was read, else at its end. */
  private checkItemCode(spec: SheetSpec, row: number, code: string) {
    if (code === '') return;
    const index = CATALOGUE_SHEETS.indexOf(spec);
    if (!(this.sheets.get(ITEM_SHEET.name) as SheetState).ended)
      this.unchecked.push({ sheet: spec.name, index, row, code });
    else if (!this.firstRowOfCode.has(code)) this.unknownItem(spec.name, index, row, code);
  }

  private item(number: number, cells: Record<ItemKey, string>): CatalogueRow | null {
    const at = (column: string, code: CatalogueSheetProblemCode, zhCN: string, enUS: string) =>
      this.problem(ITEM_SHEET, number, column, code, zhCN, enUS);
    if (cells.code !== '') {
      const first = this.firstRowOfCode.get(cells.code);
      if (first !== undefined) {
        at(
          '事项编码',
          'DUPLICATE_CODE',
          `编码 ${cells.code} 与第 ${first} 行重复`,
          `Code ${cells.code} repeats row ${first}`,
        );
      } else this.firstRowOfCode.set(cells.code, number);
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
      this.firstRowOfCode.get(cells.code) !== number
    )
      return null;
    return {
      kind: 'item',
      row: number,
      item: {
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
      },
    };
  }

  private material(number: number, cells: Record<MaterialKey, string>): CatalogueRow | null {
    const at = (column: string, code: CatalogueSheetProblemCode, zhCN: string, enUS: string) =>
      this.problem(MATERIAL_SHEET, number, column, code, zhCN, enUS);
    this.checkItemCode(MATERIAL_SHEET, number, cells.code);
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
    const first = this.materialSeen.get(key);
    if (cells.name !== '' && first !== undefined) {
      at('材料名称', 'DUPLICATE_MATERIAL', `与第 ${first} 行重复`, `Repeats row ${first}`);
      return null;
    }
    this.materialSeen.set(key, number);
    if (cells.code === '' || !form || copies === null || required === null || cells.name === '')
      return null;
    return {
      kind: 'material',
      row: number,
      code: cells.code,
      material: {
        name: cells.name,
        form,
        copies,
        required,
        notes: cells.notes === '' ? null : cells.notes,
      },
    };
  }

  private step(number: number, cells: Record<StepKey, string>): CatalogueRow | null {
    this.checkItemCode(STEP_SHEET, number, cells.code);
    const order = /^\d{1,3}$/.test(cells.order) ? Number(cells.order) : null;
    if (cells.order !== '' && order === null) {
      this.problem(
        STEP_SHEET,
        number,
        '序号',
        'STEP_ORDER_NOT_A_NUMBER',
        '序号应为整数',
        'The order is a whole number',
      );
    }
    const key = `${cells.code}\u0000${cells.order}`;
    const first = this.stepSeen.get(key);
    if (order !== null && first !== undefined) {
      this.problem(
        STEP_SHEET,
        number,
        '序号',
        'DUPLICATE_STEP',
        `与第 ${first} 行序号重复`,
        `Repeats the order of row ${first}`,
      );
      return null;
    }
    this.stepSeen.set(key, number);
    if (cells.code === '' || order === null || cells.name === '') return null;
    return { kind: 'step', row: number, code: cells.code, order, name: cells.name };
  }
}

function sheetMissing(sheet: string): CatalogueSheetProblem {
  return {
    sheet,
    row: null,
    column: null,
    code: 'SHEET_MISSING',
    message: say(`缺少工作表“${sheet}”`, `The sheet "${sheet}" is missing`),
  };
}

/**
 * The items of a catalogue spreadsheet held in memory, or everything wrong with it. Items come
 * back only when there is no problem at all: a bad file imports nothing.
 */
export function readCatalogueSheets(sheets: CatalogueSheets): {
  items: CatalogItem[];
  problems: CatalogueSheetProblem[];
} {
  const check = new CatalogueCheck();
  const rows: CatalogueRow[] = [];
  for (const spec of CATALOGUE_SHEETS) {
    const lines = sheets[spec.name];
    if (!lines) continue;
    lines.forEach((line, index) => {
      const read = check.row(spec.name, index + 1, line ?? []);
      if (read) rows.push(read);
    });
    check.endSheet(spec.name);
  }
  const { problems } = check.finish();
  return problems.length ? { items: [], problems } : { items: catalogueOf(rows), problems };
}

/** The items of a file's good rows: materials in the order of their rows, steps by their order. */
export function catalogueOf(rows: readonly CatalogueRow[]): CatalogItem[] {
  const items = new Map<string, CatalogItem>();
  const steps = new Map<string, { order: number; name: string }[]>();
  for (const read of rows) {
    if (read.kind === 'item') items.set(read.item.code, { ...read.item, materials: [], steps: [] });
  }
  for (const read of rows) {
    if (read.kind === 'material') items.get(read.code)?.materials.push(read.material);
    if (read.kind === 'step')
      steps.set(read.code, [
        ...(steps.get(read.code) ?? []),
        { order: read.order, name: read.name },
      ]);
  }
  for (const [code, list] of steps) {
    const item = items.get(code);
    if (item) item.steps = list.sort((a, b) => a.order - b.order).map((step) => step.name);
  }
  return [...items.values()];
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
          MATERIAL_FORM_LABELS[material.form],
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
