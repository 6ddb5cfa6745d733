import { CalendarLayerKind, type CalendarLayer } from './holiday-schedule';
import { NATIONAL_SCHEDULE } from './national-schedule';
import { REGIONAL_SCHEDULES } from './regional-schedules';
import { DONGCHENG, guangxiCalendar, LIUCHENG, nationalCalendar, seeded } from './test-calendars';
import { calendarDay, dayNumber } from './calendar-day';
import {
  addWorkingDays,
  CalendarYearUnknownError,
  composeCalendar,
  isWorkingDay,
  layersFor,
  nextWorkingDay,
} from './working-calendar';

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-13', true, 'Friday before the Spring Festival'],
    ['2026-02-14', true, 'Saturday declared an adjusted workday'],
    ['2026-02-15', false, 'first day of the Spring Festival (a Sunday)'],
    ['2026-02-16', false, '除夕, a Monday off'],
    ['2026-02-23', false, 'last day off (a Monday)'],
    ['2026-02-24', true, 'back at work'],
    ['2026-02-28', true, 'Saturday made up after the festival'],
    ['2026-03-01', false, 'an ordinary Sunday'],
    ['2026-01-04', true, 'Sunday made up after 元旦'],
    ['2026-09-20', true, 'Sunday made up before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the Golden Week (a Wednesday)'],
    ['2026-10-08', true, 'back at work'],
    ['2026-10-10', true, 'Saturday made up after National Day'],
    ['2025-10-08', false, '2025: 国庆节、中秋节 run to 8 October'],
    ['2024-02-09', true, '除夕 2024 was not a day off'],
    ['2024-12-31', true, 'an ordinary Tuesday'],
  ])('%s is %s (%s)', (day, working) => {
    expect(isWorkingDay(nationalCalendar, day)).toBe(working);
    expect(isWorkingDay(guangxiCalendar, day)).toBe(working);
  });

  it('gives Guangxi 壮族三月三 off, and no one else', () => {
    for (const day of [
      '2026-04-17',
      '2026-04-20',
      '2025-03-31',
      '2025-04-01',
      '2024-04-11',
      '2024-04-12',
    ]) {
      expect(isWorkingDay(guangxiCalendar, day)).toBe(false);
      expect(isWorkingDay(nationalCalendar, day)).toBe(true);
    }
    expect(isWorkingDay(guangxiCalendar, '2026-04-21')).toBe(true);
  });

  it('refuses a year no notice covers rather than guessing weekdays', () => {
    expect(() => isWorkingDay(nationalCalendar, '2027-01-04')).toThrow(CalendarYearUnknownError);
    expect(() => isWorkingDay(nationalCalendar, '2023-12-29')).toThrow(/2023/);
    let caught: unknown;
    try {
      isWorkingDay(guangxiCalendar, '2027-03-01');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarYearUnknownError);
    expect(caught).toMatchObject({ year: 2027, missingFrom: ['国务院办公厅', '广西壮族自治区'] });
    // Counting that runs into an unknown year fails too (2026-12-31 is a Thursday).
    expect(() => addWorkingDays(nationalCalendar, '2026-12-30', 3)).toThrow(
      CalendarYearUnknownError,
    );
  });

  it('knows a year only when the region has published it as well', () => {
    const withNational2027: CalendarLayer = {
      ...NATIONAL_SCHEDULE,
      years: [
        ...NATIONAL_SCHEDULE.years,
        { year: 2027, notice: null, daysOff: [], adjustedWorkdays: [] },
      ],
    };
    const beijing = composeCalendar(layersFor(DONGCHENG, withNational2027, REGIONAL_SCHEDULES));
    const liucheng = composeCalendar(layersFor(LIUCHENG, withNational2027, REGIONAL_SCHEDULES));
    expect(isWorkingDay(beijing, '2027-03-01')).toBe(true);
    expect(() => isWorkingDay(liucheng, '2027-03-01')).toThrow(/广西壮族自治区/);
  });
});

describe('a tenant inherits its ancestors’ local days', () => {
  const local = (
    name: string,
    daysOff: [string, string][],
    adjustedWorkdays: string[],
  ): CalendarLayer => ({
    kind: CalendarLayerKind.LOCAL,
    name,
    divisionPrefix: null,
    years: [
      {
        year: 2026,
        notice: null,
        daysOff: daysOff.map(([first, last]) => ({ name: name, first, last })),
        adjustedWorkdays,
      },
    ],
  });
  const county = local('柳城县', [['2026-03-16', '2026-03-16']], []);
  const township = local('大埔镇', [], ['2026-03-14']);
  const station = composeCalendar(
    layersFor(LIUCHENG, NATIONAL_SCHEDULE, REGIONAL_SCHEDULES, [county, township]),
  );

  it('adds the county’s day off and the township’s working Saturday on top of Guangxi’s', () => {
    expect(isWorkingDay(station, '2026-03-16')).toBe(false);
    expect(isWorkingDay(station, '2026-03-14')).toBe(true);
    expect(isWorkingDay(station, '2026-04-17')).toBe(false);
    expect(isWorkingDay(guangxiCalendar, '2026-03-16')).toBe(true);
  });

  it('lets a later layer override an earlier one day by day', () => {
    const giveAdjustedSaturdayOff = local('某县', [['2026-02-14', '2026-02-14']], []);
    const calendar = composeCalendar([NATIONAL_SCHEDULE, giveAdjustedSaturdayOff]);
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(false);
  });

  it('a local layer never makes an unknown year known', () => {
    const calendar = composeCalendar([
      NATIONAL_SCHEDULE,
      { ...county, years: [{ year: 2027, notice: null, daysOff: [], adjustedWorkdays: [] }] },
    ]);
    expect(() => isWorkingDay(calendar, '2027-03-01')).toThrow(CalendarYearUnknownError);
  });
});

describe('addWorkingDays', () => {
  it('counts across the 2026 Spring Festival and its make-up Saturdays', () => {
    expect(addWorkingDays(nationalCalendar, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(nationalCalendar, '2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays(nationalCalendar, '2026-02-13', 6)).toBe('2026-02-28');
    expect(addWorkingDays(nationalCalendar, '2026-02-13', 0)).toBe('2026-02-13');
    expect(nextWorkingDay(nationalCalendar, '2026-09-30')).toBe('2026-10-08');
  });

  it('counts across years that are known (2025 into 2026)', () => {
    // 2025-12-31 Wed; 2026-01-01..03 off, 01-04 (Sunday) worked.
    expect(addWorkingDays(nationalCalendar, '2025-12-31', 1)).toBe('2026-01-04');
    expect(addWorkingDays(nationalCalendar, '2025-12-31', 2)).toBe('2026-01-05');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(nationalCalendar, '2026-02-13', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(nationalCalendar, '2026-02-13', 1.5)).toThrow(RangeError);
  });

  it('property: adding a then b is adding a + b; the result is a working day after the start', () => {
    const random = seeded(11);
    const start = dayNumber('2024-01-01');
    for (let i = 0; i < 500; i++) {
      const calendar = random() < 0.5 ? nationalCalendar : guangxiCalendar;
      const from = calendarDay(start + Math.floor(random() * 960));
      const a = Math.floor(random() * 30);
      const b = Math.floor(random() * 30);
      const sum = addWorkingDays(calendar, from, a + b);
      expect(addWorkingDays(calendar, addWorkingDays(calendar, from, a), b)).toBe(sum);
      if (a + b > 0) {
        expect(isWorkingDay(calendar, sum)).toBe(true);
        expect(sum > from).toBe(true);
      }
    }
  });
});
