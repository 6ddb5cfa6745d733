import { localDateTimeInput, monthOf, parseMonthInput, reasonOf } from './attendance-rules';

describe('attendance rules', () => {
  it('names the month of a moment', () => {
    expect(monthOf(new Date(2026, 0, 31))).toBe('2026-01');
    expect(monthOf(new Date(2026, 10, 1))).toBe('2026-11');
  });

  it('takes a month input, or nothing', () => {
    expect(parseMonthInput('2026-11')).toBe('2026-11');
    for (const bad of ['', '2026-13', '2026-1', 'x']) expect(parseMonthInput(bad)).toBeNull();
  });

  it('writes a local date and time input', () => {
    expect(localDateTimeInput(new Date(2026, 10, 6, 8, 5))).toBe('2026-11-06T08:05');
  });

  it('knows the refusals it explains', () => {
    const refusal = (reason: string) => ({
      errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', reason } }],
    });
    expect(reasonOf(refusal('FUTURE'))).toBe('FUTURE');
    expect(reasonOf(refusal('SOMETHING_ELSE'))).toBeNull();
    expect(reasonOf(new Error('x'))).toBeNull();
  });
});
