export enum ServiceWindowKind {
  /** A department's own window (e.g. 国土窗口). */
  SERVICE = 'SERVICE',
  /** A comprehensive window (综合窗口) taking in items of many departments. */
  COMPREHENSIVE = 'COMPREHENSIVE',
  CHARGING = 'CHARGING',
  COMPLAINT = 'COMPLAINT',
}

/** Charging and complaint windows take no applications in. */
export function takesInApplications(kind: ServiceWindowKind): boolean {
  return kind === ServiceWindowKind.SERVICE || kind === ServiceWindowKind.COMPREHENSIVE;
}

/** Why a person may not take applications in at a window (null: they may). */
export enum IntakeRefusal {
  /** Their role takes nothing in here (or only at the windows they are assigned to). */
  NOT_THEIR_WINDOW = 'NOT_THEIR_WINDOW',
  /** Charging and complaint windows take nothing in. */
  WINDOW_KIND = 'WINDOW_KIND',
  WINDOW_DISABLED = 'WINDOW_DISABLED',
  /** The hall is onboarding or suspended (itself or a tenant above it). */
  HALL_NOT_ACTIVE = 'HALL_NOT_ACTIVE',
}

/** The first reason, in the order a clerk would fix them, why intake is refused; null if none. */
export function intakeRefusal(window: {
  kind: ServiceWindowKind;
  disabled: boolean;
  hallActive: boolean;
  mayCreateHere: boolean;
}): IntakeRefusal | null {
  if (!takesInApplications(window.kind)) return IntakeRefusal.WINDOW_KIND;
  if (!window.mayCreateHere) return IntakeRefusal.NOT_THEIR_WINDOW;
  if (window.disabled) return IntakeRefusal.WINDOW_DISABLED;
  if (!window.hallActive) return IntakeRefusal.HALL_NOT_ACTIVE;
  return null;
}
