import { Role, TenantKind, TenantStatus } from '@tongban/core';

/** The role of the first account a new tenant gets: who runs it, valid for its kind. */
export function firstManagerRole(kind: TenantKind): Role {
  switch (kind) {
    case TenantKind.VILLAGE:
      return Role.STATION_STAFF;
    case TenantKind.TOWNSHIP:
      return Role.CENTER_MANAGER;
    case TenantKind.COUNTY:
      return Role.COUNTY_ADMIN;
    default:
      return Role.CITY_OFFICIAL;
  }
}

export interface OnboardingFacts {
  /** The first manager has completed their setup link and can log in. */
  managerReady: boolean;
  windowCount: number;
}

export interface OnboardingChecklist {
  managerReady: boolean;
  hasWindow: boolean;
  complete: boolean;
}

/** What stands between an ONBOARDING tenant and ACTIVE (the item menu joins with the catalogue). */
export function onboardingChecklist(facts: OnboardingFacts): OnboardingChecklist {
  const hasWindow = facts.windowCount > 0;
  return { managerReady: facts.managerReady, hasWindow, complete: facts.managerReady && hasWindow };
}

/** The status a tenant moves to when its checklist changes: only ONBOARDING moves on its own. */
export function statusAfterChecklist(
  current: TenantStatus,
  checklist: OnboardingChecklist,
): TenantStatus {
  return current === TenantStatus.ONBOARDING && checklist.complete ? TenantStatus.ACTIVE : current;
}
