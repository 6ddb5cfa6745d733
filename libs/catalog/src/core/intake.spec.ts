import { TenantKind } from '@tongban/core';
import { CatalogueVersionStatus } from './catalogue-version';
import { intakeItemOf, IntakeRefusal, type MenuEntry } from './intake';
import { ServiceTier } from './item';
import { ItemHandling } from './menu';

const entry = (over: Partial<MenuEntry> = {}): MenuEntry => ({
  sourceVersionId: 'v1',
  versionStatus: CatalogueVersionStatus.PUBLISHED,
  promisedLimit: { onTheSpot: false, workingDays: 5 },
  standard: {
    code: '450011002W01',
    name: '高龄津贴申领',
    statutoryLimit: { onTheSpot: false, workingDays: 20 },
    handlingTiers: [ServiceTier.COUNTY],
    intakeOnlyTiers: [ServiceTier.TOWNSHIP, ServiceTier.VILLAGE],
  },
  ...over,
});

describe('intake from the menu', () => {
  it('records the item as the menu has it, with what this tier may do', () => {
    expect(intakeItemOf(entry(), TenantKind.COUNTY)).toEqual({
      versionId: 'v1',
      code: '450011002W01',
      name: '高龄津贴申领',
      statutoryLimit: { onTheSpot: false, workingDays: 20 },
      promisedLimit: { onTheSpot: false, workingDays: 5 },
      handling: ItemHandling.HANDLE,
    });
    expect(intakeItemOf(entry(), TenantKind.VILLAGE)).toMatchObject({
      handling: ItemHandling.INTAKE_ONLY,
    });
  });

  it('refuses what is off the menu, retired, not at this tier, or only taken in here', () => {
    expect(intakeItemOf(undefined, TenantKind.COUNTY)).toBe(IntakeRefusal.NOT_ON_MENU);
    expect(
      intakeItemOf(entry({ versionStatus: CatalogueVersionStatus.RETIRED }), TenantKind.COUNTY),
    ).toBe(IntakeRefusal.RETIRED);
    const countyOnly = entry({
      standard: { ...entry().standard, intakeOnlyTiers: [] },
    });
    expect(intakeItemOf(countyOnly, TenantKind.VILLAGE)).toBe(IntakeRefusal.NOT_AT_THIS_TIER);
    expect(intakeItemOf(entry(), TenantKind.CITY)).toBe(IntakeRefusal.NOT_AT_THIS_TIER);
    expect(intakeItemOf(entry(), TenantKind.VILLAGE, true)).toBe(IntakeRefusal.INTAKE_ONLY);
    expect(intakeItemOf(entry(), TenantKind.COUNTY, true)).toMatchObject({
      handling: ItemHandling.HANDLE,
    });
  });
});
