/**
 * The applications screen's list logic in plain TypeScript: pages joined without duplicates
 * and a new application put on top.
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
