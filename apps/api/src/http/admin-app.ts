import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

const API_PATHS = /^\/(graphql|health)(\/|$)/;

/**
 * Serves the built admin app (apps/admin → dist/admin) on the API's port: its files, and
 * index.html for any other GET so client-side routes survive a reload.
 */
export function serveAdminApp(
  app: NestExpressApplication,
  distDir: string,
  logger: Logger,
): boolean {
  const dir = resolve(distDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ dir }, 'admin app not built; serving the API only (run `npm run build`)');
    return false;
  }
  // Vite names every built asset by its content hash: safe to cache for a year, as immutable.
  app.useStaticAssets(join(dir, 'assets'), {
    prefix: '/assets/',
    index: false,
    maxAge: '365d',
    immutable: true,
  });
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
