import { compareCodes } from './catalogue-diff';

/**
 * The order a rollout steps through a subtree (DESIGN.md §4.1): parents before children, so
 * a township's list is never ahead of its county's. Tenants are grouped by depth below
 * `rootId` (the root alone first); a group's tenants may run in any order, and are listed by
 * id so that every run plans the same steps. Tenants outside the subtree are left out.
 */
export function rolloutOrder(
  tenants: { id: string; parentId: string | null }[],
  rootId: string,
): string[][] {
  if (!tenants.some(({ id }) => id === rootId)) {
    throw new Error(`Tenant ${rootId} is not among the tenants given`);
  }
  const children = new Map<string, string[]>();
  for (const { id, parentId } of tenants) {
    if (parentId === null) continue;
    children.set(parentId, [...(children.get(parentId) ?? []), id]);
  }
  const seen = new Set([rootId]); // a cycle in bad data must not loop forever
  const levels: string[][] = [];
  for (let level = [rootId]; level.length > 0;) {
    levels.push(level);
    const next: string[] = [];
    for (const child of level.flatMap((id) => children.get(id) ?? [])) {
      if (seen.has(child)) continue;
      seen.add(child);
      next.push(child);
    }
    level = next.sort(compareCodes);
  }
  return levels;
}
