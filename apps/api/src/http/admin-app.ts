import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';

const API_PATHS = /^\/(graphql|health|auth)(\/|$|\?)/;

/**
 * Serves the built admin app (apps/admin → dist/admin) on the API's port: its hashed assets
 * cached for a year as immutable, its other files for an hour, and index.html (never cached)
 * for any other GET that wants HTML, so client-side routes survive a reload.
 */
export async function serveAdminApp(
  app: NestFastifyApplication,
  distDir: string,
  logger: Logger,
): Promise<boolean> {
  const dir = resolve(distDir);
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn({ dir }, 'admin app not built; serving the API only (run `npm run build`)');
    return false;
  }
  await app.register(fastifyStatic as never, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    allowedPath: (path: string) => path !== '/index.html',
    // Vite names every built asset by its content hash: safe to cache a year, as immutable.
    setHeaders: (reply: { header(name: string, value: string): unknown }, path: string) =>
      reply.header(
        'Cache-Control',
        path.startsWith(join(dir, 'assets'))
          ? 'public, max-age=31536000, immutable'
          : path === join(dir, 'index.html')
            ? 'no-cache'
            : 'public, max-age=3600',
      ),
  });
  const server = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  server.get('/*', (request, reply: FastifyReply) => {
    if (API_PATHS.test(request.url) || !(request.headers.accept ?? '').includes('text/html')) {
      return reply.status(404).send({ message: 'Not found' });
    }
    return reply.sendFile('index.html', dir);
  });
  return true;
}
