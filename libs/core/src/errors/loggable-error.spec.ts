import { loggableError, withoutValues } from './loggable-error';

class QueryFailedError extends Error {
  constructor(
    message: string,
    readonly query: string,
    readonly parameters: unknown[],
    readonly driverError: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'QueryFailedError';
  }
}

describe('loggableError', () => {
  it('keeps what the error is and drops the values it carried', () => {
    const error = new QueryFailedError(
      'invalid input syntax for type uuid: "黎明辉"',
      'INSERT INTO applications (applicant_name) VALUES ($1)',
      ['黎明辉', '450222198808081234', '13807729876'],
      {
        code: '22P02',
        table: 'applications',
        detail: 'Failing row contains (黎明辉, 450222198808081234, 13807729876).',
      },
    );
    const logged = loggableError(error);
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      message: 'invalid input syntax for type uuid: "…"',
      code: '22P02',
      table: 'applications',
    });
    const text = JSON.stringify(logged);
    for (const value of ['黎明辉', '450222198808081234', '13807729876', 'VALUES']) {
      expect(text).not.toContain(value);
    }
    expect(logged.stack).toMatch(/^QueryFailedError: invalid input syntax for type uuid: "…"\n/);
  });

  it('blanks single- and double-quoted values and says nothing of a non-error', () => {
    expect(withoutValues(`Key (username)='x' or "y" taken`)).toBe(
      `Key (username)='…' or "…" taken`,
    );
    expect(loggableError({ password: 'secret' })).toEqual({
      type: 'object',
      message: '(not an Error; its value is not logged)',
    });
  });
});
