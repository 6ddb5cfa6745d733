import type { YearSchedule } from './holiday-schedule';
import { NATIONAL_SCHEDULE } from './national-schedule';
import { composeCalendar } from './working-calendar';
import { yearScheduleProblems } from './year-schedule-problems';

const entry = (patch: Partial<YearSchedule>): YearSchedule => ({
  year: 2027,
  notice: {
    title: '国务院办公厅关于2027年部分节假日安排的通知',
    documentNumber: null,
    issuedOn: null,
  },
  daysOff: [{ name: '元旦', first: '2027-01-01', last: '2027-01-03' }],
  adjustedWorkdays: [],
  ...patch,
});
const codes = (schedule: YearSchedule, enteredYears: number[] = [2024, 2025, 2026]) =>
  yearScheduleProblems(schedule, { enteredYears }).map((p) => `${p.code} ${p.field}`);
const national = composeCalendar([NATIONAL_SCHEDULE]);

describe('yearScheduleProblems', () => {
  it('accepts a well-formed year (2027-01-01 is a Friday; a range may run over the weekend)', () => {
    expect(codes(entry({ adjustedWorkdays: ['2027-01-09'] }))).toEqual([]);
  });

  it('refuses a year entered twice and a year that is not one', () => {
    expect(
      codes(
        entry({ year: 2026, daysOff: [{ name: '元旦', first: '2026-01-01', last: '2026-01-03' }] }),
      ),
    ).toEqual(['YEAR_ALREADY_ENTERED year']);
    expect(codes(entry({ year: 27 }))).toEqual(['YEAR_FORMAT year']);
    expect(codes(entry({ year: 2027.5 }))).toEqual(['YEAR_FORMAT year']);
  });

  it('refuses a make-up day on a weekday, and one inside the days off', () => {
    // 2027-01-04 is a Monday; 2027-01-02 a Saturday inside 元旦.
    expect(codes(entry({ adjustedWorkdays: ['2027-01-04', '2027-01-02'] }))).toEqual([
      'ADJUSTED_WORKDAY_ON_WEEKDAY adjustedWorkdays[0]',
      'ADJUSTED_WORKDAY_IN_DAYS_OFF adjustedWorkdays[1]',
    ]);
  });

  it('refuses dates outside the year, dates that do not exist and reversed ranges', () => {
    expect(
      codes(
        entry({
          daysOff: [
            { name: '元旦', first: '2026-12-31', last: '2027-01-01' },
            { name: '春节', first: '2027-02-30', last: '2027-03-01' },
            { name: '清明节', first: '2027-04-05', last: '2027-04-03' },
          ],
          adjustedWorkdays: ['2028-01-01', '27-1-9'],
        }),
      ),
    ).toEqual([
      'DATE_OUTSIDE_YEAR daysOff[0].first',
      'DATE_FORMAT daysOff[1].first',
      'RANGE_REVERSED daysOff[2]',
      'DATE_OUTSIDE_YEAR adjustedWorkdays[0]',
      'DATE_FORMAT adjustedWorkdays[1]',
    ]);
  });

  it('refuses a day listed twice: in two ranges, or twice as a workday', () => {
    expect(
      codes(
        entry({
          daysOff: [
            { name: '元旦', first: '2027-01-01', last: '2027-01-03' },
            { name: '元旦', first: '2027-01-01', last: '2027-01-01' },
          ],
          adjustedWorkdays: ['2027-01-09', '2027-01-09'],
        }),
      ),
    ).toEqual(['DAY_LISTED_TWICE daysOff[1]', 'DAY_LISTED_TWICE adjustedWorkdays[1]']);
  });

  it('refuses days off that are all days off already (a lone ordinary weekend)', () => {
    // 2027-01-09/10 are Saturday and Sunday.
    expect(
      codes(entry({ daysOff: [{ name: '某节', first: '2027-01-09', last: '2027-01-10' }] })),
    ).toEqual(['DAYS_OFF_ALREADY_OFF daysOff[0]']);
    // A workday inside the same range does not rescue it: the two clash.
    expect(
      codes(
        entry({
          daysOff: [{ name: '某节', first: '2027-01-09', last: '2027-01-09' }],
          adjustedWorkdays: ['2027-01-09'],
        }),
      ),
    ).toEqual([
      'DAYS_OFF_ALREADY_OFF daysOff[0]',
      'ADJUSTED_WORKDAY_IN_DAYS_OFF adjustedWorkdays[0]',
    ]);
  });

  it('asks for the holiday’s name', () => {
    expect(
      codes(entry({ daysOff: [{ name: ' ', first: '2027-01-01', last: '2027-01-01' }] })),
    ).toEqual(['NAME_REQUIRED daysOff[0].name']);
  });

  it('judges a regional or local year against the calendar below it', () => {
    const local = (daysOff: YearSchedule['daysOff'], adjustedWorkdays: string[]): YearSchedule => ({
      year: 2026,
      notice: null,
      daysOff,
      adjustedWorkdays,
    });
    const problems = (schedule: YearSchedule) =>
      yearScheduleProblems(schedule, { enteredYears: [], below: national }).map((p) => p.code);
    // The nationally adjusted Saturday 2026-02-14 may be given off locally…
    expect(
      problems(local([{ name: '县庆', first: '2026-02-14', last: '2026-02-14' }], [])),
    ).toEqual([]);
    // …but a day already off nationally declares nothing,
    expect(
      problems(local([{ name: '县庆', first: '2026-10-02', last: '2026-10-03' }], [])),
    ).toEqual(['DAYS_OFF_ALREADY_OFF']);
    // and a Saturday already made up nationally is working already.
    expect(problems(local([], ['2026-02-28']))).toEqual(['ADJUSTED_WORKDAY_ALREADY_WORKING']);
    expect(problems(local([], ['2026-03-07']))).toEqual([]);
  });

  it('falls back to the plain week when the layers below lack the year', () => {
    const problems = yearScheduleProblems(entry({ adjustedWorkdays: ['2027-01-09'] }), {
      enteredYears: [],
      below: national,
    });
    expect(problems).toEqual([]);
  });

  it('words every problem in both languages', () => {
    const problems = yearScheduleProblems(
      entry({
        year: 2026,
        daysOff: [
          { name: '', first: '2026-13-01', last: '2026-01-01' },
          { name: '某节', first: '2026-03-07', last: '2026-03-08' },
          { name: '某节', first: '2026-05-03', last: '2026-05-01' },
        ],
        adjustedWorkdays: ['2026-03-09', '2025-03-08'],
      }),
      { enteredYears: [2026] },
    );
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const problem of problems) {
      expect(problem.message.zhCN).toMatch(/[\u4e00-\u9fff]/);
      expect(problem.message.enUS).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
