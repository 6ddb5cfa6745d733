import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Gives every request an id: the caller's X-Request-Id when it looks sane, a new UUID
 * otherwise. It is echoed in the response, logged with every line, and is the correlation
 * id of masked errors.
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  const id = given && ACCEPTABLE.test(given) ? given : randomUUID();
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}
