import { beijingDay, FixedClock } from './clock';

describe('Beijing calendar day', () => {
  it('turns at 16:00 UTC, not at UTC midnight', () => {
    expect(beijingDay(new Date('2026-12-01T15:59:59.999Z'))).toBe('2026-12-01');
    expect(beijingDay(new Date('2026-12-01T16:00:00.000Z'))).toBe('2026-12-02');
    expect(beijingDay(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('a fixed clock says the same instant every time', () => {
    const clock = new FixedClock(new Date('2026-12-01T16:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(clock.now()).not.toBe(clock.now());
  });
});
