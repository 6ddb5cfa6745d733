import { beijingMoment, beijingMsOfDay, beijingDayNumber } from './beijing-time';
import { DEFAULT_BUSINESS_HOURS } from './business-hours';
import { calendarDay, dayNumber } from './calendar-day';
import { type ClockPause, dayZero, deadline, pausedDays } from './deadline';
import { guangxiCalendar, nationalCalendar, seeded } from './test-calendars';
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from './working-calendar';

const hours = DEFAULT_BUSINESS_HOURS;
/** A Beijing wall-clock moment: at('2026-02-13', '16:00'). */
const at = beijingMoment;
const due = (
  acceptedAt: Date,
  n: number,
  pauses: ClockPause[] = [],
  calendar: WorkingCalendar = nationalCalendar,
) => deadline(calendar, hours, acceptedAt, n, pauses)?.toISOString();
/** Close of business of a day, as the ISO string deadlines come out as. */
const closeOf = (day: string) => at(day, '17:30').toISOString();

describe('day 0', () => {
  it.each([
    ['a working day in business hours', '2026-03-06', '10:00', '2026-03-06'],
    ['a working day before opening', '2026-03-06', '07:00', '2026-03-06'],
    ['the lunch break', '2026-03-06', '12:30', '2026-03-06'],
    ['a minute before close', '2026-03-06', '17:29', '2026-03-06'],
    ['17:30 exactly', '2026-03-06', '17:30', '2026-03-09'],
    ['the evening', '2026-03-06', '21:00', '2026-03-09'],
    ['a Sunday', '2026-03-08', '10:00', '2026-03-09'],
    ['an adjusted working Saturday', '2026-02-14', '10:00', '2026-02-14'],
    ['an adjusted working Saturday after close', '2026-02-14', '17:45', '2026-02-24'],
    ['the Saturday before an adjusted Sunday', '2026-09-19', '10:00', '2026-09-20'],
    ['a day of the Spring Festival', '2026-02-17', '10:00', '2026-02-24'],
    ['23:59 before a working day', '2026-03-05', '23:59', '2026-03-06'],
  ])('acceptance on %s (%s %s) has day 0 %s', (_, day, clock, zero) => {
    expect(dayZero(nationalCalendar, hours, at(day, clock))).toBe(zero);
  });

  it('reads Beijing time, whatever the machine’s zone: 00:30 Beijing is the previous UTC day', () => {
    const moment = at('2026-03-09', '00:30');
    expect(moment.toISOString()).toBe('2026-03-08T16:30:00.000Z');
    expect(dayZero(nationalCalendar, hours, moment)).toBe('2026-03-09');
    expect(dayZero(nationalCalendar, hours, moment.getTime())).toBe('2026-03-09');
  });
});

