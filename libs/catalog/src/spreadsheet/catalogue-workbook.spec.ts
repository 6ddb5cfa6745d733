import { BadUserInputError } from '@tongban/core';
import ExcelJS from 'exceljs';
import { readCatalogueSheets, writeCatalogueSheets } from '../core/catalogue-sheet';
import { ethnicityChangeItem } from '../core/test-items';
import {
  MAX_CATALOGUE_FILE_BYTES,
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
  });

  it('keeps Chinese text whole where the chunks of the file split a character (shared strings and inline)', async () => {
    const many = Array.from({ length: 150 }, (_, index) =>
      ethnicityChangeItem({
        code: `C${String(index).padStart(4, '0')}`,
        conditions: `第${index}项：${'申请人应当如实提交材料'.repeat(20)}`,
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
