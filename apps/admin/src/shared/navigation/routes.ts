/**
 * The admin app's screens and their addresses. Plain TypeScript: parsing a location into a
 * route and back, so deep links and reloads land on the same screen (the API serves
 * index.html for any unknown GET path).
 */

export type Route =
  | { name: 'home' }
  /** Applications (办件) newest first, with intake (收件) for those who take them in. */
  | { name: 'applications' }
  /** 待办: the open applications of the windows one works, most urgent first. */
  | { name: 'workQueue' }
  /** One application: its clock, timeline and the acts one may do on it. */
  | { name: 'application'; id: string }
  /** Consultations (咨询): the quick log, the counts and the list. */
  | { name: 'consultations' }
  /** The tenant tree, with one tenant selected (null: the user's own). */
  | { name: 'tenants'; tenantId: string | null }
  /** Windows of one tenant (null: the user's own). */
  | { name: 'windows'; tenantId: string | null }
  /** Staff of one tenant (null: the user's own). */
  | { name: 'staff'; tenantId: string | null }
  /** The onboarding wizard, optionally with the parent chosen in advance. */
  | { name: 'onboarding'; parentId: string | null }
  /** Village stations opened in bulk from a sheet, optionally under a chosen parent. */
  | { name: 'villageSheet'; parentId: string | null }
  /** The standard catalogue: its versions and items (import and publish at the province). */
  | { name: 'catalogue' }
  /** A tenant's implementation list (实施清单), with a county's menu templates. */
  | { name: 'implementation' }
  /** Clean-up rounds (清理轮次): preview and start a rollout, or one rollout's progress. */
  | { name: 'rollouts'; rolloutId: string | null }
  /** 工作日历: a tenant's year day by day, its layers and business hours. */
  | { name: 'calendar' }
  /** 差评整改: the cases, or one case with its callbacks and appeals. */
  | { name: 'rectification'; caseId: string | null }
  /** 评价器: the evaluation devices of a tenant's windows. */
  | { name: 'evaluationDevices' }
  /** The public rating page of a link (no login): the token is in the URL fragment. */
  | { name: 'rate' }
  | { name: 'supervision' }
  | { name: 'inbox' }
  /** 投诉: the complaints, or one complaint with its handling steps. */
  | { name: 'complaints'; complaintId: string | null }
  /** 考勤: the month's attendance sheet of one's center, and its terminals. */
  | { name: 'attendance' }
  /** 统计分析: the figures of a tenant's children side by side, trends, the cases behind them. */
  | { name: 'insights' }
  /** Completing an invitation: the one-time token is in the URL fragment. */
  | { name: 'setup' }
  /**
   * A center's public service guide (办事指南), without signing in; `item` an item's full
   * guide with the one-time notification.
   */
  | { name: 'guide'; divisionCode: string; item: string | null }
  | { name: 'notFound'; path: string };

export type RouteName = Route['name'];

function segmentsOf(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

function queryParam(search: string, name: string): string | null {
  const value = new URLSearchParams(search).get(name);
  return value && value.trim() !== '' ? value.trim() : null;
}

export function parseRoute(pathname: string, search = ''): Route {
  const [first, second, ...rest] = segmentsOf(pathname);
  if (rest.length > 0) return { name: 'notFound', path: pathname };
  switch (first) {
    case undefined:
      return { name: 'home' };
    case 'applications':
      if (second !== undefined) return { name: 'application', id: second };
      return { name: 'applications' };
    case 'work-queue':
      if (second !== undefined) break;
      return { name: 'workQueue' };
    case 'consultations':
      if (second !== undefined) break;
      return { name: 'consultations' };
    case 'tenants':
      return { name: 'tenants', tenantId: second ?? null };
    case 'windows':
    case 'staff':
      return { name: first, tenantId: second ?? null };
    case 'onboarding':
      if (second !== undefined) break;
      return { name: 'onboarding', parentId: queryParam(search, 'parent') };
    case 'village-sheet':
      if (second !== undefined) break;
      return { name: 'villageSheet', parentId: queryParam(search, 'parent') };
    case 'catalogue':
      if (second !== undefined) break;
      return { name: 'catalogue' };
    case 'implementation':
      if (second !== undefined) break;
      return { name: 'implementation' };
    case 'rollouts':
      return { name: 'rollouts', rolloutId: second ?? null };
    case 'setup':
      if (second !== undefined) break;
      return { name: 'setup' };
    case 'calendar':
      if (second !== undefined) break;
      return { name: 'calendar' };
    case 'rectification':
      return { name: 'rectification', caseId: second ?? null };
    case 'evaluation-devices':
      if (second !== undefined) break;
      return { name: 'evaluationDevices' };
    case 'rate':
      if (second !== undefined) break;
      return { name: 'rate' };
    case 'supervision':
      if (second !== undefined) break;
      return { name: 'supervision' };
    case 'inbox':
      if (second !== undefined) break;
      return { name: 'inbox' };
    case 'complaints':
      return { name: 'complaints', complaintId: second ?? null };
    case 'attendance':
      if (second !== undefined) break;
      return { name: 'attendance' };
    case 'insights':
      if (second !== undefined) break;
      return { name: 'insights' };
    case 'guide':
      if (second === undefined) break;
      return { name: 'guide', divisionCode: second, item: queryParam(search, 'item') };
  }
  return { name: 'notFound', path: pathname };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'applications':
      return '/applications';
    case 'workQueue':
      return '/work-queue';
    case 'application':
      return `/applications/${encodeURIComponent(route.id)}`;
    case 'consultations':
      return '/consultations';
    case 'catalogue':
      return '/catalogue';
    case 'calendar':
      return '/calendar';
    case 'supervision':
      return '/supervision';
    case 'inbox':
      return '/inbox';
    case 'complaints':
      return route.complaintId
        ? `/complaints/${encodeURIComponent(route.complaintId)}`
        : '/complaints';
    case 'attendance':
      return '/attendance';
    case 'implementation':
      return '/implementation';
    case 'rollouts':
      return route.rolloutId ? `/rollouts/${encodeURIComponent(route.rolloutId)}` : '/rollouts';
    case 'tenants':
      return route.tenantId ? `/tenants/${encodeURIComponent(route.tenantId)}` : '/tenants';
    case 'windows':
    case 'staff':
      return route.tenantId
        ? `/${route.name}/${encodeURIComponent(route.tenantId)}`
        : `/${route.name}`;
    case 'onboarding':
      return route.parentId
        ? `/onboarding?parent=${encodeURIComponent(route.parentId)}`
        : '/onboarding';
    case 'villageSheet':
      return route.parentId
        ? `/village-sheet?parent=${encodeURIComponent(route.parentId)}`
        : '/village-sheet';
    case 'setup':
      return '/setup';
    case 'rectification':
      return route.caseId ? `/rectification/${encodeURIComponent(route.caseId)}` : '/rectification';
    case 'evaluationDevices':
      return '/evaluation-devices';
    case 'rate':
      return '/rate';
    case 'guide': {
      const path = `/guide/${encodeURIComponent(route.divisionCode)}`;
      return route.item ? `${path}?item=${encodeURIComponent(route.item)}` : path;
    }
    case 'insights':
      return '/insights';
    case 'notFound':
      return route.path;
  }
}
