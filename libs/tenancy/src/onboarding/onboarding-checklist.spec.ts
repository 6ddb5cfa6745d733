import { Role, TenantKind, TenantStatus } from '@tongban/core';
import {
  firstManagerRole,
  onboardingChecklist,
  statusAfterChecklist,
} from './onboarding-checklist';

describe('the onboarding checklist', () => {
  it('wants a set-up manager and a window for a hall', () => {
    const hall = (activeRoles: Role[], windowCount: number) =>
      onboardingChecklist({ kind: TenantKind.TOWNSHIP, activeRoles, windowCount });
    expect(hall([Role.CENTER_MANAGER], 2)).toEqual({
      managerReady: true,
      hasWindow: true,
      hasMenu: false,
      complete: true,
    });
    expect(hall([Role.WINDOW_STAFF], 2).complete).toBe(false);
    expect(hall([Role.CENTER_MANAGER], 0).complete).toBe(false);
  });

  it('wants no window of a city, whose first account is a city official', () => {
    expect(firstManagerRole(TenantKind.CITY)).toBe(Role.CITY_OFFICIAL);
    expect(
      onboardingChecklist({
        kind: TenantKind.CITY,
        activeRoles: [Role.CITY_OFFICIAL],
        windowCount: 0,
      }).complete,
    ).toBe(true);
  });

  it('shows the item menu as a step of a hall, without holding the opening back', () => {
    const hall = { kind: TenantKind.VILLAGE, activeRoles: [Role.STATION_STAFF], windowCount: 1 };
    expect(onboardingChecklist(hall)).toMatchObject({ hasMenu: false, complete: true });
    expect(onboardingChecklist({ ...hall, menuItemCount: 3 }).hasMenu).toBe(true);
    expect(
      onboardingChecklist({ kind: TenantKind.CITY, activeRoles: [], windowCount: 0 }).hasMenu,
    ).toBe(true);
  });

  it('moves only ONBOARDING tenants, and only when complete', () => {
    const complete = { managerReady: true, hasWindow: true, hasMenu: true, complete: true };
    expect(statusAfterChecklist(TenantStatus.ONBOARDING, complete)).toBe(TenantStatus.ACTIVE);
    expect(statusAfterChecklist(TenantStatus.SUSPENDED, complete)).toBe(TenantStatus.SUSPENDED);
    expect(statusAfterChecklist(TenantStatus.ONBOARDING, { ...complete, complete: false })).toBe(
      TenantStatus.ONBOARDING,
    );
  });
});
