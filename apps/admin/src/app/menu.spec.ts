import type {
  PermissionAction,
  PermissionSubject,
  Visibility,
} from '../shared/api/graphql.generated';
import { mayOpen, menuKeyOf, menuKeysFor, menuRoute } from './menu';

/** A person as `me` describes them: e.g. viewer('SUBTREE', 'READ TENANT', 'ONBOARD TENANT'). */
function viewer(visibility: Visibility, ...permissions: string[]) {
  return {
    visibility,
    permissions: permissions.map((p) => {
      const [action, subject] = p.split(' ') as [PermissionAction, PermissionSubject];
      return { action, subject };
    }),
  };
}

// What the server answers for some of the demo's people (libs/tenancy role-rules.ts).
const countyAdmin = viewer(
  'SUBTREE',
  'READ TENANT',
  'UPDATE TENANT',
  'ONBOARD TENANT',
  'SUSPEND TENANT',
  'READ SERVICE_WINDOW',
  'CREATE SERVICE_WINDOW',
  'READ STAFF',
  'CREATE STAFF',
  'READ AUDIT_EVENT',
  'READ APPLICATION',
  'READ CATALOGUE',
  'READ IMPLEMENTATION_ITEM',
  'UPDATE IMPLEMENTATION_ITEM',
  'READ CATALOGUE_ROLLOUT',
  'CREATE CATALOGUE_ROLLOUT',
  'UPDATE CATALOGUE_ROLLOUT',
);
const cityOfficial = viewer(
  'SUBTREE',
  'READ TENANT',
  'READ SERVICE_WINDOW',
  'READ STAFF',
  'READ AUDIT_EVENT',
  'READ APPLICATION',
  'READ CATALOGUE_ROLLOUT',
);
const townshipManager = viewer(
  'SUBTREE',
  'READ TENANT',
  'READ SERVICE_WINDOW',
  'READ STAFF',
  'READ APPLICATION',
  'READ CATALOGUE',
  'READ IMPLEMENTATION_ITEM',
);
const windowClerk = viewer(
  'TENANT',
  'READ TENANT',
  'READ SERVICE_WINDOW',
  'READ APPLICATION',
  'CREATE APPLICATION',
);

describe('side menu from what the server says', () => {
  it.each([
    [
      'a county administrator',
      countyAdmin,
      [
        'home',
        'applications',
        'tenants',
        'windows',
        'staff',
        'onboarding',
        'villageSheet',
        'catalogue',
        'implementation',
        'rollouts',
        'insights',
      ],
    ],
    [
      'a city official',
      cityOfficial,
      ['home', 'applications', 'tenants', 'windows', 'staff', 'rollouts', 'insights'],
    ],
    [
      'a township center manager',
      townshipManager,
      [
        'home',
        'applications',
        'tenants',
        'windows',
        'staff',
        'catalogue',
        'implementation',
        'insights',
      ],
    ],
    // Cannot read the staff list: no staff entry.
    ['a window clerk', windowClerk, ['home', 'applications', 'windows']],
    [
      'window staff who may read the list',
      viewer('TENANT', 'READ APPLICATION', 'READ IMPLEMENTATION_ITEM'),
      ['home', 'applications', 'implementation'],
    ],
    [
      'a station clerk who logs consultations',
      viewer('TENANT', 'READ APPLICATION', 'READ CONSULTATION', 'CREATE CONSULTATION'),
      ['home', 'applications', 'consultations'],
    ],
    ['someone who may do nothing', viewer('TENANT'), ['home']],
  ])('%s sees %j', (_who, user, keys) => {
    // Everyone has an inbox (the notifications the outbox delivered), last.
    expect(menuKeysFor(user)).toEqual([...keys, 'inbox']);
  });

  it('offers the supervision console to those who read cards below them, not to a clerk', () => {
    const supervisor = viewer('SUBTREE', 'READ WARNING', 'UPDATE WARNING', 'READ APPLICATION');
    expect(menuKeysFor(supervisor)).toContain('supervision');
    expect(menuKeysFor(viewer('TENANT', 'READ WARNING', 'READ APPLICATION'))).not.toContain(
      'supervision',
    );
    expect(mayOpen('supervision', windowClerk)).toBe(false);
    // 统计分析 likewise: a clerk reads applications, but not a whole tenant's figures.
    expect(mayOpen('insights', windowClerk)).toBe(false);
    expect(mayOpen('insights', cityOfficial)).toBe(true);
    expect(mayOpen('inbox', viewer('TENANT'))).toBe(true);
  });

  it('the tenant tree needs subtree visibility, not only reading tenants', () => {
    expect(menuKeysFor(viewer('TENANT', 'READ TENANT'))).toEqual(['home', 'inbox']);
    expect(menuKeysFor(viewer('SUBTREE', 'READ TENANT'))).toEqual(['home', 'tenants', 'inbox']);
  });

  it('screens one may not open are refused, even by address', () => {
    expect(mayOpen('tenants', windowClerk)).toBe(false);
    expect(mayOpen('onboarding', cityOfficial)).toBe(false);
    expect(mayOpen('onboarding', countyAdmin)).toBe(true);
    expect(mayOpen('home', viewer('TENANT'))).toBe(true);
    expect(mayOpen('windows', windowClerk)).toBe(true);
    expect(mayOpen('applications', windowClerk)).toBe(true);
    expect(mayOpen('applications', cityOfficial)).toBe(true);
    expect(mayOpen('applications', viewer('SUBTREE', 'READ TENANT'))).toBe(false);
    expect(mayOpen('setup', viewer('TENANT'))).toBe(true);
    expect(mayOpen('rollouts', cityOfficial)).toBe(true);
    expect(mayOpen('rollouts', townshipManager)).toBe(false);
    expect(mayOpen('notFound', viewer('TENANT'))).toBe(true);
    expect(mayOpen('consultations', viewer('SUBTREE', 'READ CONSULTATION'))).toBe(true);
    expect(mayOpen('consultations', windowClerk)).toBe(false);
  });
});

describe('menu entries and screens', () => {
  it("an entry opens its screen, for the user's own tenant", () => {
    expect(menuRoute('home')).toEqual({ name: 'home' });
    expect(menuRoute('tenants')).toEqual({ name: 'tenants', tenantId: null });
    expect(menuRoute('onboarding')).toEqual({ name: 'onboarding', parentId: null });
    expect(menuRoute('rollouts')).toEqual({ name: 'rollouts', rolloutId: null });
  });

  it('the entry of a screen is highlighted; setup and unknown paths have none', () => {
    expect(menuKeyOf({ name: 'windows', tenantId: 'x' })).toBe('windows');
    expect(menuKeyOf({ name: 'setup' })).toBeNull();
    expect(menuKeyOf({ name: 'notFound', path: '/x' })).toBeNull();
  });
});
