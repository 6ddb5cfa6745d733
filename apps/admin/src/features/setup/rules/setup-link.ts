/**
 * One-time setup links (`/setup#<token>`): reading the token from the fragment (it stays out
 * of server logs and Referer headers), the full address to hand to the person, the password
 * rules, and what the server's refusals mean.
 */
import { classifyError, graphQLErrorsOf } from '../../../shared/api/errors';

/** The API's rule for a new password. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** How long a setup link stays valid (the API's SETUP_LINK_TTL_HOURS). */
export const SETUP_LINK_TTL_HOURS = 72;

/** The token from a location fragment like `#<token>`; null when there is none. */
export function tokenFromHash(hash: string): string | null {
  let value = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    value = decodeURIComponent(value);
  } catch {
    // keep it as it is: the server decides whether it is valid
  }
  value = value.trim();
  return value === '' ? null : value;
}

/** The full link for a `path` the API returned (e.g. `/setup#…`), on this app's origin. */
export function setupLinkUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export type PasswordProblem = 'passwordRequired' | 'passwordTooShort' | 'passwordTooLong';

export function passwordProblem(password: string): PasswordProblem | null {
  if (password === '') return 'passwordRequired';
  if (password.length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'passwordTooLong';
  return null;
}

export function confirmationProblem(
  password: string,
  confirmation: string,
): 'confirmRequired' | 'confirmMismatch' | null {
  if (confirmation === '') return 'confirmRequired';
  return confirmation === password ? null : 'confirmMismatch';
}

export type SetupFailure =
  /** The link is malformed or unknown. */
  | { kind: 'invalidLink' }
  | { kind: 'usedLink' }
  | { kind: 'expiredLink' }
  /** The account behind the link already has a password (or was disabled). */
  | { kind: 'alreadySetUp' }
  | { kind: 'passwordTooShort' }
  | { kind: 'rateLimited' }
  | { kind: 'unreachable' }
  | { kind: 'unavailable' }
  | { kind: 'unknown'; message: string };

/** Whether a failure means the link itself can no longer be used. */
export function isFinalSetupFailure(failure: SetupFailure): boolean {
  return ['invalidLink', 'usedLink', 'expiredLink', 'alreadySetUp'].includes(failure.kind);
}

export function classifySetupError(error: unknown): SetupFailure {
  const c = classifyError(error);
  if (c.kind === 'badInput') {
    const message = graphQLErrorsOf(error)
      .map((e) => e.message)
      .join(' ');
    if (/already been used/i.test(message)) return { kind: 'usedLink' };
    if (/expired/i.test(message)) return { kind: 'expiredLink' };
    if (/already set up/i.test(message)) return { kind: 'alreadySetUp' };
    if (/password/i.test(message)) return { kind: 'passwordTooShort' };
    if (/not valid|token/i.test(message)) return { kind: 'invalidLink' };
    return { kind: 'unknown', message };
  }
  switch (c.kind) {
    case 'rateLimited':
    case 'unreachable':
    case 'unavailable':
      return { kind: c.kind };
    case 'unknown':
      return c;
    default:
      return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
  }
}
