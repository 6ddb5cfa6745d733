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
