import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { BadUserInputError } from '@tongban/core';
import type { CellValue } from 'exceljs';
import {
  CATALOGUE_SHEETS,
  type CatalogueSheetProblem,
  type CatalogueSheets,
  type SheetCell,
} from '../core/catalogue-sheet';

/**
 * The catalogue spreadsheet as an XLSX file (exceljs, streaming both ways): rows are read as
 * the file is unzipped and written as they are produced, so a 5,000-item catalogue never
 * exists as an exceljs workbook in memory. The rules of what the sheets must hold are
 * `core/catalogue-sheet.ts`'s.
 */

/** The largest file accepted, decoded (as the GraphQL body limit allows; 5,000 items take about 1 MB). */
export const MAX_CATALOGUE_FILE_BYTES = 2 * 1024 * 1024;

/** Characters of a worksheet's XML parsed at a time. */
const PIECE_CHARS = 4096;

/** A ZIP archive starts with "PK\3\4"; anything else is not an XLSX file. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function exceljs() {
  // Loaded on first use: most requests never touch a spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  return ExcelJS;
}

/** The refusals a client can act on: what was wrong with the file, never a stack. */
export function checkCatalogueFile(bytes: Buffer): void {
  if (bytes.length > MAX_CATALOGUE_FILE_BYTES) {
    throw new BadUserInputError(
      `The spreadsheet is larger than ${MAX_CATALOGUE_FILE_BYTES / 1024 / 1024} MB`,
      { reason: 'SPREADSHEET_SIZE' },
    );
  }
  if (bytes.length < ZIP_MAGIC.length || !bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    throw new BadUserInputError('The file is not an XLSX spreadsheet', { reason: 'NOT_XLSX' });
  }
}

/** A row of a sheet as read: its number (1 is the header) and its cells. */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}

/** What the reader of a catalogue file hears, in the file's order. */
export type CatalogueWorkbookEvent =
  /** The next rows of a sheet, as many as a chunk of the file held. */
  | { kind: 'rows'; sheet: string; rows: SheetRow[] }
  /** A sheet's end, with the ranges merged in it ("A2:B3"): they come after its rows. */
  | { kind: 'end'; sheet: string; merged: Set<string> };

/**
 * The rows of the file's sheets as they are unzipped, a chunk at a time: the file's rows are
 * never all held (and a chunk's rows come in one event, not one promise a row). Merged ranges come at the end of a sheet (its XML lists them after the rows): when
 * `merged` is given (the ranges by sheet, as a first reading found them), the cells inside one
 * are marked as merged in the rows themselves. Empty rows are not heard.
 */
export async function* readCatalogueRows(
  bytes: Buffer,
  merged: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): AsyncGenerator<CatalogueWorkbookEvent> {
  checkCatalogueFile(bytes);
  const ExcelJS = await exceljs();
  const merges = new WeakMap<object, Set<string>>();
  // exceljs's streaming reader skips <mergeCell> (it comes after the rows in the sheet's XML)
  // and decodes UTF-8 chunk by chunk: this reader hands it each worksheet and the shared
  // strings as text decoded across chunks, and notes the merged ranges on the way.
  const parent = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as {
    _parseWorksheet(
      this: unknown,
      iterator: AsyncIterable<Buffer | string>,
      sheetNo: string,
    ): Generator<{ eventType: string; value: object }>;
    _parseSharedStrings(this: unknown, entry: Readable): AsyncGenerator<unknown>;
  };
  class TextSafeReader extends ExcelJS.stream.xlsx.WorkbookReader {
    _parseSharedStrings(entry: Readable) {
      entry.setEncoding('utf8'); // a StringDecoder: characters split between chunks survive
      return parent._parseSharedStrings.call(this, entry);
    }

    *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
      const found = new Set<string>();
      for (const event of parent._parseWorksheet.call(
        this,
        decodeNotingMerges(iterator, found),
        sheetNo,
      )) {
        if (event.eventType === 'worksheet') merges.set(event.value, found);
        yield event;
      }
    }
  }

  const reader = new TextSafeReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates are told apart from numbers by their style
    hyperlinks: 'ignore',
  });
  const unreadable = (error: unknown) =>
    error instanceof BadUserInputError
      ? error
      : new BadUserInputError('The file is not a readable XLSX spreadsheet', {
          reason: 'NOT_XLSX',
        });
  // Only the reading is guarded: what the consumer does between rows is its own.
  const next = async <T>(iterator: AsyncIterator<T>) => {
    try {
      return await iterator.next();
    } catch (error) {
      throw unreadable(error);
    }
  };
  const worksheets = reader[Symbol.asyncIterator]();
  for (let sheet = await next(worksheets); !sheet.done; sheet = await next(worksheets)) {
    const worksheet = sheet.value;
    const name = (worksheet as unknown as { name: string }).name;
    const ranges = [...(merged.get(name) ?? [])].map((range) => range.split(':').map(address));
    // The worksheet's events a chunk at a time (its own iterator awaits once a row).
    const chunks = (worksheet as unknown as ChunkedWorksheet).parse();
    for (let chunk = await next(chunks); !chunk.done; chunk = await next(chunks)) {
      const rows: SheetRow[] = [];
      for (const { eventType, value } of chunk.value) {
        if (eventType !== 'row') continue;
        const row = value as ExcelRow;
        const cells: SheetCell[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cellOf(cell.value);
        });
        const index = row.number - 1;
        for (const [from, to] of ranges) {
          if (index < from.row || index > to.row) continue;
          for (let column = from.column; column <= to.column; column++)
            cells[column] = { text: cells[column]?.text ?? '', kind: 'merged' };
        }
        rows.push({
          row: row.number,
          cells: Array.from(cells, (cell) => cell ?? { text: '', kind: 'value' }),
        });
      }
      if (rows.length) yield { kind: 'rows', sheet: name, rows };
    }
    yield { kind: 'end', sheet: name, merged: merges.get(worksheet) ?? new Set() };
  }
}

