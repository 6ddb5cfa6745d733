/** Date and time in the interface language, e.g. "2026年11月30日 10:05" / "Nov 30, 2026, 10:05 AM". */
export function formatDateTime(language: string, value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}
