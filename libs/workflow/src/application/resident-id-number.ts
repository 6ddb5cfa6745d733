/**
 * The citizen identity number of GB 11643-1999 (公民身份号码): 6 digits of the division where
 * it was issued, the birth date (YYYYMMDD), a 3-digit sequence and a check character computed
 * with ISO 7064 MOD 11-2 ('X' stands for 10).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('Expected 17 digits');
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARACTERS[sum % 11];
}

export type ResidentIdProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

/**
 * Why `value` is not a valid 18-character identity number, or null when it is. `today`, the
 * calendar day in Beijing (YYYY-MM-DD, core's `beijingDay` of the clock's now), bounds the
 * birth date: nobody is born after today or before 1900. A day, not an instant: a baby born
 * today in Beijing is valid at 00:30 there, which is still yesterday in UTC.
 */
export function residentIdProblem(value: string, today: string): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'FORMAT';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const real =
    birth.getUTCFullYear() === year &&
    birth.getUTCMonth() === month - 1 &&
    birth.getUTCDate() === day;
  if (!real || year < 1900 || value.slice(6, 14) > today.replaceAll('-', '')) return 'BIRTH_DATE';
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return 'CHECK_CHARACTER';
  return null;
}
