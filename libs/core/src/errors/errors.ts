/**
 * Errors with a stable code. Every expected failure the API reports to a client is one of
 * these; the GraphQL layer turns them into `extensions.code`. Anything else is an internal
 * error and is masked.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE';

export abstract class TongbanError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra, client-safe details (e.g. retryAfterSeconds). */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class UnauthenticatedError extends TongbanError {
  readonly code = 'UNAUTHENTICATED';
}

export class ForbiddenError extends TongbanError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends TongbanError {
  readonly code = 'NOT_FOUND';
}

export class BadUserInputError extends TongbanError {
  readonly code = 'BAD_USER_INPUT';
}

export class ConflictError extends TongbanError {
  readonly code = 'CONFLICT';
}

export class RateLimitedError extends TongbanError {
  readonly code = 'RATE_LIMITED';

  constructor(message: string, retryAfterSeconds: number) {
    super(message, { retryAfterSeconds });
  }
}

export class ServiceUnavailableError extends TongbanError {
  readonly code = 'SERVICE_UNAVAILABLE';
}
