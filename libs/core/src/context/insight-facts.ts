import { EntityManager } from 'typeorm';

/**
 * What the insights keep of one application (DESIGN.md §4.5): the days it moved on (Beijing
 * dates, YYYY-MM-DD), its times in working days, its limits, how it was rated and carded.
 * Computed by @tongban/workflow, which owns applications and knows the calendar, after each
 * change; every figure is counted from these facts alone.
 */
export interface ApplicationFact {
  tenantId: string;
  applicationId: string;
  receiptNumber: string;
  itemCode: string;
  itemName: string;
  /** Where it was taken in and handled, and who completed it (the monthly assessment's units). */
  windowId: string;
  completedBy: string | null;
  status: string;
  /** Open: neither rejected, completed nor withdrawn (nor forwarded to another center). */
  open: boolean;
  /**
   * 代办: the handler's copy of a case a station (or township) took in. The intake is counted
   * where it was taken in; acceptance and completion where it is handled (the station's row
   * counts its intake only), so a subtree counts each case once.
   */
  forwardedIn: boolean;
  submittedOn: string;
  acceptedOn: string | null;
  rejectedOn: string | null;
  completedOn: string | null;
  /** Working days from intake to acceptance; null until accepted. */
  acceptanceDays: number | null;
  /** Working days from acceptance to completion, paused time excluded; null until completed. */
  handlingDays: number | null;
  /** In working days; null on the spot (即办) or unknown. */
  statutoryDays: number | null;
  promisedDays: number | null;
  promisedDeadline: Date | null;
  /** Completed by its promised deadline; null until completed or without one. */
  onTime: boolean | null;
  /** The applicant's own rating at completion (5 best) and its day. */
  rating: number | null;
  ratedOn: string | null;
  /** The default rating recorded when the applicant did not rate in time (channel DEFAULT). */
  defaultRating: number | null;
  defaultRatedOn: string | null;
  /** The days of its first YELLOW and first RED card (a case is carded once per colour). */
  yellowOn: string | null;
  redOn: string | null;
}

/**
 * The insights' read model, written in the transaction of what it records. Provided by
 * @tongban/insights; workflow writes through this port, and reads of it only which
 * applications it has no facts of yet (the backfill of applications taken in before it).
 */
export abstract class InsightFacts {
  /** The application's facts as they are now (its counters move by the difference). */
  abstract recordApplication(manager: EntityManager, fact: ApplicationFact): Promise<void>;

  /** Which of these applications of a tenant have no facts recorded yet. */
  abstract unrecorded(
    manager: EntityManager,
    tenantId: string,
    applicationIds: readonly string[],
  ): Promise<string[]>;

  /** One consultation (咨询) logged. */
  abstract recordConsultation(
    manager: EntityManager,
    consultation: { tenantId: string; itemCode: string | null; on: string },
  ): Promise<void>;
}
