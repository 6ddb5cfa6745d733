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
    case TenantKind.CITY:
      return Role.CITY_OFFICIAL;
    case TenantKind.PROVINCE:
      return Role.PLATFORM_ADMIN;
  }
}

/** Roles that count as "someone runs it" for a tenant of this kind. */
function managerRoles(kind: TenantKind): Role[] {
  return kind === TenantKind.COUNTY
    ? [Role.COUNTY_ADMIN, Role.CENTER_MANAGER]
    : [firstManagerRole(kind)];
}

/** Halls take people in at windows; cities and the province run no hall. */
function needsWindows(kind: TenantKind): boolean {
  return kind === TenantKind.COUNTY || kind === TenantKind.TOWNSHIP || kind === TenantKind.VILLAGE;
}

export interface OnboardingFacts {
  kind: TenantKind;
  /** Roles held by the tenant's people whose accounts are set up (ACTIVE). */
  activeRoles: readonly Role[];
  windowCount: number;
  /** Items on the tenant's implementation list or menu. */
  menuItemCount?: number;
}

export interface OnboardingChecklist {
  managerReady: boolean;
  hasWindow: boolean;
  /** A hall has items to take in (its list or menu); always true where no hall is run. */
  hasMenu: boolean;
  complete: boolean;
}

/**
 * What stands between an ONBOARDING tenant and ACTIVE: someone who runs it has set up their
 * account, and a hall has a window. The item menu is shown as a step of its own but does not
 * hold the opening back: a hall without one opens and takes nothing in (intake refuses every
 * item) until its county gives it a menu, which the checklist keeps showing undone.
 */
export function onboardingChecklist(facts: OnboardingFacts): OnboardingChecklist {
  const managerReady = facts.activeRoles.some((role) => managerRoles(facts.kind).includes(role));
  const hasWindow = facts.windowCount > 0;
  return {
    managerReady,
    hasWindow,
    hasMenu: !needsWindows(facts.kind) || (facts.menuItemCount ?? 0) > 0,
    complete: managerReady && (hasWindow || !needsWindows(facts.kind)),
  };
}

/** The status a tenant moves to when its checklist changes: only ONBOARDING moves on its own. */
export function statusAfterChecklist(
  current: TenantStatus,
  checklist: OnboardingChecklist,
): TenantStatus {
  return current === TenantStatus.ONBOARDING && checklist.complete ? TenantStatus.ACTIVE : current;
}
