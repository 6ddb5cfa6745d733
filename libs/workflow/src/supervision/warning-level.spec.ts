import { beijingMoment as at } from '../calendar/beijing-time';
import { DEFAULT_BUSINESS_HOURS } from '../calendar/business-hours';
import { guangxiCalendar } from '../calendar/test-calendars';
import { ApplicationStatus as S } from '../lifecycle/application-status';
import { SUPERVISION_DEFAULTS } from './supervision-settings';
import {
  WarningKind,
  WarningLevel,
  warningKindOf,
  warningSchedule,
  yellowThreshold,
} from './warning-level';

const calendar = { calendar: guangxiCalendar, hours: DEFAULT_BUSINESS_HOURS };
const handled = (promisedDays: number, dueAt: Date, extensionDays = 0) => ({
  status: S.IN_REVIEW,
  dueAt,
  promisedDays,
  statutoryDays: promisedDays * 2,
  extensionDays,
});

describe('deadline warnings (DESIGN.md §4.4)', () => {
  it('turn YELLOW at 20 % of the promised time or 1 working day left, whichever comes first', () => {
    expect(yellowThreshold(20, SUPERVISION_DEFAULTS)).toBe(4);
    expect(yellowThreshold(3, SUPERVISION_DEFAULTS)).toBe(1);
    expect(yellowThreshold(20, { ...SUPERVISION_DEFAULTS, yellowShare: 0.1 })).toBe(2);
  });

  it('schedule YELLOW, then RED the instant after the deadline, then nothing', () => {
    // 20 working days promised, due Friday 2026-03-20 17:30: YELLOW 4 working days before.
    const due = at('2026-03-20', '17:30');
    const facts = handled(20, due);
    const before = warningSchedule(
      calendar,
      facts,
      SUPERVISION_DEFAULTS,
      at('2026-03-10', '09:00'),
    );
    expect(before).toEqual({
      kind: WarningKind.DEADLINE,
      reached: [],
      nextCheckAt: at('2026-03-16', '17:30'),
      yellowAt: at('2026-03-16', '17:30'),
    });
    const yellow = warningSchedule(
      calendar,
      facts,
      SUPERVISION_DEFAULTS,
      at('2026-03-17', '10:00'),
    );
    expect(yellow.reached).toEqual([WarningLevel.YELLOW]);
    expect(yellow.nextCheckAt).toEqual(new Date(due.getTime() + 1));
    // At the deadline itself it is not late yet.
    expect(warningSchedule(calendar, facts, SUPERVISION_DEFAULTS, due).reached).toEqual([
      WarningLevel.YELLOW,
    ]);
    const red = warningSchedule(calendar, facts, SUPERVISION_DEFAULTS, at('2026-03-20', '17:31'));
    expect(red.reached).toEqual([WarningLevel.YELLOW, WarningLevel.RED]);
    expect(red.nextCheckAt).toBeNull();
  });

  it('count the threshold in working days over holidays: 三月三 in Guangxi', () => {
    // Due Tuesday 2026-04-21 17:30; Guangxi had 17–20 April off (三月三 with the weekend):
    // one working day before is Thursday 16 April.
    const facts = handled(3, at('2026-04-21', '17:30'));
    expect(
      warningSchedule(calendar, facts, SUPERVISION_DEFAULTS, at('2026-04-15', '09:00')).yellowAt,
    ).toEqual(at('2026-04-16', '17:30'));
  });

  it('count extensions into the promised time', () => {
    const due = at('2026-03-20', '17:30');
    // 15 + 5 days: 20 % is 4 days, as above.
    expect(
      warningSchedule(
        calendar,
        handled(15, due, 5),
        SUPERVISION_DEFAULTS,
        at('2026-03-10', '09:00'),
      ).yellowAt,
    ).toEqual(at('2026-03-16', '17:30'));
  });

  it('watch acceptance within 5 working days, and nothing while the clock is paused or forwarded', () => {
    expect(warningKindOf(S.SUBMITTED)).toBe(WarningKind.ACCEPTANCE);
    const submitted = {
      status: S.SUBMITTED,
      dueAt: at('2026-03-13', '17:30'),
      promisedDays: 20,
      statutoryDays: 20,
      extensionDays: 0,
    };
    // max(20 % of 5, 1) = 1 working day before.
    expect(
      warningSchedule(calendar, submitted, SUPERVISION_DEFAULTS, at('2026-03-09', '09:00'))
        .yellowAt,
    ).toEqual(at('2026-03-12', '17:30'));
    for (const status of [S.SUSPENDED, S.SUPPLEMENT_REQUESTED, S.FORWARDED, S.COMPLETED]) {
      expect(
        warningSchedule(
          calendar,
          { ...submitted, status },
          SUPERVISION_DEFAULTS,
          at('2026-03-20', '09:00'),
        ),
      ).toEqual({ kind: null, reached: [], nextCheckAt: null, yellowAt: null });
    }
  });
});
