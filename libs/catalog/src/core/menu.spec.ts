import { TenantKind } from '@tongban/core';
import { ServiceTier } from './item';
import {
  CatalogueVersionStatus,
  adoptable,
  itemsEditable,
  mayMoveVersion,
} from './catalogue-version';
import { handlingAt, outsideParent, tierOf } from './menu';
import { ethnicityChangeItem } from './test-items';

describe('tier menus', () => {
  it('lets a village only take an item in unless the catalogue lets villages handle it', () => {
    const item = ethnicityChangeItem();
    expect(handlingAt(item, TenantKind.COUNTY)).toBe('HANDLE');
    expect(handlingAt(item, TenantKind.VILLAGE)).toBe('INTAKE_ONLY');
    expect(handlingAt(item, TenantKind.CITY)).toBe('NONE');
    const villageHandled = ethnicityChangeItem({
      handlingTiers: [ServiceTier.COUNTY, ServiceTier.VILLAGE],
    });
    expect(handlingAt(villageHandled, TenantKind.VILLAGE)).toBe('HANDLE');
    const countyOnly = ethnicityChangeItem({ intakeOnlyTiers: [] });
    expect(handlingAt(countyOnly, TenantKind.TOWNSHIP)).toBe('NONE');
  });

  it('maps tenant kinds to the tiers that serve the public', () => {
    expect([TenantKind.PROVINCE, TenantKind.CITY].map(tierOf)).toEqual([null, null]);
    expect(tierOf(TenantKind.TOWNSHIP)).toBe(ServiceTier.TOWNSHIP);
  });

  it('finds the codes of a menu its parent does not offer, once each', () => {
    const parent = new Set(['A', 'B']);
    expect(outsideParent(['A', 'B'], parent)).toEqual([]);
    expect(outsideParent(['C', 'A', 'C', 'D'], parent)).toEqual(['C', 'D']);
  });
});

describe('catalogue versions', () => {
  it('go DRAFT → PUBLISHED → RETIRED and never back', () => {
    const { DRAFT, PUBLISHED, RETIRED } = CatalogueVersionStatus;
    expect(mayMoveVersion(DRAFT, PUBLISHED)).toBe(true);
    expect(mayMoveVersion(PUBLISHED, RETIRED)).toBe(true);
    for (const [from, to] of [
      [DRAFT, RETIRED],
      [PUBLISHED, DRAFT],
      [RETIRED, PUBLISHED],
      [PUBLISHED, PUBLISHED],
    ] as const) {
      expect(mayMoveVersion(from, to)).toBe(false);
    }
    expect([DRAFT, PUBLISHED, RETIRED].map(itemsEditable)).toEqual([true, false, false]);
    expect([DRAFT, PUBLISHED, RETIRED].map(adoptable)).toEqual([false, true, false]);
  });
});
