import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { GraphQLResponseError, NetworkError } from '../../../shared/api/transport';
import {
  classifySetupError,
  confirmationProblem,
  isFinalSetupFailure,
  passwordProblem,
  setupLinkUrl,
  tokenFromHash,
} from './setup-link';

const TOKEN =
  '0b8f5c8e-1f7a-4a8e-9c39-6f0e7b2d9a11.5e1d3c2b-4a59-4f8e-8d7c-6b5a4f3e2d1c.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd';

const refusal = (message: string) =>
  new GraphQLResponseError([{ message, extensions: { code: 'BAD_USER_INPUT' } }], 200);

describe('setup links', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash(`#${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash(TOKEN)).toBe(TOKEN);
    expect(tokenFromHash('#abc%2Edef')).toBe('abc.def');
    expect(tokenFromHash('#%E0%A4%A')).toBe('%E0%A4%A');
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#  ')).toBeNull();
  });

  it('makes the full link from the origin and the path the API returned', () => {
    expect(setupLinkUrl('http://127.0.0.1:3000', `/setup#${TOKEN}`)).toBe(
      `http://127.0.0.1:3000/setup#${TOKEN}`,
    );
    expect(setupLinkUrl('https://tongban.example/', 'setup#x')).toBe(
      'https://tongban.example/setup#x',
    );
  });

  it('passwords: at least 10 characters, confirmed', () => {
    expect(passwordProblem('')).toBe('passwordRequired');
    expect(passwordProblem('123456789')).toBe('passwordTooShort');
    expect(passwordProblem('1234567890')).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toBe('passwordTooLong');
    expect(confirmationProblem('1234567890', '')).toBe('confirmRequired');
    expect(confirmationProblem('1234567890', '1234567891')).toBe('confirmMismatch');
    expect(confirmationProblem('1234567890', '1234567890')).toBeNull();
  });
});

describe('why a setup was refused', () => {
  it('tells an invalid, a used and an expired link apart', () => {
    expect(classifySetupError(refusal('This setup link is not valid'))).toEqual({
      kind: 'invalidLink',
    });
    expect(classifySetupError(refusal('This setup link has already been used'))).toEqual({
      kind: 'usedLink',
    });
    expect(classifySetupError(refusal('This setup link has expired; ask for a new one'))).toEqual({
      kind: 'expiredLink',
    });
    expect(classifySetupError(refusal('This account is already set up'))).toEqual({
      kind: 'alreadySetUp',
    });
  });

  it('a short password, from the service or from input validation', () => {
    expect(classifySetupError(refusal('The password needs at least 10 characters'))).toEqual({
      kind: 'passwordTooShort',
    });
    expect(
      classifySetupError(
        refusal('Invalid input: password must be longer than or equal to 10 characters'),
      ),
    ).toEqual({ kind: 'passwordTooShort' });
    expect(
      classifySetupError(
        refusal('Invalid input: token must be shorter than or equal to 200 characters'),
      ),
    ).toEqual({ kind: 'invalidLink' });
  });

  it('works on Apollo errors too, and on the server not answering', () => {
    const apollo = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'This setup link has already been used',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(classifySetupError(apollo)).toEqual({ kind: 'usedLink' });
    expect(classifySetupError(new NetworkError(new TypeError('Failed to fetch')))).toEqual({
      kind: 'unreachable',
    });
    expect(
      classifySetupError(
        new GraphQLResponseError([{ message: 'x', extensions: { code: 'RATE_LIMITED' } }], 429),
      ),
    ).toEqual({ kind: 'rateLimited' });
    expect(classifySetupError(refusal('Something else'))).toEqual({
      kind: 'unknown',
      message: 'Something else',
    });
  });

  it('a dead link is final; a short password can be fixed', () => {
    expect(isFinalSetupFailure({ kind: 'usedLink' })).toBe(true);
    expect(isFinalSetupFailure({ kind: 'expiredLink' })).toBe(true);
    expect(isFinalSetupFailure({ kind: 'invalidLink' })).toBe(true);
    expect(isFinalSetupFailure({ kind: 'passwordTooShort' })).toBe(false);
    expect(isFinalSetupFailure({ kind: 'unreachable' })).toBe(false);
  });
});
