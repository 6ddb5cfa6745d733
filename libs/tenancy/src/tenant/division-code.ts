import { CHILD_KINDS, DIVISION_CODE_LENGTH, TenantKind } from '@tongban/core';

/** Digits of a parent's code a child's code must start with (行政区划代码 is hierarchical). */
const SIGNIFICANT_PREFIX: Record<TenantKind, number> = {
  [TenantKind.PROVINCE]: 2,
  [TenantKind.CITY]: 4,
  [TenantKind.COUNTY]: 6,
  [TenantKind.TOWNSHIP]: 9,
  [TenantKind.VILLAGE]: 12,
};

/** A problem with what is asked, with a stable code clients translate and a sentence. */
export interface Problem<Code extends string = string> {
  code: Code;
  message: string;
}

export type DivisionCodeProblem =
  | 'KIND_NOT_ALLOWED_HERE'
  | 'DIVISION_CODE_NOT_DIGITS'
  | 'DIVISION_CODE_LENGTH'
  | 'DIVISION_CODE_OUTSIDE_PARENT'
  | 'DIVISION_CODE_NO_OWN_DIGITS';

/**
 * Problems with a new tenant's administrative division code under a given parent: length by
 * kind, digits only, the parent's prefix, a non-zero own part. Uniqueness is the database's.
 */
export function divisionCodeProblems(
  code: string,
  kind: TenantKind,
  parent: { kind: TenantKind; divisionCode: string },
): Problem<DivisionCodeProblem>[] {
  const problems: Problem<DivisionCodeProblem>[] = [];
  const length = DIVISION_CODE_LENGTH[kind];
  if (!CHILD_KINDS[parent.kind].includes(kind)) {
    problems.push({
      code: 'KIND_NOT_ALLOWED_HERE',
      message: `A ${kind.toLowerCase()} cannot be opened under a ${parent.kind.toLowerCase()}`,
    });
  }
  if (!/^\d+$/.test(code)) {
    problems.push({
      code: 'DIVISION_CODE_NOT_DIGITS',
      message: 'The division code must contain digits only',
    });
    return problems;
  }
  if (code.length !== length) {
    problems.push({
      code: 'DIVISION_CODE_LENGTH',
      message: `A ${kind.toLowerCase()} division code has ${length} digits (got ${code.length})`,
    });
    return problems;
  }
  const prefix = parent.divisionCode.slice(0, SIGNIFICANT_PREFIX[parent.kind]);
  if (!code.startsWith(prefix)) {
    problems.push({
      code: 'DIVISION_CODE_OUTSIDE_PARENT',
      message: `The division code must start with the parent's code ${prefix}`,
    });
  } else if (/^0+$/.test(code.slice(prefix.length))) {
    problems.push({
      code: 'DIVISION_CODE_NO_OWN_DIGITS',
      message: `The division code needs its own non-zero digits after ${prefix}`,
    });
  }
  return problems;
}
