/**
 * The applications screen's list logic in plain TypeScript: pages joined without duplicates, a new application put on top, and which windows a person
 * may take applications in at.
 */
import type {
  ApplicationsFilterInput,
  ApplicationStatus,
} from '../../../shared/api/graphql.generated';

export interface ListedApplication {
  id: string;
  tenantId: string;
  status: string;
}

export interface ApplicationsFilter {
  tenantId?: string | null;
  status?: ApplicationStatus | null;
}

/** The filter as the API takes it: unset parts left out. */
export function filterInput(filter: ApplicationsFilter): ApplicationsFilterInput {
  return {
    ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
}

/** The rows shown after one more page: those already there, then the page's new ones. */
export function appendPage<T extends { id: string }>(rows: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(rows.map((row) => row.id));
  const added = page.filter((row) => {
    if (seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
  return [...rows, ...added];
}

/** The rows with `application` on top (replacing an older copy of it). */
export function prependApplication<T extends { id: string }>(
  rows: readonly T[],
  application: T,
): T[] {
  return [application, ...rows.filter((row) => row.id !== application.id)];
}

/**
 * What the list does with an application just taken in:
 * - `prepend`: it belongs in the list as filtered; put it on top;
 * - `showAllStatuses`: the status filter would hide it; lift that filter (the list reloads,
 *   newest first, so it comes on top);
 * - `reload`: the tenant filter names another tenant, which may or may not be above the
 *   application's (the filter covers the tenants below it): the server decides.
 */
export type AfterIntake = 'prepend' | 'showAllStatuses' | 'reload';

export function afterIntake(
  application: ListedApplication,
  filter: ApplicationsFilter,
): AfterIntake {
  if (filter.status && application.status !== filter.status) return 'showAllStatuses';
  if (filter.tenantId && application.tenantId !== filter.tenantId) return 'reload';
  return 'prepend';
}

/**
 * Where a person may take applications in:
 * - `subtree`: any window of their tenant and the tenants below (center managers);
 * - `ownTenant`: any window of their own tenant (village station staff, proxy intake 代办);
 * - `assigned`: the windows of their own tenant they are assigned to (window staff);
 * - `none`: nowhere.
 * Several roles: the widest wins.
 */
export type IntakeScope = 'subtree' | 'ownTenant' | 'assigned' | 'none';

export function intakeScope(roles: readonly string[]): IntakeScope {
  if (roles.includes('CENTER_MANAGER')) return 'subtree';
  if (roles.includes('STATION_STAFF')) return 'ownTenant';
  if (roles.includes('WINDOW_STAFF')) return 'assigned';
  return 'none';
}

export interface WindowLike {
  id: string;
  code: string;
  name: string;
  kind: string;
  staffIds: readonly string[];
}

/** Windows that take in no applications (as the server says). */
export const NO_INTAKE_WINDOW_KINDS: readonly string[] = ['CHARGING', 'COMPLAINT'];

/**
 * The windows of one tenant a person may take applications in at, by window code: never a
 * charging or complaint window.
 */
export function intakeWindows<W extends WindowLike>(
  scope: IntakeScope,
  windows: readonly W[],
  userId: string,
): W[] {
  const intake = windows.filter((w) => !NO_INTAKE_WINDOW_KINDS.includes(w.kind));
  const usable =
    scope === 'none'
      ? []
      : scope === 'assigned'
        ? intake.filter((w) => w.staffIds.includes(userId))
        : intake;
  return [...usable].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}
