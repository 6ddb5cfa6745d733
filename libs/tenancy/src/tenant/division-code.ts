import { CHILD_KINDS, DIVISION_CODE_LENGTH, TenantKind } from '@tongban/core';

/** Digits of a parent's code a child's code must start with (行政区划代码 is hierarchical). */
const SIGNIFICANT_PREFIX: Record<TenantKind, number> = {
  [TenantKind.PROVINCE]: 2,
  [TenantKind.CITY]: 4,
  [TenantKind.COUNTY]: 6,
  [TenantKind.TOWNSHIP]: 9,
  [TenantKind.VILLAGE]: 12,
};

/**
 * Problems with a new tenant's administrative division code under a given parent: length by
 * kind, digits only, the parent's prefix, a non-zero own part. Uniqueness is the database's.
 */
export function divisionCodeProblems(
  code: string,
  kind: TenantKind,
  parent: { kind: TenantKind; divisionCode: string },
): string[] {
  const problems: string[] = [];
  const length = DIVISION_CODE_LENGTH[kind];
  if (!CHILD_KINDS[parent.kind].includes(kind)) {
    problems.push(`A ${kind.toLowerCase()} cannot be opened under a ${parent.kind.toLowerCase()}`);
  }
  if (!/^\d+$/.test(code)) {
    problems.push('The division code must contain digits only');
    return problems;
  }
  if (code.length !== length) {
    problems.push(
      `A ${kind.toLowerCase()} division code has ${length} digits (got ${code.length})`,
    );
    return problems;
  }
  const prefix = parent.divisionCode.slice(0, SIGNIFICANT_PREFIX[parent.kind]);
  if (!code.startsWith(prefix)) {
    problems.push(`The division code must start with the parent's code ${prefix}`);
  } else if (/^0+$/.test(code.slice(prefix.length))) {
    problems.push(`The division code needs its own non-zero digits after ${prefix}`);
  }
  return problems;
}
