import { Role } from '../vocabulary/role';
import { TenantKind, TenantStatus } from '../vocabulary/tenant-kind';
import { abilityFor, subject } from './ability';
import { canGrant, visibilityOf } from './role-rules';

const ROOT = 'aaaaaaaa-0000-4000-8000-000000000000';
const COUNTY = 'bbbbbbbb-0000-4000-8000-000000000000';
const TOWNSHIP = 'cccccccc-0000-4000-8000-000000000000';
const OTHER_COUNTY = 'dddddddd-0000-4000-8000-000000000000';

const countyTenant = { id: COUNTY, path: [ROOT, COUNTY] };
const township = { id: TOWNSHIP, path: [ROOT, COUNTY, TOWNSHIP] };
const otherCounty = { id: OTHER_COUNTY, path: [ROOT, OTHER_COUNTY] };

const actor = (role: Role, tenant = countyTenant) =>
  abilityFor({
    userId: 'eeeeeeee-0000-4000-8000-000000000000',
    roles: [role],
    tenant: {
      ...tenant,
      name: 'x',
      kind: TenantKind.COUNTY,
      divisionCode: '450222',
      status: TenantStatus.ACTIVE,
    },
  });

describe('abilities from the role rules', () => {
  it('a county administrator reads and onboards in their subtree and suspends only below themselves', () => {
    const ability = actor(Role.COUNTY_ADMIN);
    expect(ability.can('read', subject('Tenant', township))).toBe(true);
    expect(ability.can('onboard', subject('Tenant', countyTenant))).toBe(true);
    expect(ability.can('suspend', subject('Tenant', township))).toBe(true);
    expect(ability.can('suspend', subject('Tenant', countyTenant))).toBe(false);
    expect(ability.can('read', subject('Tenant', otherCounty))).toBe(false);
    expect(
      ability.can('manage', subject('Staff', { tenantId: TOWNSHIP, tenantPath: township.path })),
    ).toBe(true);
    expect(
      ability.can(
        'manage',
        subject('Staff', { tenantId: OTHER_COUNTY, tenantPath: otherCounty.path }),
      ),
    ).toBe(false);
  });

  it('window staff read their own tenant and its windows only', () => {
    const ability = actor(Role.WINDOW_STAFF);
    expect(ability.can('read', subject('Tenant', countyTenant))).toBe(true);
    expect(ability.can('read', subject('Tenant', township))).toBe(false);
    expect(ability.can('read', subject('ServiceWindow', { tenantId: COUNTY }))).toBe(true);
    expect(ability.can('read', subject('ServiceWindow', { tenantId: TOWNSHIP }))).toBe(false);
    expect(ability.can('create', 'ServiceWindow')).toBe(false);
    expect(ability.can('read', 'Staff')).toBe(false);
  });

  it('a city official reads below but changes nothing', () => {
    const ability = actor(Role.CITY_OFFICIAL, { id: ROOT, path: [ROOT] });
    expect(ability.can('read', subject('Tenant', township))).toBe(true);
    expect(ability.can('suspend', subject('Tenant', township))).toBe(false);
    expect(ability.can('update', 'Staff')).toBe(false);
  });

  it('scopes row-level security by role and bounds which roles may be given', () => {
    expect(visibilityOf([Role.WINDOW_STAFF])).toBe('tenant');
    expect(visibilityOf([Role.WINDOW_STAFF, Role.SUPERVISOR])).toBe('subtree');
    expect(canGrant([Role.COUNTY_ADMIN], Role.CENTER_MANAGER)).toBe(true);
    expect(canGrant([Role.COUNTY_ADMIN], Role.CITY_OFFICIAL)).toBe(false);
    expect(canGrant([Role.COUNTY_ADMIN], Role.PLATFORM_ADMIN)).toBe(false);
    expect(canGrant([Role.CENTER_MANAGER], Role.CENTER_MANAGER)).toBe(false);
    expect(canGrant([Role.SUPERVISOR], Role.WINDOW_STAFF)).toBe(false);
  });
});

describe('ability cache', () => {
  it('gives the same ability for the same person, tenant and roles, and another for other roles', () => {
    const actor = {
      userId: '00000000-0000-4000-8000-0000000000c1',
      roles: [Role.WINDOW_STAFF],
      tenant: { id: '00000000-0000-4000-8000-0000000000c2' } as never,
    };
    expect(abilityFor(actor)).toBe(abilityFor({ ...actor }));
    const promoted = abilityFor({ ...actor, roles: [Role.CENTER_MANAGER] });
    expect(promoted).not.toBe(abilityFor(actor));
    expect(promoted.can('read', 'Staff')).toBe(true);
    expect(abilityFor(actor).can('read', 'Staff')).toBe(false);
  });
});
