import { type ApplicationFact, beijingDay } from '@tongban/core';
import { workingTimeElapsed } from '../calendar/business-hours';
import { type Calendar, countedProvisionally } from './application-clock';
import { ApplicationStatus as S } from './application-status';
import { OPEN_STATUSES } from './transitions';

/** What an application's facts for the insights are computed from (one read, see the repository). */
export interface FactSource {
  tenantId: string;
  id: string;
  receiptNumber: string;
  itemCode: string;
  itemName: string;
  windowId: string;
  /** Who completed it (its COMPLETED event's actor), if it was. */
  completedBy: string | null;
  status: S;
  submittedAt: Date;
  acceptedAt: Date | null;
  /** When it was rejected (its event), if it was. */
  rejectedAt: Date | null;
  completedAt: Date | null;
  statutoryDays: number | null;
  promisedDays: number | null;
  promisedDeadline: Date | null;
  /** 代办: this row went on to another center / came from one. */
  forwardedOut: boolean;
  forwardedIn: boolean;
  pauses: readonly { startedAt: Date; endedAt: Date | null }[];
  /** The applicant's own rating at completion, and the default one, if any. */
  rating: { rating: number; at: Date } | null;
  defaultRating: { rating: number; at: Date } | null;
  yellowAt: Date | null;
  redAt: Date | null;
}

const hundredths = (value: number) => Math.round(value * 100) / 100 || 0;

/**
 * The facts the insights count (DESIGN.md §4.5), from the application as it stands:
 * - times in working days from business time (0.33 of a day is measurable), to two decimals;
 *   handling time leaves out the working time of its pauses;
 * - on time: completed by the promised deadline (extensions included); on the spot: on time;
 * - 代办: the station's row counts its intake only, the handler's copy the rest.
 */
export function applicationFact(calendar: Calendar, source: FactSource): ApplicationFact {
  const elapsed = (from: Date, to: Date) =>
    countedProvisionally(calendar, (c) => workingTimeElapsed(c.calendar, c.hours, from, to)).value;
  const handledHere = !source.forwardedOut;
  const accepted = handledHere ? source.acceptedAt : null;
  const completed =
    handledHere && source.status === S.COMPLETED && source.completedAt ? source.completedAt : null;
  const rejected = handledHere && source.status === S.REJECTED ? source.rejectedAt : null;
  let handlingDays: number | null = null;
  if (accepted && completed) {
    const paused = source.pauses.reduce(
      (sum, pause) => sum + elapsed(pause.startedAt, pause.endedAt ?? completed),
      0,
    );
    handlingDays = hundredths(Math.max(0, elapsed(accepted, completed) - paused));
  }
  return {
    tenantId: source.tenantId,
    applicationId: source.id,
    receiptNumber: source.receiptNumber,
    itemCode: source.itemCode,
    itemName: source.itemName,
    windowId: source.windowId,
    completedBy: completed ? source.completedBy : null,
    status: source.status,
    open: handledHere && OPEN_STATUSES.includes(source.status),
    forwardedIn: source.forwardedIn,
    submittedOn: beijingDay(source.submittedAt),
    acceptedOn: accepted ? beijingDay(accepted) : null,
    rejectedOn: rejected ? beijingDay(rejected) : null,
    completedOn: completed ? beijingDay(completed) : null,
    acceptanceDays: accepted ? hundredths(elapsed(source.submittedAt, accepted)) : null,
    handlingDays,
    statutoryDays: source.statutoryDays,
    promisedDays: source.promisedDays,
    promisedDeadline: handledHere ? source.promisedDeadline : null,
    onTime: completed
      ? source.promisedDeadline === null || completed.getTime() <= source.promisedDeadline.getTime()
      : null,
    rating: source.rating?.rating ?? null,
    ratedOn: source.rating ? beijingDay(source.rating.at) : null,
    defaultRating: source.defaultRating?.rating ?? null,
    defaultRatedOn: source.defaultRating ? beijingDay(source.defaultRating.at) : null,
    yellowOn: source.yellowAt ? beijingDay(source.yellowAt) : null,
    redOn: source.redAt ? beijingDay(source.redAt) : null,
  };
}
