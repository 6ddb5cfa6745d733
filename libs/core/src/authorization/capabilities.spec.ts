import { abilityFor } from './ability';
import {
  grantableRolesOf,
  mayManageMember,
  permissionsOf,
  tenantCapabilities,
} from './capabilities';
import { Role } from '../vocabulary/role';
import { TenantKind, TenantStatus } from '../vocabulary/tenant-kind';

const CITY = '00000000-0000-4000-8000-0000000000c1';
const COUNTY = '00000000-0000-4000-8000-0000000000c2';
const TOWNSHIP = '00000000-0000-4000-8000-0000000000c3';
const VILLAGE = '00000000-0000-4000-8000-0000000000c4';
const USER = '00000000-0000-4000-8000-0000000000a1';

function actor(role: Role, tenantPath: string[], kind: TenantKind) {
  return {
    userId: USER,
    roles: [role],
    tenant: {
      id: tenantPath.at(-1)!,
      name: 'x',
      kind,
      divisionCode: '450222',
      status: TenantStatus.ACTIVE,
      path: tenantPath,
    },
  };
}

const county = { id: COUNTY, path: [CITY, COUNTY], kind: TenantKind.COUNTY };
const township = { id: TOWNSHIP, path: [CITY, COUNTY, TOWNSHIP], kind: TenantKind.TOWNSHIP };
const village = { id: VILLAGE, path: [CITY, COUNTY, TOWNSHIP, VILLAGE], kind: TenantKind.VILLAGE };

describe('capabilities read off the ability', () => {
  it('lists what a county administrator may do, and nothing a window clerk may not', () => {
    const admin = permissionsOf(abilityFor(actor(Role.COUNTY_ADMIN, county.path, county.kind)));
    expect(admin).toContainEqual({ action: 'onboard', subject: 'Tenant' });
    expect(admin).toContainEqual({ action: 'create', subject: 'Staff' });
    expect(admin).not.toContainEqual({ action: 'create', subject: 'Application' });
    const clerk = permissionsOf(abilityFor(actor(Role.WINDOW_STAFF, county.path, county.kind)));
    expect(clerk).toEqual([
      { action: 'read', subject: 'Tenant' },
      { action: 'read', subject: 'ServiceWindow' },
      { action: 'read', subject: 'Application' },
      { action: 'create', subject: 'Application' },
      { action: 'update', subject: 'Application' },
      { action: 'read', subject: 'Catalogue' },
      { action: 'read', subject: 'ImplementationItem' },
      { action: 'read', subject: 'Consultation' },
      { action: 'create', subject: 'Consultation' },
      { action: 'read', subject: 'WorkingCalendar' },
      { action: 'read', subject: 'Rectification' },
      { action: 'create', subject: 'Rectification' },
      // The cards of the windows they work; the settings everyone reads.
      { action: 'read', subject: 'Warning' },
      { action: 'read', subject: 'SupervisionSettings' },
      // Complaints about their windows or themselves, read only.
      { action: 'read', subject: 'Complaint' },
      // Their own attendance row.
      { action: 'read', subject: 'Attendance' },
    ]);
    // Only a supervisor closes a card.
    expect(clerk).not.toContainEqual({ action: 'update', subject: 'Warning' });
    const supervisor = permissionsOf(abilityFor(actor(Role.SUPERVISOR, county.path, county.kind)));
    expect(supervisor).toContainEqual({ action: 'update', subject: 'Warning' });
    // A county administrator sets the county's supervision settings.
    expect(admin).toContainEqual({ action: 'update', subject: 'SupervisionSettings' });
    // A county administrator keeps the local days and hours of the county; the clerk reads.
    expect(admin).toContainEqual({ action: 'update', subject: 'WorkingCalendar' });
    // A county administrator reads consultations but logs none: they work no window.
    expect(admin).toContainEqual({ action: 'read', subject: 'Consultation' });
    expect(admin).not.toContainEqual({ action: 'create', subject: 'Consultation' });
    // Bad reviews: the clerk reads those of their windows; the manager calls back and closes,
    // a supervisor decides appeals; devices are registered by whoever manages the windows.
    expect(clerk).not.toContainEqual({ action: 'update', subject: 'Rectification' });
    const manager = permissionsOf(abilityFor(actor(Role.CENTER_MANAGER, county.path, county.kind)));
    expect(manager).toContainEqual({ action: 'update', subject: 'Rectification' });
    expect(manager).toContainEqual({ action: 'create', subject: 'EvaluationDevice' });
    expect(manager).not.toContainEqual({ action: 'approve', subject: 'Rectification' });
    // Appeals (create) are the window staff's path, not the manager's or the supervisor's.
    expect(manager).not.toContainEqual({ action: 'create', subject: 'Rectification' });
    expect(supervisor).toContainEqual({ action: 'approve', subject: 'Rectification' });
    expect(supervisor).not.toContainEqual({ action: 'update', subject: 'Rectification' });
    expect(supervisor).not.toContainEqual({ action: 'create', subject: 'EvaluationDevice' });
    expect(supervisor).not.toContainEqual({ action: 'create', subject: 'Rectification' });
    // Extensions are approved by a manager, never by the clerk who asks.
    expect(clerk).not.toContainEqual({ action: 'approve', subject: 'Application' });
  });

  it('gives a county administrator the townships below but not their own county to suspend', () => {
    const ability = abilityFor(actor(Role.COUNTY_ADMIN, county.path, county.kind));
    expect(tenantCapabilities(ability, county)).toMatchObject({
      suspend: false,
      onboardBelow: true,
      manageStaff: true,
    });
    expect(tenantCapabilities(ability, township)).toMatchObject({
      suspend: true,
      onboardBelow: true,
    });
    expect(tenantCapabilities(ability, village).onboardBelow).toBe(false);
  });

  it('lets a city official read but manage nothing', () => {
    const ability = abilityFor(actor(Role.CITY_OFFICIAL, [CITY], TenantKind.CITY));
    expect(tenantCapabilities(ability, township)).toEqual({
      update: false,
      suspend: false,
      onboardBelow: false,
      readWindows: true,
      manageWindows: false,
      readStaff: true,
      manageStaff: false,
    });
  });

  it('lets a manager manage only people holding roles they could give, never themselves', () => {
    const manager = actor(Role.CENTER_MANAGER, township.path, township.kind);
    const ability = abilityFor(manager);
    const member = (userId: string, roles: Role[]) => ({
      userId,
      roles,
      tenantId: TOWNSHIP,
      tenantPath: township.path,
    });
    expect(mayManageMember(ability, manager, member(VILLAGE, [Role.WINDOW_STAFF]))).toBe(true);
    expect(mayManageMember(ability, manager, member(VILLAGE, [Role.SUPERVISOR]))).toBe(false);
    expect(mayManageMember(ability, manager, member(USER, [Role.WINDOW_STAFF]))).toBe(false);
  });

  it('names the roles a holder may give with where they are held', () => {
    expect(grantableRolesOf([Role.CENTER_MANAGER])).toEqual([
      { role: Role.WINDOW_STAFF, tenantKinds: [TenantKind.COUNTY, TenantKind.TOWNSHIP] },
      { role: Role.STATION_STAFF, tenantKinds: [TenantKind.VILLAGE] },
    ]);
    expect(grantableRolesOf([Role.SUPERVISOR])).toEqual([]);
  });
});
