/**
 * The applications screen's list logic in plain TypeScript: the statuses of the contract,
 * pages joined without duplicates, a new application put on top, and which windows a person
 * may take applications in at.
 */

/** ApplicationStatus of the contract, in the order of an application's life (DESIGN.md §4.3). */
export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'REJECTED',
  'SUPPLEMENT_REQUESTED',
  'IN_REVIEW',
  'SUSPENDED',
  'APPROVED',
  'DENIED',
  'COMPLETED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export function isApplicationStatus(value: string): value is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export interface ListedApplication {
  id: string;
  tenantId: string;
  status: string;
}

export interface ApplicationsFilter {
  tenantId?: string | null;
  status?: string | null;
}

/** The filter as the API takes it: unset parts left out. */
export function filterInput(filter: ApplicationsFilter): { tenantId?: string; status?: string } {
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
 * Whether a list under `filter` would hold the application. A tenant filter is matched on the
 * application's own tenant only; the server decides for the tenants below.
 */
export function matchesFilter(application: ListedApplication, filter: ApplicationsFilter): boolean {
  if (filter.status && application.status !== filter.status) return false;
  if (filter.tenantId && application.tenantId !== filter.tenantId) return false;
  return true;
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
  staffIds: readonly string[];
}

/** The windows of one tenant a person may take applications in at, by window code. */
export function intakeWindows<W extends WindowLike>(
  scope: IntakeScope,
  windows: readonly W[],
  userId: string,
): W[] {
  const usable =
    scope === 'none'
      ? []
      : scope === 'assigned'
        ? windows.filter((w) => w.staffIds.includes(userId))
        : [...windows];
  return usable.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}
