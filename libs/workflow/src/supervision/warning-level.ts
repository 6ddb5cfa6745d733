import { workingTimeBefore } from '../calendar/business-hours';
import {
  ACCEPTANCE_WORKING_DAYS,
  type Calendar,
  countedProvisionally,
} from '../lifecycle/application-clock';
import { ApplicationStatus as S } from '../lifecycle/application-status';
import type { SupervisionSettings } from './supervision-settings';

/**
 * Deadline warnings (预警, DESIGN.md §4.4) as rules: when an application turns YELLOW and RED,
 * and when the sweep must look at it next. Plain data in, plain data out.
 */
export enum WarningLevel {
  /** 黄牌: at most the share (20 %) of the time, or at most 1 working day, remains. */
  YELLOW = 'YELLOW',
  /** 红牌: overdue. */
  RED = 'RED',
}

export enum WarningKind {
  /** Not accepted or rejected within 5 working days of intake. */
  ACCEPTANCE = 'ACCEPTANCE',
  /** The promised time (else the statutory one) of a case being handled. */
  DEADLINE = 'DEADLINE',
}

/** What the rules need to know of an application. */
export interface WarningFacts {
  status: S;
  /** What the center must meet next (applications.due_at); null: nothing is due. */
  dueAt: Date | null;
  promisedDays: number | null;
  statutoryDays: number | null;
  extensionDays: number;
}

export interface WarningSchedule {
  kind: WarningKind | null;
  /** The levels whose moment has come, lowest first. */
  reached: WarningLevel[];
  /** When the level changes next (the sweep looks again then); null: it cannot any more. */
  nextCheckAt: Date | null;
  /** The moment it turns (or turned) YELLOW; null when nothing is due. */
  yellowAt: Date | null;
}

/** Which deadline an application in `status` is warned about, if any. */
export function warningKindOf(status: S): WarningKind | null {
  switch (status) {
    case S.SUBMITTED:
      return WarningKind.ACCEPTANCE;
    case S.ACCEPTED:
    case S.IN_REVIEW:
    case S.APPROVED:
    case S.DENIED:
      return WarningKind.DEADLINE;
    default:
      return null;
  }
}

/** The working days the time to the deadline is counted over. */
export function totalWorkingDays(kind: WarningKind, facts: WarningFacts): number {
  if (kind === WarningKind.ACCEPTANCE) return ACCEPTANCE_WORKING_DAYS;
  return (facts.promisedDays ?? facts.statutoryDays ?? 0) + facts.extensionDays;
}

/** YELLOW once this much working time (in working days) or less remains. */
export function yellowThreshold(total: number, settings: SupervisionSettings): number {
  return Math.max(settings.yellowShare * total, settings.yellowWorkingDays);
}

export function warningSchedule(
  calendar: Calendar,
  facts: WarningFacts,
  settings: SupervisionSettings,
  now: Date,
): WarningSchedule {
  const kind = warningKindOf(facts.status);
  const due = facts.dueAt;
  if (!kind || !due) return { kind: null, reached: [], nextCheckAt: null, yellowAt: null };
  const threshold = yellowThreshold(totalWorkingDays(kind, facts), settings);
  // Into a year not published yet: by weekends alone, as the deadline itself was counted.
  const yellowAt = countedProvisionally(calendar, (c) =>
    workingTimeBefore(c.calendar, c.hours, due, threshold),
  ).value;
  if (now.getTime() > due.getTime()) {
    return { kind, reached: [WarningLevel.YELLOW, WarningLevel.RED], nextCheckAt: null, yellowAt };
  }
  if (now.getTime() >= yellowAt.getTime()) {
    // RED the instant after the deadline.
    return {
      kind,
      reached: [WarningLevel.YELLOW],
      nextCheckAt: new Date(due.getTime() + 1),
      yellowAt,
    };
  }
  return { kind, reached: [], nextCheckAt: yellowAt, yellowAt };
}
