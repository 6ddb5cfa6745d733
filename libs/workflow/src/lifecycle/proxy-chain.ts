import { ApplicationStatus as S } from './application-status';

/**
 * Village proxy intake (代办, DESIGN.md §4.3) as rules: which center above handles an item a
 * station (or a township) may only take in, and how the origin's row follows the handler's.
 */

/** A center above the origin, nearest first, as the forward needs to know it. */
export interface HandlerCandidate {
  tenantId: string;
  /** Its list holds the item from a standing version, and its tier may decide it. */
  handles: boolean;
  /** ACTIVE: open for applications. */
  active: boolean;
}

export enum ForwardRefusal {
  /** The named center is not above the origin (or not one the origin may see). */
  NOT_ABOVE = 'NOT_ABOVE',
  /** The named center does not handle the item (not on its list, or not at its tier). */
  CANNOT_HANDLE = 'CANNOT_HANDLE',
  /** The named center is not open for applications. */
  NOT_ACTIVE = 'HANDLER_NOT_ACTIVE',
  /** No center above handles the item. */
  NO_HANDLER = 'NO_HANDLER',
}

/**
 * The handler: the named center when it is above and handles the item, else (none named) the
 * nearest open center above that handles it: a township before its county.
 */
export function chooseHandler(
  candidates: readonly HandlerCandidate[],
  requested: string | null,
): { tenantId: string } | ForwardRefusal {
  if (requested !== null) {
    const named = candidates.find((candidate) => candidate.tenantId === requested);
    if (!named) return ForwardRefusal.NOT_ABOVE;
    if (!named.handles) return ForwardRefusal.CANNOT_HANDLE;
    if (!named.active) return ForwardRefusal.NOT_ACTIVE;
    return { tenantId: named.tenantId };
  }
  const nearest = candidates.find((candidate) => candidate.handles && candidate.active);
  return nearest ? { tenantId: nearest.tenantId } : ForwardRefusal.NO_HANDLER;
}

/**
 * Where the origin's row goes when the handler's row reaches `handlerStatus`: a result (or a
 * rejection notice) comes back to the station to be handed over; a withdrawal ends both; any
 * other step leaves the origin FORWARDED (its chain status shows the step).
 */
export function originStatusAfter(handlerStatus: S): S.RESULT_READY | S.WITHDRAWN | null {
  switch (handlerStatus) {
    case S.COMPLETED:
    case S.REJECTED:
      return S.RESULT_READY;
    case S.WITHDRAWN:
      return S.WITHDRAWN;
    default:
      return null;
  }
}
