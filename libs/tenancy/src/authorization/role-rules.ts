import { TenantKind } from '../tenant/tenant-kind';
import { Role } from '../identity/role';

/**
 * Who may do what, as data (DESIGN.md §3). Plain TypeScript: read by the CASL ability
 * factory, by the scope of row-level security and by the permission snapshot test.
 *
 * Subjects: Tenant, ServiceWindow, Staff (a user's membership of a tenant), AuditEvent, Self.
 * Condition placeholders: ${tenantId} is the actor's home tenant. `tenantPath` / `path` hold
 * the ids from the root down to a tenant, so `{ path: '${tenantId}' }` means "in my subtree".
 */
export type Action =
  'manage' | 'read' | 'create' | 'update' | 'onboard' | 'suspend' | 'assignRole' | 'disable';
export type Subject = 'Tenant' | 'ServiceWindow' | 'Staff' | 'AuditEvent' | 'Self' | 'all';

export interface RuleTemplate {
  action: Action | Action[];
  subject: Subject | Subject[];
  conditions?: Record<string, unknown>;
  inverted?: boolean;
}

const inMySubtree = { path: '${tenantId}' };
const belowMe = { path: '${tenantId}', id: { $ne: '${tenantId}' } };
const ownedInMySubtree = { tenantPath: '${tenantId}' };
const ownedByMyTenant = { tenantId: '${tenantId}' };

const everyone: RuleTemplate[] = [{ action: 'manage', subject: 'Self' }];

export const ROLE_RULES: Record<Role, RuleTemplate[]> = {
  [Role.PLATFORM_ADMIN]: [...everyone, { action: 'manage', subject: 'all', conditions: undefined }],
  [Role.CITY_OFFICIAL]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: inMySubtree },
    {
      action: 'read',
      subject: ['ServiceWindow', 'Staff', 'AuditEvent'],
      conditions: ownedInMySubtree,
    },
  ],
  [Role.COUNTY_ADMIN]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: inMySubtree },
    { action: ['onboard'], subject: 'Tenant', conditions: inMySubtree },
    { action: ['suspend', 'update'], subject: 'Tenant', conditions: belowMe },
    { action: 'manage', subject: ['ServiceWindow', 'Staff'], conditions: ownedInMySubtree },
    { action: 'read', subject: 'AuditEvent', conditions: ownedInMySubtree },
  ],
  [Role.CENTER_MANAGER]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: inMySubtree },
    { action: 'manage', subject: ['ServiceWindow', 'Staff'], conditions: ownedInMySubtree },
    { action: 'read', subject: 'AuditEvent', conditions: ownedInMySubtree },
  ],
  [Role.SUPERVISOR]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: inMySubtree },
    {
      action: 'read',
      subject: ['ServiceWindow', 'Staff', 'AuditEvent'],
      conditions: ownedInMySubtree,
    },
  ],
  [Role.WINDOW_STAFF]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: { id: '${tenantId}' } },
    { action: 'read', subject: 'ServiceWindow', conditions: ownedByMyTenant },
  ],
  [Role.STATION_STAFF]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: { id: '${tenantId}' } },
    { action: 'read', subject: 'ServiceWindow', conditions: ownedByMyTenant },
  ],
};

/** Roles whose holders see the tenants below their own (row-level security scope). */
const SUBTREE_ROLES = new Set<Role>([
  Role.PLATFORM_ADMIN,
  Role.CITY_OFFICIAL,
  Role.COUNTY_ADMIN,
  Role.CENTER_MANAGER,
  Role.SUPERVISOR,
]);

export function visibilityOf(roles: readonly Role[]): 'tenant' | 'subtree' {
  return roles.some((role) => SUBTREE_ROLES.has(role)) ? 'subtree' : 'tenant';
}

/** Which roles a holder of each role may give (never one above their own). */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  [Role.PLATFORM_ADMIN]: Object.values(Role),
  [Role.COUNTY_ADMIN]: [
    Role.COUNTY_ADMIN,
    Role.CENTER_MANAGER,
    Role.SUPERVISOR,
    Role.WINDOW_STAFF,
    Role.STATION_STAFF,
  ],
  [Role.CENTER_MANAGER]: [Role.WINDOW_STAFF, Role.STATION_STAFF],
  [Role.CITY_OFFICIAL]: [],
  [Role.SUPERVISOR]: [],
  [Role.WINDOW_STAFF]: [],
  [Role.STATION_STAFF]: [],
};

export function canGrant(granterRoles: readonly Role[], role: Role): boolean {
  return granterRoles.some((granter) => GRANTABLE_ROLES[granter].includes(role));
}

/** The kinds of tenant where each role makes sense. */
export const ROLE_TENANT_KINDS: Record<Role, readonly TenantKind[]> = {
  [Role.PLATFORM_ADMIN]: [TenantKind.PROVINCE],
  [Role.CITY_OFFICIAL]: [TenantKind.PROVINCE, TenantKind.CITY],
  [Role.COUNTY_ADMIN]: [TenantKind.COUNTY],
  [Role.CENTER_MANAGER]: [TenantKind.COUNTY, TenantKind.TOWNSHIP],
  [Role.SUPERVISOR]: [TenantKind.CITY, TenantKind.COUNTY, TenantKind.TOWNSHIP],
  [Role.WINDOW_STAFF]: [TenantKind.COUNTY, TenantKind.TOWNSHIP],
  [Role.STATION_STAFF]: [TenantKind.VILLAGE],
};
