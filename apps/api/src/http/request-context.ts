import type { NextFunction, Request, Response } from 'express';
import { CLS_ID, ClsService } from 'nestjs-cls';
import type { Logger } from 'pino';

/**
 * Runs the rest of the request in its own AsyncLocalStorage context (DESIGN.md §2: request
 * context in nestjs-cls), its id the request id. One `run` and one `set`: nothing else per
 * request (nestjs-cls's own middleware, guard and interceptor cost more than the baseline
 * server's whole framework).
 */
export function requestContext(cls: ClsService) {
  return (req: Request, _res: Response, next: NextFunction) =>
    cls.run(() => {
      cls.set(CLS_ID, (req as Request & { id: string }).id);
      next();
    });
}

/** One line per finished request at info level (health probes left out), with its id. */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!logger.isLevelEnabled('info') || req.url.startsWith('/health')) return next();
    const started = process.hrtime.bigint();
    res.once('finish', () =>
      logger.info(
        {
          req: { id: (req as Request & { id: string }).id, method: req.method, url: req.url },
          res: { statusCode: res.statusCode },
          responseTime: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request completed',
      ),
    );
    next();
  };
}
