import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The embedded default: PGlite (PostgreSQL compiled to WASM) persisted under DATA_DIR,
 * served on a loopback port by pglite-socket so the ordinary pg driver talks to it. PGlite
 * runs one query at a time, so the API uses a pool of one connection against it.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  logger: Logger,
): Promise<EmbeddedDatabase> {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create({ dataDir: dir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const address = (
    server as unknown as { server: { address(): { port: number } } }
  ).server.address();
  logger.info({ dataDir: dir }, 'embedded PostgreSQL (PGlite) started');
  return {
    url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
    dataDir: join(dir),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
