import type { Material } from './item';

/**
 * The one-time notification (一次性告知, DESIGN.md §4.1): everything an applicant still lacks,
 * told at once so that nobody is sent home twice for one item.
 */
export interface OneTimeNotification {
  /** Required materials not among those the applicant has, in the guide's order. */
  missing: Material[];
  /** Optional materials not among them (worth bringing, never a reason to refuse). */
  optionalMissing: Material[];
  /** True when nothing required is missing: the application can be taken in. */
  complete: boolean;
}

/** Names compared as written, apart from surrounding and inner white space. */
const normalized = (name: string) => name.replace(/\s+/g, '');

/**
 * What is missing of `materials` (the materials of a center's list entry) when the applicant
 * has `presentMaterials` (material names; unknown names and duplicates are ignored).
 */
export function oneTimeNotification(
  materials: readonly Material[],
  presentMaterials: readonly string[],
): OneTimeNotification {
  const present = new Set(presentMaterials.map(normalized));
  const absent = materials.filter((material) => !present.has(normalized(material.name)));
  const missing = absent.filter((material) => material.required);
  return {
    missing,
    optionalMissing: absent.filter((material) => !material.required),
    complete: missing.length === 0,
  };
}
