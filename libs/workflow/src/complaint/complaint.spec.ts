import { DEFAULT_BUSINESS_HOURS } from '../calendar/business-hours';
import { guangxiCalendar } from '../calendar/test-calendars';
import {
  actRefusal,
  ComplaintChannel,
  complaintDue,
  ComplaintStatus,
  ComplaintSubjectKind,
  isOverdue,
  normalizeComplaint,
  statusAfter,
} from './complaint';

const guangxi = { calendar: guangxiCalendar, hours: DEFAULT_BUSINESS_HOURS };
const WINDOW = '5b6c1a3e-0d6b-4f43-9a43-2f3a3c1d0001';
const STAFF = '5b6c1a3e-0d6b-4f43-9a43-2f3a3c1d0002';

const entry = {
  windowId: WINDOW,
  channel: ComplaintChannel.IN_PERSON,
  complainantName: ' 张三 ',
  complainantPhone: '138 0000 1234',
  content: ' 窗口人员态度生硬 ',
};

describe('complaints', () => {
  it('is due at close of business of the 15th working day after receipt', () => {
    // Mon 2026-03-02 10:00 Beijing: day 0 that Monday; 15 working days → Mon 2026-03-23.
    const { dueAt, provisional } = complaintDue(guangxi, new Date('2026-03-02T02:00:00Z'), 15);
    expect(provisional).toBe(false);
    expect(dueAt.toISOString()).toBe('2026-03-23T09:30:00.000Z');
  });

  it('skips holidays and counts a complaint after hours from the next working day', () => {
    // Wed 2026-09-30 18:00: day 0 Thu Oct 8 (Oct 1–7 off); 1 working day → Fri Oct 9.
    const { dueAt } = complaintDue(guangxi, new Date('2026-09-30T10:00:00Z'), 1);
    expect(dueAt.toISOString()).toBe('2026-10-09T09:30:00.000Z');
  });

  it('is overdue only while open and past due', () => {
    const due = new Date('2026-03-23T09:30:00Z');
    const after = new Date('2026-03-23T09:30:01Z');
    expect(isOverdue(ComplaintStatus.RECEIVED, due, after)).toBe(true);
    expect(isOverdue(ComplaintStatus.IN_PROGRESS, due, after)).toBe(true);
    expect(isOverdue(ComplaintStatus.RECEIVED, due, due)).toBe(false);
    expect(isOverdue(ComplaintStatus.RESOLVED, due, after)).toBe(false);
    expect(isOverdue(ComplaintStatus.CLOSED, due, after)).toBe(false);
  });

  it('moves RECEIVED → IN_PROGRESS → RESOLVED, or to CLOSED; final states refuse every act', () => {
    expect(statusAfter(ComplaintStatus.RECEIVED, 'ASSIGN')).toBe(ComplaintStatus.IN_PROGRESS);
    expect(statusAfter(ComplaintStatus.IN_PROGRESS, 'NOTE')).toBe(ComplaintStatus.IN_PROGRESS);
    expect(statusAfter(ComplaintStatus.RECEIVED, 'RESOLVE')).toBe(ComplaintStatus.RESOLVED);
    expect(statusAfter(ComplaintStatus.IN_PROGRESS, 'CLOSE')).toBe(ComplaintStatus.CLOSED);
    for (const act of ['ASSIGN', 'NOTE', 'RESOLVE', 'CLOSE'] as const) {
      expect(actRefusal(ComplaintStatus.RECEIVED, act)).toBeNull();
      expect(actRefusal(ComplaintStatus.IN_PROGRESS, act)).toBeNull();
      expect(actRefusal(ComplaintStatus.RESOLVED, act)).toBe('NOT_OPEN');
      expect(actRefusal(ComplaintStatus.CLOSED, act)).toBe('NOT_OPEN');
    }
  });

  it('stores a complaint trimmed, its mobile number compacted', () => {
    const { complaint, problems } = normalizeComplaint(entry);
    expect(problems).toEqual([]);
    expect(complaint).toEqual({
      subject: { kind: ComplaintSubjectKind.WINDOW, id: WINDOW },
      channel: ComplaintChannel.IN_PERSON,
      complainantName: '张三',
      complainantPhone: '13800001234',
      content: '窗口人员态度生硬',
    });
    expect(
      normalizeComplaint({ ...entry, complainantPhone: '0772-7612345' }).complaint,
    ).toMatchObject({ complainantPhone: '0772-7612345' });
    expect(normalizeComplaint({ ...entry, complainantPhone: '  ' }).complaint).toMatchObject({
      complainantPhone: null,
    });
  });

  it('is about exactly one window, staff member or application', () => {
    const none = normalizeComplaint({ ...entry, windowId: null });
    expect(none.complaint).toBeNull();
    expect(none.problems.map((p) => p.code)).toEqual(['ONE_SUBJECT']);
    const two = normalizeComplaint({ ...entry, staffId: STAFF });
    expect(two.problems.map((p) => p.code)).toEqual(['ONE_SUBJECT']);
    expect(
      normalizeComplaint({ ...entry, windowId: undefined, staffId: STAFF }).complaint?.subject,
    ).toEqual({ kind: ComplaintSubjectKind.STAFF, id: STAFF });
  });

  it('names every problem at once', () => {
    const { problems } = normalizeComplaint({
      ...entry,
      complainantName: ' ',
      complainantPhone: '12345',
      content: '投'.repeat(2001),
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['complainantName', 'REQUIRED'],
      ['content', 'TOO_LONG'],
      ['complainantPhone', 'PHONE_FORMAT'],
    ]);
  });
});