describe('deadline', () => {
  it('5 working days from Friday 2026-02-13 16:00 run through the make-up Saturday and the Spring Festival', () => {
    // Day 0 Fri 13; 1 = Sat 14 (adjusted); 15–23 off; 2–5 = Tue 24 … Fri 27.
    expect(due(at('2026-02-13', '16:00'), 5)).toBe(closeOf('2026-02-27'));
    expect(due(at('2026-02-13', '16:00'), 5)).toBe('2026-02-27T09:30:00.000Z');
    // The 6th is the Saturday made up after the festival.
    expect(due(at('2026-02-13', '16:00'), 6)).toBe(closeOf('2026-02-28'));
  });

  it('an acceptance at 17:30 on 2026-02-13 starts after the make-up Saturday', () => {
    // Day 0 Sat 14; 1 = Tue 24.
    expect(due(at('2026-02-13', '17:30'), 1)).toBe(closeOf('2026-02-24'));
    expect(due(at('2026-02-13', '17:29'), 1)).toBe(closeOf('2026-02-14'));
  });

  it('National Day 2026 with both make-up days', () => {
    // Day 0 Sun 20 Sept (adjusted) for an acceptance on Saturday 19.
    expect(due(at('2026-09-19', '10:00'), 1)).toBe(closeOf('2026-09-21'));
    // Day 0 Wed 30 Sept; 1–7 Oct off; 1 = Thu 8, 2 = Fri 9, 3 = Sat 10 (adjusted).
    expect(due(at('2026-09-30', '10:00'), 3)).toBe(closeOf('2026-10-10'));
    expect(due(at('2026-09-30', '10:00'), 4)).toBe(closeOf('2026-10-12'));
  });

  it('the lunch break and before opening keep the same day 0; a Sunday moves it', () => {
    expect(due(at('2026-03-06', '12:15'), 1)).toBe(closeOf('2026-03-09'));
    expect(due(at('2026-03-06', '06:00'), 1)).toBe(closeOf('2026-03-09'));
    expect(due(at('2026-03-08', '10:00'), 1)).toBe(closeOf('2026-03-10'));
  });

  it('2 working days from Thursday 2026-04-16: Guangxi’s 三月三 (17–20 April) vs the rest of China', () => {
    expect(due(at('2026-04-16', '10:00'), 2, [], guangxiCalendar)).toBe(closeOf('2026-04-22'));
    expect(due(at('2026-04-16', '10:00'), 2, [], nationalCalendar)).toBe(closeOf('2026-04-20'));
  });

  it('0 working days ends at close of day 0; extensions add working days', () => {
    expect(due(at('2026-03-06', '10:00'), 0)).toBe(closeOf('2026-03-06'));
    expect(deadline(nationalCalendar, hours, at('2026-03-02', '09:00'), 5, [], 2)).toEqual(
      deadline(nationalCalendar, hours, at('2026-03-02', '09:00'), 7),
    );
    expect(() => deadline(nationalCalendar, hours, at('2026-03-02', '09:00'), -1)).toThrow(
      RangeError,
    );
  });

  it('ends at the tenant’s own close of business', () => {
    const late = {
      periods: [
        { opens: '09:00', closes: '12:00' },
        { opens: '13:30', closes: '18:00' },
      ],
    };
    // 17:45 is before this hall's close: day 0 stays Friday.
    expect(deadline(nationalCalendar, late, at('2026-03-06', '17:45'), 1)?.toISOString()).toBe(
      at('2026-03-09', '18:00').toISOString(),
    );
  });
});

describe('pauses', () => {
  // Accepted Mon 2026-03-02 09:00, 5 working days: Tue 3 … Mon 9 without a pause.
  const accepted = at('2026-03-02', '09:00');

  it('without a pause: Monday 9 March', () => {
    expect(due(accepted, 5)).toBe(closeOf('2026-03-09'));
  });

  it('a pause spanning a weekend excludes its first and last working days (Fri 6, Mon 9)', () => {
    const pause = { from: at('2026-03-06', '15:00'), to: at('2026-03-09', '11:00') };
    expect(pausedDays(nationalCalendar, hours, pause)).toEqual({
      first: '2026-03-06',
      last: '2026-03-09',
    });
    // 1 Tue 3, 2 Wed 4, 3 Thu 5, (Fri 6, Mon 9 paused), 4 Tue 10, 5 Wed 11.
    expect(due(accepted, 5, [pause])).toBe(closeOf('2026-03-11'));
  });

  it('a pause starting after hours starts on the next working day', () => {
    const pause = { from: at('2026-03-05', '18:00'), to: at('2026-03-06', '10:00') };
    expect(pausedDays(nationalCalendar, hours, pause)).toEqual({
      first: '2026-03-06',
      last: '2026-03-06',
    });
    // Thu 5 still counts: 3, 4, 5, (6), 9, 10.
    expect(due(accepted, 5, [pause])).toBe(closeOf('2026-03-10'));
  });

  it('a pause ending after hours ends on the next working day, which is excluded too', () => {
    const pause = { from: at('2026-03-05', '10:00'), to: at('2026-03-06', '18:00') };
    expect(pausedDays(nationalCalendar, hours, pause)).toEqual({
      first: '2026-03-05',
      last: '2026-03-09',
    });
    // 3, 4, (5, 6, 9), 10, 11, 12.
    expect(due(accepted, 5, [pause])).toBe(closeOf('2026-03-12'));
  });

  it('a pause of an hour inside a working day excludes that whole day', () => {
    const pause = { from: at('2026-03-04', '10:00'), to: at('2026-03-04', '11:00') };
    expect(due(accepted, 5, [pause])).toBe(closeOf('2026-03-10'));
  });

  it('a pause from Friday evening to Sunday excludes the Monday alone', () => {
    const pause = { from: at('2026-03-06', '18:00'), to: at('2026-03-08', '12:00') };
    expect(pausedDays(nationalCalendar, hours, pause)).toEqual({
      first: '2026-03-09',
      last: '2026-03-09',
    });
    expect(due(accepted, 5, [pause])).toBe(closeOf('2026-03-10'));
  });

  it('a pause on day 0 changes nothing: day 0 never counts anyway', () => {
    const pause = { from: at('2026-03-02', '10:00'), to: at('2026-03-02', '11:00') };
    expect(due(accepted, 5, [pause])).toBe(closeOf('2026-03-09'));
  });

  it('overlapping pauses exclude their union; two pauses add up', () => {
    const a = { from: at('2026-03-03', '10:00'), to: at('2026-03-04', '10:00') };
    const b = { from: at('2026-03-04', '09:00'), to: at('2026-03-05', '10:00') };
    // (3, 4, 5), 6, 9, 10, 11, 12.
    expect(due(accepted, 5, [a, b])).toBe(closeOf('2026-03-12'));
    const c = { from: at('2026-03-10', '10:00'), to: at('2026-03-10', '16:00') };
    // (3, 4, 5), 6, 9, (10), 11, 12, 13.
    expect(due(accepted, 5, [a, b, c])).toBe(closeOf('2026-03-13'));
  });

  it('a pause across the Spring Festival excludes only the working days in it', () => {
    // Accepted Wed 2026-02-11 10:00, 5 days; paused Fri 13 10:00 to Tue 24 10:00.
    // 1 Thu 12, (Fri 13, Sat 14, Tue 24), 2 Wed 25, 3 Thu 26, 4 Fri 27, 5 Sat 28.
    const pause = { from: at('2026-02-13', '10:00'), to: at('2026-02-24', '10:00') };
    expect(due(at('2026-02-11', '10:00'), 5, [pause])).toBe(closeOf('2026-02-28'));
  });

  it('while a pause lasts there is no deadline; a pause ending before it starts is refused', () => {
    expect(
      deadline(nationalCalendar, hours, accepted, 5, [
        { from: at('2026-03-04', '10:00'), to: null },
      ]),
    ).toBeNull();
    expect(() =>
      due(accepted, 5, [{ from: at('2026-03-04', '10:00'), to: at('2026-03-03', '10:00') }]),
    ).toThrow(RangeError);
  });
});

