import { existsSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import Bull from 'bull';
import { Client } from 'pg';
import { once } from 'node:events';
import {
  createTestDatabase,
  gql,
  login,
  startApi,
  TestDatabase,
  API_DIST,
  TEST_REDIS_URL,
  WORKSPACE_ROOT,
  collect,
  runNode,
  spawnNode,
  waitFor,
} from '@tongban/test-support';

describe('worker process', () => {
  let db: TestDatabase;
  let worker: ChildProcess;
  let output: () => { stdout: string; stderr: string };
  const queuePrefix = `tongban-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    worker = spawnNode(join(API_DIST, 'worker.js'), [], {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      PURGE_SESSIONS_EVERY_MS: '500',
      DATA_DIR: join(tmpdir(), `tongban-worker-${randomBytes(4).toString('hex')}`),
      LOG_LEVEL: 'info',
    });
    output = collect(worker);
    await waitFor('worker ready', async () =>
      output().stdout.includes('worker ready') ? true : undefined,
    );
  });
  afterAll(async () => {
    if (worker.exitCode === null) worker.kill('SIGKILL');
    await db?.drop();
  });

  it('runs the repeatable purge: expired and long-revoked sessions go, live ones stay', async () => {
    const [user] = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE username = 'liucheng.admin'`,
    );
    const insert = (expires: string, revoked: string | null) =>
      db.query<{ id: string }>(
        `INSERT INTO sessions (user_id, expires_at, revoked_at) VALUES ($1, ${expires}, ${revoked ?? 'NULL'}) RETURNING id`,
        [user.id],
      );
    const [expired] = await insert(`now() - interval '1 hour'`, null);
    const [revokedLongAgo] = await insert(`now() + interval '1 day'`, `now() - interval '2 days'`);
    const [live] = await insert(`now() + interval '1 day'`, null);
    await db.query(
      `INSERT INTO refresh_tokens (id, session_id, token_hash, expires_at)
       VALUES (gen_random_uuid(), $1, '\\x00', now() - interval '1 minute'),
              (gen_random_uuid(), $2, '\\x00', now() + interval '1 day')`,
      [live.id, live.id],
    );

    // Purges run every 500 ms; wait until one has run after all rows were in place.
    await waitFor(
      'purge to run',
      async () => {
        const gone = await db.query(`SELECT id FROM sessions WHERE id = ANY($1)`, [
          [expired.id, revokedLongAgo.id],
        ]);
        const tokens = await db.query(`SELECT id FROM refresh_tokens WHERE session_id = $1`, [
          live.id,
        ]);
        return gone.length === 0 && tokens.length === 1 ? true : undefined;
      },
      20_000,
      200,
    );
    const remaining = await db.query<{ id: string }>(`SELECT id FROM sessions WHERE id = $1`, [
      live.id,
    ]);
    expect(remaining).toHaveLength(1);
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE session_id = $1 AND expires_at > now()`,
      [live.id],
    );
    expect(n).toBe(1);
    expect(output().stdout).toContain('purged expired sessions');
  });

  it('refuses a tenant job without tenantId and actorId, for good (no retries)', async () => {
    const queue = new Bull('tongban', TEST_REDIS_URL, { prefix: queuePrefix });
    try {
      const job = await queue.add('tenancy.revoke-tenant-sessions', {}, { attempts: 3 });
      await expect(job.finished()).rejects.toThrow(/must carry tenantId and actorId/);
      const failed = await queue.getJob(job.id);
      expect(failed!.attemptsMade).toBe(1);
      const [{ n }] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sessions WHERE revoked_reason = 'TENANT_SUSPENDED'`,
      );
      expect(n).toBe(0);
    } finally {
      await queue.close();
    }
  });

  it('a suspension, enqueued by the API, is carried out by the worker in the actor’s scope', async () => {
    const api = await startApi({ databaseUrl: db.url, env: { QUEUE_PREFIX: queuePrefix } });
    try {
      const manager = (await login(api.baseUrl, 'mashan.manager', 'Demo#2026')).data!.login;
      const admin = (await login(api.baseUrl, 'liucheng.admin', 'Demo#2026')).data!.login;
      const [{ id: mashan }] = await db.query<{ id: string }>(
        `SELECT id FROM tenants WHERE division_code = '450222203'`,
      );
      const suspended = await gql(
        api.baseUrl,
        `mutation($input: SuspendTenantInput!) { suspendTenant(input: $input) { status } }`,
        {
          token: admin.accessToken,
          variables: { input: { tenantId: mashan, reason: '停业整顿' } },
        },
      );
      expect(suspended.errors).toBeUndefined();
      const sid = (
        JSON.parse(Buffer.from(manager.accessToken.split('.')[1], 'base64url').toString()) as {
          sid: string;
        }
      ).sid;
      await waitFor(
        'the worker to revoke the session',
        async () => {
          const [session] = await db.query<{ revoked_reason: string | null }>(
            `SELECT revoked_reason FROM sessions WHERE id = $1`,
            [sid],
          );
          return session.revoked_reason === 'TENANT_SUSPENDED' ? true : undefined;
        },
        20_000,
        200,
      );
      // The county administrator's own session is untouched.
      const adminSid = (
        JSON.parse(Buffer.from(admin.accessToken.split('.')[1], 'base64url').toString()) as {
          sid: string;
        }
      ).sid;
      const [adminSession] = await db.query<{ revoked_at: Date | null }>(
        `SELECT revoked_at FROM sessions WHERE id = $1`,
        [adminSid],
      );
      expect(adminSession.revoked_at).toBeNull();
    } finally {
      await api.stop();
    }
  });

  it('stops cleanly on SIGTERM within 10 seconds', async () => {
    const started = Date.now();
    worker.kill('SIGTERM');
    const [code] = (await once(worker, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(output().stdout).toContain('worker shutting down');
  });
});

