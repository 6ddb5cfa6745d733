import { BadUserInputError } from '@tongban/core';
import ExcelJS from 'exceljs';
import {
  CatalogueCheck,
  type CatalogueRow,
  catalogueOf,
  readCatalogueSheets,
  writeCatalogueSheets,
} from '../core/catalogue-sheet';
import { ethnicityChangeItem } from '../core/test-items';
import {
  MAX_CATALOGUE_FILE_BYTES,
  readCatalogueRows,
  readCatalogueWorkbook,
  writeCatalogueWorkbook,
} from './catalogue-workbook';

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).details.reason;
  }
  throw new Error('expected a refusal');
}

/** As an import reads a file: row by row, the merged ranges heard at each sheet's end. */
async function readStreamed(file: Buffer, merged?: Map<string, Set<string>>) {
  const check = new CatalogueCheck();
  const found = new Map<string, Set<string>>();
  const rows: CatalogueRow[] = [];
  let events = 0;
  for await (const event of readCatalogueRows(file, merged)) {
    events += 1;
    if (event.kind === 'end') {
      check.endSheet(event.sheet);
      if (event.merged.size) found.set(event.sheet, event.merged);
    } else {
      for (const { row, cells } of event.rows) {
        const read = check.row(event.sheet, row, cells);
        if (read) rows.push(read);
      }
    }
  }
  return { found, rows, events, ...check.finish() };
}

describe('the catalogue XLSX file', () => {
  const items = [
    ethnicityChangeItem(),
    ethnicityChangeItem({
      code: '000131128000',
      name: '个体工商户设立登记',
      statutoryLimit: { onTheSpot: true },
    }),
  ];

  it('reads back, streamed, what it wrote, and reports progress', async () => {
    const file = await writeCatalogueWorkbook(writeCatalogueSheets(items));
    const progress: number[] = [];
    const sheets = await readCatalogueWorkbook(file, (rows) => progress.push(rows));
    expect(Object.keys(sheets)).toEqual(['事项', '材料', '流程']);
    const read = readCatalogueSheets(sheets);
    expect(read.problems).toEqual([]);
    expect(read.items).toEqual(items);
    expect(progress.at(-1)).toBe(3 + 7 + 7); // every row of the three sheets, headers included
  });

  it('tells formulas and merged cells from values, as officials would make them in Excel', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(writeCatalogueSheets(items))) {
      const sheet = workbook.addWorksheet(name);
      rows.forEach((row) => sheet.addRow(row));
    }
    const itemSheet = workbook.getWorksheet('事项')!;
    itemSheet.getCell('I2').value = { formula: '5*2', result: 10 };
    itemSheet.mergeCells('D2:D3'); // the department written once for two items
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const read = readCatalogueSheets(await readCatalogueWorkbook(file));
    expect(read.items).toEqual([]);
    expect(read.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.code}`)).toEqual([
      '事项:2:主管部门:MERGED_CELL',
      '事项:2:法定时限:FORMULA',
      '事项:3:主管部门:MERGED_CELL',
    ]);

    // Read as an import reads it: the merged ranges come after the rows, so a second reading
    // knows them and reports the same problems at the same cells.
    const first = await readStreamed(file);
    expect(first.found).toEqual(new Map([['事项', new Set(['D2:D3'])]]));
    const second = await readStreamed(file, first.found);
    expect(second.problems).toEqual(read.problems);
  });

  it('hands an import the rows a chunk at a time, and its good rows make the same catalogue', async () => {
    const many = Array.from({ length: 300 }, (_, index) =>
      ethnicityChangeItem({ code: `M${String(index).padStart(4, '0')}` }),
    );
    const file = await writeCatalogueWorkbook(writeCatalogueSheets(many));
    const streamed = await readStreamed(file);
    expect(streamed.problems).toEqual([]);
    expect(streamed.items).toBe(300);
    expect(streamed.found.size).toBe(0);
    const rowCount = Object.values(writeCatalogueSheets(many)).reduce((n, r) => n + r.length, 0);
    expect(streamed.events).toBeLessThan(rowCount / 10); // not one event (one promise) a row
    expect(catalogueOf(streamed.rows)).toEqual(many);
  });

  it('keeps Chinese text whole where the chunks of the file split a character, rare ones outside the BMP too (shared strings and inline)', async () => {
    const many = Array.from({ length: 150 }, (_, index) =>
      ethnicityChangeItem({
        code: `C${String(index).padStart(4, '0')}`,
        conditions: `第${index}项：${'申请人应当如实提交材料'.repeat(20)}${'𠮷'.repeat(300)}`,
      }),
    );
    const sheets = writeCatalogueSheets(many);
    const shared = new ExcelJS.Workbook(); // as Excel writes: every text in the shared strings
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = shared.addWorksheet(name);
      rows.forEach((row) => sheet.addRow(row));
    }
    for (const file of [
      Buffer.from(await shared.xlsx.writeBuffer()),
      await writeCatalogueWorkbook(sheets),
    ]) {
      const read = readCatalogueSheets(await readCatalogueWorkbook(file));
      expect(read.problems).toEqual([]);
      expect(read.items).toEqual(many);
    }
  }, 30_000);

  it('refuses what is not an XLSX file, or too large, with a reason and no stack', async () => {
    expect(await refusal(readCatalogueWorkbook(Buffer.from('编码,名称\n1,2\n')))).toBe('NOT_XLSX');
    const zipHeaderThenGarbage = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(4096, 7),
    ]);
    expect(await refusal(readCatalogueWorkbook(zipHeaderThenGarbage))).toBe('NOT_XLSX');
    const huge = Buffer.alloc(MAX_CATALOGUE_FILE_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(readCatalogueWorkbook(huge))).toBe('SPREADSHEET_SIZE');
  });

  it('writes the sheets back with a problems column at each faulty row', async () => {
    const sheets = writeCatalogueSheets(items);
    sheets['事项'][2][1] = '';
    const { problems } = readCatalogueSheets(
      Object.fromEntries(
        Object.entries(sheets).map(([name, rows]) => [
          name,
          rows.map((row) => row.map((text) => ({ text, kind: 'value' as const }))),
        ]),
      ),
    );
    const file = await writeCatalogueWorkbook(sheets, problems);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const itemSheet = workbook.getWorksheet('事项')!;
    expect(itemSheet.getRow(1).getCell(15).text).toBe('问题 Problems');
    expect(itemSheet.getRow(3).getCell(15).text).toContain('“事项名称”必填');
    expect(itemSheet.getRow(2).getCell(15).text).toBe('');
  });
});
