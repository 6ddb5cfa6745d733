/**
 * The bulk village sheet on the client: the XLSX travels to the API as base64 and comes back
 * the same way (the template, the sheet with its problems column). Plain TypeScript.
 */
import type { TenantKind } from '../../../shared/api/graphql.generated';
import {
  childKindsFor,
  type Issue,
  type IssueContext,
} from '../../onboarding/rules/onboarding-rules';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What the API accepts (its limit is on the file). */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;

/** Bytes as base64 (chunked: a large sheet would overflow the argument list). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

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
