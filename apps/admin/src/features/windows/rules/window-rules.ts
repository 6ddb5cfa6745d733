/**
 * A hall's windows as the API accepts them (libs/tenancy): a code and a name, short enough,
 * codes unique within the hall. Used by the onboarding wizard and the create-window form.
 */
import type { ServiceWindowKind } from '../../../shared/api/graphql.generated';
import type { Problem } from '../../../shared/rules/problem';

export const WINDOW_CODE_MAX = 16;
export const WINDOW_NAME_MAX = 60;

export interface WindowDraft {
  code: string;
  name: string;
  kind: ServiceWindowKind;
}

export interface WindowRowProblems {
  code?: Problem;
  name?: Problem;
}

/** Problems per window row: code and name present and short enough, codes unique. */
export function windowProblems(windows: readonly WindowDraft[]): WindowRowProblems[] {
  const codes = windows.map((w) => w.code.trim());
  return windows.map((window, index) => {
    const row: WindowRowProblems = {};
    const code = codes[index];
    if (!code) row.code = { key: 'windowCodeRequired' };
    else if (code.length > WINDOW_CODE_MAX)
      row.code = { key: 'windowCodeTooLong', values: { max: WINDOW_CODE_MAX } };
    else if (codes.indexOf(code) !== index)
      row.code = { key: 'windowCodeDuplicate', values: { code } };
    const name = window.name.trim();
    if (!name) row.name = { key: 'windowNameRequired' };
    else if (name.length > WINDOW_NAME_MAX)
      row.name = { key: 'windowNameTooLong', values: { max: WINDOW_NAME_MAX } };
    return row;
  });
}

export function hasWindowProblems(windows: readonly WindowDraft[]): boolean {
  return windowProblems(windows).some((row) => row.code || row.name);
}
