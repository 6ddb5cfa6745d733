import { Role, TenantKind, TenantStatus } from '@tongban/core';

/** The role of the first account a new tenant gets: who runs the hall or the station. */
export function firstManagerRole(kind: TenantKind): Role {
  return kind === TenantKind.VILLAGE ? Role.STATION_STAFF : Role.CENTER_MANAGER;
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
