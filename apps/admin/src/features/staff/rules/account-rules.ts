/**
 * A person's account as the API accepts it (libs/tenancy staff-records.ts): the username's
 * shape and the display name's length. Used by invitations and the onboarding wizard.
 */
import { type Problem, requiredTextProblems } from '../../../shared/rules/problem';

export const DISPLAY_NAME_MAX = 60;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export function usernameProblems(username: string): Problem[] {
  return USERNAME.test(username) ? [] : [{ key: 'usernameFormat' }];
}

export const displayNameProblems = (displayName: string) =>
  requiredTextProblems(displayName, 'displayName', DISPLAY_NAME_MAX, 'units');
