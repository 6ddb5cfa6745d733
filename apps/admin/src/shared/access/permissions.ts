/**
 * What the interface offers to whom. Mirrors the API's role rules (libs/tenancy
 * role-rules.ts) so that people are not shown buttons the server would refuse; the server
 * stays the authority and its refusals are shown as they come.
 */
import type { Role, TenantKind } from '../api/graphql.generated';
import { ROLES } from '../i18n/labels';
import type { RouteName } from '../navigation/routes';

export type MenuKey = 'home' | 'applications' | 'tenants' | 'windows' | 'onboarding';

/** Roles whose holders see the tenants below their own. */
const SUBTREE_ROLES: readonly Role[] = [
  'PLATFORM_ADMIN',
  'CITY_OFFICIAL',
  'COUNTY_ADMIN',
  'CENTER_MANAGER',
  'SUPERVISOR',
];
const ONBOARDING_ROLES: readonly Role[] = ['PLATFORM_ADMIN', 'COUNTY_ADMIN'];
/** May create windows, invite staff, change roles, disable and enable accounts. */
const HALL_MANAGER_ROLES: readonly Role[] = ['PLATFORM_ADMIN', 'COUNTY_ADMIN', 'CENTER_MANAGER'];
const STAFF_READER_ROLES: readonly Role[] = [
  'PLATFORM_ADMIN',
  'CITY_OFFICIAL',
  'COUNTY_ADMIN',
  'CENTER_MANAGER',
  'SUPERVISOR',
];
const STATUS_CHANGER_ROLES: readonly Role[] = ['PLATFORM_ADMIN', 'COUNTY_ADMIN'];
/**
 * Read applications: the subtree roles theirs and below, window staff those of the windows
 * they are assigned to, station staff their station's.
 */
const APPLICATION_READER_ROLES: readonly Role[] = ROLES;
/** 收件: window staff at their windows, center managers in their subtree, station staff (代办). */
const INTAKE_ROLES: readonly Role[] = ['WINDOW_STAFF', 'CENTER_MANAGER', 'STATION_STAFF'];

/** Which roles a holder of each role may give (never one above their own). */
const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  PLATFORM_ADMIN: ROLES,
  COUNTY_ADMIN: ['COUNTY_ADMIN', 'CENTER_MANAGER', 'SUPERVISOR', 'WINDOW_STAFF', 'STATION_STAFF'],
  CENTER_MANAGER: ['WINDOW_STAFF', 'STATION_STAFF'],
  CITY_OFFICIAL: [],
  SUPERVISOR: [],
  WINDOW_STAFF: [],
  STATION_STAFF: [],
};

/** The kinds of tenant where each role makes sense. */
const ROLE_TENANT_KINDS: Record<Role, readonly TenantKind[]> = {
  PLATFORM_ADMIN: ['PROVINCE'],
  CITY_OFFICIAL: ['PROVINCE', 'CITY'],
  COUNTY_ADMIN: ['COUNTY'],
  CENTER_MANAGER: ['COUNTY', 'TOWNSHIP'],
  SUPERVISOR: ['CITY', 'COUNTY', 'TOWNSHIP'],
  WINDOW_STAFF: ['COUNTY', 'TOWNSHIP'],
  STATION_STAFF: ['VILLAGE'],
};

const holdsAny = (roles: readonly string[], allowed: readonly Role[]) =>
  roles.some((role) => (allowed as readonly string[]).includes(role));

export function canSeeSubtree(roles: readonly string[]): boolean {
  return holdsAny(roles, SUBTREE_ROLES);
}

export function canOnboard(roles: readonly string[]): boolean {
  return holdsAny(roles, ONBOARDING_ROLES);
}

export function canManageWindows(roles: readonly string[]): boolean {
  return holdsAny(roles, HALL_MANAGER_ROLES);
}

export function canReadStaff(roles: readonly string[]): boolean {
  return holdsAny(roles, STAFF_READER_ROLES);
}

export function canManageStaff(roles: readonly string[]): boolean {
  return holdsAny(roles, HALL_MANAGER_ROLES);
}

export function canReadApplications(roles: readonly string[]): boolean {
  return holdsAny(roles, APPLICATION_READER_ROLES);
}

/** Take in applications (收件); at which windows is `intakeScope` (applications/). */
export function canSubmitApplications(roles: readonly string[]): boolean {
  return holdsAny(roles, INTAKE_ROLES);
}

/** Suspend / reactivate: county and platform administrators, for tenants below their own. */
export function canChangeTenantStatus(
  roles: readonly string[],
  tenant: { id: string },
  homeTenantId: string,
): boolean {
  return holdsAny(roles, STATUS_CHANGER_ROLES) && tenant.id !== homeTenantId;
}

/** Kinds of tenant that can have a township center or village station opened below them. */
export const ONBOARDING_PARENT_KINDS: readonly TenantKind[] = ['COUNTY', 'TOWNSHIP'];

export function canOnboardUnder(roles: readonly string[], tenant: { kind: string }): boolean {
  return canOnboard(roles) && (ONBOARDING_PARENT_KINDS as readonly string[]).includes(tenant.kind);
}

export function canGrant(actorRoles: readonly string[], role: string): boolean {
  return actorRoles.some((actorRole) =>
    ((GRANTABLE_ROLES[actorRole as Role] ?? []) as readonly string[]).includes(role),
  );
}

/** The roles the actor may give to a person of a tenant of `kind`, in the contract's order. */
export function grantableRoles(actorRoles: readonly string[], kind: string): Role[] {
  return ROLES.filter(
    (role) =>
      canGrant(actorRoles, role) && (ROLE_TENANT_KINDS[role] as readonly string[]).includes(kind),
  );
}

/**
 * Whether the actor may change this person's account (roles, disable, enable): never their
 * own, and never someone holding a role the actor could not have given.
 */
export function canManageMember(
  actorRoles: readonly string[],
  actorUserId: string,
  member: { userId: string; roles: readonly string[] },
): boolean {
  return (
    canManageStaff(actorRoles) &&
    member.userId !== actorUserId &&
    member.roles.every((role) => canGrant(actorRoles, role))
  );
}

/** Side-menu entries, in order, for a person holding `roles`. */
export function menuKeysFor(roles: readonly string[]): MenuKey[] {
  const keys: MenuKey[] = ['home'];
  if (canReadApplications(roles)) keys.push('applications');
  if (canSeeSubtree(roles)) keys.push('tenants');
  keys.push('windows');
  if (canOnboard(roles)) keys.push('onboarding');
  return keys;
}

/** Whether a signed-in person holding `roles` may open a screen. */
export function mayOpen(route: RouteName, roles: readonly string[]): boolean {
  switch (route) {
    case 'applications':
      return canReadApplications(roles);
    case 'tenants':
      return canSeeSubtree(roles);
    case 'onboarding':
      return canOnboard(roles);
    default:
      return true;
  }
}
