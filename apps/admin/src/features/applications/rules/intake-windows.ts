/**
 * Where a person may take an application in (收件), as the server says window by window
 * (`ServiceWindow.viewerCanTakeIn`: their assigned windows for window staff, never a
 * charging or complaint window, only in an active hall).
 */

export interface IntakeWindowLike {
  code: string;
  viewerCanTakeIn: boolean;
}

/** The windows of one tenant the person may take applications in at, by window code. */
export function intakeWindows<W extends IntakeWindowLike>(windows: readonly W[]): W[] {
  return windows
    .filter((w) => w.viewerCanTakeIn)
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/**
 * What the intake form shows for a tenant:
 * - `ready`: at least one window to take applications in at;
 * - `notAssigned`: the person works at their own tenant's windows and none is theirs (the
 *   center manager assigns them), so there is no form;
 * - `noWindows`: the tenant has no window to take them in at; the form stays, disabled, for
 *   those who may pick another tenant.
 */
export type IntakeAvailability = 'ready' | 'notAssigned' | 'noWindows';

export function intakeAvailability(
  windows: readonly IntakeWindowLike[],
  picksTenant: boolean,
): IntakeAvailability {
  if (windows.some((w) => w.viewerCanTakeIn)) return 'ready';
  return !picksTenant && windows.length > 0 ? 'notAssigned' : 'noWindows';
}
