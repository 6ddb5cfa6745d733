import { beijingMoment } from './beijing-time';
import {
  businessHoursProblems,
  DEFAULT_BUSINESS_HOURS,
  isWorkingTime,
  periodsMs,
  workingTimeBefore,
  workingTimeElapsed,
} from './business-hours';
import { calendarDay, dayNumber } from './calendar-day';
import { guangxiCalendar, nationalCalendar, seeded } from './test-calendars';

const hours = DEFAULT_BUSINESS_HOURS;
const at = beijingMoment;
const elapsed = (from: Date, to: Date) => workingTimeElapsed(nationalCalendar, hours, from, to);

describe('isWorkingTime', () => {
  it.each([
    ['2026-03-06', '08:29', false],
    ['2026-03-06', '08:30', true],
    ['2026-03-06', '11:59', true],
    ['2026-03-06', '12:00', false],
    ['2026-03-06', '14:30', true],
    ['2026-03-06', '17:29', true],
    ['2026-03-06', '17:30', false],
    ['2026-03-07', '10:00', false],
    ['2026-02-14', '10:00', true],
    ['2026-02-16', '10:00', false],
  ])('%s %s Beijing: %s', (day, clock, working) => {
    expect(isWorkingTime(nationalCalendar, hours, at(day, clock))).toBe(working);
  });

  it('is off on 三月三 in Guangxi only', () => {
    expect(isWorkingTime(guangxiCalendar, hours, at('2026-04-20', '10:00'))).toBe(false);
    expect(isWorkingTime(nationalCalendar, hours, at('2026-04-20', '10:00'))).toBe(true);
  });

  it('uses Beijing wall time: 02:00 UTC is 10:00 in Beijing', () => {
    expect(isWorkingTime(nationalCalendar, hours, Date.parse('2026-03-06T02:00:00Z'))).toBe(true);
    expect(isWorkingTime(nationalCalendar, hours, Date.parse('2026-03-06T10:00:00Z'))).toBe(false);
  });

  it('refuses business hours that overlap or close before they open', () => {
    expect(() => periodsMs({ periods: [{ opens: '09:00', closes: '08:00' }] })).toThrow(RangeError);
    expect(() =>
      periodsMs({
        periods: [
          { opens: '08:00', closes: '12:00' },
          { opens: '11:00', closes: '17:00' },
        ],
      }),
    ).toThrow(RangeError);
    expect(() => periodsMs({ periods: [{ opens: '8:00', closes: '12:00' }] })).toThrow(RangeError);
  });
});

describe('workingTimeElapsed', () => {
  it('measures a third of a working day (6.5 h of business time a day)', () => {
    // 08:30–10:40 is 130 minutes of 390.
    expect(elapsed(at('2026-03-09', '08:30'), at('2026-03-09', '10:40'))).toBeCloseTo(1 / 3, 10);
    expect(elapsed(at('2026-03-09', '08:30'), at('2026-03-09', '10:39'))).toBeCloseTo(0.3308, 4);
  });

  it('skips the lunch break, the night, weekends and holidays', () => {
    expect(elapsed(at('2026-03-09', '11:00'), at('2026-03-09', '15:00'))).toBeCloseTo(90 / 390, 10);
    expect(elapsed(at('2026-03-06', '16:30'), at('2026-03-09', '09:30'))).toBeCloseTo(
      120 / 390,
      10,
    );
    expect(elapsed(at('2026-03-09', '00:00'), at('2026-03-10', '00:00'))).toBe(1);
    // Fri 13 and the adjusted Saturday 14, then nothing until Tue 24.
    expect(elapsed(at('2026-02-13', '08:00'), at('2026-02-24', '08:30'))).toBe(2);
  });

  it('is negative when the end comes first, and 0 for no time', () => {
    expect(elapsed(at('2026-03-09', '10:40'), at('2026-03-09', '08:30'))).toBeCloseTo(-1 / 3, 10);
    expect(elapsed(at('2026-03-09', '10:40'), at('2026-03-09', '10:40'))).toBe(0);
  });

  it('property: adds up over any split point, and a whole working day is 1', () => {
    const random = seeded(7);
    const first = dayNumber('2024-01-01');
    const moment = () =>
      new Date(
        at(calendarDay(first + Math.floor(random() * 1000)), '00:00').getTime() +
          Math.floor(random() * 86_400_000),
      );
    for (let i = 0; i < 300; i++) {
      const [a, b, c] = [moment(), moment(), moment()].sort((x, y) => x.getTime() - y.getTime());
      expect(elapsed(a, c)).toBeCloseTo(elapsed(a, b) + elapsed(b, c), 9);
      expect(elapsed(a, c)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('business hours a tenant sets', () => {
  it('takes ordered periods apart, and names every problem', () => {
    expect(businessHoursProblems(DEFAULT_BUSINESS_HOURS.periods)).toEqual([]);
    expect(businessHoursProblems([])).toEqual([{ code: 'NO_PERIOD', field: 'periods' }]);
    expect(
      businessHoursProblems([
        { opens: '8:30', closes: '12:00' },
        { opens: '14:00', closes: '13:00' },
        { opens: '11:00', closes: '18:00' },
      ]),
    ).toEqual([
      { code: 'TIME_FORMAT', field: 'periods[0].opens' },
      { code: 'CLOSES_BEFORE_OPENS', field: 'periods[1]' },
      { code: 'PERIODS_OVERLAP', field: 'periods[2]' },
    ]);
  });
});

describe('workingTimeBefore', () => {
  const before = (day: string, clock: string, days: number) =>
    workingTimeBefore(nationalCalendar, hours, at(day, clock), days);

  it.each([
    // One working day before close of business: close of business the working day before.
    ['2026-03-06', '17:30', 1, '2026-03-05', '17:30'],
    // Half a day (3 h 15 min of business time) before 17:30: 3 h in the afternoon, 15 min before noon.
    ['2026-03-06', '17:30', 0.5, '2026-03-06', '11:45'],
    // Over a weekend.
    ['2026-03-09', '17:30', 1, '2026-03-06', '17:30'],
    // Over the 2026 Spring Festival (15–23 February off) to its make-up Saturday.
    ['2026-02-24', '17:30', 1, '2026-02-14', '17:30'],
    ['2026-03-06', '17:30', 0, '2026-03-06', '17:30'],
  ])('%s %s less %s working days: %s %s', (day, clock, days, thenDay, thenClock) => {
    expect(before(day, clock, days)).toEqual(at(thenDay, thenClock));
  });

  it('is the inverse of workingTimeElapsed, over many moments and lengths', () => {
    const random = seeded(11);
    for (let i = 0; i < 300; i++) {
      const day = calendarDay(dayNumber('2026-01-05') + Math.floor(random() * 330));
      const to = at(day, ['09:10', '11:00', '12:30', '15:45', '17:30', '20:00'][i % 6]);
      const days = Math.round(random() * 1000) / 100;
      const from = workingTimeBefore(nationalCalendar, hours, to, days);
      expect(elapsed(from, to)).toBeCloseTo(days, 6);
    }
  });

  it('refuses a negative length', () => {
    expect(() => before('2026-03-06', '17:30', -1)).toThrow(RangeError);
  });
});
