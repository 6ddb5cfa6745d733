import type { LoggerService } from '@nestjs/common';
import { CLS_ID, ClsServiceManager } from 'nestjs-cls';
import type { Logger } from 'pino';
import { loggableError, withoutValues } from '@tongban/core';

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/**
 * Nest's logger, written to the process's pino logger as JSON with the request id of the
 * request (or job) it was written in. A message that is an object is logged as fields.
 * (A thin adapter instead of nestjs-pino/pino-http: no child logger or extra async context
 * per request; see the request log in http/request-log.ts.)
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    // Nest passes the context (the class name) last, and for errors a stack before it.
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    // Nest's error(message, stack, context): the stack without the values it may quote.
    const stack =
      level === 'error' && rest.length >= 2 && typeof rest[0] === 'string'
        ? withoutValues(rest[0])
        : undefined;
    const cls = ClsServiceManager.getClsService();
    const requestId = cls.isActive() ? cls.get(CLS_ID) : undefined;
    const fields = { context, ...(requestId ? { requestId } : {}), ...(stack ? { stack } : {}) };
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      const { msg, ...object } = message as Record<string, unknown>;
      this.logger[level]({ ...fields, ...object }, typeof msg === 'string' ? msg : undefined);
    } else if (message instanceof Error) {
      // An error Nest caught itself: what it is and where, not the values it carried.
      this.logger[level](
        { ...fields, error: loggableError(message) },
        withoutValues(message.message),
      );
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
