import { calendarDay, dayNumber, weekdayOf } from './calendar-day';
import { type CalendarLayer } from './holiday-schedule';
import { NATIONAL_SCHEDULE } from './national-schedule';
import { REGIONAL_SCHEDULES } from './regional-schedules';
import { composeCalendar } from './working-calendar';
import { yearScheduleProblems } from './year-schedule-problems';

const lunar = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
  timeZone: 'UTC',
  month: 'long',
  day: 'numeric',
});
/** The lunar month and day of a day, e.g. 正月1日. */
const lunarDate = (day: number) => lunar.format(new Date(day * 86_400_000));

const daysOf = (range: { first: string; last: string }) => {
  const days: number[] = [];
  for (let day = dayNumber(range.first); day <= dayNumber(range.last); day++) days.push(day);
  return days;
};

const rangeNamed = (layer: CalendarLayer, year: number, name: string) => {
  const range = layer.years.find((y) => y.year === year)?.daysOff.find((r) => r.name === name);
  if (!range) throw new Error(`${name} ${year} missing`);
  return range;
};

describe('the shipped national schedule', () => {
  it('holds 2024, 2025 and 2026, each citing its notice, and nothing for 2027', () => {
    expect(NATIONAL_SCHEDULE.years.map((year) => year.year)).toEqual([2024, 2025, 2026]);
    expect(NATIONAL_SCHEDULE.years.map((year) => year.notice?.documentNumber)).toEqual([
      '国办发明电〔2023〕7号',
      '国办发明电〔2024〕12号',
      '国办发明电〔2025〕7号',
    ]);
    for (const year of NATIONAL_SCHEDULE.years)
      expect(year.notice?.title).toBe(`国务院办公厅关于${year.year}年部分节假日安排的通知`);
  });

  it('passes the checks an operator entry must pass, year by year', () => {
    for (const year of NATIONAL_SCHEDULE.years)
      expect(yearScheduleProblems(year, { enteredYears: [] })).toEqual([]);
  });

  it('has as many days off per holiday as the notices count (共N天)', () => {
    const counts = (year: number) =>
      NATIONAL_SCHEDULE.years
        .find((y) => y.year === year)!
        .daysOff.map((range) => `${range.name}${daysOf(range).length}`);
    expect(counts(2024)).toEqual([
      '元旦1',
      '春节8',
      '清明节3',
      '劳动节5',
      '端午节1',
      '中秋节3',
      '国庆节7',
    ]);
    expect(counts(2025)).toEqual([
      '元旦1',
      '春节8',
      '清明节3',
      '劳动节5',
      '端午节3',
      '国庆节、中秋节8',
    ]);
    expect(counts(2026)).toEqual([
      '元旦3',
      '春节9',
      '清明节3',
      '劳动节5',
      '端午节3',
      '中秋节3',
      '国庆节7',
    ]);
  });

  it('puts the lunar festivals on their lunar days', () => {
    const contains = (year: number, name: string, lunarDay: string) =>
      expect(daysOf(rangeNamed(NATIONAL_SCHEDULE, year, name)).map(lunarDate)).toContain(lunarDay);
    for (const year of [2024, 2025, 2026]) contains(year, '春节', '正月1日');
    for (const year of [2024, 2025, 2026]) contains(year, '端午节', '五月5日');
    contains(2024, '中秋节', '八月15日');
    contains(2025, '国庆节、中秋节', '八月15日');
    contains(2026, '中秋节', '八月15日');
    // 除夕 is a day off from 2025 on (the 2024 notice only encouraged it).
    contains(2025, '春节', '腊月29日');
    contains(2026, '春节', '腊月29日');
  });

  it('declares every adjusted workday on the weekday the notices name', () => {
    const weekdays = NATIONAL_SCHEDULE.years.flatMap((year) =>
      year.adjustedWorkdays.map((day) => `${day} ${'日一二三四五六'[weekdayOf(dayNumber(day))]}`),
    );
    expect(weekdays).toEqual([
      '2024-02-04 日',
      '2024-02-18 日',
      '2024-04-07 日',
      '2024-04-28 日',
      '2024-05-11 六',
      '2024-09-14 六',
      '2024-09-29 日',
      '2024-10-12 六',
      '2025-01-26 日',
      '2025-02-08 六',
      '2025-04-27 日',
      '2025-09-28 日',
      '2025-10-11 六',
      '2026-01-04 日',
      '2026-02-14 六',
      '2026-02-28 六',
      '2026-05-09 六',
      '2026-09-20 日',
      '2026-10-10 六',
    ]);
  });
});

describe("Guangxi's 壮族三月三", () => {
  const guangxi = REGIONAL_SCHEDULES.find((layer) => layer.divisionPrefix === '45')!;

  it('gives the 3rd and 4th of the third lunar month off in every year it holds', () => {
    expect(guangxi.years.map((year) => year.year)).toEqual([2024, 2025, 2026]);
    for (const year of guangxi.years) {
      const lunarDays = daysOf(year.daysOff[0]).map(lunarDate);
      expect(lunarDays).toEqual(expect.arrayContaining(['三月3日', '三月4日']));
    }
  });

  it('is 11–12 April 2024, 31 March–1 April 2025 and 17–20 April 2026', () => {
    expect(guangxi.years.map((year) => year.daysOff.map((r) => `${r.first}/${r.last}`))).toEqual([
      ['2024-04-11/2024-04-12'],
      ['2025-03-31/2025-04-01'],
      ['2026-04-17/2026-04-20'],
    ]);
  });

  it('passes the checks against the national calendar below it', () => {
    const national = composeCalendar([NATIONAL_SCHEDULE]);
    for (const year of guangxi.years)
      expect(yearScheduleProblems(year, { enteredYears: [], below: national })).toEqual([]);
  });
});

it('day numbers round-trip (leap days included)', () => {
  for (const day of ['2024-02-29', '2025-12-31', '2026-01-01', '1970-01-01'])
    expect(calendarDay(dayNumber(day))).toBe(day);
  expect(() => dayNumber('2026-02-29')).toThrow(RangeError);
});
