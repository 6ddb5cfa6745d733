import { residentIdCheckCharacter, residentIdProblem } from './resident-id-number';

/** A valid number for a birth date, made with the check character. */
const valid = (first17: string) => first17 + residentIdCheckCharacter(first17);

describe('citizen identity number (GB 11643)', () => {
  it('computes the check character of the standard example', () => {
    // The example of GB 11643-1999, appendix: 11010519491231002X.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdProblem('11010519491231002X')).toBeNull();
  });

  it('accepts a number with a real birth date and the right check character', () => {
    expect(residentIdProblem(valid('45022219900101123'))).toBeNull();
  });

  it('names what is wrong', () => {
    const good = valid('45022219900101123');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(residentIdProblem(wrongCheck)).toBe('CHECK_CHARACTER');
    expect(residentIdProblem('4502221990010112')).toBe('FORMAT');
    expect(residentIdProblem('45022219900101123x')).toBe('FORMAT');
    expect(residentIdProblem(valid('45022219900230123'))).toBe('BIRTH_DATE');
    expect(residentIdProblem(valid('45022218991231123'))).toBe('BIRTH_DATE');
    expect(residentIdProblem(valid('45022220991231123'), new Date('2026-11-27'))).toBe(
      'BIRTH_DATE',
    );
  });
});
