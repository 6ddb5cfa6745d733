/**
 * The service centers work in Beijing time, and so do receipt numbers and deadlines: times are
 * shown in it whatever the browser's own time zone.
 */
export const SERVICE_TIME_ZONE = 'Asia/Shanghai';

/** Date and time in the interface language, e.g. "2026年11月30日 10:05" / "Nov 30, 2026, 10:05 AM". */
export function formatDateTime(language: string, value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: SERVICE_TIME_ZONE,
  }).format(date);
}
