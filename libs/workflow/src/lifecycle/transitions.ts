import { ApplicationStatus as S } from './application-status';

/**
 * The acts that move an application (DESIGN.md §4.3), each a mutation. Plain data: the
 * service checks who may act and writes; this says from where each act leads where.
 */
export enum ApplicationAction {
  /** 受理: the clock starts (day 0 by the rules of §4.2). */
  ACCEPT = 'ACCEPT',
  /** 不予受理, with a reason. */
  REJECT = 'REJECT',
  /** 补正 with the one-time notification: before acceptance it waits; after, it pauses the clock. */
  REQUEST_SUPPLEMENT = 'REQUEST_SUPPLEMENT',
  /** The missing materials came in. */
  RECEIVE_SUPPLEMENT = 'RECEIVE_SUPPLEMENT',
  /** 审查 begins. */
  START_REVIEW = 'START_REVIEW',
  /** A procedure the statute excludes from the time limit (hearing, inspection, expert review). */
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  APPROVE = 'APPROVE',
  /** 不予许可, with a reason. */
  DENY = 'DENY',
  /** 办结: the result delivered. */
  COMPLETE = 'COMPLETE',
  /** 即办件: taken in and completed in one act. */
  COMPLETE_ON_THE_SPOT = 'COMPLETE_ON_THE_SPOT',
  /** The applicant withdraws, before a decision. */
  WITHDRAW = 'WITHDRAW',
  /** 代办: an item this center only takes in goes up to the center that handles it. */
  FORWARD = 'FORWARD',
  /** 代办: the handler's result handed to the applicant at the station (the handover recorded). */
  HAND_BACK = 'HAND_BACK',
}

/** Why the clock stops (application_pauses.kind). */
export enum PauseKind {
  SUPPLEMENT = 'SUPPLEMENT',
  HEARING = 'HEARING',
  INSPECTION = 'INSPECTION',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  OTHER_STATUTORY = 'OTHER_STATUTORY',
}

/** The procedures a SUSPEND may name (a supplement pauses through REQUEST_SUPPLEMENT). */
export const SUSPENDING_PROCEDURES = [
  PauseKind.HEARING,
  PauseKind.INSPECTION,
  PauseKind.EXPERT_REVIEW,
  PauseKind.OTHER_STATUTORY,
] as const;

/** What an act needs to know about the application beyond its state. */
export interface TransitionContext {
  /** The item is 即办件 (promised on the spot). */
  onTheSpot: boolean;
  /**
   * The center only takes the item in (it is decided above): it may not accept or complete
   * it itself; it forwards it (代办).
   */
  intakeOnly?: boolean;
  /** The kind of the open pause, when SUSPENDED. */
  openPause: PauseKind | null;
}

/** Decided states: a withdrawal comes too late once one is reached. */
const BEFORE_DECISION = [S.SUBMITTED, S.SUPPLEMENT_REQUESTED, S.ACCEPTED, S.IN_REVIEW, S.SUSPENDED];

/** Acts that need a reason (REJECT, DENY; SUSPEND names why the procedure is needed). */
export const REASON_REQUIRED: ReadonlySet<ApplicationAction> = new Set([
  ApplicationAction.REJECT,
  ApplicationAction.DENY,
  ApplicationAction.SUSPEND,
]);

/**
 * Where `action` takes an application in `status`, or null when it may not be done there
 * (an illegal transition: the caller refuses it and changes nothing).
 */
export function transitionTarget(
  status: S,
  action: ApplicationAction,
  context: TransitionContext,
): S | null {
  switch (action) {
    case ApplicationAction.ACCEPT:
      // An on-the-spot item is completed at once, never left accepted.
      return status === S.SUBMITTED && !context.onTheSpot && !context.intakeOnly
        ? S.ACCEPTED
        : null;
    case ApplicationAction.REJECT:
      return status === S.SUBMITTED ? S.REJECTED : null;
    case ApplicationAction.REQUEST_SUPPLEMENT:
      if (status === S.SUBMITTED) return S.SUPPLEMENT_REQUESTED;
      return status === S.ACCEPTED || status === S.IN_REVIEW ? S.SUSPENDED : null;
    case ApplicationAction.RECEIVE_SUPPLEMENT:
      if (status === S.SUPPLEMENT_REQUESTED) return S.SUBMITTED;
      return status === S.SUSPENDED && context.openPause === PauseKind.SUPPLEMENT
        ? S.IN_REVIEW
        : null;
    case ApplicationAction.START_REVIEW:
      return status === S.ACCEPTED ? S.IN_REVIEW : null;
    case ApplicationAction.SUSPEND:
      return status === S.ACCEPTED || status === S.IN_REVIEW ? S.SUSPENDED : null;
    case ApplicationAction.RESUME:
      return status === S.SUSPENDED &&
        context.openPause !== null &&
        context.openPause !== PauseKind.SUPPLEMENT
        ? S.IN_REVIEW
        : null;
    case ApplicationAction.APPROVE:
      return status === S.IN_REVIEW ? S.APPROVED : null;
    case ApplicationAction.DENY:
      return status === S.IN_REVIEW ? S.DENIED : null;
    case ApplicationAction.COMPLETE:
      return status === S.APPROVED || status === S.DENIED ? S.COMPLETED : null;
    case ApplicationAction.COMPLETE_ON_THE_SPOT:
      return status === S.SUBMITTED && context.onTheSpot && !context.intakeOnly
        ? S.COMPLETED
        : null;
    case ApplicationAction.WITHDRAW:
      // Once forwarded the handler holds the case: the withdrawal is made there.
      return BEFORE_DECISION.includes(status) ? S.WITHDRAWN : null;
    case ApplicationAction.FORWARD:
      return status === S.SUBMITTED && context.intakeOnly ? S.FORWARDED : null;
    case ApplicationAction.HAND_BACK:
      return status === S.RESULT_READY ? S.COMPLETED : null;
  }
}

/** Every act that may be done now (what a client offers). */
export function allowedActions(status: S, context: TransitionContext): ApplicationAction[] {
  return Object.values(ApplicationAction).filter(
    (action) => transitionTarget(status, action, context) !== null,
  );
}

/** The states in which the application is still open (on someone's work queue). */
export const OPEN_STATUSES: readonly S[] = [
  S.SUBMITTED,
  S.SUPPLEMENT_REQUESTED,
  S.ACCEPTED,
  S.IN_REVIEW,
  S.SUSPENDED,
  S.APPROVED,
  S.DENIED,
  S.FORWARDED,
  S.RESULT_READY,
];

/** Whether an extension (延期) may be asked for: the clock has started and nothing is decided. */
export function mayExtend(status: S): boolean {
  return status === S.ACCEPTED || status === S.IN_REVIEW || status === S.SUSPENDED;
}
