/**
 * The side menu and which screens a person may open, from what the server says they may do
 * (`me.permissions`, `me.visibility`): a screen is offered when its data can be read.
 */
import type { Route, RouteName } from '../shared/navigation/routes';
import { can, type CurrentUser, seesSubtree } from '../shared/viewer/viewer';

export type MenuKey =
  | 'home'
  | 'workQueue'
  | 'applications'
  | 'consultations'
  | 'rectification'
  | 'evaluationDevices'
  | 'tenants'
  | 'windows'
  | 'staff'
  | 'onboarding'
  | 'villageSheet'
  | 'catalogue'
  | 'implementation'
  | 'rollouts'
  | 'calendar'
  | 'supervision'
  | 'inbox'
  | 'complaints'
  | 'attendance'
  | 'insights';

type Viewer = Pick<CurrentUser, 'permissions' | 'visibility'>;

const SCREENS: Record<MenuKey, (user: Viewer) => boolean> = {
  home: () => true,
  // For those who act on applications: window and station staff, center managers.
  workQueue: (user) => can(user, 'UPDATE', 'APPLICATION'),
  applications: (user) => can(user, 'READ', 'APPLICATION'),
  consultations: (user) => can(user, 'READ', 'CONSULTATION'),
  rectification: (user) => can(user, 'READ', 'RECTIFICATION'),
  evaluationDevices: (user) => can(user, 'READ', 'EVALUATION_DEVICE'),
  // The tenant tree: for those who see below their own tenant.
  tenants: (user) => seesSubtree(user),
  windows: (user) => can(user, 'READ', 'SERVICE_WINDOW'),
  // No entry for a role that cannot read the staff list (window and station staff).
  staff: (user) => can(user, 'READ', 'STAFF'),
  onboarding: (user) => can(user, 'ONBOARD', 'TENANT'),
  villageSheet: (user) => can(user, 'ONBOARD', 'TENANT'),
  catalogue: (user) => can(user, 'READ', 'CATALOGUE'),
  implementation: (user) => can(user, 'READ', 'IMPLEMENTATION_ITEM'),
  rollouts: (user) => can(user, 'READ', 'CATALOGUE_ROLLOUT'),
  calendar: (user) => can(user, 'READ', 'WORKING_CALENDAR'),
  // 电子监察: for those who oversee a center or more (a clerk's cards reach them as messages).
  supervision: (user) => can(user, 'READ', 'WARNING') && seesSubtree(user),
  // 统计分析: for those who read a whole tenant's applications (not a window clerk's own).
  insights: (user) => can(user, 'READ', 'APPLICATION') && seesSubtree(user),
  inbox: () => true,
  complaints: (user) => can(user, 'READ', 'COMPLAINT'),
  attendance: (user) => can(user, 'READ', 'ATTENDANCE'),
};

/** Side-menu entries, in order. */
export function menuKeysFor(user: Viewer): MenuKey[] {
  return (Object.keys(SCREENS) as MenuKey[]).filter((key) => SCREENS[key](user));
}

/** Whether a signed-in person may open a screen (also when they type its address). */
export function mayOpen(route: RouteName, user: Viewer): boolean {
  if (route === 'application') return SCREENS.applications(user);
  return route in SCREENS ? SCREENS[route as MenuKey](user) : true;
}

/** The screen a menu entry opens (the user's own tenant where a screen shows one). */
export function menuRoute(key: MenuKey): Route {
  switch (key) {
    case 'tenants':
    case 'windows':
    case 'staff':
      return { name: key, tenantId: null };
    case 'onboarding':
    case 'villageSheet':
      return { name: key, parentId: null };
    case 'rollouts':
      return { name: key, rolloutId: null };
    case 'rectification':
      return { name: key, caseId: null };
    case 'complaints':
      return { name: key, complaintId: null };
    default:
      return { name: key };
  }
}

/** The menu entry of the current screen, highlighted (none for setup or an unknown path). */
export function menuKeyOf(route: Route): MenuKey | null {
  if (route.name === 'application') return 'applications';
  return route.name in SCREENS ? (route.name as MenuKey) : null;
}
