import { PassThrough } from 'node:stream';
import type { AttendanceMonthView } from './attendance.service';

/** Header row of the month's sheet: Chinese first, as the halls file it. */
export const ATTENDANCE_HEADER = [
  '姓名 Name',
  '应出勤天数 Working days',
  '出勤 Present',
  '迟到 Late',
  '早退 Left early',
  '缺勤 Absent',
];

/** The month's sheet as an XLSX file, streamed by exceljs as the rows are written. */
export async function writeAttendanceWorkbook(sheet: AttendanceMonthView): Promise<Buffer> {
  // Loaded on first use: most requests never touch a spreadsheet.
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
  const worksheet = workbook.addWorksheet(`考勤 ${sheet.month}`);
  worksheet.columns = ATTENDANCE_HEADER.map((_, i) => ({ width: i === 0 ? 20 : 16 }));
  const title = worksheet.addRow([`${sheet.tenantName} ${sheet.month}`]);
  title.font = { bold: true };
  title.commit();
  const header = worksheet.addRow(ATTENDANCE_HEADER);
  header.font = { bold: true };
  header.commit();
  for (const row of sheet.rows) {
    worksheet
      .addRow([row.staffName, row.workingDays, row.present, row.late, row.leftEarly, row.absent])
      .commit();
  }
  worksheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
