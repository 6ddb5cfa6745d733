import { TenantKind } from '@tongban/core';
import { type CatalogItem, ServiceTier } from './item';

/**
 * Tier menus (DESIGN.md §4.1): a county's implementation list is the most any center below
 * it may offer; a township's list and every menu template are subsets of it, a village's of
 * its parent's.
 */

/** The service tier a tenant works at; cities and the province take nothing in. */
export function tierOf(kind: TenantKind): ServiceTier | null {
  switch (kind) {
    case TenantKind.COUNTY:
      return ServiceTier.COUNTY;
    case TenantKind.TOWNSHIP:
      return ServiceTier.TOWNSHIP;
    case TenantKind.VILLAGE:
      return ServiceTier.VILLAGE;
    default:
      return null;
  }
}

/** How a center may work an item: decide it, only take it in and pass it up, or not at all. */
export enum ItemHandling {
  HANDLE = 'HANDLE',
  INTAKE_ONLY = 'INTAKE_ONLY',
  NONE = 'NONE',
}

/**
 * What the catalogue lets a tier do with an item. A village takes items in only, unless the
 * catalogue lets villages handle the item.
 */
export function handlingAt(
  item: Pick<CatalogItem, 'handlingTiers' | 'intakeOnlyTiers'>,
  kind: TenantKind,
): ItemHandling {
  const tier = tierOf(kind);
  if (tier === null) return ItemHandling.NONE;
  if (item.handlingTiers.includes(tier)) return ItemHandling.HANDLE;
  if (item.intakeOnlyTiers.includes(tier)) return ItemHandling.INTAKE_ONLY;
  return ItemHandling.NONE;
}

/** The item codes of a proposed list or menu that its parent's list does not hold. */
export function outsideParent(codes: Iterable<string>, parentCodes: ReadonlySet<string>): string[] {
  return [...new Set(codes)].filter((code) => !parentCodes.has(code));
}
