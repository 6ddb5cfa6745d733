import type { BusinessHours } from '../calendar/business-hours';
import { deadline } from '../calendar/deadline';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { countedProvisionally } from '../lifecycle/application-clock';

/**
 * 投诉 (issue 12): the center's complaint window logs a complaint against a window, a staff
 * member or an application; it is due in the tenant's complaint working days and ends
 * RESOLVED with an outcome and what was done, or CLOSED with a reason (withdrawn, a
 * duplicate, not the center's to handle). RECEIVED → IN_PROGRESS (assigned) → RESOLVED.
 */
export enum ComplaintStatus {
  RECEIVED = 'RECEIVED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

/** How the complaint came: at the complaint window, the 12345 hotline, a letter, online. */
export enum ComplaintChannel {
  IN_PERSON = 'IN_PERSON',
  HOTLINE_12345 = 'HOTLINE_12345',
  LETTER = 'LETTER',
  ONLINE = 'ONLINE',
}

/** What handling found: the complaint held (属实), partly (部分属实), or not (不属实). */
export enum ComplaintOutcome {
  SUBSTANTIATED = 'SUBSTANTIATED',
  PARTLY_SUBSTANTIATED = 'PARTLY_SUBSTANTIATED',
  UNSUBSTANTIATED = 'UNSUBSTANTIATED',
}

/** What the complaint is about: exactly one of these. */
export enum ComplaintSubjectKind {
  WINDOW = 'WINDOW',
  STAFF = 'STAFF',
  APPLICATION = 'APPLICATION',
}

export type ComplaintAct = 'ASSIGN' | 'NOTE' | 'RESOLVE' | 'CLOSE';

/** Why an act is refused (each has its own message in the admin app). */
export type ComplaintRefusal = 'NOT_OPEN';

const OPEN = new Set([ComplaintStatus.RECEIVED, ComplaintStatus.IN_PROGRESS]);

export function isOpen(status: ComplaintStatus): boolean {
  return OPEN.has(status);
}

/** Every act needs an open complaint; RESOLVED and CLOSED are final. */
export function actRefusal(status: ComplaintStatus, _act: ComplaintAct): ComplaintRefusal | null {
  return isOpen(status) ? null : 'NOT_OPEN';
}

/** The status an act leaves (a note changes nothing). */
export function statusAfter(status: ComplaintStatus, act: ComplaintAct): ComplaintStatus {
  switch (act) {
    case 'ASSIGN':
      return ComplaintStatus.IN_PROGRESS;
    case 'RESOLVE':
      return ComplaintStatus.RESOLVED;
    case 'CLOSE':
      return ComplaintStatus.CLOSED;
    case 'NOTE':
      return status;
  }
}

/** Due at close of business of the N-th working day after receipt (the tenant's calendar). */
export function complaintDue(
  calendar: { calendar: WorkingCalendar; hours: BusinessHours },
  receivedAt: Date,
  workingDays: number,
) {
  const { value, provisional } = countedProvisionally(calendar, (c) =>
    deadline(c.calendar, c.hours, receivedAt, workingDays),
  );
  return { dueAt: value!, provisional };
}

/** Still open past its due time. */
export function isOverdue(status: ComplaintStatus, dueAt: Date, now: Date): boolean {
  return isOpen(status) && now.getTime() > dueAt.getTime();
}

export type ComplaintProblemCode = 'REQUIRED' | 'TOO_LONG' | 'PHONE_FORMAT' | 'ONE_SUBJECT';

export interface ComplaintProblem {
  field: string;
  code: ComplaintProblemCode;
  problem: string;
}

export interface ComplaintEntry {
  windowId?: string | null;
  staffId?: string | null;
  applicationId?: string | null;
  channel: ComplaintChannel;
  complainantName: string;
  complainantPhone?: string | null;
  content: string;
}

export interface NormalizedComplaint {
  subject: { kind: ComplaintSubjectKind; id: string };
  channel: ComplaintChannel;
  complainantName: string;
  complainantPhone: string | null;
  content: string;
}

/** Mobile (11 digits from 13x to 19x) or a landline with its area code, as at intake. */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** A text the person must give: trimmed, 1–max characters; a problem otherwise. */
export function textProblem(
  field: string,
  value: string | null | undefined,
  max: number,
): ComplaintProblem | null {
  const text = value?.trim() ?? '';
  if (text.length === 0) return { field, code: 'REQUIRED', problem: 'Required' };
  if ([...text].length > max) {
    return { field, code: 'TOO_LONG', problem: `At most ${max} characters` };
  }
  return null;
}

/**
 * The complaint as it will be stored (trimmed; a mobile number compacted) and everything wrong
 * with it, all at once. The subject is exactly one of a window, a staff member, an application.
 */
export function normalizeComplaint(input: ComplaintEntry): {
  complaint: NormalizedComplaint | null;
  problems: ComplaintProblem[];
} {
  const problems: ComplaintProblem[] = [];
  const subjects = (
    [
      [ComplaintSubjectKind.WINDOW, input.windowId],
      [ComplaintSubjectKind.STAFF, input.staffId],
      [ComplaintSubjectKind.APPLICATION, input.applicationId],
    ] as const
  ).filter(([, id]) => id !== null && id !== undefined && id !== '');
  if (subjects.length !== 1) {
    problems.push({
      field: 'subject',
      code: 'ONE_SUBJECT',
      problem: 'A complaint is about exactly one window, staff member or application',
    });
  }
  for (const [field, max] of [
    ['complainantName', 100],
    ['content', 2000],
  ] as const) {
    const problem = textProblem(field, input[field], max);
    if (problem) problems.push(problem);
  }
  let phone: string | null = input.complainantPhone?.trim() || null;
  if (phone !== null) {
    const compact = phone.replace(/[\s-]/g, '');
    if (MOBILE.test(compact)) phone = compact;
    else if (LANDLINE.test(phone.replace(/\s/g, ''))) phone = phone.replace(/\s/g, '');
    else {
      problems.push({
        field: 'complainantPhone',
        code: 'PHONE_FORMAT',
        problem: 'A mobile number (11 digits) or a landline with area code',
      });
    }
  }
  if (problems.length) return { complaint: null, problems };
  const [kind, id] = subjects[0];
  return {
    complaint: {
      subject: { kind, id: id! },
      channel: input.channel,
      complainantName: input.complainantName.trim().replace(/\s+/g, ' '),
      complainantPhone: phone,
      content: input.content.trim(),
    },
    problems,
  };
}
