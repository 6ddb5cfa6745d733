import { issueRefreshToken, parseRefreshToken, secretMatches } from './refresh-token-secret';

describe('refresh token secrets', () => {
  it('parse back to the id and a secret that matches the stored hash', () => {
    const token = issueRefreshToken();
    const parsed = parseRefreshToken(token.value)!;
    expect(parsed.id).toBe(token.id);
    expect(secretMatches(parsed.secret, token.hash)).toBe(true);
  });

  it('do not match another token’s hash', () => {
    const a = issueRefreshToken();
    const b = issueRefreshToken();
    expect(secretMatches(parseRefreshToken(a.value)!.secret, b.hash)).toBe(false);
  });

  it.each([
    '',
    'no-dot',
    'not-a-uuid.AAAA',
    `${issueRefreshToken().id}.short`,
    `${issueRefreshToken().id}.${'*'.repeat(43)}`,
  ])('rejects the malformed value %p', (value) => {
    expect(parseRefreshToken(value)).toBeNull();
  });
});
