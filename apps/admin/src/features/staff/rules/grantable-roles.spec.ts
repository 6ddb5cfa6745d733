import type { Role, TenantKind } from '../../../shared/api/graphql.generated';
import { grantableRolesFor, roleChoices } from './grantable-roles';

const grants = (...entries: [Role, TenantKind[]][]) => ({
  grantableRoles: entries.map(([role, tenantKinds]) => ({ role, tenantKinds })),
});

// What the server lists for a county administrator and a center manager.
const countyAdmin = grants(
  ['COUNTY_ADMIN', ['COUNTY']],
  ['CENTER_MANAGER', ['COUNTY', 'TOWNSHIP']],
  ['STATION_STAFF', ['VILLAGE']],
  ['SUPERVISOR', ['CITY', 'COUNTY', 'TOWNSHIP']],
  ['WINDOW_STAFF', ['COUNTY', 'TOWNSHIP']],
);
const centerManager = grants(
  ['STATION_STAFF', ['VILLAGE']],
  ['WINDOW_STAFF', ['COUNTY', 'TOWNSHIP']],
);

describe('roles one may give', () => {
  it('only those the server lists, where they make sense, most privileged first', () => {
    expect(grantableRolesFor(countyAdmin, 'TOWNSHIP')).toEqual([
      'CENTER_MANAGER',
      'WINDOW_STAFF',
      'SUPERVISOR',
    ]);
    expect(grantableRolesFor(countyAdmin, 'VILLAGE')).toEqual(['STATION_STAFF']);
    expect(grantableRolesFor(countyAdmin, 'COUNTY')).toEqual([
      'COUNTY_ADMIN',
      'CENTER_MANAGER',
      'WINDOW_STAFF',
      'SUPERVISOR',
    ]);
    expect(grantableRolesFor(centerManager, 'TOWNSHIP')).toEqual(['WINDOW_STAFF']);
    expect(grantableRolesFor(grants(), 'TOWNSHIP')).toEqual([]);
  });

  it("a person's role form: the roles one may give, and theirs, the others only to take away", () => {
    expect(roleChoices(['WINDOW_STAFF'], ['SUPERVISOR', 'WINDOW_STAFF'])).toEqual([
      { role: 'WINDOW_STAFF', grantable: true },
      { role: 'SUPERVISOR', grantable: false },
    ]);
    expect(roleChoices(['CENTER_MANAGER', 'WINDOW_STAFF'], [])).toEqual([
      { role: 'CENTER_MANAGER', grantable: true },
      { role: 'WINDOW_STAFF', grantable: true },
    ]);
  });
});
