import { TenantKind } from '../vocabulary/tenant-kind';
import { Role } from '../vocabulary/role';

/**
 * Who may do what, as data (DESIGN.md §3). Plain TypeScript: read by the CASL ability
 * factory, by the scope of row-level security and by the permission snapshot test.
 *
 * Subjects: Tenant, ServiceWindow, Staff (a user's membership of a tenant), AuditEvent,
 * Application (with its applicant's personal data), Catalogue (the standard catalogue: read by
 * every tenant below the province that publishes it, managed by the platform operator),
 * ImplementationItem (an entry of a tenant's implementation list, 实施清单: its menu),
 * MenuTemplate (a county's tier menu), CatalogueRollout (a clean-up round carried over a
 * subtree: the tenant it starts from is its owner), Consultation (咨询, logged at a window and
 * read by whoever reads that window's applications), WorkingCalendar (a tenant's local days
 * and business hours; everyone reads calendars, the national and regional years are the
 * platform operator's), Warning (a deadline warning, 黄牌/红牌: read where the application is
 * read, closed by a supervisor), SupervisionSettings (thresholds and rectification deadline of
 * a province or county, inherited down the tree; everyone reads them), EvaluationDevice (a
 * window's 评价器: registered and revoked by the center's manager), Rectification (差评整改: a
 * bad review's case; `update`: the manager calls back and closes it; `create`: window and
 * station staff appeal it (申诉), the one it concerns; `approve`: a supervisor decides the
 * appeal), Complaint (投诉, logged against a window, a staff member or an application: the
 * center's managers and supervisors log and handle them; window staff read those about their
 * windows or themselves, the complainant's name and phone masked), Attendance (考勤: clock
 * events and the monthly sheet; the center's managers keep its terminals and enter events,
 * supervisors and county administrators read the sheet, staff their own row), Self.
 * Condition placeholders: ${tenantId} is the actor's home tenant, ${userId} the actor.
 * `tenantPath` / `path` hold the ids from the root down to a tenant, so
 * `{ path: '${tenantId}' }` means "in my subtree"; `windowStaffIds` holds the staff assigned
 * to an application's window, so `{ windowStaffIds: '${userId}' }` means "at my windows".
 * Field rules: an inverted rule with `fields` keeps those fields from being read plainly;
 * for personal data that means masked (personal-data.ts), never left out.
 */
/** `update` on an Application: act on it (accept, decide, complete…); `approve`: an extension. */
export type Action = 'manage' | 'read' | 'create' | 'update' | 'approve' | 'onboard' | 'suspend';
export type Subject =
  | 'Tenant'
  | 'ServiceWindow'
  | 'Staff'
  | 'AuditEvent'
  | 'Application'
  | 'Catalogue'
  | 'ImplementationItem'
  | 'MenuTemplate'
  | 'CatalogueRollout'
  | 'Consultation'
  | 'WorkingCalendar'
  | 'EvaluationDevice'
  | 'Rectification'
  | 'Warning'
  | 'SupervisionSettings'
  | 'Complaint'
  | 'Attendance'
  | 'Self'
  | 'all';

export interface RuleTemplate {
  action: Action | Action[];
  subject: Subject | Subject[];
  conditions?: Record<string, unknown>;
  fields?: string[];
  inverted?: boolean;
}

/** The applicant's personal data on an application (DESIGN.md §3: masked for city officials). */
export const APPLICANT_PERSONAL_DATA = ['applicantName', 'applicantIdNumber', 'applicantPhone'];

/** The complainant's personal data on a complaint (masked like an applicant's). */
export const COMPLAINANT_PERSONAL_DATA = ['complainantName', 'complainantPhone'];

const inMySubtree = { path: '${tenantId}' };
const belowMe = { path: '${tenantId}', id: { $ne: '${tenantId}' } };
const ownedInMySubtree = { tenantPath: '${tenantId}' };
const ownedByMyTenant = { tenantId: '${tenantId}' };
const atMyWindows = { tenantId: '${tenantId}', windowStaffIds: '${userId}' };
const aboutMe = { tenantId: '${tenantId}', staffId: '${userId}' };
const personalDataMasked: RuleTemplate = {
  action: 'read',
  subject: 'Application',
  fields: APPLICANT_PERSONAL_DATA,
  inverted: true,
};
const complainantMasked: RuleTemplate = {
  action: 'read',
  subject: 'Complaint',
  fields: COMPLAINANT_PERSONAL_DATA,
  inverted: true,
};

const everyone: RuleTemplate[] = [
  { action: 'manage', subject: 'Self' },
  // What every center works from; row-level security limits it to ancestors' versions.
  { action: 'read', subject: 'Catalogue' },
  // Calendars are public knowledge; row-level security keeps to the tenant's own layers.
  { action: 'read', subject: 'WorkingCalendar' },
  { action: 'read', subject: 'SupervisionSettings' },
];

