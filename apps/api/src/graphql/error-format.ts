import { BadRequestException } from '@nestjs/common';
import {
  databaseErrorAsTyped,
  loggableError,
  TongbanError,
  unreachableService,
} from '@tongban/core';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ClsServiceManager } from 'nestjs-cls';
import type { Logger } from 'pino';

/** Errors Apollo raises itself for a document that cannot run; reported as BAD_USER_INPUT. */
const INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * graphql-js gives up coercing variables after 50 errors with an error of its own, without
 * Apollo's BAD_USER_INPUT code: still the client's mistake.
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables, error limit reached\./;

/**
 * Turns any error into a client-safe one with a stable code (DESIGN.md §5): known errors
 * keep their message; unexpected ones are masked and logged with a correlation id, without
 * the values they carried (loggableError). A client's own mistakes never echo the values it
 * sent (a password in a mistyped variable) and, in production, suggest no names.
 */
export function createErrorFormatter(logger: Logger, production = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const raw = unwrap(error);
    // A tenant-tree rule or a serialization failure from PostgreSQL is an expected CONFLICT.
    const original = databaseErrorAsTyped(raw) ?? raw;
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
    };

    if (original instanceof TongbanError) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, ...original.details },
      };
    }
    if (original instanceof BadRequestException) {
      return {
        ...base,
        message: validationMessage(original),
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && TOO_MANY_VARIABLE_ERRORS.test(original.message)) {
      return {
        ...base,
        message: 'Too many invalid variable values; the request was not run',
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    if (typeof code === 'string' && INPUT_CODES.has(code)) {
      return {
        ...base,
        message: clientMessage(formatted.message, production),
        extensions: { code: 'BAD_USER_INPUT' },
      };
    }
    const correlationId = currentRequestId();
    const unreachable = unreachableService(original);
    if (unreachable) {
      logger.warn(
        { correlationId, service: unreachable, error: describe(original) },
        `${unreachable} unreachable`,
      );
      return {
        ...base,
        message: 'The service is temporarily unavailable; try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE', correlationId },
      };
    }
    logger.error({ correlationId, error: loggableError(original) }, 'unexpected error');
    return {
      ...base,
      message: `Internal server error (reference ${correlationId})`,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    };
  };
}

/** The error a resolver, guard or pipe threw, beneath GraphQL's wrapping. */
function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

function validationMessage(error: BadRequestException): string {
  const response = error.getResponse() as { message?: string | string[] };
  const messages = Array.isArray(response.message)
    ? response.message
    : [response.message ?? error.message];
  return `Invalid input: ${messages.join('; ')}`;
}

/**
 * What a client is told of its own malformed request: never the value it sent (variable
 * coercion messages quote it: `got invalid value "…"`), never "Did you mean …?" in
 * production, and a limit named as a limit rather than a "Syntax Error".
 */
export function clientMessage(message: string, production: boolean): string {
  let text = withoutEchoedValue(message);
  if (production) text = text.replace(/\s*Did you mean [^?]*\?/g, '');
  const limit = /^Syntax Error: (.*(?:limit|tokens).*)$/i.exec(text);
  if (limit) text = `Request refused by a limit: ${limit[1]}`;
  return text;
}

/** `Variable "$x" got invalid value <the value> at "x.path"; <why, often with the value>`. */
function withoutEchoedValue(message: string): string {
  const variable = /^Variable "(\$\w+)" got invalid value ([\s\S]*)$/.exec(message);
  if (!variable) return message;
  const at = / at "([\w.$[\]]+)"; ([\s\S]*)$/.exec(variable[2]);
  const why = (at ? at[2] : variable[2].replace(/^[\s\S]*?; /, ''))
    .replace(/: [\s\S]*$/, '')
    .replace(/found [\s\S]*$/, 'found another value');
  return `Variable "${variable[1]}" got an invalid value${at ? ` at "${at[1]}"` : ''}: ${why}`;
}

function currentRequestId(): string {
  const cls = ClsServiceManager.getClsService();
  return (cls.isActive() && cls.getId()) || 'none';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
