import { DEFAULT_BUSINESS_HOURS } from './business-hours';
import { deadline } from './deadline';
import { beijingMoment as at } from './beijing-time';
import { NATIONAL_SCHEDULE } from './national-schedule';
import { REGIONAL_SCHEDULES } from './regional-schedules';
import { tenantCalendarLayers } from './tenant-layers';
import { CalendarYearUnknownError, composeCalendar, isWorkingDay } from './working-calendar';

const shipped = { national: NATIONAL_SCHEDULE, regional: REGIONAL_SCHEDULES };
const year2027 = (name: string) => ({
  year: 2027,
  notice: { title: `${name} 2027（测试）`, documentNumber: null, issuedOn: null },
  daysOff: [{ name: '元旦', first: '2027-01-01', last: '2027-01-01' }],
  adjustedWorkdays: [],
});

describe("a tenant's layers, shipped and entered", () => {
  it('knows a year only once the nation and the region have both entered it', () => {
    const nationalOnly = composeCalendar(
      tenantCalendarLayers('450222', shipped, {
        national: [year2027('国务院')],
        regional: [],
        local: [],
      }),
    );
    expect(() => isWorkingDay(nationalOnly, '2027-01-04')).toThrow(CalendarYearUnknownError);
    const both = composeCalendar(
      tenantCalendarLayers('450222', shipped, {
        national: [year2027('国务院')],
        regional: [
          {
            divisionCode: '450000',
            name: '广西壮族自治区',
            years: [{ ...year2027('广西'), daysOff: [] }],
          },
        ],
        local: [],
      }),
    );
    expect(isWorkingDay(both, '2027-01-01')).toBe(false);
    expect(isWorkingDay(both, '2027-01-04')).toBe(true);
    // Beijing has no such region: the national year suffices there.
    const beijing = composeCalendar(
      tenantCalendarLayers('110101', shipped, {
        national: [year2027('国务院')],
        regional: [],
        local: [],
      }),
    );
    expect(isWorkingDay(beijing, '2027-01-04')).toBe(true);
  });

  it('adds local days of every ancestor, the tenant last; a shipped year is never replaced', () => {
    const layers = tenantCalendarLayers('450222203', shipped, {
      national: [{ ...year2027('国务院'), year: 2026, daysOff: [] }],
      regional: [],
      local: [
        {
          name: '柳城县',
          years: [
            {
              year: 2026,
              notice: null,
              daysOff: [{ name: '县庆', first: '2026-03-10', last: '2026-03-10' }],
              adjustedWorkdays: [],
            },
          ],
        },
        {
          name: '马山镇',
          years: [{ year: 2026, notice: null, daysOff: [], adjustedWorkdays: ['2026-03-14'] }],
        },
      ],
    });
    const calendar = composeCalendar(layers);
    expect(isWorkingDay(calendar, '2026-03-10')).toBe(false);
    expect(isWorkingDay(calendar, '2026-03-14')).toBe(true);
    // The shipped 2026 stands: National Day is still off.
    expect(isWorkingDay(calendar, '2026-10-01')).toBe(false);
    // A deadline skips the local day off: accepted Mon 9 March, 2 days: Wed 11, Thu 12.
    expect(deadline(calendar, DEFAULT_BUSINESS_HOURS, at('2026-03-09', '10:00'), 2)).toEqual(
      at('2026-03-12', '17:30'),
    );
  });
});
