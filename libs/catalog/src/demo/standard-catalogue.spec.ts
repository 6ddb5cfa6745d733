import {
  type CatalogueSheets,
  type SheetCell,
  readCatalogueSheets,
  writeCatalogueSheets,
} from '../core/catalogue-sheet';
import { ItemType, ServiceTier } from '../core/item';
import { DEMO_STANDARD_CATALOGUE } from './standard-catalogue';

const items = DEMO_STANDARD_CATALOGUE;

const cells = (sheets: Record<string, string[][]>): CatalogueSheets =>
  Object.fromEntries(
    Object.entries(sheets).map(([name, rows]) => [
      name,
      rows.map((row) => row.map((text): SheetCell => ({ text, kind: 'value' }))),
    ]),
  );

const byDepartment = new Map<string, number>();
for (const item of items) {
  byDepartment.set(item.competentDepartment, (byDepartment.get(item.competentDepartment) ?? 0) + 1);
}

describe('the demo standard catalogue', () => {
  it('has at least the 197 items the county centre lists', () => {
    expect(items.length).toBeGreaterThanOrEqual(197);
  });

  it('gives every item its own code', () => {
    const codes = items.map((item) => item.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(items.map((item) => item.name)).size).toBe(items.length);
  });

  it('reads back from its own spreadsheet without a problem', () => {
    const read = readCatalogueSheets(cells(writeCatalogueSheets(items)));
    expect(read.problems).toEqual([]);
    expect(read.items).toEqual(items);
  });

  it('spreads over at least ten departments, each with at least three items', () => {
    expect(byDepartment.size).toBeGreaterThanOrEqual(10);
    for (const [department, count] of byDepartment) {
      expect({ department, count: Math.min(count, 3) }).toEqual({ department, count: 3 });
    }
  });

  it('uses every item type', () => {
    const types = new Set(items.map((item) => item.type));
    for (const type of Object.values(ItemType)) expect(types).toContain(type);
  });

  it('states positive statutory limits', () => {
    for (const item of items) {
      if (!item.statutoryLimit.onTheSpot) {
        expect({ code: item.code, positive: item.statutoryLimit.workingDays > 0 }).toEqual({
          code: item.code,
          positive: true,
        });
      }
    }
  });

  it('lists two to six materials, at least one required, and three to five steps', () => {
    for (const item of items) {
      const shape = {
        code: item.code,
        materials: item.materials.length >= 2 && item.materials.length <= 6,
        required: item.materials.some((material) => material.required),
        steps: item.steps.length >= 3 && item.steps.length <= 5,
      };
      expect(shape).toEqual({ code: item.code, materials: true, required: true, steps: true });
    }
  });

  it('names a basis for every charge', () => {
    for (const item of items.filter((each) => !each.fee.free)) {
      expect(item.fee).toEqual(expect.objectContaining({ basis: expect.stringMatching(/\S/) }));
    }
  });

  it('has a tier that handles each item, none both handling and only taking it in', () => {
    for (const item of items) {
      expect(item.handlingTiers.length).toBeGreaterThan(0);
      expect(item.handlingTiers.filter((tier) => item.intakeOnlyTiers.includes(tier))).toEqual([]);
    }
  });

  it('lets village stations take in at least twenty items, and handle a few', () => {
    const village = items.filter(
      (item) =>
        item.handlingTiers.includes(ServiceTier.VILLAGE) ||
        item.intakeOnlyTiers.includes(ServiceTier.VILLAGE),
    );
    expect(village.length).toBeGreaterThanOrEqual(20);
    expect(
      items.filter((item) => item.handlingTiers.includes(ServiceTier.VILLAGE)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('offers a good share online', () => {
    const online = items.filter((item) => item.onlineAvailable).length;
    expect(online / items.length).toBeGreaterThan(0.3);
  });
});
