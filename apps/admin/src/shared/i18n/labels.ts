/**
 * Display labels for the API's enum values (roles, tenant kinds and statuses, window kinds,
 * application statuses) and for durations. Takes the translation function as a parameter so
 * it stays plain TypeScript. A value the app does not know yet (the API added a role) is
 * shown as its raw code rather than as a missing-translation key.
 */
import type {
  ApplicationStatus,
  Role,
  ServiceWindowKind,
  TenantKind,
  TenantStatus,
} from '../api/graphql.generated';

/**
 * The values of a generated enum in the order the interface shows them. The record must name
 * every value (the compiler checks it against the schema), so the lists cannot fall behind.
 */
function inOrder<T extends string>(values: Record<T, true>): readonly T[] {
  return Object.keys(values) as T[];
}

/** Most to least privileged. */
export const ROLES = inOrder<Role>({
  PLATFORM_ADMIN: true,
  CITY_OFFICIAL: true,
  COUNTY_ADMIN: true,
  CENTER_MANAGER: true,
  WINDOW_STAFF: true,
  STATION_STAFF: true,
  SUPERVISOR: true,
});

export const TENANT_KINDS = inOrder<TenantKind>({
  PROVINCE: true,
  CITY: true,
  COUNTY: true,
  TOWNSHIP: true,
  VILLAGE: true,
});

export const TENANT_STATUSES = inOrder<TenantStatus>({
  ONBOARDING: true,
  ACTIVE: true,
  SUSPENDED: true,
});

/** In the order of an application's life (DESIGN.md §4.3). */
export const APPLICATION_STATUSES = inOrder<ApplicationStatus>({
  SUBMITTED: true,
  ACCEPTED: true,
  REJECTED: true,
  SUPPLEMENT_REQUESTED: true,
  IN_REVIEW: true,
  SUSPENDED: true,
  APPROVED: true,
  DENIED: true,
  COMPLETED: true,
  WITHDRAWN: true,
  FORWARDED: true,
  RESULT_READY: true,
});

export const WINDOW_KINDS = inOrder<ServiceWindowKind>({
  COMPREHENSIVE: true,
  SERVICE: true,
  CHARGING: true,
  COMPLAINT: true,
});

/** `StaffMember.status` is a string in the schema; these are the values it describes. */
export const STAFF_STATUSES = ['INVITED', 'ACTIVE', 'DISABLED'] as const;

/** The part of i18next's `t` the labels need. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value);

export const isRole = isOneOf(ROLES);
export const isApplicationStatus = isOneOf(APPLICATION_STATUSES);

/** The label under `group.<value>`, or the value itself when the app does not know it. */
function labelOf(t: Translate, group: string, known: readonly string[], value: string): string {
  return known.includes(value) ? t(`${group}.${value}`) : value;
}

export const roleLabel = (t: Translate, role: string) => labelOf(t, 'role', ROLES, role);

export const tenantKindLabel = (t: Translate, kind: string) =>
  labelOf(t, 'tenantKind', TENANT_KINDS, kind);

export const tenantStatusLabel = (t: Translate, status: string) =>
  labelOf(t, 'tenantStatus', TENANT_STATUSES, status);

export const windowKindLabel = (t: Translate, kind: string) =>
  labelOf(t, 'windowKind', WINDOW_KINDS, kind);

export const staffStatusLabel = (t: Translate, status: string) =>
  labelOf(t, 'staffStatus', STAFF_STATUSES, status);

export const applicationStatusLabel = (t: Translate, status: string) =>
  labelOf(t, 'applicationStatus', APPLICATION_STATUSES, status);

/** Roles in the order of `ROLES` (most to least privileged), unknown ones last. */
export function sortRoles<R extends string>(roles: readonly R[]): R[] {
  const rank = (r: string) => (isRole(r) ? ROLES.indexOf(r) : ROLES.length);
  return [...new Set(roles)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "57 秒" / "1 分 30 秒" / "15 分钟": how long to wait, for the lock-out message. */
export function waitLabel(t: Translate, totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  if (minutes === 0) return t('duration.seconds', { seconds });
  if (seconds === 0) return t('duration.minutes', { minutes });
  return t('duration.minutesSeconds', { minutes, seconds });
}
