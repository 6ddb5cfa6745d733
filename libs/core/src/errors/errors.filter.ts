import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { ErrorCode, TongbanError } from './errors';

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** Fastify's reply (`send`) or Express's response (`json`). */
interface JsonResponse {
  status(code: number): JsonResponse;
  send?(body: unknown): unknown;
  json?(body: unknown): unknown;
}

/**
 * Hands expected errors (typed, with a code) straight to GraphQL's error formatting, so Nest
 * does not log each refused login or missing record as a server error. Outside GraphQL (the
 * session endpoints) it answers the same shape with the matching HTTP status.
 */
@Catch(TongbanError)
export class TongbanErrorFilter implements GqlExceptionFilter {
  catch(error: TongbanError, host: ArgumentsHost): TongbanError | void {
    if (host.getType() !== 'http') return error;
    const body = {
      errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }],
    };
    const reply = host.switchToHttp().getResponse<JsonResponse>().status(HTTP_STATUS[error.code]);
    if (typeof reply.send === 'function') reply.send(body);
    else reply.json?.(body);
  }
}
