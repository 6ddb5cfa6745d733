/**
 * Sorting failures into what the user needs to know. Works on any error shape the app
 * meets: the transport's own errors, Apollo Client's CombinedGraphQLErrors / ServerError /
 * ServerParseError, and the raw TypeError `fetch` throws when nothing answers. Duck-typed
 * on purpose, so it stays a plain module with no Apollo import.
 */
import type { GraphQLErrorLike } from './transport';

/** Error codes the API puts in `extensions.code`. */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  RateLimited: 'RATE_LIMITED',
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorClass =
  /** Bad credentials, or a missing / expired / revoked token. */
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  /** Too many attempts; wait `retryAfterSeconds` (null when the server did not say). */
  | { kind: 'rateLimited'; retryAfterSeconds: number | null }
  | { kind: 'badInput' }
  /** The thing acted on does not exist, or is outside the user's sight. */
  | { kind: 'notFound' }
  /** The action clashes with the current state (already taken, already suspended...). */
  | { kind: 'conflict' }
  /** The server answered but cannot serve right now (database down, internal error). */
  | { kind: 'unavailable' }
  /** Nothing (or no GraphQL server) answered: offline, refused, proxy error, 5xx page. */
  | { kind: 'unreachable' }
  | { kind: 'unknown'; message: string };

export function classifyError(error: unknown): ErrorClass {
  const errors = graphQLErrorsOf(error);
  if (errors.length > 0) {
    const rateLimited = errors.find((e) => codeOf(e) === ErrorCode.RateLimited);
    if (rateLimited) {
      return {
        kind: 'rateLimited',
        retryAfterSeconds:
          seconds(rateLimited.extensions?.retryAfterSeconds) ?? retryAfterHeaderOf(error),
      };
    }
    const codes = errors.map(codeOf);
    if (codes.includes(ErrorCode.Unauthenticated)) return { kind: 'unauthenticated' };
    if (codes.includes(ErrorCode.Forbidden)) return { kind: 'forbidden' };
    if (codes.includes(ErrorCode.BadUserInput)) return { kind: 'badInput' };
    if (codes.includes(ErrorCode.Conflict)) return { kind: 'conflict' };
    if (codes.includes(ErrorCode.NotFound)) return { kind: 'notFound' };
    if (
      codes.includes(ErrorCode.ServiceUnavailable) ||
      codes.includes(ErrorCode.InternalServerError)
    ) {
      return { kind: 'unavailable' };
    }
    return { kind: 'unknown', message: errors[0].message };
  }
  if (isUnreachable(error)) return { kind: 'unreachable' };
  return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
}

/** The server's own explanation (the first GraphQL error's message), null without one. */
export function serverMessageOf(error: unknown): string | null {
  const message = graphQLErrorsOf(error)[0]?.message?.trim();
  return message ? message : null;
}

/**
 * What a refusal lists (onboarding): `extensions.codes` with `extensions.problems` (the
 * server's texts) side by side, as issues; empty without them.
 */
export function issuesOf(error: unknown): { code: string; message: string }[] {
  return graphQLErrorsOf(error).flatMap((e) => {
    const codes = Array.isArray(e.extensions?.codes) ? e.extensions.codes : [];
    const texts = Array.isArray(e.extensions?.problems) ? e.extensions.problems : [];
    return texts
      .map((message, i) => ({ code: codes[i], message }))
      .filter(
        (issue): issue is { code: string; message: string } =>
          typeof issue.message === 'string' && typeof issue.code === 'string',
      );
  });
}

/** The `extensions.code` values carried by an error (empty when it carries none). */
export function errorCodesOf(error: unknown): string[] {
  return graphQLErrorsOf(error)
    .map(codeOf)
    .filter((code): code is string => code !== null);
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return errorCodesOf(error).includes(code);
}

/**
 * The GraphQL errors an error carries: `errors` on CombinedGraphQLErrors and on the
 * transport's GraphQLResponseError, or the JSON body of an Apollo ServerError (a non-2xx
 * `application/json` response that Apollo did not parse).
 */
