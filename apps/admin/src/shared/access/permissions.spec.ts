import {
  canChangeTenantStatus,
  canGrant,
  canManageMember,
  canManageStaff,
  canManageWindows,
  canOnboard,
  canOnboardUnder,
  canReadApplications,
  canReadStaff,
  canSubmitApplications,
  canSeeSubtree,
  grantableRoles,
  mayOpen,
  menuKeysFor,
} from './permissions';

describe('side menu by role', () => {
  it.each([
    ['PLATFORM_ADMIN', ['home', 'applications', 'tenants', 'windows', 'onboarding']],
    ['CITY_OFFICIAL', ['home', 'applications', 'tenants', 'windows']],
    ['COUNTY_ADMIN', ['home', 'applications', 'tenants', 'windows', 'onboarding']],
    ['CENTER_MANAGER', ['home', 'applications', 'tenants', 'windows']],
    ['SUPERVISOR', ['home', 'applications', 'tenants', 'windows']],
    ['WINDOW_STAFF', ['home', 'applications', 'windows']],
    ['STATION_STAFF', ['home', 'applications', 'windows']],
  ])('%s sees %j', (role, keys) => {
    expect(menuKeysFor([role])).toEqual(keys);
  });

  it('several roles add up; unknown roles add nothing', () => {
    expect(menuKeysFor(['WINDOW_STAFF', 'SUPERVISOR'])).toEqual([
      'home',
      'applications',
      'tenants',
      'windows',
    ]);
    expect(menuKeysFor(['AUDITOR'])).toEqual(['home', 'windows']);
    expect(menuKeysFor([])).toEqual(['home', 'windows']);
  });

  it('screens a role may not open are refused, even by address', () => {
    expect(mayOpen('tenants', ['WINDOW_STAFF'])).toBe(false);
    expect(mayOpen('onboarding', ['CENTER_MANAGER'])).toBe(false);
    expect(mayOpen('onboarding', ['COUNTY_ADMIN'])).toBe(true);
    expect(mayOpen('home', [])).toBe(true);
    expect(mayOpen('windows', ['STATION_STAFF'])).toBe(true);
    expect(mayOpen('applications', ['WINDOW_STAFF'])).toBe(true);
    expect(mayOpen('applications', ['CITY_OFFICIAL'])).toBe(true);
    expect(mayOpen('applications', ['AUDITOR'])).toBe(false);
    expect(mayOpen('applications', [])).toBe(false);
  });
});

describe('actions by role', () => {
  it('subtree, onboarding, windows and staff', () => {
    expect(canSeeSubtree(['CENTER_MANAGER'])).toBe(true);
    expect(canSeeSubtree(['WINDOW_STAFF'])).toBe(false);
    expect(canOnboard(['COUNTY_ADMIN'])).toBe(true);
    expect(canOnboard(['CITY_OFFICIAL'])).toBe(false);
    expect(canManageWindows(['CENTER_MANAGER'])).toBe(true);
    expect(canManageWindows(['SUPERVISOR'])).toBe(false);
    expect(canReadStaff(['SUPERVISOR'])).toBe(true);
    expect(canReadStaff(['WINDOW_STAFF'])).toBe(false);
    expect(canManageStaff(['CITY_OFFICIAL'])).toBe(false);
  });

  it('suspend and reactivate: county and platform administrators, below their own tenant', () => {
    expect(canChangeTenantStatus(['COUNTY_ADMIN'], { id: 'town' }, 'county')).toBe(true);
    expect(canChangeTenantStatus(['COUNTY_ADMIN'], { id: 'county' }, 'county')).toBe(false);
    expect(canChangeTenantStatus(['PLATFORM_ADMIN'], { id: 'county' }, 'province')).toBe(true);
    expect(canChangeTenantStatus(['CENTER_MANAGER'], { id: 'village' }, 'town')).toBe(false);
  });

  it('onboarding goes under a county or a township', () => {
    expect(canOnboardUnder(['COUNTY_ADMIN'], { kind: 'COUNTY' })).toBe(true);
    expect(canOnboardUnder(['COUNTY_ADMIN'], { kind: 'TOWNSHIP' })).toBe(true);
    expect(canOnboardUnder(['COUNTY_ADMIN'], { kind: 'VILLAGE' })).toBe(false);
    expect(canOnboardUnder(['CENTER_MANAGER'], { kind: 'TOWNSHIP' })).toBe(false);
  });
});

describe('applications', () => {
  it('every role reads applications (the server narrows which)', () => {
    for (const role of [
      'PLATFORM_ADMIN',
      'CITY_OFFICIAL',
      'COUNTY_ADMIN',
      'CENTER_MANAGER',
      'SUPERVISOR',
      'WINDOW_STAFF',
      'STATION_STAFF',
    ]) {
      expect(canReadApplications([role])).toBe(true);
    }
    expect(canReadApplications(['AUDITOR'])).toBe(false);
  });

  it('window staff, center managers and station staff take applications in', () => {
    expect(canSubmitApplications(['WINDOW_STAFF'])).toBe(true);
    expect(canSubmitApplications(['CENTER_MANAGER'])).toBe(true);
    expect(canSubmitApplications(['STATION_STAFF'])).toBe(true);
    for (const role of ['PLATFORM_ADMIN', 'CITY_OFFICIAL', 'COUNTY_ADMIN', 'SUPERVISOR']) {
      expect(canSubmitApplications([role])).toBe(false);
    }
    expect(canSubmitApplications(['SUPERVISOR', 'WINDOW_STAFF'])).toBe(true);
  });
});

describe('roles one may give', () => {
  it("never above one's own, and only where the role makes sense", () => {
    expect(grantableRoles(['COUNTY_ADMIN'], 'TOWNSHIP')).toEqual([
      'CENTER_MANAGER',
      'WINDOW_STAFF',
      'SUPERVISOR',
    ]);
    expect(grantableRoles(['COUNTY_ADMIN'], 'VILLAGE')).toEqual(['STATION_STAFF']);
    expect(grantableRoles(['COUNTY_ADMIN'], 'COUNTY')).toEqual([
      'COUNTY_ADMIN',
      'CENTER_MANAGER',
      'WINDOW_STAFF',
      'SUPERVISOR',
    ]);
    expect(grantableRoles(['CENTER_MANAGER'], 'TOWNSHIP')).toEqual(['WINDOW_STAFF']);
    expect(grantableRoles(['SUPERVISOR'], 'TOWNSHIP')).toEqual([]);
    expect(grantableRoles(['PLATFORM_ADMIN'], 'PROVINCE')).toEqual([
      'PLATFORM_ADMIN',
      'CITY_OFFICIAL',
    ]);
    expect(canGrant(['CENTER_MANAGER'], 'CENTER_MANAGER')).toBe(false);
  });

  it('manages a person only when not oneself and every role they hold could be given', () => {
    const manager = { userId: 'm', roles: ['CENTER_MANAGER'] };
    const clerk = { userId: 'c', roles: ['WINDOW_STAFF'] };
    expect(canManageMember(['COUNTY_ADMIN'], 'admin', manager)).toBe(true);
    expect(canManageMember(['CENTER_MANAGER'], 'm', manager)).toBe(false);
    expect(canManageMember(['CENTER_MANAGER'], 'other', manager)).toBe(false);
    expect(canManageMember(['CENTER_MANAGER'], 'm', clerk)).toBe(true);
    expect(canManageMember(['SUPERVISOR'], 's', clerk)).toBe(false);
  });
});
