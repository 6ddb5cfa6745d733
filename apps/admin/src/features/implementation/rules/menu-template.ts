/** Menu templates (菜单模板): which items of a county's list a tier may be offered. */
import type { ServiceTier } from '../../../shared/api/graphql.generated';

export interface TieredItem {
  standard: { handlingTiers: readonly ServiceTier[]; intakeOnlyTiers: readonly ServiceTier[] };
}

/**
 * Whether the catalogue lets a tier take the item in or handle it: a village menu may hold
 * only those (the server refuses the rest, NOT_FOR_VILLAGES).
 */
export function offeredAt(item: TieredItem, tier: ServiceTier): boolean {
  return item.standard.handlingTiers.includes(tier) || item.standard.intakeOnlyTiers.includes(tier);
}

/** A template's chosen codes kept in the list's order, without those the tier may not offer. */
export function chosenFor<T extends TieredItem & { code: string }>(
  items: readonly T[],
  codes: readonly string[],
  tier: ServiceTier,
): string[] {
  const chosen = new Set(codes);
  return items.filter((item) => chosen.has(item.code) && offeredAt(item, tier)).map((i) => i.code);
}
