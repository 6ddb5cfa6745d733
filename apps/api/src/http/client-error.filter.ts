import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { TongbanError, TongbanErrorFilter } from '@tongban/core';
import type { Response } from 'express';

/** An error the HTTP layer raised for a client's request (http-errors: status 4xx, exposed). */
interface HttpClientError {
  status: number;
  expose: boolean;
  message: string;
  type?: string;
}

function isClientError(error: unknown): error is HttpClientError {
  const candidate = error as Partial<HttpClientError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.expose === true &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/**
 * Outside GraphQL's own error handling (body parsing, static files): a client's mistake (a
 * 413, malformed JSON) is answered with its status and logged as a warning without a stack;
 * anything else goes to Nest's default handling.
 */
@Catch()
export class HttpClientErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('HttpClientError');

  override catch(error: unknown, host: ArgumentsHost): unknown {
    // GraphQL formats its own errors (error-format.ts): hand them back untouched.
    if (host.getType() !== 'http') return error;
    if (error instanceof TongbanError) return new TongbanErrorFilter().catch(error, host);
    if (error instanceof HttpException || !isClientError(error)) {
      return super.catch(error, host);
    }
    this.logger.warn({ msg: 'client error', statusCode: error.status, reason: error.message });
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(error.status)
      .json({ errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }] });
  }
}
