import ExcelJS from 'exceljs';
import { exportRefusal, MAX_EXPORT_ROWS, sheetWorkbook } from './insight-workbook';

describe('insight exports', () => {
  it('refuses 1,000,000 cases with the limit named, and writes what is under it', () => {
    expect(exportRefusal(1_000_000)).toMatch(/more than one export holds \(100,000\)/);
    expect(exportRefusal(MAX_EXPORT_ROWS)).toBeNull();
  });

  it('writes a sheet a spreadsheet program reads back, header first', async () => {
    const bytes = await sheetWorkbook(
      '办件',
      ['受理号', '办理时间'],
      [
        ['LC20261101001', 3.5],
        ['LC20261101002', null],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('办件')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '受理号', '办理时间']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'LC20261101001', 3.5]);
    expect(sheet.rowCount).toBe(3);
  });
});
