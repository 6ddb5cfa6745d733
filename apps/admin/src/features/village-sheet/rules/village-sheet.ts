/**
 * The bulk village sheet on the client: its rows and problems (the file itself travels as in
 * shared/rules/spreadsheet-file.ts). Plain TypeScript.
 */
import type { TenantKind } from '../../../shared/api/graphql.generated';
import {
  childKindsFor,
  type Issue,
  type IssueContext,
} from '../../onboarding/rules/onboarding-rules';

/** Whether stations may be opened directly below a tenant of `kind`. */
export const takesVillages = (kind: TenantKind) => childKindsFor(kind).includes('VILLAGE');

export interface SheetRow {
  row: number;
  divisionCode: string;
  managerUsername: string;
}

export interface SheetProblem extends Issue {
  row: number;
}

/** Codes that only repeat what the sheet's own check said already for an empty cell. */
const SAID_BY_REQUIRED = new Set(['NAME_EMPTY', 'USERNAME_FORMAT', 'DIVISION_CODE_NOT_DIGITS']);

/**
 * The problems of each row of the sheet (row 1: the sheet as a whole), in row order. An
 * empty required cell is not listed again as what its emptiness implies in that column (an
 * empty name is also "name empty" to the onboarding check).
 */
export function problemsByRow<P extends SheetProblem>(problems: readonly P[]): [number, P[]][] {
  const rows = new Map<number, P[]>();
  for (const problem of problems) {
    rows.set(problem.row, [...(rows.get(problem.row) ?? []), problem]);
  }
  return [...rows]
    .sort(([a], [b]) => a - b)
    .map(([row, listed]) => {
      const empty = new Set(listed.filter((p) => p.code === 'REQUIRED').map((p) => p.column));
      return [row, listed.filter((p) => !(SAID_BY_REQUIRED.has(p.code) && empty.has(p.column)))];
    });
}

/** What a row's problem is about (its code, its username), for the problem's text. */
export function rowContext(
  row: SheetRow | undefined,
  parent: IssueContext['parent'],
): IssueContext {
  return {
    kind: 'VILLAGE',
    parent,
    divisionCode: row?.divisionCode ?? '',
    username: row?.managerUsername ?? '',
  };
}

/** The name a downloaded sheet gets, e.g. 村站开通表-问题.xlsx. */
export function sheetFileName(base: string, suffix?: string): string {
  return `${base}${suffix ? `-${suffix}` : ''}.xlsx`;
}
