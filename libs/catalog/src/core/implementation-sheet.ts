import type { CatalogItem } from './item';
import type { LocalSettings } from './localization';

/** The sheet of an exported implementation list that says what the tenant localized. */
export const IMPLEMENTATION_SHEET = '实施清单';

const HEADER = ['事项编码', '承诺时限', '办理地点', '咨询电话', '办公时间', '收费说明', '备注'];

/**
 * An implementation list as the catalogue spreadsheet officials exchange: the 事项, 材料 and 流程
 * sheets of the standard items with the materials as this tenant asks for them, and a
 * 实施清单 sheet of what it localized (promised limit, place, phone, hours, fees, notes).
 */
export function implementationItemsForSheet(
  entries: readonly (LocalSettings & { standard: CatalogItem })[],
): CatalogItem[] {
  return entries.map((entry) => ({ ...entry.standard, materials: entry.materials }));
}

export function writeImplementationSheet(
  entries: readonly (LocalSettings & { code: string })[],
): Record<string, string[][]> {
  const text = (value: string | null) => value ?? '';
  return {
    [IMPLEMENTATION_SHEET]: [
      HEADER,
      ...entries.map((entry) => [
        entry.code,
        entry.promisedLimit.onTheSpot ? '即办' : String(entry.promisedLimit.workingDays),
        text(entry.address),
        text(entry.phone),
        text(entry.officeHours),
        text(entry.feeNote),
        text(entry.notes),
      ]),
    ],
  };
}
