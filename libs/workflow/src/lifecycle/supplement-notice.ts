import type { Material } from '@tongban/catalog';

/** A problem with the materials named as missing, for the window to show in its own words. */
export interface SupplementProblem {
  code: 'NO_MATERIAL_NAMED' | 'MATERIAL_NOT_OF_ITEM' | 'MATERIAL_NAMED_TWICE';
  field: string;
  problem: string;
}

/**
 * The one-time notification (一次性告知): the item's materials named as missing, in the
 * item's order and as the item describes them (form, copies, notes), so the applicant learns
 * everything that is missing at once. Problems when a name is not one of the item's.
 */
export function supplementNotice(
  materials: readonly Material[],
  missing: readonly string[],
): { missing: Material[]; problems: SupplementProblem[] } {
  const problems: SupplementProblem[] = [];
  if (missing.length === 0) {
    problems.push({
      code: 'NO_MATERIAL_NAMED',
      field: 'missingMaterials',
      problem: 'Name at least one missing material',
    });
  }
  const seen = new Set<string>();
  missing.forEach((name, index) => {
    const field = `missingMaterials[${index}]`;
    if (seen.has(name)) {
      problems.push({ code: 'MATERIAL_NAMED_TWICE', field, problem: 'Named twice' });
    } else if (!materials.some((material) => material.name === name)) {
      problems.push({
        code: 'MATERIAL_NOT_OF_ITEM',
        field,
        problem: 'Not one of the materials of this item',
      });
    }
    seen.add(name);
  });
  return {
    missing: problems.length ? [] : materials.filter((material) => seen.has(material.name)),
    problems,
  };
}
