import ExcelJS from 'exceljs';

/**
 * A workbook of plain rows (sheet name → rows), base64 as the import mutation takes it;
 * `merged` names a range to merge per sheet (e.g. { 事项: 'A2:B2' }).
 */
export async function spreadsheetBase64(
  sheets: Record<string, string[][]>,
  merged: Record<string, string> = {},
): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row) => sheet.addRow(row));
    if (merged[name]) sheet.mergeCells(merged[name]);
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
