import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Configuration } from '../config/configuration';

/**
 * The worker listens on no port, so its container health check reads a file instead: the
 * worker rewrites it every HEARTBEAT_EVERY_MS while its queue answers, and the check
 * (worker-health.js) calls it unhealthy once the file is older than HEARTBEAT_STALE_AFTER_MS.
 * A stuck event loop or a queue gone for a minute both leave the file stale; a Redis restart
 * of a few seconds does not.
 */
export const HEARTBEAT_EVERY_MS = 10_000;
export const HEARTBEAT_STALE_AFTER_MS = 60_000;

export function heartbeatPath(config: Pick<Configuration, 'DATA_DIR' | 'WORKER_HEARTBEAT_FILE'>) {
  return resolve(config.WORKER_HEARTBEAT_FILE ?? join(config.DATA_DIR, 'worker-heartbeat'));
}

/** Beats now and every `everyMs` while `alive` resolves; `stop` ends it. */
export function startHeartbeat(
  path: string,
  alive: () => Promise<unknown>,
  logger: Logger,
  everyMs = HEARTBEAT_EVERY_MS,
): { stop(): void } {
  mkdirSync(dirname(path), { recursive: true });
  let beating = false;
  const beat = async () => {
    if (beating) return; // the last check still waits for an answer
    beating = true;
    try {
      await alive();
      writeFileSync(path, new Date().toISOString());
    } catch (error) {
      logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'no heartbeat',
      );
    } finally {
      beating = false;
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Milliseconds since the last beat, or null when there was none. */
export function heartbeatAgeMs(path: string, now = Date.now()): number | null {
  try {
    return now - statSync(path).mtimeMs;
  } catch {
    return null;
  }
}
