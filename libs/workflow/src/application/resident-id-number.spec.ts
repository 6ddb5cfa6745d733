import { beijingDay, FixedClock } from '@tongban/core';
import { residentIdCheckCharacter, residentIdProblem } from './resident-id-number';

const TODAY = '2026-11-27';

/** A valid number for a birth date, made with the check character. */
const valid = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe('citizen identity number (GB 11643)', () => {
  it('computes the check character of the standard example', () => {
    // The example of GB 11643-1999, appendix: 11010519491231002X.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull();
  });

  it('accepts a number with a real birth date and the right check character', () => {
    expect(residentIdProblem(valid('45022219900101123'), TODAY)).toBeNull();
  });

  it('names what is wrong', () => {
    const good = valid('45022219900101123');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(residentIdProblem(wrongCheck, TODAY)).toBe('CHECK_CHARACTER');
    expect(residentIdProblem('4502221990010112', TODAY)).toBe('FORMAT');
    expect(residentIdProblem('45022219900101123x', TODAY)).toBe('FORMAT');
    expect(residentIdProblem(valid('45022219900230123'), TODAY)).toBe('BIRTH_DATE');
    expect(residentIdProblem(valid('45022218991231123'), TODAY)).toBe('BIRTH_DATE');
    expect(residentIdProblem(valid('45022220991231123'), TODAY)).toBe('BIRTH_DATE');
  });

  it('bounds the birth date by the Beijing calendar day, on both sides of midnight there', () => {
    // Born on 2 December 2026: Beijing's midnight is 16:00 UTC on 1 December.
    const newborn = valid('45022220261202123');
    const today = (instant: string) => beijingDay(new FixedClock(new Date(instant)).now());
    expect(residentIdProblem(newborn, today('2026-12-01T15:59:59Z'))).toBe('BIRTH_DATE');
    // 00:30 in Beijing: still 1 December in UTC, already the birthday in Beijing.
    expect(residentIdProblem(newborn, today('2026-12-01T16:30:00Z'))).toBeNull();
    expect(residentIdProblem(newborn, today('2026-12-02T15:59:59Z'))).toBeNull();
    // Born on 1 December, seen at 23:30 UTC on 30 November (07:30 on 1 December in Beijing).
    expect(residentIdProblem(valid('45022220261201123'), today('2026-11-30T23:30:00Z'))).toBeNull();
  });
});