type ChunkedWorksheet = {
  parse(): AsyncGenerator<{ eventType: string; value: unknown }[]>;
};

type ExcelRow = {
  number: number;
  eachCell(
    options: { includeEmpty: boolean },
    visit: (cell: { value: CellValue }, column: number) => void,
  ): void;
};

/**
 * Every sheet of the file as cells (text, and whether each was a formula or inside a merged
 * range), all in memory: for a small file and for tests; an import reads `readCatalogueRows`.
 * `onRows` hears how many rows have been read so far, for progress.
 */
export async function readCatalogueWorkbook(
  bytes: Buffer,
  onRows: (rowsRead: number) => void = () => undefined,
): Promise<CatalogueSheets> {
  const sheets: CatalogueSheets = {};
  let rows: SheetCell[][] = [];
  let rowsRead = 0;
  for await (const event of readCatalogueRows(bytes)) {
    if (event.kind === 'rows') {
      for (const { row, cells } of event.rows) {
        rows[row - 1] = cells;
        rowsRead += 1;
        if (rowsRead % 500 === 0) onRows(rowsRead);
      }
    } else {
      sheets[event.sheet] = markMerged(
        Array.from(rows, (row) => row ?? []),
        event.merged,
      );
      rows = [];
    }
  }
  onRows(rowsRead);
  return sheets;
}

/**
 * The worksheet's XML as text, decoded across chunk boundaries, noting the merged ranges on
 * the way. exceljs decodes each chunk on its own, which breaks a Chinese character split
 * between two chunks into replacement characters; text chunks pass through it untouched.
 */
async function* decodeNotingMerges(source: AsyncIterable<Buffer | string>, found: Set<string>) {
  const decoder = new StringDecoder('utf8');
  let tail = '';
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const scanned = tail + text;
    for (const match of scanned.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g))
      found.add(match[1]);
    tail = scanned.slice(-64); // a tag split across two chunks is found in the next round
    // In small pieces: exceljs parses a piece into events, and rows, all at once, and what a
    // large piece makes lives long enough to be promoted to the old generation (garbage that
    // only a full collection frees, and the process's memory grows until one runs).
    yield* pieces(text);
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** `text` in pieces of about `PIECE_CHARS`, never between the two halves of a surrogate pair. */
function* pieces(text: string) {
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + PIECE_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(at, end);
    at = end;
  }
}

function markMerged(rows: SheetCell[][], ranges: Set<string>): SheetCell[][] {
  for (const range of ranges) {
    const [from, to] = range.split(':').map(address);
    for (let row = from.row; row <= to.row; row++) {
      for (let column = from.column; column <= to.column; column++) {
        rows[row] ??= [];
        const text = rows[row][column]?.text ?? '';
        rows[row][column] = { text, kind: 'merged' };
      }
    }
  }
  return Array.from(rows, (row) =>
    Array.from(row ?? [], (cell) => cell ?? { text: '', kind: 'value' }),
  );
}

/** "B12" → zero-based row 11, column 1. */
function address(ref: string): { row: number; column: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref) ?? ['', 'A', '1'];
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(digits) - 1, column: column - 1 };
}

function cellOf(value: CellValue): SheetCell {
  if (value === null || value === undefined) return { text: '', kind: 'value' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), kind: 'value' };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      return { text: result === undefined ? '' : String(result), kind: 'formula' };
    }
    if ('richText' in value)
      return { text: value.richText.map((run) => run.text).join(''), kind: 'value' };
    if ('text' in value) return { text: String(value.text), kind: 'value' };
    if ('error' in value) return { text: String(value.error), kind: 'formula' };
    return { text: '', kind: 'value' };
  }
  return { text: String(value), kind: 'value' };
}

/**
 * An XLSX file of the given sheets (text cells, headers bold), streamed as it is written.
 * With `problems`, each data row gets a last column 问题 / Problems saying what is wrong there,
 * and a first sheet lists the problems of whole sheets, for the clerk to correct and upload again.
 */
export async function writeCatalogueWorkbook(
  sheets: Record<string, string[][]>,
  problems: CatalogueSheetProblem[] = [],
): Promise<Buffer> {
  const ExcelJS = await exceljs();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });

  const general = problems.filter((problem) => problem.row === null || !(problem.sheet in sheets));
  if (general.length) {
    const sheet = workbook.addWorksheet('问题 Problems');
    sheet.addRow(['工作表 Sheet', '问题', 'Problem']).commit();
    for (const problem of general)
      sheet.addRow([problem.sheet, problem.message.zhCN, problem.message.enUS]).commit();
    sheet.commit();
  }
  const names = [
    ...CATALOGUE_SHEETS.map((spec) => spec.name as string).filter((name) => name in sheets),
    ...Object.keys(sheets),
  ];
  for (const name of new Set(names)) {
    const rows = sheets[name];
    const byRow = new Map<number, string[]>();
    for (const problem of problems) {
      if (problem.sheet !== name || problem.row === null) continue;
      const text = `${problem.column ? `${problem.column}：` : ''}${problem.message.zhCN}（${problem.message.enUS}）`;
      byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), text]);
    }
    const sheet = workbook.addWorksheet(name);
    sheet.columns = (rows[0] ?? []).map(() => ({ width: 22 }));
    rows.forEach((cells, index) => {
      const marked = byRow.size
        ? [...cells, index === 0 ? '问题 Problems' : (byRow.get(index + 1) ?? []).join('\n')]
        : cells;
      const row = sheet.addRow(marked);
      if (index === 0) row.font = { bold: true };
      row.commit();
    });
    sheet.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
