import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import {
  classifyError,
  classifyLoginError,
  errorCodesOf,
  issuesOf,
  serverMessageOf,
} from './errors';
import { GraphQLResponseError, HttpStatusError, NetworkError } from './transport';

const gqlError = (code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLResponseError([{ message: code, extensions: { code, ...extensions } }], 200);

describe('classifyLoginError', () => {
  it('wrong password or unknown user: UNAUTHENTICATED', () => {
    expect(classifyLoginError(gqlError('UNAUTHENTICATED'))).toEqual({
      kind: 'wrongCredentials',
      remainingAttempts: null,
    });
    expect(classifyLoginError(gqlError('UNAUTHENTICATED', { remainingAttempts: 2 }))).toEqual({
      kind: 'wrongCredentials',
      remainingAttempts: 2,
    });
    expect(classifyLoginError(gqlError('UNAUTHENTICATED', { reason: 'TENANT_SUSPENDED' }))).toEqual(
      { kind: 'tenantSuspended' },
    );
    expect(classifyLoginError(gqlError('UNAUTHENTICATED', { reason: 'ACCOUNT_DISABLED' }))).toEqual(
      { kind: 'accountDisabled' },
    );
  });

  it('lock-out: RATE_LIMITED with the seconds to wait', () => {
    expect(classifyLoginError(gqlError('RATE_LIMITED', { retryAfterSeconds: 42 }))).toEqual({
      kind: 'lockedOut',
      retryAfterSeconds: 42,
    });
    expect(classifyLoginError(gqlError('RATE_LIMITED', { retryAfterSeconds: '7.2' }))).toEqual({
      kind: 'lockedOut',
      retryAfterSeconds: 8,
    });
  });

  it('lock-out without a wait in the error falls back to Retry-After, then to unknown', () => {
    const withHeader = new GraphQLResponseError(
      [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }],
      429,
      30,
    );
    expect(classifyLoginError(withHeader)).toEqual({ kind: 'lockedOut', retryAfterSeconds: 30 });
    expect(classifyLoginError(gqlError('RATE_LIMITED'))).toEqual({
      kind: 'lockedOut',
      retryAfterSeconds: null,
    });
  });

  it('server not answering: network failure, fetch TypeError, 5xx page, non-GraphQL body', () => {
    for (const error of [
      new NetworkError(new TypeError('Failed to fetch')),
      new TypeError('Failed to fetch'),
      new TypeError('NetworkError when attempting to fetch resource.'),
      new TypeError('fetch failed'),
      new HttpStatusError(502),
      new HttpStatusError(200, 'not a GraphQL response'),
    ]) {
      expect(classifyLoginError(error)).toEqual({ kind: 'unreachable' });
    }
  });

  it('database down or internal error: the service is unavailable', () => {
    expect(classifyLoginError(gqlError('SERVICE_UNAVAILABLE'))).toEqual({ kind: 'unavailable' });
    expect(classifyLoginError(gqlError('INTERNAL_SERVER_ERROR'))).toEqual({ kind: 'unavailable' });
  });

  it('other answers', () => {
    expect(classifyLoginError(gqlError('BAD_USER_INPUT'))).toEqual({ kind: 'invalidInput' });
    expect(classifyLoginError(gqlError('FORBIDDEN'))).toEqual({ kind: 'forbidden' });
    expect(classifyLoginError(gqlError('SOMETHING_NEW'))).toEqual({
      kind: 'unknown',
      message: 'SOMETHING_NEW',
    });
    expect(classifyLoginError(new Error('boom'))).toEqual({ kind: 'unknown', message: 'boom' });
  });
});

describe('classifyError on Apollo Client errors', () => {
  const response = (status: number) => new Response('', { status });

  it('reads codes from CombinedGraphQLErrors', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'locked', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 5 } }],
    });
    expect(classifyError(error)).toEqual({ kind: 'rateLimited', retryAfterSeconds: 5 });
  });

  it('reads codes from the JSON body of a ServerError', () => {
    const bodyText = JSON.stringify({
      errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const error = new ServerError('Response not successful', { response: response(401), bodyText });
    expect(classifyError(error)).toEqual({ kind: 'unauthenticated' });
    expect(errorCodesOf(error)).toEqual(['UNAUTHENTICATED']);
  });

  it('a 5xx ServerError or an HTML page is unreachable', () => {
    const bad = new ServerError('Bad gateway', { response: response(502), bodyText: '<html>' });
    expect(classifyError(bad)).toEqual({ kind: 'unreachable' });
    const html = new ServerParseError(new SyntaxError('Unexpected token <'), {
      response: response(200),
      bodyText: '<html>',
    });
    expect(classifyError(html)).toEqual({ kind: 'unreachable' });
  });

  it('prefers RATE_LIMITED when several errors come back', () => {
    const error = new GraphQLResponseError(
      [
        { message: 'no', extensions: { code: 'UNAUTHENTICATED' } },
        { message: 'wait', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 } },
      ],
      200,
    );
    expect(classifyError(error)).toEqual({ kind: 'rateLimited', retryAfterSeconds: 3 });
  });
});

describe('refusals of an action', () => {
  it("sorts NOT_FOUND and CONFLICT and keeps the server's message", () => {
    const conflict = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'Tenant is already SUSPENDED', extensions: { code: 'CONFLICT' } }],
    });
    expect(classifyError(conflict)).toEqual({ kind: 'conflict' });
    expect(serverMessageOf(conflict)).toBe('Tenant is already SUSPENDED');
    expect(classifyError(gqlError('NOT_FOUND'))).toEqual({ kind: 'notFound' });
    expect(classifyLoginError(conflict)).toEqual({
      kind: 'unknown',
      message: 'Tenant is already SUSPENDED',
    });
    expect(serverMessageOf(new Error('plain'))).toBeNull();
  });

  it('reads the problems list of an onboarding refusal', () => {
    const refusal = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'Onboarding refused: a; b',
          extensions: {
            code: 'BAD_USER_INPUT',
            problems: ['a', 'b', 3],
            codes: ['NAME_EMPTY', 'USERNAME_TAKEN', 'X'],
          },
        },
      ],
    });
    expect(classifyError(refusal)).toEqual({ kind: 'badInput' });
    expect(issuesOf(refusal)).toEqual([
      { code: 'NAME_EMPTY', message: 'a' },
      { code: 'USERNAME_TAKEN', message: 'b' },
    ]);
    expect(issuesOf(gqlError('BAD_USER_INPUT'))).toEqual([]);
  });
});
