/**
 * Levels of the tenant tree. PROVINCE is the root the platform operator works from (the
 * standard catalogue is province-wide); a tree may skip a level, e.g. a community station
 * directly under a county.
 */
export enum TenantKind {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

export enum TenantStatus {
  ONBOARDING = 'ONBOARDING',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}

/** Digits of the administrative division code (行政区划代码) for each kind. */
export const DIVISION_CODE_LENGTH: Record<TenantKind, number> = {
  [TenantKind.PROVINCE]: 6,
  [TenantKind.CITY]: 6,
  [TenantKind.COUNTY]: 6,
  [TenantKind.TOWNSHIP]: 9,
  [TenantKind.VILLAGE]: 12,
};

/** Which kinds of tenant may be opened directly below which (a tree may skip a level). */
export const CHILD_KINDS: Record<TenantKind, readonly TenantKind[]> = {
  [TenantKind.PROVINCE]: [TenantKind.CITY],
  [TenantKind.CITY]: [TenantKind.COUNTY],
  [TenantKind.COUNTY]: [TenantKind.TOWNSHIP, TenantKind.VILLAGE],
  [TenantKind.TOWNSHIP]: [TenantKind.VILLAGE],
  [TenantKind.VILLAGE]: [],
};
