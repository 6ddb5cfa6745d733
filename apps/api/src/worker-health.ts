import { loadConfigurationOrExit } from './runtime/process';
import {
  heartbeatAgeMs,
  heartbeatPath,
  HEARTBEAT_STALE_AFTER_MS,
} from './runtime/worker-heartbeat';

/**
 * The worker container's health check: exit 0 when the worker's heartbeat is fresh, 1 when it
 * is stale or missing (`node dist/api/apps/api/src/worker-health.js`).
 */
const config = loadConfigurationOrExit({ redis: true, signingKeys: false });
const path = heartbeatPath(config);
const age = heartbeatAgeMs(path);
if (age === null || age > HEARTBEAT_STALE_AFTER_MS) {
  process.stderr.write(
    age === null ? `no heartbeat at ${path}\n` : `heartbeat ${Math.round(age / 1000)} s old\n`,
  );
  process.exit(1);
}
