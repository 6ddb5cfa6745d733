import type { Problem } from '../tenant/division-code';

/**
 * The village-station onboarding sheet (批量开通村（社区）便民服务站): one row a station, as a
 * county's clerks fill it in. Plain TypeScript over the cells' text; reading the XLSX file
 * is `village-spreadsheet.ts`'s.
 */
export const VILLAGE_SHEET_COLUMNS = [
  { key: 'divisionCode', zh: '行政区划代码', en: 'Division code', required: true },
  { key: 'name', zh: '服务站名称', en: 'Station name', required: true },
  { key: 'managerUsername', zh: '代办员用户名', en: 'Staff username', required: true },
  { key: 'managerDisplayName', zh: '代办员姓名', en: 'Staff name', required: true },
  { key: 'windowName', zh: '窗口名称', en: 'Window name', required: false },
] as const;

export type VillageColumn = (typeof VILLAGE_SHEET_COLUMNS)[number]['key'];

/** The most stations one sheet may open (a county has about 200 villages). */
export const MAX_VILLAGE_ROWS = 1000;
export const DEFAULT_WINDOW_NAME = '代办窗口';

export type VillageSheetProblemCode =
  'HEADER_MISSING' | 'NO_ROWS' | 'TOO_MANY_ROWS' | 'REQUIRED' | 'TOO_LONG' | 'REPEATED_IN_SHEET';

export interface VillageRow {
  /** The row's number in the sheet (1 is the header). */
  row: number;
  divisionCode: string;
  name: string;
  managerUsername: string;
  managerDisplayName: string;
  windowName: string;
}

export interface RowProblem<Code extends string = string> extends Problem<Code> {
  row: number;
  /** The column's header in the sheet, or null for the whole row or sheet. */
  column: string | null;
}

/**
 * Finds the columns by their headers (Chinese or English, in any order) in the first row and
 * reads the rows below, skipping empty ones. Problems of the sheet itself and of each cell's
 * form; whether a station can be opened there is the onboarding plan's to say.
 */
export function readVillageSheet(cells: string[][]): {
  rows: VillageRow[];
  problems: RowProblem<VillageSheetProblemCode>[];
} {
  const problems: RowProblem<VillageSheetProblemCode>[] = [];
  const header = (cells[0] ?? []).map((cell) => cell.trim());
  const index = new Map<VillageColumn, number>();
  for (const column of VILLAGE_SHEET_COLUMNS) {
    const at = header.findIndex(
      (cell) => cell === column.zh || cell.toLowerCase() === column.en.toLowerCase(),
    );
    if (at >= 0) index.set(column.key, at);
    else if (column.required) {
      problems.push({
        row: 1,
        column: column.zh,
        code: 'HEADER_MISSING',
        message: `The sheet has no column ${column.zh} (${column.en})`,
      });
    }
  }
  if (problems.length) return { rows: [], problems };

  const rows: VillageRow[] = [];
  cells.slice(1).forEach((line, offset) => {
    const row = offset + 2;
    const value = (key: VillageColumn) => {
      const at = index.get(key);
      return at === undefined ? '' : (line[at] ?? '').trim();
    };
    if (VILLAGE_SHEET_COLUMNS.every((column) => value(column.key) === '')) return;
    for (const column of VILLAGE_SHEET_COLUMNS) {
      const text = value(column.key);
      if (column.required && text === '') {
        problems.push({
          row,
          column: column.zh,
          code: 'REQUIRED',
          message: `${column.en} is empty`,
        });
      } else if (text.length > 60) {
        problems.push({
          row,
          column: column.zh,
          code: 'TOO_LONG',
          message: `${column.en} has more than 60 characters`,
        });
      }
    }
    rows.push({
      row,
      divisionCode: value('divisionCode'),
      name: value('name'),
      managerUsername: value('managerUsername').toLowerCase(),
      managerDisplayName: value('managerDisplayName'),
      windowName: value('windowName') || DEFAULT_WINDOW_NAME,
    });
  });
  if (rows.length === 0) {
    problems.push({ row: 1, column: null, code: 'NO_ROWS', message: 'The sheet has no stations' });
  }
  if (rows.length > MAX_VILLAGE_ROWS) {
    problems.push({
      row: 1,
      column: null,
      code: 'TOO_MANY_ROWS',
      message: `A sheet opens at most ${MAX_VILLAGE_ROWS} stations (got ${rows.length})`,
    });
  }
  for (const [key, zh] of [
    ['divisionCode', '行政区划代码'],
    ['managerUsername', '代办员用户名'],
  ] as const) {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const text = row[key];
      if (!text) continue;
      const first = seen.get(text);
      if (first !== undefined) {
        problems.push({
          row: row.row,
          column: zh,
          code: 'REPEATED_IN_SHEET',
          message: `${text} is already in row ${first}`,
        });
      } else seen.set(text, row.row);
    }
  }
  return { rows, problems };
}
