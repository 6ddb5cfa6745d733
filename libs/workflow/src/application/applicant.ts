import { residentIdProblem } from './resident-id-number';

/** What intake records of the applicant (申请人). */
export interface ApplicantDetails {
  name: string;
  idNumber: string | null;
  phone: string | null;
}

/** What a window enters at intake: an item of its center's menu, and the applicant. */
export interface IntakeDetails {
  itemCode: string;
  applicant: ApplicantDetails;
}

/** Stable codes of intake problems, for clients that show them in their own words. */
export type IntakeProblemCode =
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'ID_NUMBER_FORMAT'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_CHECK_CHARACTER'
  | 'PHONE_FORMAT';

/** One thing wrong with an intake, named by its input field. */
export interface IntakeProblem {
  field: string;
  code: IntakeProblemCode;
  problem: string;
}

/** Mobile (11 digits from 13x to 19x) or a landline with its area code (0772-7612345). */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The intake as it will be stored (trimmed; an ID number's x upper-cased; spaces and dashes
 * of a mobile number removed) and everything wrong with it, all at once, so the window can
 * fix the form in one go. `today` is the Beijing calendar day (YYYY-MM-DD) the intake is made.
 */
export function normalizeIntake(
  input: IntakeDetails,
  today: string,
): { intake: IntakeDetails; problems: IntakeProblem[] } {
  const problems: IntakeProblem[] = [];
  const itemCode = input.itemCode.trim();
  const name = input.applicant.name.trim().replace(/\s+/g, ' ');
  const idNumber = blankToNull(input.applicant.idNumber)?.toUpperCase() ?? null;
  let phone = blankToNull(input.applicant.phone);

  if (!itemCode)
    problems.push({ field: 'itemCode', code: 'REQUIRED', problem: 'An item code is required' });
  else if (itemCode.length > 64)
    problems.push({ field: 'itemCode', code: 'TOO_LONG', problem: 'At most 64 characters' });
  if (!name)
    problems.push({
      field: 'applicant.name',
      code: 'REQUIRED',
      problem: "The applicant's name is required",
    });
  else if ([...name].length > 100)
    problems.push({ field: 'applicant.name', code: 'TOO_LONG', problem: 'At most 100 characters' });

  if (idNumber !== null) {
    const problem = residentIdProblem(idNumber, today);
    if (problem === 'FORMAT')
      problems.push({
        field: 'applicant.idNumber',
        code: 'ID_NUMBER_FORMAT',
        problem: 'An ID number has 17 digits and a digit or X',
      });
    if (problem === 'BIRTH_DATE')
      problems.push({
        field: 'applicant.idNumber',
        code: 'ID_NUMBER_BIRTH_DATE',
        problem: 'The birth date in the ID number is not a real date',
      });
    if (problem === 'CHECK_CHARACTER')
      problems.push({
        field: 'applicant.idNumber',
        code: 'ID_NUMBER_CHECK_CHARACTER',
        problem: 'The last character of the ID number does not check out',
      });
  }
  if (phone !== null) {
    const compact = phone.replace(/[\s-]/g, '');
    if (MOBILE.test(compact)) phone = compact;
    else if (!LANDLINE.test(phone.replace(/\s/g, '')))
      problems.push({
        field: 'applicant.phone',
        code: 'PHONE_FORMAT',
        problem: 'A mobile number (11 digits) or a landline with area code',
      });
    else phone = phone.replace(/\s/g, '');
  }
  return { intake: { itemCode, applicant: { name, idNumber, phone } }, problems };
}
