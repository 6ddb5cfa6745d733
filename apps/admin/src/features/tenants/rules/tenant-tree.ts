/**
 * The tenant tree from the flat list the API returns (`tenants`, linked by `parentId`).
 * A person sees their own tenant and what lies below it, so the top of their tree is a
 * tenant whose parent is not in the list; such tenants are the roots.
 */

export interface TenantLike {
  id: string;
  parentId: string | null;
  divisionCode: string;
  name: string;
  kind: string;
}

export interface TenantTreeNode<T extends TenantLike> {
  tenant: T;
  depth: number;
  children: TenantTreeNode<T>[];
}

const byDivisionCode = (a: TenantLike, b: TenantLike) =>
  a.divisionCode.localeCompare(b.divisionCode) || a.name.localeCompare(b.name);

/** Roots and children in division-code order; duplicates and cycles cannot loop it. */
export function buildTenantTree<T extends TenantLike>(tenants: readonly T[]): TenantTreeNode<T>[] {
  const byId = new Map<string, T>();
  for (const tenant of tenants) if (!byId.has(tenant.id)) byId.set(tenant.id, tenant);
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const tenant of byId.values()) {
    const parentId = tenant.parentId;
    if (parentId !== null && parentId !== tenant.id && byId.has(parentId)) {
      const siblings = children.get(parentId) ?? [];
      siblings.push(tenant);
      children.set(parentId, siblings);
    } else {
      roots.push(tenant);
    }
  }
  const placed = new Set<string>();
  const build = (tenant: T, depth: number): TenantTreeNode<T> => {
    placed.add(tenant.id);
    const below = (children.get(tenant.id) ?? [])
      .filter((child) => !placed.has(child.id))
      .sort(byDivisionCode);
    return { tenant, depth, children: below.map((child) => build(child, depth + 1)) };
  };
  const tree = roots.sort(byDivisionCode).map((root) => build(root, 0));
  // Tenants caught in a parent cycle have no root above them: show them at the top.
  const stranded = [...byId.values()].filter((t) => !placed.has(t.id)).sort(byDivisionCode);
  for (const tenant of stranded) if (!placed.has(tenant.id)) tree.push(build(tenant, 0));
  return tree;
}

/** A node of another shape (a Tree's or a TreeSelect's) with its children alike. */
export type MappedNode<N> = N & { children: MappedNode<N>[] };

/** The tree with each tenant made into a node of another shape. */
export function mapTenantTree<T extends TenantLike, N>(
  nodes: readonly TenantTreeNode<T>[],
  toNode: (tenant: T) => N,
): MappedNode<N>[] {
  return nodes.map(({ tenant, children }) => ({
    ...toNode(tenant),
    children: mapTenantTree(children, toNode),
  }));
}

/** Every node of the tree, parents before children. */
export function flattenTree<T extends TenantLike>(
  nodes: readonly TenantTreeNode<T>[],
): TenantTreeNode<T>[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** Ids from the top of the visible tree down to the tenant's parent (for expanding). */
export function ancestorIds(tenants: readonly TenantLike[], id: string): string[] {
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const path: string[] = [];
  const seen = new Set<string>([id]);
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId !== null && byId.has(parentId) && !seen.has(parentId)) {
    seen.add(parentId);
    path.unshift(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return path;
}

/** Ids of the nodes to show opened at first: the upper levels and the way to `selectedId`. */
export function initiallyExpanded<T extends TenantLike>(
  tenants: readonly T[],
  selectedId: string | null,
  levels = 2,
): string[] {
  const open = flattenTree(buildTenantTree(tenants))
    .filter((node) => node.depth < levels && node.children.length > 0)
    .map((node) => node.tenant.id);
  const toSelected = selectedId ? ancestorIds(tenants, selectedId) : [];
  return [...new Set([...open, ...toSelected])];
}

/** Tenants matching a search text by name or division code, with their ancestors kept. */
export function filterTenants<T extends TenantLike>(tenants: readonly T[], text: string): T[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...tenants];
  const keep = new Set<string>();
  for (const tenant of tenants) {
    if (tenant.name.toLowerCase().includes(needle) || tenant.divisionCode.startsWith(needle)) {
      keep.add(tenant.id);
      for (const id of ancestorIds(tenants, tenant.id)) keep.add(id);
    }
  }
  return tenants.filter((t) => keep.has(t.id));
}
