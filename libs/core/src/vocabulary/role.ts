/** Roles of DESIGN.md §3. What each may do is decided by abilities, not by these names. */
export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  CITY_OFFICIAL = 'CITY_OFFICIAL',
  COUNTY_ADMIN = 'COUNTY_ADMIN',
  CENTER_MANAGER = 'CENTER_MANAGER',
  WINDOW_STAFF = 'WINDOW_STAFF',
  STATION_STAFF = 'STATION_STAFF',
  SUPERVISOR = 'SUPERVISOR',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
