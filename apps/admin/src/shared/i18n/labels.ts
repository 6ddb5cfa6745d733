/**
 * Display labels for the API's enum values (roles, tenant kinds and statuses) and for
 * durations. Takes the translation function as a parameter so it stays plain TypeScript.
 * A value the app does not know yet (the API added a role) is shown as its raw code rather
 * than as a missing-translation key.
 */
export const ROLES = [
  'PLATFORM_ADMIN',
  'CITY_OFFICIAL',
  'COUNTY_ADMIN',
  'CENTER_MANAGER',
  'WINDOW_STAFF',
  'STATION_STAFF',
  'SUPERVISOR',
] as const;
export type Role = (typeof ROLES)[number];

export const TENANT_KINDS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'] as const;
export const TENANT_STATUSES = ['ONBOARDING', 'ACTIVE', 'SUSPENDED'] as const;

/** The part of i18next's `t` the labels need. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleLabel(t: Translate, role: string): string {
  return isRole(role) ? t(`role.${role}`) : role;
}

/** Roles in the order of the contract's enum (most to least privileged), unknown ones last. */
export function sortRoles(roles: readonly string[]): string[] {
  const rank = (r: string) => (isRole(r) ? ROLES.indexOf(r) : ROLES.length);
  return [...new Set(roles)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function tenantKindLabel(t: Translate, kind: string): string {
  return (TENANT_KINDS as readonly string[]).includes(kind) ? t(`tenantKind.${kind}`) : kind;
}

export function tenantStatusLabel(t: Translate, status: string): string {
  return (TENANT_STATUSES as readonly string[]).includes(status)
    ? t(`tenantStatus.${status}`)
    : status;
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

export const WINDOW_KINDS = ['COMPREHENSIVE', 'SERVICE', 'CHARGING', 'COMPLAINT'] as const;
export const STAFF_STATUSES = ['INVITED', 'ACTIVE', 'DISABLED'] as const;

export function windowKindLabel(t: Translate, kind: string): string {
  return (WINDOW_KINDS as readonly string[]).includes(kind) ? t(`windowKind.${kind}`) : kind;
}

export function staffStatusLabel(t: Translate, status: string): string {
  return (STAFF_STATUSES as readonly string[]).includes(status)
    ? t(`staffStatus.${status}`)
    : status;
}

export function applicationStatusLabel(t: Translate, status: string): string {
  return isApplicationStatus(status) ? t(`applicationStatus.${status}`) : status;
}
