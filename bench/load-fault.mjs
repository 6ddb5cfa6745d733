#!/usr/bin/env node
// Load and faults: the built API and worker on PostgreSQL and Redis under 200 concurrent clients,
// through four phases: steady; the API killed (SIGKILL) and restarted; PostgreSQL restarted; Redis
// restarted. Not a test (see RELIABILITY.md): it prints, per phase, the requests, the errors by
// code and the latency, and checks two things that must hold whatever fails:
//   - every acknowledged intake (the client got an id back) is in the database exactly once;
//   - isolation: each tenant's staff sees its own applications and nobody else's.
// Exits 1 when either breaks, a process crashes or a step fails; 0 otherwise. It also reports the
// accounts the login throttle locked (nobody types a wrong password here).
//
//   npm run build && node bench/load-fault.mjs                 # 4 phases of 60 s, ~6 min
//   node bench/load-fault.mjs --short                           # 4 phases of 15 s
//   node bench/load-fault.mjs --duration 30 --clients 100 --phases steady,redis-restart
//
// It restarts the local PostgreSQL and Redis (other users of them see a few seconds of outage):
// LOAD_POSTGRES_RESTART [pg_ctlcluster --skip-systemctl-redirect <version> main restart -m fast]
// and LOAD_REDIS_STOP [redis-cli -p <port> shutdown save] / LOAD_REDIS_START
// [redis-server /etc/redis/redis.conf] override the commands. Whatever happens (failure, Ctrl-C),
// it brings both back up, stops its processes, drops its database and login and deletes its Redis
// keys. Env: LOAD_POSTGRES_URL [postgres://postgres@127.0.0.1:5432/postgres] (a role that may
// create databases and roles), LOAD_REDIS_URL [redis://127.0.0.1:6379]; loopback only.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, sleep, start } from './processes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const API_DIST = join(ROOT, 'dist/api/apps/api/src');
const HOST = '127.0.0.1';
const PASSWORD = 'Demo#2026';
const PHASES = ['steady', 'api-kill', 'postgres-restart', 'redis-restart'];
/** 高龄津贴申领: on every demo village station's menu (taken in, decided by the county). */
const LOAD_ITEM_CODE = '450011002W01';

// ---- options ----------------------------------------------------------------------------------
const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string' },
    short: { type: 'boolean', default: false },
    clients: { type: 'string', default: '200' },
    tenants: { type: 'string', default: '20' },
    phases: { type: 'string', default: PHASES.join(',') },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (flags.help) {
  process.stdout.write(
    'usage: node bench/load-fault.mjs [--duration s=60 | --short (15 s)] [--clients n=200]\n' +
      `       [--tenants n=20] [--phases ${PHASES.join(',')}] [--json file]\n`,
  );
  process.exit(0);
}
const bounded = (name, value, min, max) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`--${name} must be an integer from ${min} to ${max}\n`);
    process.exit(2);
  }
  return n;
};
const options = {
  duration: bounded('duration', flags.duration ?? (flags.short ? 15 : 60), 5, 600),
  clients: bounded('clients', flags.clients, 1, 1000),
  tenants: bounded('tenants', flags.tenants, 1, 99),
  phases: flags.phases.split(',').map((p) => p.trim()),
};
for (const phase of options.phases) {
  if (!PHASES.includes(phase)) {
    process.stderr.write(`unknown phase ${phase}: one of ${PHASES.join(', ')}\n`);
    process.exit(2);
  }
}
const POSTGRES_URL = process.env.LOAD_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.LOAD_REDIS_URL ?? 'redis://127.0.0.1:6379';
for (const [name, url] of [
  ['LOAD_POSTGRES_URL', POSTGRES_URL],
  ['LOAD_REDIS_URL', REDIS_URL],
]) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    process.stderr.write(`${name} must point at this machine (127.0.0.1), not ${host}\n`);
    process.exit(2);
  }
}
const redisPort = new URL(REDIS_URL).port || '6379';
const postgresVersion = () => {
  try {
    return readdirSync('/etc/postgresql')[0] ?? '15';
  } catch {
    return '15';
  }
};
const COMMANDS = {
  postgresRestart:
    process.env.LOAD_POSTGRES_RESTART ??
    `pg_ctlcluster --skip-systemctl-redirect ${postgresVersion()} main restart -m fast`,
  redisStop: process.env.LOAD_REDIS_STOP ?? `redis-cli -p ${redisPort} shutdown save`,
  redisStart: process.env.LOAD_REDIS_START ?? 'redis-server /etc/redis/redis.conf',
};