describe('deadline properties (seeded)', () => {
  const random = seeded(2026);
  const first = dayNumber('2024-01-01');
  const span = dayNumber('2026-09-30') - first;
  const randomMoment = (from: number, days: number) =>
    new Date(
      at(calendarDay(from + Math.floor(random() * days)), '00:00').getTime() +
        Math.floor(random() * 96) * 15 * 60_000,
    );
  const randomPause = (after: Date): ClockPause => {
    const from = randomMoment(beijingDayNumber(after), 20);
    return { from, to: new Date(from.getTime() + Math.floor(random() * 6 * 86_400_000)) };
  };

  it('is on a working day at 17:30 Beijing, grows with n, and never moves earlier for a pause', () => {
    for (let i = 0; i < 400; i++) {
      const calendar = random() < 0.5 ? nationalCalendar : guangxiCalendar;
      const acceptedAt = randomMoment(first, span);
      const n = Math.floor(random() * 25);
      const pauses = Array.from({ length: Math.floor(random() * 3) }, () =>
        randomPause(acceptedAt),
      );
      const end = deadline(calendar, hours, acceptedAt, n, pauses)!;
      const later = deadline(calendar, hours, acceptedAt, n + 1, pauses)!;
      const withOneMore = deadline(calendar, hours, acceptedAt, n, [
        ...pauses,
        randomPause(acceptedAt),
      ])!;

      expect(beijingMsOfDay(end)).toBe((17 * 60 + 30) * 60_000);
      expect(isWorkingDay(calendar, calendarDay(beijingDayNumber(end)))).toBe(true);
      expect(later.getTime()).toBeGreaterThan(end.getTime());
      expect(withOneMore.getTime()).toBeGreaterThanOrEqual(end.getTime());
      expect(end.getTime()).toBeGreaterThanOrEqual(acceptedAt.getTime());
      if (pauses.length === 0)
        expect(calendarDay(beijingDayNumber(end))).toBe(
          addWorkingDays(calendar, dayZero(calendar, hours, acceptedAt), n),
        );
    }
  });
});