export function graphQLErrorsOf(error: unknown): ReadonlyArray<GraphQLErrorLike> {
  if (!isObject(error)) return [];
  if (Array.isArray(error.errors)) return error.errors.filter(isGraphQLError);
  if (typeof error.bodyText === 'string') {
    try {
      const body: unknown = JSON.parse(error.bodyText);
      if (isObject(body) && Array.isArray(body.errors)) return body.errors.filter(isGraphQLError);
    } catch {
      // not JSON: a proxy or HTML error page
    }
  }
  return [];
}

const FETCH_FAILURE_MESSAGES = [
  'failed to fetch', // Chromium
  'networkerror when attempting to fetch resource', // Firefox
  'load failed', // Safari
  'fetch failed', // Node (undici)
  'network request failed',
];

function isUnreachable(error: unknown): boolean {
  if (!isObject(error)) return false;
  const name = typeof error.name === 'string' ? error.name : '';
  const message = typeof error.message === 'string' ? error.message.toLowerCase() : '';
  if (name === 'NetworkError' || name === 'ServerParseError') return true;
  if (name === 'TypeError' && FETCH_FAILURE_MESSAGES.some((m) => message.includes(m))) return true;
  // An HTTP answer that carried no GraphQL errors: a proxy/gateway error page or no API there.
  const status = statusOf(error);
  if (status !== null && (status >= 500 || status === 404 || status === 0)) return true;
  if (name === 'HttpStatusError') return true;
  return false;
}

function statusOf(error: Record<string, unknown>): number | null {
  if (typeof error.statusCode === 'number') return error.statusCode;
  if (typeof error.status === 'number') return error.status;
  return null;
}

function retryAfterHeaderOf(error: unknown): number | null {
  return isObject(error) ? seconds(error.retryAfterHeader) : null;
}

function codeOf(error: GraphQLErrorLike): string | null {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : null;
}

function seconds(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.ceil(n) : null;
}

function isGraphQLError(value: unknown): value is GraphQLErrorLike {
  return isObject(value) && typeof value.message === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** What went wrong with a login attempt, as the login page explains it. */
export type LoginFailure =
  /** `remainingAttempts`: how many more wrong passwords before a lock-out (null: not said). */
  | { kind: 'wrongCredentials'; remainingAttempts: number | null }
  /** The password was right, but the person's service center is suspended. */
  | { kind: 'tenantSuspended' }
  /** The password was right, but the account is disabled. */
  | { kind: 'accountDisabled' }
  /** The credentials were accepted but the account may not sign in (FORBIDDEN). */
  | { kind: 'forbidden' }
  | { kind: 'lockedOut'; retryAfterSeconds: number | null }
  | { kind: 'unreachable' }
  | { kind: 'unavailable' }
  | { kind: 'invalidInput' }
  | { kind: 'unknown'; message: string };

export function classifyLoginError(error: unknown): LoginFailure {
  const c = classifyError(error);
  switch (c.kind) {
    case 'unauthenticated': {
      const extensions = graphQLErrorsOf(error)[0]?.extensions ?? {};
      if (extensions.reason === 'TENANT_SUSPENDED') return { kind: 'tenantSuspended' };
      if (extensions.reason === 'ACCOUNT_DISABLED') return { kind: 'accountDisabled' };
      return { kind: 'wrongCredentials', remainingAttempts: seconds(extensions.remainingAttempts) };
    }
    case 'forbidden':
      return c;
    case 'rateLimited':
      return { kind: 'lockedOut', retryAfterSeconds: c.retryAfterSeconds };
    case 'badInput':
      return { kind: 'invalidInput' };
    case 'notFound':
    case 'conflict':
      return { kind: 'unknown', message: serverMessageOf(error) ?? c.kind };
    case 'unavailable':
    case 'unreachable':
    case 'unknown':
      return c;
  }
}
