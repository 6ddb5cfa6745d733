import { BadRequestException } from '@nestjs/common';
import { RateLimitedError, UnauthenticatedError } from '@tongban/core';
import { GraphQLError } from 'graphql';
import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import pino from 'pino';
import { createErrorFormatter } from './error-format';

const logged: unknown[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
const format = createErrorFormatter(logger);
const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original });

describe('GraphQL error formatting', () => {
  it('keeps typed errors with their code and details', () => {
    const out = format({ message: 'x' }, wrap(new RateLimitedError('Too many', 42)));
    expect(out).toMatchObject({
      message: 'Too many',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 },
    });
    expect(format({ message: 'x' }, wrap(new UnauthenticatedError('no'))).extensions).toEqual({
      code: 'UNAUTHENTICATED',
    });
  });

  it('reports validation failures as BAD_USER_INPUT', () => {
    const out = format(
      { message: 'x' },
      wrap(new BadRequestException({ message: ['username should not be empty'] })),
    );
    expect(out).toMatchObject({
      message: 'Invalid input: username should not be empty',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(
      format(
        { message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
        new GraphQLError('Syntax Error'),
      ),
    ).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('masks unexpected errors and logs them with the correlation id', () => {
    const out = format(
      { message: 'relation "secret_table" does not exist' },
      wrap(new Error('relation "secret_table" does not exist')),
    );
    expect(out.message).toMatch(/^Internal server error \(reference .+\)$/);
    expect(out.message).not.toContain('secret_table');
    expect(out.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    // Logged with what it is, not with the values it quoted (issue 8: no values in logs).
    expect(JSON.stringify(logged.at(-1))).toContain('relation \\"…\\" does not exist');
    expect(JSON.stringify(logged.at(-1))).not.toContain('secret_table');
  });

  it('never echoes a value the client sent, and suggests no names in production', () => {
    const coercion =
      'Variable "$input" got invalid value "hunter2-secret" at "input.password"; String cannot represent a non string value';
    const formatted = { message: coercion, extensions: { code: 'BAD_USER_INPUT' } };
    const out = format(formatted, new GraphQLError(coercion));
    expect(out.message).toBe(
      'Variable "$input" got an invalid value at "input.password": String cannot represent a non string value',
    );
    expect(out.message).not.toContain('hunter2');
    const suggestion =
      'Value "WINDOW_STAF" does not exist in "Role" enum. Did you mean the enum value "WINDOW_STAFF"?';
    const production = createErrorFormatter(logger, true);
    const hidden = production(
      { message: suggestion, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError(suggestion),
    );
    expect(hidden.message).toBe('Value "WINDOW_STAF" does not exist in "Role" enum.');
    const limit = production(
      {
        message: 'Syntax Error: Query depth limit of 8 exceeded, found 12.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      new GraphQLError('x'),
    );
    expect(limit.message).toBe(
      'Request refused by a limit: Query depth limit of 8 exceeded, found 12.',
    );
  });

  it('answers SERVICE_UNAVAILABLE for an unreachable database or Redis, not INTERNAL', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const out = format({ message: 'x' }, wrap(refused));
    expect(out).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(out.message).not.toContain('5432');
    // Redis away (the login throttle's counters), a transaction whose connection died in a
    // PostgreSQL restart: the classification itself is tested in libs/core.
    for (const error of [
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      new QueryRunnerAlreadyReleasedError(),
    ]) {
      expect(format({ message: 'x' }, wrap(error))).toMatchObject({
        message: 'The service is temporarily unavailable; try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
    expect(format({ message: 'x' }, wrap(new Error('duplicate key value')))).toMatchObject({
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('reports graphql-js giving up after 50 invalid variables as BAD_USER_INPUT, unlogged', () => {
    logged.length = 0;
    const tooMany = new GraphQLError(
      'Too many errors processing variables, error limit reached. Execution aborted.',
    );
    expect(format({ message: tooMany.message }, tooMany)).toEqual({
      message: 'Too many invalid variable values; the request was not run',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(logged).toEqual([]);
  });
});
