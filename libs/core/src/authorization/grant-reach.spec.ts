import { Role } from '../vocabulary/role';
import { mayGrant, readsBeyond } from './grant-reach';

describe('no role granted beyond the granter’s own reads', () => {
  it('lets the platform operator give only roles that read personal data masked too', () => {
    expect(readsBeyond(Role.SUPERVISOR, [Role.PLATFORM_ADMIN])).toEqual([
      'Application.applicantName',
      'Application.applicantIdNumber',
      'Application.applicantPhone',
      'Complaint.complainantName',
      'Complaint.complainantPhone',
    ]);
    expect(mayGrant([Role.PLATFORM_ADMIN], Role.SUPERVISOR)).toBe(false);
    expect(mayGrant([Role.PLATFORM_ADMIN], Role.CENTER_MANAGER)).toBe(false);
    expect(mayGrant([Role.PLATFORM_ADMIN], Role.CITY_OFFICIAL)).toBe(true);
    expect(mayGrant([Role.PLATFORM_ADMIN], Role.PLATFORM_ADMIN)).toBe(true);
  });

  it('lets a county administrator give the roles of the grant table, all within its reads', () => {
    for (const role of [Role.CENTER_MANAGER, Role.SUPERVISOR, Role.WINDOW_STAFF]) {
      expect(readsBeyond(role, [Role.COUNTY_ADMIN])).toEqual([]);
      expect(mayGrant([Role.COUNTY_ADMIN], role)).toBe(true);
    }
    // Not in its grant table, whatever it reads.
    expect(mayGrant([Role.COUNTY_ADMIN], Role.CITY_OFFICIAL)).toBe(false);
  });

  it('lets a center manager give window and station staff, who read less than a manager', () => {
    expect(mayGrant([Role.CENTER_MANAGER], Role.WINDOW_STAFF)).toBe(true);
    expect(readsBeyond(Role.SUPERVISOR, [Role.CENTER_MANAGER])).toEqual([]);
    expect(mayGrant([Role.CENTER_MANAGER], Role.SUPERVISOR)).toBe(false);
  });
});