const log = (message) =>
  process.stdout.write(`[load ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const shell = (command) => execFileSync('sh', ['-c', command], { stdio: 'pipe', timeout: 60_000 });

const running = (proc) => proc && proc.child.exitCode === null && proc.child.signalCode === null;

async function stop(proc) {
  if (!running(proc)) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 12_000);
  await proc.exited;
  clearTimeout(timer);
}

async function runToEnd(name, args, env, timeoutMs) {
  const proc = start(name, args, env);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await proc.exited;
  clearTimeout(timer);
  if (code !== 0)
    throw new Error(`${name} failed (${signal ?? `exit ${code}`}):\n${proc.output()}`);
}

async function waitFor(what, check, timeoutMs, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await sleep(everyMs);
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

const postgresUp = async () => {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
};
const redisUp = async () => {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
};

// ---- GraphQL ----------------------------------------------------------------------------------
const LOGIN =
  'mutation L($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }';
const ME = '{ me { id username tenant { id } } }';
const LIST = `query A($first: Int, $after: String) {
  applications(page: { first: $first, after: $after }) { nodes { id tenantId } pageInfo { endCursor hasNextPage } }
}`;
const SUBMIT = `mutation S($input: SubmitApplicationInput!) { submitApplication(input: $input) { id tenantId } }`;

/**
 * One GraphQL call. `outcome` is 'OK', the GraphQL extensions.code, `HTTP_<status>`,
 * `NETWORK_<code>` or 'TIMEOUT'; `data` only when OK.
 */
async function call(port, query, variables, token, address) {
  const started = performance.now();
  let outcome;
  let data = null;
  try {
    const response = await fetch(`http://${HOST}:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the status says it
    }
    if (body?.errors?.length) outcome = body.errors[0].extensions?.code ?? 'NO_CODE';
    else if (response.status !== 200 || !body?.data) outcome = `HTTP_${response.status}`;
    else {
      outcome = 'OK';
      data = body.data;
    }
  } catch (error) {
    if (error?.name === 'TimeoutError') outcome = 'TIMEOUT';
    else {
      const cause = error?.cause;
      outcome = `NETWORK_${cause?.code ?? cause?.name ?? error?.name ?? 'ERROR'}`;
    }
  }
  return { outcome, data, ms: performance.now() - started };
}

// ---- the run ----------------------------------------------------------------------------------
const suffix = randomBytes(4).toString('hex');
const database = `tongban_load_${suffix}`;
const appLogin = `tongban_load_${suffix}_api`;
const queuePrefix = `tongban-load-${suffix}`;
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-load-'));
const ownerUrl = (() => {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
})();
const appUrl = (() => {
  const url = new URL(ownerUrl);
  url.username = appLogin;
  url.password = randomBytes(12).toString('hex');
  return url.toString();
})();
const state = { api: null, worker: null, databaseCreated: false, faulting: null, crashes: [] };

