import type { TongbanAbility } from './ability';
import { subject } from './ability';
import { mayGrant } from './grant-reach';
import { ROLE_TENANT_KINDS, type Action, type Subject } from './role-rules';
import { ALL_ROLES, Role } from '../vocabulary/role';
import { CHILD_KINDS } from '../vocabulary/tenant-kind';
import { TenantKind } from '../vocabulary/tenant-kind';

/**
 * What the acting person may do, read off their CASL ability, for clients to offer only what
 * the server would allow (the server stays the authority and checks every call again).
 */

/** The actions and subjects a client is told about ('manage' and 'all' are spelled out). */
export const LISTED_ACTIONS = [
  'read',
  'create',
  'update',
  'approve',
  'onboard',
  'suspend',
] as const;
export const LISTED_SUBJECTS = [
  'Tenant',
  'ServiceWindow',
  'Staff',
  'AuditEvent',
  'Application',
  'Catalogue',
  'ImplementationItem',
  'MenuTemplate',
  'CatalogueRollout',
  'Consultation',
  'WorkingCalendar',
  'EvaluationDevice',
  'Rectification',
  'Warning',
  'SupervisionSettings',
  'Complaint',
  'Attendance',
] as const;
export type ListedAction = (typeof LISTED_ACTIONS)[number];
export type ListedSubject = (typeof LISTED_SUBJECTS)[number];

/** Every (action, subject) the ability allows on some record: what the guard lets through. */
export function permissionsOf(
  ability: TongbanAbility,
): { action: ListedAction; subject: ListedSubject }[] {
  return LISTED_SUBJECTS.flatMap((subjectName) =>
    LISTED_ACTIONS.filter((action) => ability.can(action as Action, subjectName as Subject)).map(
      (action) => ({ action, subject: subjectName }),
    ),
  );
}

export interface TenantCapabilities {
  update: boolean;
  suspend: boolean;
  /** Open a township center or village station directly below this tenant. */
  onboardBelow: boolean;
  readWindows: boolean;
  manageWindows: boolean;
  readStaff: boolean;
  manageStaff: boolean;
}

/** What the ability allows on one tenant the actor can see, and on the records it owns. */
export function tenantCapabilities(
  ability: TongbanAbility,
  tenant: { id: string; path: string[]; kind: TenantKind },
  homeTenantId?: string,
): TenantCapabilities {
  const node = subject('Tenant', { id: tenant.id, path: tenant.path });
  const owned = (name: 'ServiceWindow' | 'Staff') =>
    subject(name, { tenantId: tenant.id, tenantPath: tenant.path });
  const opensBelow = CHILD_KINDS[tenant.kind].some(
    (kind) => kind === TenantKind.TOWNSHIP || kind === TenantKind.VILLAGE,
  );
  return {
    update: ability.can('update', node),
    // Nobody suspends their own home tenant (it would lock them out with it).
    suspend: ability.can('suspend', node) && tenant.id !== homeTenantId,
    onboardBelow: opensBelow && ability.can('onboard', node),
    readWindows: ability.can('read', owned('ServiceWindow')),
    manageWindows:
      ability.can('create', owned('ServiceWindow')) &&
      ability.can('update', owned('ServiceWindow')),
    readStaff: ability.can('read', owned('Staff')),
    manageStaff: ability.can('create', owned('Staff')) && ability.can('update', owned('Staff')),
  };
}

/**
 * Whether the actor may change this person's account (roles, disable, enable): staff of a
 * tenant they manage, never themselves, never someone holding a role they could not give.
 */
export function mayManageMember(
  ability: TongbanAbility,
  actor: { userId: string; roles: readonly Role[] },
  member: { userId: string; roles: readonly Role[]; tenantId: string; tenantPath: string[] },
): boolean {
  return (
    ability.can(
      'update',
      subject('Staff', { tenantId: member.tenantId, tenantPath: member.tenantPath }),
    ) &&
    member.userId !== actor.userId &&
    member.roles.every((role) => mayGrant(actor.roles, role))
  );
}

/** The roles the actor may give, each with the kinds of tenant where it can be held. */
export function grantableRolesOf(
  roles: readonly Role[],
): { role: Role; tenantKinds: readonly TenantKind[] }[] {
  return ALL_ROLES.filter((role) => mayGrant(roles, role)).map((role) => ({
    role,
    tenantKinds: ROLE_TENANT_KINDS[role],
  }));
}
