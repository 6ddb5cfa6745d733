import { DEFAULT_BUSINESS_HOURS } from '../calendar/business-hours';
import { guangxiCalendar } from '../calendar/test-calendars';
import {
  AppealDecision,
  afterAppeal,
  appealRefusal,
  callbackRefusal,
  closeRefusal,
  rectificationDue,
  RectificationStatus,
} from './rectification';

const guangxi = { calendar: guangxiCalendar, hours: DEFAULT_BUSINESS_HOURS };

describe('bad-review rectification', () => {
  it('is due at close of business of the 15th working day after the review', () => {
    // Mon 2026-03-02 10:00 Beijing: day 0 that Monday; 15 working days → Mon 2026-03-23.
    const { dueAt, provisional } = rectificationDue(guangxi, new Date('2026-03-02T02:00:00Z'), 15);
    expect(provisional).toBe(false);
    expect(dueAt.toISOString()).toBe('2026-03-23T09:30:00.000Z');
  });

  it('skips the holidays of the calendar (国庆 2026: Oct 1–7 off)', () => {
    // Wed 2026-09-30 10:00: day 0 Sep 30; Oct 1–7 off (Sat Oct 10 is an adjusted workday).
    const { dueAt } = rectificationDue(guangxi, new Date('2026-09-30T02:00:00Z'), 1);
    expect(dueAt.toISOString()).toBe('2026-10-08T09:30:00.000Z');
  });

  it('counts a review after close of business from the next working day', () => {
    // Fri 2026-03-06 18:00: day 0 Mon 9; 1 working day → Tue 10.
    const { dueAt } = rectificationDue(guangxi, new Date('2026-03-06T10:00:00Z'), 1);
    expect(dueAt.toISOString()).toBe('2026-03-10T09:30:00.000Z');
  });

  it('is not closed without a callback on record, nor unless open', () => {
    expect(closeRefusal(RectificationStatus.OPEN, 0)).toBe('NO_CALLBACK');
    expect(closeRefusal(RectificationStatus.OPEN, 1)).toBeNull();
    expect(closeRefusal(RectificationStatus.APPEALED, 1)).toBe('NOT_OPEN');
    expect(closeRefusal(RectificationStatus.CLOSED, 1)).toBe('NOT_OPEN');
    expect(closeRefusal(RectificationStatus.VOIDED, 1)).toBe('NOT_OPEN');
  });

  it('records a callback made between the review and now, on a case not finished', () => {
    const opened = new Date('2026-03-02T02:00:00Z');
    const now = new Date('2026-03-03T02:00:00Z');
    const call = new Date('2026-03-02T08:00:00Z');
    expect(callbackRefusal(RectificationStatus.OPEN, opened, call, now)).toBeNull();
    expect(callbackRefusal(RectificationStatus.APPEALED, opened, call, now)).toBeNull();
    expect(callbackRefusal(RectificationStatus.CLOSED, opened, call, now)).toBe('NOT_OPEN');
    expect(
      callbackRefusal(RectificationStatus.OPEN, opened, new Date('2026-03-04T00:00:00Z'), now),
    ).toBe('CALLED_IN_FUTURE');
    expect(
      callbackRefusal(RectificationStatus.OPEN, opened, new Date('2026-03-01T00:00:00Z'), now),
    ).toBe('CALLED_BEFORE_REVIEW');
    // Given to the minute: the review's own minute is not before it.
    const reviewed = new Date('2026-03-02T02:00:42Z');
    const sameMinute = new Date('2026-03-02T02:00:00Z');
    expect(callbackRefusal(RectificationStatus.OPEN, reviewed, sameMinute, now)).toBeNull();
    expect(
      callbackRefusal(RectificationStatus.OPEN, reviewed, new Date('2026-03-02T01:59:59Z'), now),
    ).toBe('CALLED_BEFORE_REVIEW');
  });

  it('takes an appeal on an open case; upheld voids it, dismissed reopens it', () => {
    expect(appealRefusal(RectificationStatus.OPEN)).toBeNull();
    expect(appealRefusal(RectificationStatus.APPEALED)).toBe('NOT_OPEN');
    expect(appealRefusal(RectificationStatus.CLOSED)).toBe('NOT_OPEN');
    expect(afterAppeal(RectificationStatus.APPEALED, AppealDecision.UPHELD)).toBe(
      RectificationStatus.VOIDED,
    );
    expect(afterAppeal(RectificationStatus.APPEALED, AppealDecision.DISMISSED)).toBe(
      RectificationStatus.OPEN,
    );
    expect(afterAppeal(RectificationStatus.OPEN, AppealDecision.UPHELD)).toBe('NOT_APPEALED');
  });
});