/** The 20 village stations under 马山乡, one window each, two station staff each. */
async function arrangeTenants(owner) {
  const { rows: hash } = await owner.query(
    `SELECT password_hash FROM users WHERE username = 'village.staff'`,
  );
  const tenants = [];
  for (let i = 1; i <= options.tenants; i++) {
    const code = `450222203${String(300 + i)}`;
    const {
      rows: [tenant],
    } = await owner.query(
      `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
       SELECT g, p.id, 'VILLAGE', $1, $2, 'ACTIVE', p.path || g
         FROM gen_random_uuid() g, tenants p WHERE p.division_code = '450222203'
       RETURNING id`,
      [code, `负载测试${i}村便民服务站`],
    );
    const {
      rows: [window],
    } = await owner.query(
      `INSERT INTO service_windows (tenant_id, code, name, kind)
       VALUES ($1, 'C1', '综合窗口1', 'COMPREHENSIVE') RETURNING id`,
      [tenant.id],
    );
    const usernames = [`load${i}.a`, `load${i}.b`];
    for (const username of usernames) {
      await owner.query(
        `WITH u AS (
           INSERT INTO users (username, display_name, password_hash, home_tenant_id)
           VALUES ($1, $2, $3, $4) RETURNING id)
         INSERT INTO memberships (tenant_id, user_id, roles)
         SELECT $4, id, ARRAY['STATION_STAFF'] FROM u`,
        [username, `代办员${username}`, hash[0].password_hash, tenant.id],
      );
    }
    // The station's menu: the village menu of 马山村 (the demo's station), so intake finds it.
    await owner.query(
      `INSERT INTO implementation_items (tenant_id, code, source_tenant_id, source_version_id,
                                         promised_days, materials)
       SELECT $1, l.code, l.source_tenant_id, l.source_version_id, l.promised_days, l.materials
         FROM implementation_items l JOIN tenants t ON t.id = l.tenant_id
        WHERE t.division_code = '450222203201'`,
      [tenant.id],
    );
    tenants.push({ id: tenant.id, code, windowId: window.id, usernames });
  }
  return tenants;
}

/**
 * The owner's connection to the run's database. It listens for errors: the forced drop at the
 * end ends any connection still open, and an unheard 'error' would end this script before it
 * has cleaned up.
 */
function ownerClient() {
  const client = new pg.Client({ connectionString: ownerUrl });
  client.on('error', (error) => log(`owner connection: ${error.message}`));
  return client;
}

function apiEnv(apiPort, keys) {
  return {
    NODE_ENV: 'production',
    HOST,
    PORT: String(apiPort),
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    ADMIN_DIST_DIR: join(dataDir, 'no-admin'),
    DATABASE_URL: appUrl,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    // Each client says where it is (X-Forwarded-For): throttling per address sees 200 offices.
    TRUST_PROXY: 'loopback',
    JWT_PRIVATE_KEY: keys.privateKey,
    JWT_PUBLIC_KEY: keys.publicKey,
  };
}

async function startApi(apiPort, keys) {
  state.api = start('API (main.js)', [join(API_DIST, 'main.js')], apiEnv(apiPort, keys));
  const api = state.api;
  // An exit nobody asked for is a crash: reported, and the API restarted as a supervisor would.
  api.exited.then(({ code, signal }) => {
    if (api.expectedExit || state.stopping) return;
    state.crashes.push({ process: 'api', code, signal, output: api.output().slice(-3000) });
    log(`the API crashed (${signal ?? `exit ${code}`}):\n${api.output().slice(-3000)}`);
    startApi(apiPort, keys).catch((error) => log(`could not restart the API: ${error.message}`));
  });
  await waitFor(
    'the API to be ready',
    async () => {
      if (!running(api)) throw new Error(`the API exited:\n${api.output()}`);
      const res = await fetch(`http://${HOST}:${apiPort}/health/ready`, {
        signal: AbortSignal.timeout(2000),
      });
      return res.status === 200;
    },
    60_000,
  ).catch((error) => {
    throw new Error(`${error.message}\n${api.output()}`);
  });
}

/**
 * One client: a station staff member at their own address, mixing logins, reads and intakes
 * until `until`. Every acknowledged intake and every application a list shows are kept.
 */
