import { BadUserInputError } from '@tongban/core';
import type { Workbook } from 'exceljs';
import { RowProblem, VILLAGE_SHEET_COLUMNS } from './village-sheet';

/** The largest spreadsheet accepted, decoded (about 200 villages take 15 KB). */
const MAX_BYTES = 2 * 1024 * 1024;

async function newWorkbook(): Promise<Workbook> {
  // Loaded on first use: most requests never touch a spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

/**
 * The cells of the first worksheet of an XLSX file (base64), as text. A file that is not an
 * XLSX spreadsheet, or too large, is BAD_USER_INPUT: a malformed upload changes nothing.
 */
export async function readSpreadsheetCells(base64: string): Promise<string[][]> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_BYTES) {
    throw new BadUserInputError(
      `The spreadsheet must be an XLSX file of at most ${MAX_BYTES / 1024 / 1024} MB`,
      { reason: 'SPREADSHEET_SIZE' },
    );
  }
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new BadUserInputError('The file is not an XLSX spreadsheet', { reason: 'NOT_XLSX' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new BadUserInputError('The spreadsheet has no sheet', { reason: 'NOT_XLSX' });
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cell.text ?? '';
    });
    cells[number - 1] = Array.from(values, (value) => value ?? '');
  });
  return Array.from(cells, (row) => row ?? []);
}

/** An empty sheet with the headers (Chinese, then English) and one example row. */
export async function villageTemplate(): Promise<string> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('村居便民服务站');
  sheet.addRow(VILLAGE_SHEET_COLUMNS.map((column) => column.zh));
  sheet.addRow(['450222203203', '新村便民服务站', 'xincun.staff', '覃明', '代办窗口']);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => (column.width = 20));
  sheet.getColumn(1).numFmt = '@';
  const notes = workbook.addWorksheet('说明 Notes');
  for (const line of [
    '每行开通一个村（社区）便民服务站；代办员收到一次性设置链接。',
    'One station a row; each station gets a one-time setup link for its staff member.',
    '行政区划代码：12 位，以上级乡镇（或县）的代码开头。 Division code: 12 digits, starting with the parent’s code.',
    '窗口名称可空，默认“代办窗口”。 Window name may be empty: 代办窗口.',
  ]) {
    notes.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/**
 * The sheet as it came, with a column 问题 / Problems added that says, row by row, what stops
 * it (for the clerk to correct and upload again).
 */
export async function spreadsheetWithProblems(
  cells: string[][],
  problems: RowProblem[],
): Promise<string> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('问题 Problems');
  const width = Math.max(...cells.map((row) => row.length), 1);
  const byRow = new Map<number, string[]>();
  for (const problem of problems) {
    const text = problem.column ? `${problem.column}: ${problem.message}` : problem.message;
    byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), text]);
  }
  cells.forEach((row, i) => {
    const padded = Array.from({ length: width }, (_, c) => row[c] ?? '');
    const note = i === 0 ? '问题 Problems' : (byRow.get(i + 1) ?? []).join('；');
    sheet.addRow([...padded, note]);
  });
  const sheetWide = byRow.get(1)?.join('；');
  if (sheetWide && cells.length > 0)
    sheet.getRow(1).getCell(width + 1).value = `问题 Problems: ${sheetWide}`;
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
