import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ADMIN_DIST, API_DIST, TEST_REDIS_URL } from './environment';
import { collect, freePort, spawnNode, waitFor } from './processes';

export interface ApiProcess {
  baseUrl: string;
  port: number;
  dataDir: string;
  queuePrefix: string;
  child: ChildProcess;
  logs(): string;
  /** The private key the process signs access tokens with (for forging test tokens). */
  signingKey(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartApiOptions {
  databaseUrl?: string;
  seedDemo?: boolean;
  /** With seedDemo: the demo's months of applications too (--demo-history). */
  demoHistory?: boolean;
  /** Extra or overriding environment; an empty string unsets a default (e.g. REDIS_URL: ''). */
  env?: Record<string, string>;
  /** Reuse a data directory (embedded database, keys) from an earlier process. */
  dataDir?: string;
  readyTimeoutMs?: number;
}

/** Starts the built API (dist) as its own process and resolves once /health/ready is 200. */
export async function startApi(options: StartApiOptions): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tongban-test-'));
  const queuePrefix = `tongban-test-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    ADMIN_DIST_DIR: ADMIN_DIST,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const flags = [
    ...(options.seedDemo ? ['--seed-demo'] : []),
    ...(options.demoHistory ? ['--demo-history'] : []),
  ];
  const child = spawnNode(join(API_DIST, 'main.js'), flags, env);
  const output = collect(child);
  const logs = () => {
    const { stdout, stderr } = output();
    return stdout + stderr;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));

  try {
    await waitFor(
      'the API to become ready',
      async () => {
        if (exited) throw new Error(`API exited early:\n${logs()}`);
        const res = await fetch(`${baseUrl}/health/ready`);
        return res.status === 200 ? true : undefined;
      },
      options.readyTimeoutMs ?? 60_000,
      150,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n--- API output ---\n${logs()}`);
  }

  return {
    baseUrl,
    port,
    dataDir,
    queuePrefix,
    child,
    logs,
    signingKey: () => readFileSync(join(dataDir, 'keys', 'access-token-private.pem'), 'utf8'),
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (exited) return child.exitCode;
      child.kill(signal);
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}
