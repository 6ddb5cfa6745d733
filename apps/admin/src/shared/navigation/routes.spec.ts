import { parseRoute, type Route, routeHref } from './routes';

const ID = '7d1c2a0e-3b0f-4c55-9d6e-0a1b2c3d4e5f';

describe('routes', () => {
  it.each<[string, string, Route]>([
    ['/', '', { name: 'home' }],
    ['', '', { name: 'home' }],
    ['/applications', '', { name: 'applications' }],
    ['/applications/', '', { name: 'applications' }],
    ['/tenants', '', { name: 'tenants', tenantId: null }],
    ['/tenants/', '', { name: 'tenants', tenantId: null }],
    [`/tenants/${ID}`, '', { name: 'tenants', tenantId: ID }],
    ['/windows', '', { name: 'windows', tenantId: null }],
    [`/windows/${ID}`, '', { name: 'windows', tenantId: ID }],
    ['/staff', '', { name: 'staff', tenantId: null }],
    [`/staff/${ID}`, '', { name: 'staff', tenantId: ID }],
    ['/onboarding', '', { name: 'onboarding', parentId: null }],
    ['/onboarding', `?parent=${ID}`, { name: 'onboarding', parentId: ID }],
    ['/onboarding', '?parent=', { name: 'onboarding', parentId: null }],
    ['/village-sheet', '', { name: 'villageSheet', parentId: null }],
    ['/village-sheet', `?parent=${ID}`, { name: 'villageSheet', parentId: ID }],
    ['/setup', '', { name: 'setup' }],
    ['/consultations', '', { name: 'consultations' }],
    ['/supervision', '', { name: 'supervision' }],
    ['/inbox', '', { name: 'inbox' }],
    ['/implementation', '', { name: 'implementation' }],
    ['/rollouts', '', { name: 'rollouts', rolloutId: null }],
    [`/rollouts/${ID}`, '', { name: 'rollouts', rolloutId: ID }],
    ['/guide/450222', '', { name: 'guide', divisionCode: '450222', item: null }],
    ['/guide/450222', '?item=A%201', { name: 'guide', divisionCode: '450222', item: 'A 1' }],
  ])('%s%s', (path, search, route) => {
    expect(parseRoute(path, search)).toEqual(route);
  });

  it('anything else is not found', () => {
    expect(parseRoute('/nowhere')).toEqual({ name: 'notFound', path: '/nowhere' });
    expect(parseRoute('/tenants/a/b')).toEqual({ name: 'notFound', path: '/tenants/a/b' });
    expect(parseRoute('/setup/extra').name).toBe('notFound');
    expect(parseRoute('/guide').name).toBe('notFound');
    expect(parseRoute('/consultations/x').name).toBe('notFound');
    expect(parseRoute('/guide/450222/x').name).toBe('notFound');
    expect(parseRoute('/onboarding/x').name).toBe('notFound');
    expect(parseRoute('/applications/x/y').name).toBe('notFound');
    expect(parseRoute('/work-queue/x').name).toBe('notFound');
    expect(parseRoute('/implementation/x').name).toBe('notFound');
    expect(parseRoute(`/rollouts/${ID}/x`).name).toBe('notFound');
  });

  it('an address parses back to the same route', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'applications' },
      { name: 'workQueue' },
      { name: 'application', id: ID },
      { name: 'tenants', tenantId: null },
      { name: 'tenants', tenantId: ID },
      { name: 'windows', tenantId: ID },
      { name: 'onboarding', parentId: ID },
      { name: 'onboarding', parentId: null },
      { name: 'setup' },
      { name: 'rollouts', rolloutId: null },
      { name: 'rollouts', rolloutId: ID },
      { name: 'guide', divisionCode: '450222', item: null },
      { name: 'guide', divisionCode: '450222', item: '000131128000' },
    ];
    for (const route of routes) {
      const url = new URL(routeHref(route), 'http://x');
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });

  it('encodes odd ids', () => {
    expect(routeHref({ name: 'tenants', tenantId: 'a/b c' })).toBe('/tenants/a%2Fb%20c');
    expect(parseRoute('/tenants/a%2Fb%20c')).toEqual({ name: 'tenants', tenantId: 'a/b c' });
  });
});