export const ROLE_RULES: Record<Role, RuleTemplate[]> = {
  // The platform operator runs catalogues and calendars: no intake or handling of their own, and
  // citizens' personal data stays masked to them.
  [Role.PLATFORM_ADMIN]: [
    ...everyone,
    { action: 'manage', subject: 'all', conditions: undefined },
    { action: ['create', 'update', 'approve'], subject: 'Application', inverted: true },
    { action: 'create', subject: 'Consultation', inverted: true },
    // Nor the hall's bad reviews: the center calls back, the supervisor decides appeals.
    { action: ['create', 'update', 'approve'], subject: 'Rectification', inverted: true },
    personalDataMasked,
    { action: ['create', 'update'], subject: 'Complaint', inverted: true },
    complainantMasked,
    { action: ['create', 'update'], subject: 'Attendance', inverted: true },
  ],
  [Role.CITY_OFFICIAL]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: inMySubtree },
    {
      action: 'read',
      subject: [
        'ServiceWindow',
        'Staff',
        'AuditEvent',
        'Application',
        'ImplementationItem',
        'CatalogueRollout',
        'Consultation',
        'EvaluationDevice',
        'Rectification',
        'Warning',
      ],
      conditions: ownedInMySubtree,
    },
    personalDataMasked,
    { action: 'read', subject: 'Complaint', conditions: ownedInMySubtree },
    complainantMasked,
  ],
  [Role.COUNTY_ADMIN]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: inMySubtree },
    { action: ['onboard'], subject: 'Tenant', conditions: inMySubtree },
    { action: ['suspend', 'update'], subject: 'Tenant', conditions: belowMe },
    {
      action: 'manage',
      subject: [
        'ServiceWindow',
        'Staff',
        'ImplementationItem',
        'MenuTemplate',
        'CatalogueRollout',
        'WorkingCalendar',
        'EvaluationDevice',
        'SupervisionSettings',
      ],
      conditions: ownedInMySubtree,
    },
    {
      action: 'read',
      subject: ['AuditEvent', 'Application', 'Consultation', 'Rectification', 'Warning'],
      conditions: ownedInMySubtree,
    },
    { action: 'read', subject: 'Complaint', conditions: ownedInMySubtree },
    { action: 'read', subject: 'Attendance', conditions: ownedInMySubtree },
  ],
  [Role.CENTER_MANAGER]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: inMySubtree },
    {
      action: 'manage',
      subject: ['ServiceWindow', 'Staff', 'ImplementationItem', 'EvaluationDevice'],
      conditions: ownedInMySubtree,
    },
    { action: 'read', subject: ['AuditEvent', 'Warning'], conditions: ownedInMySubtree },
    // The manager approves extensions (延期) and may act on any application of the center.
    {
      action: ['read', 'create', 'update', 'approve'],
      subject: 'Application',
      conditions: ownedInMySubtree,
    },
    // Consultations are logged where applications are taken in: at any window of the center.
    { action: ['read', 'create'], subject: 'Consultation', conditions: ownedInMySubtree },
    // The manager calls a bad review's rater back and closes the case (差评整改).
    { action: ['read', 'update'], subject: 'Rectification', conditions: ownedInMySubtree },
    // The complaint window (投诉): logged and handled to an outcome.
    { action: ['read', 'create', 'update'], subject: 'Complaint', conditions: ownedInMySubtree },
    // Attendance (考勤): the terminals (update) and events entered by hand (create).
    { action: ['read', 'create', 'update'], subject: 'Attendance', conditions: ownedInMySubtree },
  ],
  [Role.SUPERVISOR]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: inMySubtree },
    {
      action: 'read',
      subject: [
        'ServiceWindow',
        'Staff',
        'AuditEvent',
        'Application',
        'ImplementationItem',
        'Consultation',
        'EvaluationDevice',
      ],
      conditions: ownedInMySubtree,
    },
    // A supervisor decides the appeals against bad reviews (申诉复核).
    { action: ['read', 'approve'], subject: 'Rectification', conditions: ownedInMySubtree },
    // 电子监察: the supervisor annotates and closes cards, and may sweep now.
    { action: ['read', 'update'], subject: 'Warning', conditions: ownedInMySubtree },
    { action: ['read', 'create', 'update'], subject: 'Complaint', conditions: ownedInMySubtree },
    { action: 'read', subject: 'Attendance', conditions: ownedInMySubtree },
  ],
  // Window staff work the items of the windows they are assigned to, and only those.
  [Role.WINDOW_STAFF]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: { id: '${tenantId}' } },
    {
      action: 'read',
      subject: ['ServiceWindow', 'ImplementationItem'],
      conditions: ownedByMyTenant,
    },
    { action: ['read', 'create', 'update'], subject: 'Application', conditions: atMyWindows },
    { action: ['read', 'create'], subject: 'Consultation', conditions: atMyWindows },
    // The bad reviews of their windows: read, and appealed by the one they concern.
    { action: ['read', 'create'], subject: 'Rectification', conditions: atMyWindows },
    { action: 'read', subject: 'Warning', conditions: atMyWindows },
    // Complaints about their windows or themselves; who complained stays masked to them.
    { action: 'read', subject: 'Complaint', conditions: atMyWindows },
    { action: 'read', subject: 'Complaint', conditions: aboutMe },
    complainantMasked,
    // Their own attendance row.
    { action: 'read', subject: 'Attendance', conditions: aboutMe },
  ],
  // A village station takes applications in on the villagers' behalf (代办).
  [Role.STATION_STAFF]: [
    ...everyone,
    { action: 'read', subject: 'Tenant', conditions: { id: '${tenantId}' } },
    {
      action: 'read',
      subject: ['ServiceWindow', 'ImplementationItem'],
      conditions: ownedByMyTenant,
    },
    { action: ['read', 'create', 'update'], subject: 'Application', conditions: ownedByMyTenant },
    { action: ['read', 'create'], subject: 'Consultation', conditions: ownedByMyTenant },
    { action: ['read', 'create'], subject: 'Rectification', conditions: ownedByMyTenant },
    { action: 'read', subject: 'Warning', conditions: ownedByMyTenant },
    { action: 'read', subject: 'Complaint', conditions: atMyWindows },
    { action: 'read', subject: 'Complaint', conditions: aboutMe },
    complainantMasked,
    // Their own attendance row.
    { action: 'read', subject: 'Attendance', conditions: aboutMe },
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
