/**
 * The intake form's checks (收件), mirroring the API's: an applicant's name, resident ID
 * number (GB 11643: 17 digits, a valid birth date, and a check character) and telephone
 * (a mobile 1[3-9]xxxxxxxxx or a landline with its area code, e.g. 0772-7612345), the item's
 * code and name. The server stays the authority; these catch mistakes while typing.
 *
 * Problems are message keys with values (translated by the UI), not sentences.
 */
import { graphQLErrorsOf } from '../../../shared/api/errors';
import type { SubmitApplicationInput } from '../../../shared/api/graphql.generated';
import { type Problem, requiredTextProblems } from '../../../shared/rules/problem';

export type { Problem };

export const APPLICANT_NAME_MAX = 100;
export const ITEM_CODE_MAX = 64;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
const ID_SHAPE = /^\d{17}[\dX]$/;
const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 0 + 2–3 digits, an optional dash, a 7–8 digit number (0772-7612345, 01012345678). */
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** The check character (0–9 or X) of the first 17 digits of a resident ID number. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('17 digits expected');
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return ID_CHECK_CHARS[sum % 11];
}

/** As typed, tidied: no spaces, a lower-case x made upper-case. */
export function normalizeIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * As typed, tidied as the server stores it: a mobile number without spaces or dashes
 * (138-1234-5678 → 13812345678), any other number without spaces (0772-7612345 stays).
 */
export function normalizePhone(value: string): string {
  const compact = value.replace(/[\s-]+/g, '');
  return MOBILE.test(compact) ? compact : value.replace(/\s+/g, '');
}

function isValidBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return false;
  }
  return date.getTime() <= today.getTime();
}

/** Problems with a resident ID number; an empty one has none (the field is optional). */
export function idNumberProblems(value: string, today: Date = new Date()): Problem[] {
  const id = normalizeIdNumber(value);
  if (id === '') return [];
  if (!ID_SHAPE.test(id)) return [{ key: 'idNumberShape', values: { actual: id.length } }];
  if (!isValidBirthDate(id.slice(6, 14), today)) return [{ key: 'idNumberBirthDate' }];
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return [{ key: 'idNumberCheckDigit' }];
  return [];
}

/** Problems with a telephone number; an empty one has none (the field is optional). */
export function phoneProblems(value: string): Problem[] {
  const phone = normalizePhone(value);
  if (phone === '') return [];
  return MOBILE.test(phone) || LANDLINE.test(phone) ? [] : [{ key: 'phoneFormat' }];
}

export const applicantNameProblems = (value: string) =>
  requiredTextProblems(value, 'applicantName', APPLICANT_NAME_MAX);

export const itemCodeProblems = (value: string) =>
  requiredTextProblems(value, 'itemCode', ITEM_CODE_MAX, 'units');

/** What the intake form holds. */
export interface IntakeDraft {
  windowId?: string | null;
  itemCode?: string | null;
  applicantName: string;
  idNumber: string;
  phone: string;
}

/** Every problem of a draft, in the form's order. */
export function intakeProblems(draft: IntakeDraft, today: Date = new Date()): Problem[] {
  return [
    ...(draft.windowId ? [] : [{ key: 'windowRequired' }]),
    ...itemCodeProblems(draft.itemCode ?? ''),
    ...applicantNameProblems(draft.applicantName ?? ''),
    ...idNumberProblems(draft.idNumber ?? '', today),
    ...phoneProblems(draft.phone ?? ''),
  ];
}

/** The mutation's input: trimmed, tidied, optional fields null when left empty. */
export function intakeInput(draft: IntakeDraft): SubmitApplicationInput {
  if (!draft.windowId) throw new Error('A window is required');
  const idNumber = normalizeIdNumber(draft.idNumber ?? '');
  const phone = normalizePhone(draft.phone ?? '');
  return {
    windowId: draft.windowId,
    itemCode: (draft.itemCode ?? '').trim(),
    applicant: {
      name: draft.applicantName.trim().replace(/\s+/g, ' '),
      idNumber: idNumber === '' ? null : idNumber,
      phone: phone === '' ? null : phone,
    },
  };
}

/**
 * A fresh intake key (the server's idempotency key of one intake): 128 random bits as
 * base64url. getRandomValues, not randomUUID, which browsers give only to secure pages.
 */
export function newIntakeKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The intake form's fields by the names the server gives them in `extensions.problems`. */
const SERVER_FIELDS: Record<string, keyof IntakeDraft> = {
  windowId: 'windowId',
  itemCode: 'itemCode',
  'applicant.name': 'applicantName',
  'applicant.idNumber': 'idNumber',
  'applicant.phone': 'phone',
};

/** The server's problem codes (libs/workflow applicant.ts) as this form's message keys. */
function problemOfCode(field: keyof IntakeDraft, code: unknown): Problem | undefined {
  const subject = { itemCode: 'itemCode', applicantName: 'applicantName' }[field as string];
  const max = {
    itemCode: ITEM_CODE_MAX,
    applicantName: APPLICANT_NAME_MAX,
  }[field as string];
  switch (code) {
    case 'REQUIRED':
      return subject ? { key: `${subject}Required` } : undefined;
    case 'TOO_LONG':
      return subject ? { key: `${subject}TooLong`, values: { max: max! } } : undefined;
    case 'ID_NUMBER_BIRTH_DATE':
      return { key: 'idNumberBirthDate' };
    case 'ID_NUMBER_CHECK_CHARACTER':
      return { key: 'idNumberCheckDigit' };
    case 'PHONE_FORMAT':
      return { key: 'phoneFormat' };
    case 'ITEM_NOT_ON_MENU':
      return { key: 'itemNotOnMenu' };
    case 'ITEM_RETIRED':
      return { key: 'itemRetired' };
    case 'ITEM_NOT_AT_THIS_TIER':
      return { key: 'itemNotAtThisTier' };
    default:
      return undefined; // shown in the server's words
  }
}

/**
 * The field problems a refused intake carries (BAD_USER_INPUT with `extensions.problems` of
 * `{ field, code, problem }`), by form field, so they can be shown where they belong: in the
 * interface's language when the code is known, in the server's words otherwise.
 */
export function serverIntakeProblems(
  error: unknown,
): { field: keyof IntakeDraft; message: string; problem?: Problem }[] {
  return graphQLErrorsOf(error).flatMap((e) => {
    const problems = e.extensions?.problems;
    if (!Array.isArray(problems)) return [];
    return problems.flatMap((p: unknown) => {
      if (typeof p !== 'object' || p === null) return [];
      const { field, problem, code } = p as { field?: unknown; problem?: unknown; code?: unknown };
      if (typeof field !== 'string' || typeof problem !== 'string') return [];
      const formField = SERVER_FIELDS[field];
      if (!formField) return [];
      const known = problemOfCode(formField, code);
      return [{ field: formField, message: problem, ...(known ? { problem: known } : {}) }];
    });
  });
}
