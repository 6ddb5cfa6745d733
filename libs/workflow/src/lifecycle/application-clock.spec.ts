import { ApplicationStatus as S } from './application-status';
import { beijingMoment as at } from '../calendar/beijing-time';
import { DEFAULT_BUSINESS_HOURS as hours } from '../calendar/business-hours';
import { guangxiCalendar } from '../calendar/test-calendars';
import {
  acceptanceOverdue,
  clockDeadlines,
  countedProvisionally,
  deadlineIfResumed,
  dueAt,
  workingDaysLeft,
} from './application-clock';

const liucheng = { calendar: guangxiCalendar, hours };
const facts = {
  submittedAt: at('2026-09-28', '10:00'),
  acceptedAt: at('2026-09-29', '09:00'),
  promisedDays: 3,
  statutoryDays: 20,
  pauses: [],
  extensionDays: 0,
};

describe("an application's clock", () => {
  it('counts acceptance, promised and statutory deadlines across National Day and its make-up days', () => {
    // 2026: 10-01..10-07 off, Sunday 09-27 and Saturday 10-10 worked (国办发明电〔2025〕7号).
    const deadlines = clockDeadlines(liucheng, facts);
    // Intake Mon 09-28 (day 0): Tue 29, Wed 30, Thu 08, Fri 09, Sat 10 (make-up) → Sat 10-10.
    expect(deadlines.acceptanceDueAt).toEqual(at('2026-10-10', '17:30'));
    // Accepted Tue 09-29 (day 0): Wed 30, Thu 08, Fri 09 → 3 working days.
    expect(deadlines.promisedDeadline).toEqual(at('2026-10-09', '17:30'));
    expect(deadlines.statutoryDeadline!.getTime()).toBeGreaterThan(
      deadlines.promisedDeadline!.getTime(),
    );
  });

  it('has no handling deadline before acceptance, nor while paused; an extension adds working days', () => {
    expect(clockDeadlines(liucheng, { ...facts, acceptedAt: null }).promisedDeadline).toBeNull();
    const paused = { ...facts, pauses: [{ from: at('2026-09-30', '10:00'), to: null }] };
    expect(clockDeadlines(liucheng, paused).promisedDeadline).toBeNull();
    // Two more: the make-up Saturday 10-10 and Monday 10-12.
    expect(clockDeadlines(liucheng, { ...facts, extensionDays: 2 }).promisedDeadline).toEqual(
      at('2026-10-12', '17:30'),
    );
  });

  it('while paused, says the deadline if work resumed now', () => {
    const paused = { ...facts, pauses: [{ from: at('2026-09-30', '10:00'), to: null }] };
    // Paused Wed 09-30 (excluded), resumed Thu 10-08 (excluded too): Fri 09, Sat 10, Mon 12.
    expect(deadlineIfResumed(liucheng, paused, at('2026-10-08', '09:00'))).toEqual(
      at('2026-10-12', '17:30'),
    );
    expect(deadlineIfResumed(liucheng, facts, at('2026-10-08', '09:00'))).toBeNull();
  });

  it('orders the work queue by what is due next', () => {
    const deadlines = clockDeadlines(liucheng, facts);
    expect(dueAt(S.SUBMITTED, deadlines)).toEqual(deadlines.acceptanceDueAt);
    expect(dueAt(S.IN_REVIEW, deadlines)).toEqual(deadlines.promisedDeadline);
    expect(dueAt(S.SUSPENDED, deadlines)).toBeNull();
    expect(dueAt(S.SUPPLEMENT_REQUESTED, deadlines)).toBeNull();
    expect(dueAt(S.COMPLETED, deadlines)).toBeNull();
  });

  it('measures working time left in fractions of a day, negative once overdue', () => {
    const due = at('2026-10-09', '17:30');
    expect(workingDaysLeft(liucheng, at('2026-10-09', '15:20'), due)).toBe(0.33);
    expect(workingDaysLeft(liucheng, at('2026-10-08', '17:30'), due)).toBe(1);
    // Saturday 10-10 is a make-up working day: late from its opening.
    expect(workingDaysLeft(liucheng, at('2026-10-10', '08:30'), due)).toBe(0);
    expect(workingDaysLeft(liucheng, at('2026-10-10', '10:40'), due)).toBe(-0.33);
    expect(workingDaysLeft(liucheng, at('2026-10-12', '08:30'), due)).toBe(-1);
  });

  it('flags an application neither accepted nor rejected within 5 working days', () => {
    const due = at('2026-10-10', '17:30');
    expect(acceptanceOverdue(S.SUBMITTED, due, at('2026-10-10', '17:31'))).toBe(true);
    expect(acceptanceOverdue(S.SUBMITTED, due, at('2026-10-10', '17:29'))).toBe(false);
    expect(acceptanceOverdue(S.ACCEPTED, due, at('2026-10-12', '09:00'))).toBe(false);
  });

  it('counts into a year not published yet by weekends alone, and says so', () => {
    // Accepted Mon 2026-12-28: Tue 29, Wed 30, Thu 31 known; 2027 not entered: Fri 1 January
    // counts (provisionally, though it will be 元旦), then Mon 4.
    const december = { ...facts, acceptedAt: at('2026-12-28', '10:00'), promisedDays: 5 };
    const deadlines = clockDeadlines(liucheng, december);
    expect(deadlines.provisional).toBe(true);
    expect(deadlines.promisedDeadline).toEqual(at('2027-01-04', '17:30'));
    // Within a published year nothing is provisional.
    expect(clockDeadlines(liucheng, facts).provisional).toBe(false);
    expect(countedProvisionally(liucheng, () => 1)).toEqual({ value: 1, provisional: false });
  });
});
