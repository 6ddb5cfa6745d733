import { issueEvaluationToken, parseEvaluationToken, secretMatches } from './evaluation-token';

const TENANT = '0b8f7c3e-1d2a-4c5b-9e8f-7a6b5c4d3e2f';

describe('evaluation tokens', () => {
  it('carry the tenant and row, and the secret matches only its own hash', () => {
    const issued = issueEvaluationToken(TENANT);
    const parsed = parseEvaluationToken(issued.token)!;
    expect(parsed).toMatchObject({ tenantId: TENANT, id: issued.id });
    expect(secretMatches(parsed.secret, issued.hash)).toBe(true);
    const other = issueEvaluationToken(TENANT);
    expect(secretMatches(parsed.secret, other.hash)).toBe(false);
    expect(issued.hash).toHaveLength(32);
  });

  it('refuses anything not shaped like a token this server gives out', () => {
    const { token } = issueEvaluationToken(TENANT);
    for (const bad of [
      '',
      'x',
      `${token}.more`,
      token.replace(TENANT, 'not-a-uuid'),
      token.slice(0, -1),
    ]) {
      expect(parseEvaluationToken(bad)).toBeNull();
    }
  });
});
