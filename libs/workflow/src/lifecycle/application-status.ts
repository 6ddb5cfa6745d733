/**
 * Where an application stands (DESIGN.md §4.3). Intake (收件) creates it SUBMITTED; the
 * transitions that follow belong to the state machine of the workflow.
 */
export enum ApplicationStatus {
  /** 收件: taken in at a window. */
  SUBMITTED = 'SUBMITTED',
  /** 受理 */
  ACCEPTED = 'ACCEPTED',
  /** 不予受理, with a reason. */
  REJECTED = 'REJECTED',
  /** 补正: waiting for the applicant to complete the materials (one-time notification). */
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  IN_REVIEW = 'IN_REVIEW',
  /** Clock paused: supplement or a special procedure the statute excludes. */
  SUSPENDED = 'SUSPENDED',
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
  /** 办结: result delivered. */
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
  /** 代办: forwarded to the center above that handles the item; the chain shows where it is. */
  FORWARDED = 'FORWARDED',
  /** 代办: the handler has finished; the result waits at the station to be handed back. */
  RESULT_READY = 'RESULT_READY',
}
