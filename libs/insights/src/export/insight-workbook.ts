import { PassThrough } from 'node:stream';

/** The most cases one export writes: past it, the reader narrows the period, item or figure. */
export const MAX_EXPORT_ROWS = 100_000;

/** Why an export of `total` rows is refused, or null when it is written. */
export function exportRefusal(total: number, limit = MAX_EXPORT_ROWS): string | null {
  return total > limit
    ? `${total.toLocaleString('en')} cases are more than one export holds (${limit.toLocaleString('en')}): narrow the period, the item or the figure`
    : null;
}

/**
 * One sheet as an XLSX file, written row by row (exceljs' streaming writer: the rows are not
 * held as a workbook), a bold header first; before it, lines of text (a circular's title, bold,
 * and paragraphs), one to a row, if given.
 */
export async function sheetWorkbook(
  name: string,
  header: string[],
  rows: AsyncIterable<(string | number | null)[]> | Iterable<(string | number | null)[]>,
  preamble: { title: string; paragraphs: readonly string[] } | null = null,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
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
  const sheet = workbook.addWorksheet(name);
  sheet.columns = header.map(() => ({ width: 18 }));
  if (preamble) {
    const title = sheet.addRow([preamble.title]);
    title.font = { bold: true, size: 14 };
    title.commit();
    for (const paragraph of preamble.paragraphs) sheet.addRow([paragraph]).commit();
    sheet.addRow([]).commit();
  }
  const top = sheet.addRow(header);
  top.font = { bold: true };
  top.commit();
  for await (const cells of rows) sheet.addRow(cells).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