describe('worker shutdown with a job in flight', () => {
  it('SIGTERM lets the active job finish, then exits 0 within 10 seconds', async () => {
    const db = await createTestDatabase({ seedDemo: true });
    const queuePrefix = `tongban-test-${randomBytes(4).toString('hex')}`;
    const worker = spawnNode(join(API_DIST, 'worker.js'), [], {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      DATA_DIR: join(tmpdir(), `tongban-worker-${randomBytes(4).toString('hex')}`),
      LOG_LEVEL: 'info',
    });
    const output = collect(worker);
    const queue = new Bull('tongban', TEST_REDIS_URL, { prefix: queuePrefix });
    const locker = new Client({ connectionString: db.ownerUrl });
    await locker.connect();
    try {
      await waitFor('worker ready', async () =>
        output().stdout.includes('worker ready') ? true : undefined,
      );
      // Hold the job up: the purge waits for this lock.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE refresh_tokens IN ACCESS EXCLUSIVE MODE');
      const job = await queue.add('identity.purge-expired-sessions', {});
      await waitFor(
        'the job to be active',
        async () => ((await job.getState()) === 'active' ? true : undefined),
        10_000,
        100,
      );

      const stopped = Date.now();
      worker.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
      expect(worker.exitCode).toBeNull(); // still waiting for its job
      await locker.query('COMMIT');

      const [code] = (await once(worker, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(Date.now() - stopped).toBeLessThan(10_000);
      expect(await job.getState()).toBe('completed');
      expect(output().stdout).toContain('purged expired sessions');
    } finally {
      if (worker.exitCode === null) worker.kill('SIGKILL');
      await locker.end();
      await queue.close();
      await db.drop();
    }
  });
});

describe('worker in production: no signing keys, a heartbeat for its health check', () => {
  it('starts without JWT keys, beats while the queue answers, and the check reads the beat', async () => {
    const db = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'tongban-worker-'));
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `tongban-test-${randomBytes(4).toString('hex')}`,
      DATA_DIR: dir,
      WORKER_HEARTBEAT_FILE: join(dir, 'beat'),
      LOG_LEVEL: 'info',
    };
    const health = () => runNode(join(API_DIST, 'worker-health.js'), [], env);
    expect((await health()).code).toBe(1); // no beat yet
    const worker = spawnNode(join(API_DIST, 'worker.js'), [], env);
    const output = collect(worker);
    try {
      await waitFor(
        'the first heartbeat',
        async () => {
          if (worker.exitCode !== null) throw new Error(`worker exited: ${output().stderr}`);
          return existsSync(env.WORKER_HEARTBEAT_FILE) ? true : undefined;
        },
        30_000,
        100,
      );
      expect(await health()).toMatchObject({ code: 0 });
      worker.kill('SIGTERM');
      const [code] = (await once(worker, 'exit')) as [number | null];
      expect(code).toBe(0);
      // A beat two minutes old: the worker is stuck or gone.
      const old = new Date(Date.now() - 120_000);
      utimesSync(env.WORKER_HEARTBEAT_FILE, old, old);
      const stale = await health();
      expect(stale.code).toBe(1);
      expect(stale.stderr).toMatch(/heartbeat \d+ s old/);
    } finally {
      if (worker.exitCode === null) worker.kill('SIGKILL');
      await db.drop();
    }
  });
});

describe('npm run worker under a supervisor', () => {
  /** Every process below `pid` (children, their children, …). */
  function descendants(pid: number): number[] {
    let children = '';
    try {
      children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
    } catch {
      // ps exits 1 when there are none
    }
    return children
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((child) => child > 0)
      .flatMap((child) => [child, ...descendants(child)]);
  }
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('SIGTERM to npm reaches the worker itself: nothing is left running', async () => {
    const db = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'tongban-worker-'));
    const npm = spawn('npm', ['run', '-s', 'worker'], {
      cwd: WORKSPACE_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: `tongban-test-${randomBytes(4).toString('hex')}`,
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    let below: number[] = [];
    try {
      await waitFor(
        'the worker’s first heartbeat',
        async () => (existsSync(join(dir, 'worker-heartbeat')) ? true : undefined),
        30_000,
        100,
      );
      below = descendants(npm.pid!);
      expect(below.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await once(npm, 'exit');
      await waitFor(
        'the worker to end',
        async () => (below.some(alive) ? undefined : true),
        10_000,
        100,
      );
    } finally {
      for (const pid of below.filter(alive)) process.kill(pid, 'SIGKILL');
      if (npm.exitCode === null) npm.kill('SIGKILL');
      await db.drop();
    }
  });
});