async function client(index, tenant, context) {
  const username = tenant.usernames[index % tenant.usernames.length];
  const address = `10.${77 + Math.floor(index / 250)}.${Math.floor((index % 250) / 10)}.${(index % 10) + 1}`;
  let token = null;
  const record = (op, result) => context.record(op, result);
  while (Date.now() < context.until) {
    const roll = Math.random();
    if (!token || roll < 0.1) {
      const result = await call(
        context.port(),
        LOGIN,
        { input: { username, password: PASSWORD } },
        null,
        address,
      );
      record('login', result);
      if (result.outcome === 'OK') token = result.data.login.accessToken;
      else await sleep(200 + Math.random() * 300); // a person waits before trying again
      continue;
    }
    let result;
    if (roll < 0.4) {
      result = await call(context.port(), ME, {}, token, address);
      record('me', result);
      if (result.outcome === 'OK' && result.data.me.tenant.id !== tenant.id) {
        context.isolationBreaches.push({ username, saw: result.data.me.tenant.id });
      }
    } else if (roll < 0.7) {
      result = await call(context.port(), LIST, { first: 20 }, token, address);
      record('list', result);
      if (result.outcome === 'OK') {
        for (const node of result.data.applications.nodes) {
          if (node.tenantId !== tenant.id) {
            context.isolationBreaches.push({ username, saw: node.tenantId, id: node.id });
          }
        }
      }
    } else {
      // One marker per intake of the whole run, to count it in the database.
      const seq = context.nextIntake();
      const marker = `LOAD-${suffix}-${seq}`;
      result = await call(
        context.port(),
        SUBMIT,
        {
          input: {
            windowId: tenant.windowId,
            // An item every demo center's menu holds; the marker is the applicant's name.
            itemCode: LOAD_ITEM_CODE,
            applicant: { name: marker },
          },
        },
        token,
        address,
      );
      record('intake', result);
      context.intakes.push({
        phase: context.phase,
        marker,
        tenantId: tenant.id,
        id: result.outcome === 'OK' ? result.data.submitApplication.id : null,
        outcome: result.outcome,
      });
    }
    if (result.outcome === 'UNAUTHENTICATED') token = null;
    else if (result.outcome !== 'OK') await sleep(200 + Math.random() * 300);
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(samples, from, to) {
  const inWindow = samples.filter((s) => s.at >= from && s.at < to);
  const errors = {};
  const byOp = {};
  for (const s of inWindow) {
    byOp[s.op] = (byOp[s.op] ?? 0) + 1;
    if (s.outcome !== 'OK') errors[s.outcome] = (errors[s.outcome] ?? 0) + 1;
  }
  const latencies = inWindow.map((s) => s.ms).sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Math.round(v));
  return {
    requests: inWindow.length,
    byOperation: byOp,
    ok: inWindow.filter((s) => s.outcome === 'OK').length,
    errors,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/** The fault of a phase, started a quarter into it; resolves with the outage it caused. */
async function fault(phase, apiPort, keys) {
  const began = Date.now();
  const readyAgain = () =>
    waitFor(
      'the API to be ready again',
      async () =>
        (
          await fetch(`http://${HOST}:${apiPort}/health/ready`, {
            signal: AbortSignal.timeout(1500),
          })
        ).status === 200,
      90_000,
      100,
    );
  if (phase === 'api-kill') {
    state.api.expectedExit = true;
    state.api.child.kill('SIGKILL');
    await state.api.exited;
    await startApi(apiPort, keys);
  } else if (phase === 'postgres-restart') {
    state.faulting = 'postgres';
    shell(COMMANDS.postgresRestart);
    await waitFor('PostgreSQL to answer', postgresUp, 60_000);
    state.faulting = null;
    await readyAgain();
  } else if (phase === 'redis-restart') {
    state.faulting = 'redis';
    shell(COMMANDS.redisStop);
    await waitFor('Redis to stop', async () => !(await redisUp()), 10_000, 50);
    await sleep(2000); // a short outage, not just a reconnect
    shell(COMMANDS.redisStart);
    await waitFor('Redis to answer', redisUp, 30_000);
    state.faulting = null;
    await readyAgain();
  }
  return { faultAt: began, recoveredAt: Date.now() };
}

async function runPhase(phase, ctx) {
  const samples = [];
  const began = Date.now();
  const until = began + options.duration * 1000;
  const context = {
    phase,
    until,
    nextIntake: () => (ctx.intakeCount += 1),
    port: () => ctx.apiPort,
    intakes: ctx.intakes,
    isolationBreaches: ctx.isolationBreaches,
    record: (op, result) => samples.push({ op, at: Date.now(), ...result }),
  };
  log(`phase ${phase}: ${options.clients} clients for ${options.duration} s`);
  const clients = Array.from({ length: options.clients }, (_, i) =>
    client(i, ctx.tenants[i % ctx.tenants.length], context),
  );
  let outage = null;
  if (phase !== 'steady') {
    await sleep((options.duration * 1000) / 4);
    log(`phase ${phase}: fault`);
    outage = await fault(phase, ctx.apiPort, ctx.keys);
    log(`phase ${phase}: API ready again after ${outage.recoveredAt - outage.faultAt} ms`);
  }
  await Promise.all(clients);
  const ended = Date.now();
  const workerAlive = running(state.worker);
  const throttle = await throttleState(ctx.tenants);
  const result = {
    phase,
    seconds: (ended - began) / 1000,
    ...summarize(samples, began, ended + 10_000),
    outageMs: outage ? outage.recoveredAt - outage.faultAt : 0,
    // After the API answered ready again (+2 s): what a client sees once the fault is over.
    afterRecovery: outage ? summarize(samples, outage.recoveredAt + 2000, ended + 10_000) : null,
    acknowledgedIntakes: ctx.intakes.filter((i) => i.phase === phase && i.id).length,
    // Lock-outs standing when the phase ended (nobody here types a wrong password).
    throttle,
    // The machine's 1-minute load average at the end: the figures mean little on a busy one.
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
    workerAlive,
  };
  log(
    `phase ${phase}: ${result.requests} requests, ${result.ok} ok, p50 ${result.p50Ms} ms, ` +
      `p99 ${result.p99Ms} ms, errors ${JSON.stringify(result.errors)}` +
      (result.afterRecovery
        ? `; after recovery ${JSON.stringify(result.afterRecovery.errors)}`
        : '') +
      `; locked: ${throttle.lockedAccounts.length} accounts, ${throttle.lockedAddresses} addresses` +
      `; worker ${workerAlive ? 'running' : 'DEAD'}; load average ${result.loadAverage}`,
  );
  if (!workerAlive) log(`worker output:\n${state.worker.output()}`);
  return result;
}

/** Each acknowledged intake exactly once; unacknowledged ones at most once. */
async function checkIntakes(owner, intakes) {
  const { rows } = await owner.query(
    `SELECT applicant_name AS marker, count(*)::int AS n, array_agg(id::text) AS ids,
            array_agg(tenant_id::text) AS tenants
       FROM applications WHERE applicant_name LIKE $1 GROUP BY applicant_name`,
    [`LOAD-${suffix}-%`],
  );
  const stored = new Map(rows.map((r) => [r.marker, r]));
  const acknowledged = intakes.filter((i) => i.id);
  const lost = acknowledged.filter((i) => !stored.has(i.marker));
  const wrong = acknowledged.filter(
    (i) =>
      stored.has(i.marker) &&
      (stored.get(i.marker).ids[0] !== i.id || stored.get(i.marker).tenants[0] !== i.tenantId),
  );
  const duplicated = rows.filter((r) => r.n > 1);
  const unacknowledged = intakes.filter((i) => !i.id);
  const storedAnyway = unacknowledged.filter((i) => stored.has(i.marker));
  return {
    attempted: intakes.length,
    acknowledged: acknowledged.length,
    lost: lost.length,
    duplicated: duplicated.length,
    wrongIdOrTenant: wrong.length,
    unacknowledged: unacknowledged.length,
    unacknowledgedButStored: storedAnyway.length,
    examples: { lost: lost.slice(0, 5), duplicated: duplicated.slice(0, 5) },
  };
}

/** Accounts (5 failures) and client addresses (50) the login throttle holds locked now. */
async function throttleState(tenants) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const lockedAccounts = [];
    for (const username of tenants.flatMap((t) => t.usernames)) {
      const points = Number(
        (await redis.get(`${queuePrefix}:login-failures:account:${username}`)) ?? 0,
      );
      if (points >= 5) lockedAccounts.push(username);
    }
    let lockedAddresses = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${queuePrefix}:login-failures:address:*`,
        'COUNT',
        500,
      );
      for (const key of keys) if (Number(await redis.get(key)) >= 50) lockedAddresses += 1;
      cursor = next;
    } while (cursor !== '0');
    return { lockedAccounts, lockedAddresses };
  } finally {
    redis.disconnect();
  }
}

/**
 * Accounts the login throttle holds locked after the run: nobody here typed a wrong password,
 * so any lock-out comes from attempts counted while a check could not be made. They are then
 * unlocked (as an administrator would) so the isolation check can log in.
 */
async function lockedAccounts(tenants) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const locked = [];
    for (const username of tenants.flatMap((t) => t.usernames)) {
      const key = `${queuePrefix}:login-failures:account:${username}`;
      const points = Number((await redis.get(key)) ?? 0);
      if (points >= 5) locked.push(username);
      await redis.del(key);
    }
    return locked;
  } finally {
    redis.disconnect();
  }
}

/** Every staff member's full list against the database's rows of their tenant. */
async function checkIsolation(owner, tenants, apiPort) {
  const breaches = [];
  for (const [i, tenant] of tenants.entries()) {
    const { rows } = await owner.query(`SELECT id::text FROM applications WHERE tenant_id = $1`, [
      tenant.id,
    ]);
    const expected = new Set(rows.map((r) => r.id));
    for (const username of tenant.usernames) {
      const address = `10.99.${i}.1`;
      const login = await call(
        apiPort,
        LOGIN,
        { input: { username, password: PASSWORD } },
        null,
        address,
      );
      if (login.outcome !== 'OK')
        throw new Error(`isolation check: login ${username}: ${login.outcome}`);
      const token = login.data.login.accessToken;
      const seen = new Set();
      let after = null;
      do {
        const page = await call(apiPort, LIST, { first: 200, after }, token, address);
        if (page.outcome !== 'OK')
          throw new Error(`isolation check: list ${username}: ${page.outcome}`);
        for (const node of page.data.applications.nodes) {
          if (node.tenantId !== tenant.id)
            breaches.push({ username, saw: node.tenantId, id: node.id });
          seen.add(node.id);
        }
        after = page.data.applications.pageInfo.hasNextPage
          ? page.data.applications.pageInfo.endCursor
          : null;
      } while (after);
      const missing = [...expected].filter((id) => !seen.has(id));
      const extra = [...seen].filter((id) => !expected.has(id));
      if (missing.length || extra.length)
        breaches.push({ username, missing: missing.length, extra: extra.length });
    }
  }
  return breaches;
}

async function cleanup() {
  // Services first: whatever else failed, others on this machine need them.
  if (!(await postgresUp())) {
    log('PostgreSQL is down: starting it');
    try {
      shell(COMMANDS.postgresRestart);
    } catch (error) {
      log(`could not restart PostgreSQL: ${error.message}`);
    }
  }
  if (!(await redisUp())) {
    log('Redis is down: starting it');
    try {
      shell(COMMANDS.redisStart);
    } catch (error) {
      log(`could not start Redis: ${error.message}`);
    }
  }
  state.stopping = true;
  await Promise.all([stop(state.api), stop(state.worker)]);
  if (state.databaseCreated) {
    try {
      await waitFor('PostgreSQL', postgresUp, 30_000);
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS "${appLogin}"`);
      await admin.end();
      log(`dropped ${database}`);
    } catch (error) {
      log(`could not drop ${database}: ${error.message}`);
    }
  }
  try {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  } catch (error) {
    log(`could not delete Redis keys ${queuePrefix}:*: ${error.message}`);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function main() {
  for (const file of ['main.js', 'worker.js', 'migrate.js']) {
    if (!existsSync(join(API_DIST, file))) {
      throw new Error(`${join(API_DIST, file)} is missing: run \`npm run build\` first`);
    }
  }
  if (!(await postgresUp()) || !(await redisUp())) {
    throw new Error('PostgreSQL and Redis must be running before the run');
  }
  log(
    `${cpus().length} CPU(s), Node ${process.version}; ${options.clients} clients, ` +
      `${options.tenants} tenants, phases ${options.phases.join(', ')} of ${options.duration} s`,
  );
  const keys = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  state.databaseCreated = true;
  await admin.end();
  await runToEnd(
    'migrate.js --seed-demo',
    [join(API_DIST, 'migrate.js'), '--seed-demo'],
    {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_URL: appUrl,
      MIGRATION_DATABASE_URL: ownerUrl,
    },
    120_000,
  );
  const owner = ownerClient();
  await owner.connect();
  const tenants = await arrangeTenants(owner);
  await owner.end();
  log(`database ${database} migrated, demo data and ${tenants.length} village stations added`);

  const apiPort = await freePort(HOST);
  await startApi(apiPort, keys);
  // The worker gets no signing keys: it signs nothing.
  const {
    JWT_PRIVATE_KEY: _private,
    JWT_PUBLIC_KEY: _public,
    ...workerEnv
  } = apiEnv(apiPort, keys);
  state.worker = start('worker (worker.js)', [join(API_DIST, 'worker.js')], workerEnv);
  await waitFor(
    'the worker to be ready',
    () => {
      if (!running(state.worker)) throw new Error(`the worker exited:\n${state.worker.output()}`);
      return (
        state.worker.output().includes('worker ready') ||
        existsSync(join(dataDir, 'worker-heartbeat'))
      );
    },
    60_000,
  ).catch(() => {
    if (!running(state.worker)) throw new Error(`the worker exited:\n${state.worker.output()}`);
    // LOG_LEVEL=warn hides "worker ready": a worker still running after the wait is taken as up.
  });
  log(`API on ${HOST}:${apiPort} and the worker running`);

  const ctx = { apiPort, keys, tenants, intakes: [], intakeCount: 0, isolationBreaches: [] };
  const phases = [];
  for (const phase of options.phases) {
    phases.push(await runPhase(phase, ctx));
    await waitFor(
      'the API to be ready',
      async () => {
        const res = await fetch(`http://${HOST}:${apiPort}/health/ready`);
        return res.status === 200;
      },
      60_000,
    );
  }

  const ownerCheck = ownerClient();
  await ownerCheck.connect();
  let intakes, locked, finalIsolation;
  try {
    intakes = await checkIntakes(ownerCheck, ctx.intakes);
    locked = await lockedAccounts(tenants);
    finalIsolation = await checkIsolation(ownerCheck, tenants, apiPort);
  } finally {
    await ownerCheck.end();
  }

  const summary = {
    date: new Date().toISOString(),
    options,
    phases,
    intakes,
    lockedAccounts: locked,
    crashes: state.crashes.map(({ output: _output, ...crash }) => crash),
    isolation: {
      duringLoad: ctx.isolationBreaches.length,
      atTheEnd: finalIsolation.length,
      examples: [...ctx.isolationBreaches, ...finalIsolation].slice(0, 5),
    },
  };
  process.stdout.write(`\n${JSON.stringify(summary, null, 2)}\n`);
  if (flags.json) writeFileSync(flags.json, JSON.stringify(summary, null, 2));
  const broken =
    intakes.lost + intakes.duplicated + intakes.wrongIdOrTenant > 0 ||
    ctx.isolationBreaches.length + finalIsolation.length > 0 ||
    state.crashes.length > 0;
  log(
    `intakes: ${intakes.acknowledged} acknowledged, ${intakes.lost} lost, ${intakes.duplicated} duplicated; ` +
      `isolation breaches: ${ctx.isolationBreaches.length} during load, ${finalIsolation.length} at the end; ` +
      `${locked.length} accounts locked, ${state.crashes.length} crashes`,
  );
  return broken ? 1 : 0;
}

let code = 1;
let cleaning = null;
const finish = () => (cleaning ??= cleanup());
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    finish().finally(() => process.exit(130));
  });
}
try {
  code = await main();
} catch (error) {
  log(`failed: ${error.stack ?? error}`);
  if (running(state.api)) log(`API output:\n${state.api.output().slice(-4000)}`);
  code = 1;
} finally {
  await finish();
}
process.exit(code);
