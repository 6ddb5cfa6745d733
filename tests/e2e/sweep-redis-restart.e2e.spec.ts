import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  API_DIST,
  ApiProcess,
  collect,
  createTestDatabase,
  freePort,
  gql,
  login,
  spawnNode,
  startApi,
  TestClock,
  TestDatabase,
  waitFor,
} from '@tongban/test-support';

/**
 * Issue 12, bad input "Redis restarted during a sweep": a Redis of the test's own, without
 * persistence, is killed while the worker sweeps every second and started again empty (the
 * repeatable jobs' schedule gone with it). The worker must schedule its sweeps again, and each
 * application must still get exactly one card per level.
 */
const PASSWORD = 'Demo#2026';
const DAY = 24 * 3600 * 1000;
/** 食品经营许可（新办）: on Liucheng's list, in working days. */
const FOOD_LICENCE = '00013130100001';

class OwnRedis {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output = collect(child);
    this.child = child;
    await waitFor('redis to listen', async () =>
      /Ready to accept connections/.test(output().stdout) ? true : undefined,
    );
  }

  /** As a crash: no shutdown, nothing saved. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
    this.child = null;
  }
}

describe('deadline sweep: Redis restarted during sweeps', () => {
  let db: TestDatabase;
  let redis: OwnRedis;
  let api: ApiProcess;
  let worker: ChildProcess;
  let workerOutput: () => { stdout: string; stderr: string };
  const clock = new TestClock();
  let token = '';
  let windowId = '';

  const takeInAndAccept = async (n: number) => {
    const taken = await gql<{ submitApplication: { id: string } }>(
      api.baseUrl,
      `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
      {
        token,
        variables: {
          input: { windowId, itemCode: FOOD_LICENCE, applicant: { name: `重启测试${n}` } },
        },
      },
    );
    expect(taken.errors).toBeUndefined();
    const accepted = await gql<{ acceptApplication: { id: string; promisedDeadline: string } }>(
      api.baseUrl,
      `mutation($input: ActInput!) { acceptApplication(input: $input) { id promisedDeadline } }`,
      { token, variables: { input: { id: taken.data!.submitApplication.id, version: 1 } } },
    );
    expect(accepted.errors).toBeUndefined();
    return accepted.data!.acceptApplication;
  };
  const cards = (ids: string[]) =>
    db.query<{ application_id: string; level: string; n: number }>(
      `SELECT application_id, level, count(*)::int AS n FROM application_warnings
        WHERE application_id = ANY($1) GROUP BY application_id, level`,
      [ids],
    );

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    db = await createTestDatabase({ seedDemo: true });
    const queuePrefix = `tongban-test-${randomBytes(4).toString('hex')}`;
    api = await startApi({
      databaseUrl: db.url,
      env: { REDIS_URL: redis.url, QUEUE_PREFIX: queuePrefix, ...clock.env },
    });
    worker = spawnNode(join(API_DIST, 'worker.js'), [], {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: queuePrefix,
      SWEEP_DEADLINES_EVERY_MS: '1000',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tongban-worker-')),
      LOG_LEVEL: 'info',
      ...clock.env,
    });
    workerOutput = collect(worker);
    await waitFor('worker ready', async () =>
      workerOutput().stdout.includes('worker ready') ? true : undefined,
    );
    token = (await login(api.baseUrl, 'liucheng.window', PASSWORD)).data!.login.accessToken;
    [{ id: windowId }] = await db.query<{ id: string }>(
      `SELECT w.id FROM service_windows w JOIN tenants t ON t.id = w.tenant_id
        WHERE t.division_code = '450222' AND w.code = 'C1'`,
    );
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await api?.stop();
    await redis?.kill();
    await db?.drop();
  });

  it('sweeps again once Redis is back empty, one card per application and level', async () => {
    const taken = [await takeInAndAccept(1), await takeInAndAccept(2), await takeInAndAccept(3)];
    const ids = taken.map((application) => application.id);
    const deadline = Math.max(...taken.map((a) => new Date(a.promisedDeadline).getTime()));

    // Sweeps run every second (scheduled before "worker ready"); Redis dies among them and
    // comes back empty.
    await new Promise((r) => setTimeout(r, 1200));
    expect(await cards(ids)).toEqual([]);
    await redis.kill();
    // Past every promised deadline while Redis is down: each is RED (and was YELLOW before).
    clock.advance(deadline - clock.now().getTime() + 2 * DAY);
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();

    const levels = await waitFor(
      'the sweeps to resume and card every application',
      async () => {
        const rows = await cards(ids);
        return rows.filter((row) => row.level === 'RED').length === ids.length ? rows : undefined;
      },
      40_000,
      250,
    );
    // Let more sweeps run over the same applications: nothing is raised twice.
    await new Promise((r) => setTimeout(r, 2500));
    const after = await cards(ids);
    expect(after).toEqual(expect.arrayContaining(levels));
    for (const row of after) expect(row.n).toBe(1);
    expect(after.filter((row) => row.level === 'RED')).toHaveLength(ids.length);
    expect(worker.exitCode).toBeNull();
  });
});
