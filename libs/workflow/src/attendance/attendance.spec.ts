import { beijingMoment } from '../calendar/beijing-time';
import { DEFAULT_BUSINESS_HOURS } from '../calendar/business-hours';
import { guangxiCalendar } from '../calendar/test-calendars';
import {
  ClockDirection,
  clockEventRefusal,
  dayRecord,
  isSameEvent,
  monthSummary,
  parseMonth,
  workingDaysOf,
} from './attendance';

const { IN, OUT } = ClockDirection;
const at = (day: string, clock: string, direction: ClockDirection) => ({
  at: beijingMoment(day, clock),
  direction,
});

describe('a day of attendance', () => {
  it('is on time when the first IN is at opening and the last OUT at closing', () => {
    expect(
      dayRecord(
        [at('2026-10-12', '08:30', IN), at('2026-10-12', '17:30', OUT)],
        DEFAULT_BUSINESS_HOURS,
      ),
    ).toEqual({ present: true, late: false, leftEarly: false });
  });

  it('is late after 08:30 and early before 17:30, however many punches between', () => {
    expect(
      dayRecord(
        [
          at('2026-10-12', '08:31', IN),
          at('2026-10-12', '12:00', OUT),
          at('2026-10-12', '14:20', IN),
          at('2026-10-12', '17:29', OUT),
        ],
        DEFAULT_BUSINESS_HOURS,
      ),
    ).toEqual({ present: true, late: true, leftEarly: true });
  });

  it('counts a missing clock-in as late and a missing clock-out as early', () => {
    expect(dayRecord([at('2026-10-12', '08:00', IN)], DEFAULT_BUSINESS_HOURS)).toEqual({
      present: true,
      late: false,
      leftEarly: true,
    });
    expect(dayRecord([at('2026-10-12', '18:00', OUT)], DEFAULT_BUSINESS_HOURS).late).toBe(true);
  });

  it('follows the tenant’s own hours', () => {
    const hours = { periods: [{ opens: '09:00', closes: '17:00' }] };
    expect(
      dayRecord([at('2026-10-12', '08:45', IN), at('2026-10-12', '17:00', OUT)], hours),
    ).toEqual({ present: true, late: false, leftEarly: false });
  });

  it('is absent with no event', () => {
    expect(dayRecord([], DEFAULT_BUSINESS_HOURS)).toEqual({
      present: false,
      late: false,
      leftEarly: false,
    });
  });
});

describe('a month of attendance', () => {
  const october = parseMonth('2026-10')!;
  const afterMonth = new Date('2026-11-15T00:00:00Z');

  it('counts the working days of October 2026: the National Day week off, Saturday 10th worked', () => {
    const days = workingDaysOf(guangxiCalendar, october, october.last);
    // 22 weekdays, less 1–2 and 5–7 October (the holiday), plus Saturday 10 October.
    expect(days).toHaveLength(22 - 5 + 1);
    expect(days).not.toContain(parseMonth('2026-10')!.first); // 1 October
    expect(days).toContain(october.first + 9); // 10 October, a make-up Saturday
  });

  it('summarizes present, late, left early and absent over those days', () => {
    const events = [
      // A holiday punch does not count.
      at('2026-10-01', '08:00', IN),
      at('2026-10-01', '18:00', OUT),
      // 8 October: on time.
      at('2026-10-08', '08:20', IN),
      at('2026-10-08', '17:40', OUT),
      // 9 October: late.
      at('2026-10-09', '08:45', IN),
      at('2026-10-09', '17:35', OUT),
      // Saturday 10 October (worked): left early.
      at('2026-10-10', '08:25', IN),
      at('2026-10-10', '16:00', OUT),
      // Sunday 11 October is a day off.
      at('2026-10-11', '09:00', IN),
    ];
    expect(
      monthSummary(guangxiCalendar, DEFAULT_BUSINESS_HOURS, october, events, afterMonth),
    ).toEqual({
      workingDays: 18,
      present: 3,
      late: 1,
      leftEarly: 1,
      absent: 15,
    });
  });

  it('counts no day after today, and today only once clocked in (its leaving not yet)', () => {
    // Noon, Monday 12 October 2026, Beijing.
    const now = beijingMoment('2026-10-12', '12:00');
    const inToday = [at('2026-10-12', '08:29', IN)];
    expect(monthSummary(guangxiCalendar, DEFAULT_BUSINESS_HOURS, october, inToday, now)).toEqual({
      // 8, 9, 10 (the make-up Saturday) and today, 12 October.
      workingDays: 4,
      present: 1,
      late: 0,
      leftEarly: 0,
      absent: 3,
    });
    expect(monthSummary(guangxiCalendar, DEFAULT_BUSINESS_HOURS, october, [], now)).toMatchObject({
      workingDays: 3,
      absent: 3,
    });
  });
});

describe('a clock event sent by a terminal', () => {
  const now = new Date('2026-10-12T02:00:00Z');

  it('is refused more than 5 minutes ahead of the server', () => {
    expect(clockEventRefusal(new Date(now.getTime() + 5 * 60_000), now, null)).toBeNull();
    expect(clockEventRefusal(new Date(now.getTime() + 5 * 60_000 + 1), now, null)).toBe('FUTURE');
  });

  it('is refused when older than the newest recorded for the person', () => {
    const newest = new Date(now.getTime() - 60_000);
    expect(clockEventRefusal(new Date(now.getTime() - 120_000), now, newest)).toBe('OUT_OF_ORDER');
    expect(clockEventRefusal(newest, now, newest)).toBeNull();
    expect(clockEventRefusal(now, now, newest)).toBeNull();
  });

  it('is the same event when replayed, another under a reused id', () => {
    const recorded = { userId: 'u1', at: now, direction: IN };
    expect(isSameEvent(recorded, { ...recorded, at: new Date(now.getTime()) })).toBe(true);
    expect(isSameEvent(recorded, { ...recorded, direction: OUT })).toBe(false);
    expect(isSameEvent(recorded, { ...recorded, userId: 'u2' })).toBe(false);
  });
});

describe('a month named YYYY-MM', () => {
  it('is parsed, or refused', () => {
    expect(parseMonth('2026-02')!.last - parseMonth('2026-02')!.first).toBe(27);
    expect(parseMonth('2026-12')!.last - parseMonth('2026-12')!.first).toBe(30);
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-00', '2026-01-01', ''])
      expect(parseMonth(bad)).toBeNull();
  });
});
