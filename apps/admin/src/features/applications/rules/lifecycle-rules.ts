/**
 * How the admin app offers the acts of an application (DESIGN.md §4.3): their order, what
 * each asks for, and how urgent a case looks. Plain TypeScript; the server decides what is
 * allowed (`actions`) and checks every act again.
 */
import type { ApplicationAction, PauseKind } from '../../../shared/api/graphql.generated';

/** The acts in the order a window works through them (the first offered is the next step). */
export const ACTION_ORDER: readonly ApplicationAction[] = [
  'HAND_BACK',
  'FORWARD',
  'COMPLETE_ON_THE_SPOT',
  'ACCEPT',
  'START_REVIEW',
  'RECEIVE_SUPPLEMENT',
  'RESUME',
  'APPROVE',
  'COMPLETE',
  'REQUEST_SUPPLEMENT',
  'SUSPEND',
  'DENY',
  'REJECT',
  'WITHDRAW',
];

/** What an act asks the person for before it is sent. */
export interface ActNeeds {
  /** 'required': refused without one; 'optional': a note may be added. */
  reason: 'required' | 'optional' | 'none';
  /** The missing materials, chosen from the item's (the one-time notification). */
  materials: boolean;
  /** The statutory procedure a suspension is for. */
  procedure: boolean;
  /** Ends or refuses something: shown as a danger button and confirmed. */
  danger: boolean;
  /** 代办: the center above to forward to (offered, the nearest first). */
  target?: boolean;
}

const NEEDS: Record<ApplicationAction, ActNeeds> = {
  ACCEPT: { reason: 'none', materials: false, procedure: false, danger: false },
  REJECT: { reason: 'required', materials: false, procedure: false, danger: true },
  REQUEST_SUPPLEMENT: { reason: 'optional', materials: true, procedure: false, danger: false },
  RECEIVE_SUPPLEMENT: { reason: 'none', materials: false, procedure: false, danger: false },
  START_REVIEW: { reason: 'none', materials: false, procedure: false, danger: false },
  SUSPEND: { reason: 'required', materials: false, procedure: true, danger: false },
  RESUME: { reason: 'none', materials: false, procedure: false, danger: false },
  APPROVE: { reason: 'optional', materials: false, procedure: false, danger: false },
  DENY: { reason: 'required', materials: false, procedure: false, danger: true },
  COMPLETE: { reason: 'none', materials: false, procedure: false, danger: false },
  COMPLETE_ON_THE_SPOT: { reason: 'none', materials: false, procedure: false, danger: false },
  WITHDRAW: { reason: 'optional', materials: false, procedure: false, danger: true },
  FORWARD: { reason: 'optional', materials: false, procedure: false, danger: false, target: true },
  HAND_BACK: { reason: 'optional', materials: false, procedure: false, danger: false },
};

export const needsOf = (action: ApplicationAction): ActNeeds => NEEDS[action];

/** Whether an act can be sent at once (a click), or first asks for something. */
export const asksFirst = (action: ApplicationAction): boolean => {
  const needs = NEEDS[action];
  return (
    needs.reason !== 'none' ||
    needs.materials ||
    needs.procedure ||
    needs.danger ||
    needs.target === true
  );
};

/** The acts allowed now, in working order. */
export function orderedActions(allowed: readonly ApplicationAction[]): ApplicationAction[] {
  return ACTION_ORDER.filter((action) => allowed.includes(action));
}

/** The procedures a suspension may name (a supplement pauses through its own act). */
export const SUSPEND_PROCEDURES: readonly PauseKind[] = [
  'HEARING',
  'INSPECTION',
  'EXPERT_REVIEW',
  'OTHER_STATUTORY',
];

export type Urgency = 'overdue' | 'dueSoon' | 'onTrack' | 'waiting';

/**
 * How urgent a case looks on the queue: overdue once its due time passed; due soon with a
 * working day or less left (the supervision default, DESIGN.md §4.4); waiting when nothing is
 * due (the applicant is to act, or the clock is paused).
 */
export function urgencyOf(workingDaysLeft: number | null | undefined): Urgency {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return 'waiting';
  if (workingDaysLeft < 0) return 'overdue';
  if (workingDaysLeft <= 1) return 'dueSoon';
  return 'onTrack';
}

/** What an act sends besides the application and its version. */
export interface ActForm {
  reason: string;
  missingMaterials: string[];
  procedure: PauseKind | null;
  /** FORWARD: null, the nearest center above that handles the item. */
  toTenantId: string | null;
}

/** The problems of a form before it is sent, by field (the server checks again). */
export function actFormProblems(action: ApplicationAction, form: ActForm): (keyof ActForm)[] {
  const needs = NEEDS[action];
  const problems: (keyof ActForm)[] = [];
  if (needs.reason === 'required' && form.reason.trim() === '') problems.push('reason');
  if (needs.materials && form.missingMaterials.length === 0) problems.push('missingMaterials');
  if (needs.procedure && form.procedure === null) problems.push('procedure');
  return problems;
}
