#!/usr/bin/env node
// Throughput of Tongban's `me` query through the whole stack, against a bare baseline measured in
// the same run (see BENCHMARKS.md). Not a test: it prints figures and exits 0, or exits 1 when a
// step fails or a measured response was wrong.
//
//   npm run build && npm run bench
//   npm run bench -- --duration 10 --connections 20 --warmup 3 --rounds 1 --json out.json
//
// One run: creates a fresh database tongban_bench_<random> on the local PostgreSQL; applies the
// migrations and the demo data with the built migrate.js as the owner, which also creates the
// unprivileged login tongban_bench_<random> both servers connect as; starts the built API
// (dist/api, main.js, NODE_ENV=production, LOG_LEVEL=warn) on a free 127.0.0.1 port with a fresh
// ES256 key pair and a Redis queue prefix of its own; logs in as liucheng.admin; starts
// bench/baseline-server.mjs (Apollo Server 5 on Express 5 + pg, same JWT check, same SQL); then,
// round by round, loads `me` on each with autocannon for a fixed time and number of connections.
// Every measured response must be byte-identical to the one checked first. It reports req/s,
// p50/p99, the server's CPU per request, database transactions per request and the foreign load
// on the machine, and the ratios tongban/baseline. At the end it stops both servers, drops the
// database and the login role and deletes the Redis keys of its prefix, also on failure or Ctrl-C.
//
// Env: BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432/postgres] (a role that may create
// databases and roles), BENCH_REDIS_URL [redis://127.0.0.1:6379]. Load goes to 127.0.0.1 only.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, sleep, start } from './processes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const API_DIST = join(ROOT, 'dist/api/apps/api/src');
const BASELINE = join(ROOT, 'bench/baseline-server.mjs');
const HOST = '127.0.0.1';
/** Foreign CPU load (share of the machine) above which the figures are flagged. */
const FOREIGN_LOAD_WARNING = 0.1;
const PASSWORD = 'Demo#2026';
const ME_QUERY =
  '{ me { id username displayName roles tenant { id name kind divisionCode status } } }';
/** The list mode: the first 500 entries of Liucheng's list (2,197 entries: 197 + 2,000 added). */
const LIST_PAGE = 500;
const LIST_EXTRA_ITEMS = 2000;
const listQuery = (tenantId) =>
  `{ implementationItems(input: { tenantId: "${tenantId}", first: ${LIST_PAGE} }) { nodes { code promisedLimit { onTheSpot workingDays } standard { name competentDepartment } } hasNextPage endCursor } }`;
/**
 * The workQueue mode: the first 20 of the 25 open applications at liucheng.window's window (the
 * demo's 3 and 22 the bench takes in, a third of them accepted), as that window staff sees them.
 */
const QUEUE_PAGE = 20;
const QUEUE_EXTRA_APPLICATIONS = 22;
const WORK_QUEUE_QUERY = `{ workQueue(page: { first: ${QUEUE_PAGE} }) { nodes { id itemCode itemName status applicant { name idNumber phone masked } clock { workingDaysLeft } dueAt promisedDeadline } pageInfo { hasNextPage endCursor } } }`;
/** Who asks, by mode: the county's administrator, or a window staff for their work queue. */
const USERNAMES = { me: 'liucheng.admin', list: 'liucheng.admin', workQueue: 'liucheng.window' };
const TRACE = join(ROOT, 'bench/sql-trace.cjs');
const LOGIN_MUTATION =
  'mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn } }';

// ---- options ----------------------------------------------------------------------------------
const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '1' },
    'pool-size': { type: 'string', default: '10' },
    // `list`: a page of 500 entries of a 2,000-item implementation list instead of `me`;
    // `workQueue`: a window staff's first 20 open applications.
    query: { type: 'string', default: 'me' },
    // Print the statements one request runs on each server (both traced), then stop: no load.
    'trace-sql': { type: 'boolean', default: false },
    // Both servers run with node --cpu-prof and write their profiles to this directory at the end.
    'cpu-prof': { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (flags.help) {
  process.stdout.write(
    'usage: node bench/me-query.bench.mjs [--duration s=10] [--connections n=20] [--warmup s=3]\n' +
      '       [--rounds n=1] [--pool-size n=10] [--query me|list|workQueue] [--trace-sql]\n' +
      '       [--cpu-prof dir] [--json file]\n',
  );
  process.exit(0);
}
const bounded = (name, min, max) => {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`--${name} must be an integer from ${min} to ${max}\n`);
    process.exit(2);
  }
  return value;
};
if (!Object.hasOwn(USERNAMES, flags.query)) {
  process.stderr.write('--query must be me, list or workQueue\n');
  process.exit(2);
}
const USERNAME = USERNAMES[flags.query];
const options = {
  duration: bounded('duration', 1, 120),
  connections: bounded('connections', 1, 200),
  warmup: bounded('warmup', 0, 30),
  rounds: bounded('rounds', 1, 5),
  poolSize: bounded('pool-size', 1, 100),
};
const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
for (const [name, url] of [
  ['BENCH_POSTGRES_URL', POSTGRES_URL],
  ['BENCH_REDIS_URL', REDIS_URL],
]) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    process.stderr.write(`${name} must point at this machine (127.0.0.1), not ${host}\n`);
    process.exit(2);
  }
}

// ---- helpers ----------------------------------------------------------------------------------
const log = (message) => process.stdout.write(`[bench] ${message}\n`);

async function runToEnd(name, args, env, timeoutMs) {
  const proc = start(name, args, env);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  const { code, signal } = await proc.exited;
  clearTimeout(timer);
  if (code !== 0) {
    throw new Error(`${name} failed (${signal ?? `exit ${code}`}):\n${proc.output()}`);
  }
}

async function stop(proc) {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 12_000);
  await proc.exited;
  clearTimeout(timer);
}

async function waitForHttp(proc, url, timeoutMs, init = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited during start-up:\n${proc.output()}`);
    }
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${proc.name} was not ready within ${timeoutMs} ms:\n${proc.output()}`);
}

async function graphql(port, body, token) {
  const response = await fetch(`http://${HOST}:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, text: await response.text() };
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere.
 * Unlike throughput it barely depends on what else the machine is doing at the time.
 */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100; // USER_HZ, 100 on Linux

/** The query under load (`me`, or a list page once the tenant is known). */
const measured = { query: ME_QUERY, field: 'me' };

/**
 * A check of a list page's body: autocannon decodes a body chunk by chunk, so a Chinese
 * character split between two TCP chunks comes out mangled and a whole-body comparison of a
 * 70 KB answer fails for nothing. The page's beginning and end (its last code and cursor) are
 * compared instead; the whole answer was compared once, byte for byte, before the load.
 */
function samePage(expected) {
  const head = expected.slice(0, 40);
  const tail = expected.slice(-120);
  return (body) => body.startsWith(head) && body.endsWith(tail);
}

/**
 * A work queue page without what may rightly differ from one answer to the next:
 * `workingDaysLeft` moves with the clock during business hours (0.01 of a working day is under
 * five minutes), and characters outside printable ASCII are dropped (autocannon's chunk by chunk
 * decoding, as above). Ids, codes, states, the applicant's data, deadlines and the cursor stay.
 */
const queueShape = (body) =>
  body.replace(/"workingDaysLeft":(-?[\d.]+|null)/g, '"workingDaysLeft":_').replace(/[^ -~]/g, '');

/** The checks of a measured response, by mode. */
function bodyCheck(expectBody) {
  if (measured.field === 'me') return { expectBody };
  if (measured.field === 'workQueue') {
    const expected = queueShape(expectBody);
    return { verifyBody: (body) => queueShape(body) === expected };
  }
  return { verifyBody: samePage(expectBody) };
}

/**
 * Whether the baseline's answer is the API's: identical JSON, except in the workQueue mode each
 * `workingDaysLeft` may differ by the 0.01 of the instant the two were computed.
 */
function sameAnswer(api, baseline) {
  if (measured.field !== 'workQueue') return JSON.stringify(api) === JSON.stringify(baseline);
  const days = (answer) => answer.data.workQueue.nodes.map((n) => n.clock.workingDaysLeft);
  const [a, b] = [days(api), days(baseline)];
  const withoutDays = (answer) =>
    JSON.stringify(answer, (key, value) => (key === 'workingDaysLeft' ? null : value));
  return (
    withoutDays(api) === withoutDays(baseline) &&
    a.every((d, i) => (d === null ? b[i] === null : Math.abs(d - b[i]) <= 0.0100001))
  );
}

/** One fixed-time autocannon load; the expected body is checked on every response. */
function load(port, token, expectBody, duration) {
  const check = bodyCheck(expectBody);
  return autocannon({
    url: `http://${HOST}:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: measured.query }),
    connections: options.connections,
    pipelining: 1,
    duration,
    timeout: 10,
    ...check,
  });
}

/**
 * Warm-up, then the measured load, of one server. The figures are of the measured part, but
 * the database transactions are counted over both: PostgreSQL publishes an idle backend's
 * counters only after 10 s (PGSTAT_IDLE_INTERVAL), hence the pause before the last reading.
 */
async function measure(label, proc, port, token, expectBody) {
  const xactsBefore = await transactions();
  const warm = options.warmup ? await load(port, token, expectBody, options.warmup) : null;
  // CPU of everything taking part: the server, this process (autocannon) and the PostgreSQL
  // backends serving the bench database; the rest of the machine's CPU is foreign load.
  const backends = await backendPids();
  const ownBefore = process.cpuUsage();
  const machineBefore = machineCpuMs();
  const backendsBefore = backends.map(cpuMs);
  const cpuBefore = cpuMs(proc.child.pid);
  const result = await load(port, token, expectBody, options.duration);
  const cpuAfter = cpuMs(proc.child.pid);
  const backendsAfter = backends.map(cpuMs);
  const machineAfter = machineCpuMs();
  const own = process.cpuUsage(ownBefore);
  let foreignLoad = null;
  let databaseMs = null;
  if (machineBefore && machineAfter && cpuBefore !== null && cpuAfter !== null) {
    const database = backends.reduce(
      (sum, _, i) => sum + ((backendsAfter[i] ?? 0) - (backendsBefore[i] ?? 0)),
      0,
    );
    databaseMs = database;
    const ours = cpuAfter - cpuBefore + (own.user + own.system) / 1000 + database;
    const busy = machineAfter.busy - machineBefore.busy;
    const total = machineAfter.total - machineBefore.total;
    foreignLoad = total > 0 ? Math.max(0, busy - ours) / total : null;
  }
  await sleep(11_000);
  const xactsAfter = await transactions();
  const good = result['2xx'] - result.mismatches;
  const answered = good + (warm ? warm['2xx'] - warm.mismatches : 0);
  return {
    label,
    seconds: result.duration,
    requests: result['2xx'] + result.non2xx,
    good,
    requestsPerSecond: good / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    // server process only (not PostgreSQL, not the load generator), per answered request
    cpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || !good ? null : (cpuAfter - cpuBefore) / good,
    // database transactions per answered request: the two servers should do the same work
    transactionsPerRequest: answered ? (xactsAfter - xactsBefore) / answered : null,
    // share of the machine's CPU used by other processes during the measured load
    foreignLoad,
    // CPU of the PostgreSQL backends serving the bench database, per answered request
    databaseCpuMsPerRequest: databaseMs === null || !good ? null : databaseMs / good,
  };
}

/** Busy and total CPU time of the whole machine so far (ms, all cores), from /proc/stat. */
function machineCpuMs() {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line
      .split(/\s+/)
      .slice(1, 9)
      .map(Number);
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return {
      busy: ((total - idle - iowait) * 1000) / CLOCK_TICKS,
      total: (total * 1000) / CLOCK_TICKS,
    };
  } catch {
    return null;
  }
}

/** Process ids of the PostgreSQL backends connected to the bench database. */
async function backendPids() {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** Transactions committed or rolled back in the bench database so far (pg_stat_database). */
async function transactions() {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

function assertClean(run, proc) {
  const bad = run.errors + run.non2xx + run.mismatches;
  if (bad > 0 || run.good === 0) {
    const { exitCode, signalCode } = proc.child;
    const died =
      exitCode !== null || signalCode !== null
        ? `; ${proc.name} ended (${signalCode ?? `exit ${exitCode}`}) during the run:\n${proc.output()}`
        : '';
    throw new Error(
      `${run.label}: ${run.errors} errors (${run.timeouts} timeouts), ${run.non2xx} non-2xx, ` +
        `${run.mismatches} wrong bodies out of ${run.requests}: the figures would be meaningless${died}`,
    );
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---- the run ----------------------------------------------------------------------------------
const suffix = randomBytes(4).toString('hex');
const database = `tongban_bench_${suffix}`;
const queuePrefix = `tongban-bench-${suffix}`;
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-'));
const adminUrl = new URL(POSTGRES_URL);
// The owner's connection to the bench database (migrations, demo data).
const ownerUrl = (() => {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
})();
// The API and the baseline connect as an unprivileged login that `migrate` creates, so that
// row-level security holds them back alike (roles are cluster-wide: it gets a name of its own
// and is dropped at the end).
const appLogin = database;
const appUrl = (() => {
  const url = new URL(ownerUrl);
  url.username = appLogin;
  url.password = randomBytes(16).toString('hex');
  return url.toString();
})();

const state = { api: null, baseline: null, databaseCreated: false, cleaning: null };

async function cleanUp() {
  state.cleaning ??= (async () => {
    await Promise.all([stop(state.api), stop(state.baseline)]);
    if (state.databaseCreated) {
      const admin = new pg.Client({ connectionString: adminUrl.toString() });
      try {
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.query(`DROP ROLE IF EXISTS "${appLogin}"`);
        log(`dropped database ${database} and login role ${appLogin}`);
      } catch (error) {
        process.stderr.write(`[bench] could not drop database ${database}: ${error.message}\n`);
      } finally {
        await admin.end().catch(() => undefined);
      }
    }
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      let cursor = '0';
      let deleted = 0;
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) deleted += await redis.del(...keys);
      } while (cursor !== '0');
      if (deleted) log(`deleted ${deleted} Redis key(s) under ${queuePrefix}:`);
    } catch (error) {
      process.stderr.write(
        `[bench] could not clean Redis keys ${queuePrefix}:*: ${error.message}\n`,
      );
    } finally {
      redis.disconnect();
    }
    rmSync(dataDir, { recursive: true, force: true });
  })();
  return state.cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`\n[bench] ${signal}: cleaning up\n`);
    cleanUp().finally(() => process.exit(130));
  });
}

/**
 * The list mode's data: a published standard version of 2,000 more items (the demo's, with
 * codes of their own) and every one of them on Liucheng's implementation list.
 */
async function addListItems() {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const columns = (
      await owner.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'catalogue_items' AND column_name NOT IN ('version_id', 'code')
            AND is_generated = 'NEVER'
          ORDER BY ordinal_position`,
      )
    ).rows.map((row) => row.column_name);
    const {
      rows: [source],
    } = await owner.query(
      `SELECT id, tenant_id, created_by FROM catalogue_versions WHERE status = 'PUBLISHED' LIMIT 1`,
    );
    const {
      rows: [version],
    } = await owner.query(
      `INSERT INTO catalogue_versions (tenant_id, label, status, item_count, created_by)
       VALUES ($1, 'bench list', 'DRAFT', $2, $3) RETURNING id`,
      [source.tenant_id, LIST_EXTRA_ITEMS, source.created_by],
    );
    await owner.query(
      `INSERT INTO catalogue_items (version_id, code, ${columns.join(', ')})
       SELECT $2, 'B' || lpad(n::text, 4, '0') || '-' || c.code, ${columns.map((c) => `c.${c}`).join(', ')}
         FROM (SELECT c.*, row_number() OVER (ORDER BY c.code, g) - 1 AS n
                 FROM catalogue_items c, generate_series(1, 10) g WHERE c.version_id = $1) c
        WHERE n < $3`,
      [source.id, version.id, LIST_EXTRA_ITEMS],
    );
    await owner.query(`UPDATE catalogue_versions SET status = 'PUBLISHED' WHERE id = $1`, [
      version.id,
    ]);
    await owner.query(
      `INSERT INTO implementation_items (tenant_id, code, source_tenant_id, source_version_id,
                                         promised_days, materials)
       SELECT t.id, c.code, c.tenant_id, c.version_id, c.statutory_days, c.materials
         FROM catalogue_items c, tenants t
        WHERE c.version_id = $1 AND t.division_code = '450222'`,
      [version.id],
    );
    log(`list mode: ${LIST_EXTRA_ITEMS} more entries on Liucheng's implementation list`);
  } finally {
    await owner.end();
  }
}

/** A valid citizen identity number (GB 11643 check character) for the bench's applicants. */
function residentId(sequence) {
  const first17 = `45022219${String(700101 + sequence).padStart(6, '0')}${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * The workQueue mode's data, made through the API as the window staff: 22 more applications
 * taken in at their window (items of the hall's list, round robin, those the hall refuses
 * skipped), every third accepted (受理, so it has a promised deadline), some with identity
 * number and phone, some with neither.
 */
async function arrangeQueue(port, token) {
  const call = async (query, variables) => {
    const { status, text } = await graphql(port, { query, variables }, token);
    const json = JSON.parse(text);
    if (status !== 200 || json.errors) throw new Error(`HTTP ${status} ${text.slice(0, 500)}`);
    return json.data;
  };
  const { workQueue, me } = await call(
    '{ me { tenant { id } } workQueue(page: { first: 50 }) { nodes { windowId itemCode } } }',
  );
  if (!workQueue.nodes.length) throw new Error(`${USERNAME} has no application to start from`);
  const windowId = workQueue.nodes[0].windowId;
  const listed = await call(
    `{ implementationItems(input: { tenantId: "${me.tenant.id}", first: 60 }) { nodes { code } } }`,
  ).catch(() => ({ implementationItems: { nodes: [] } }));
  const codes = [
    ...new Set([
      ...workQueue.nodes.map((n) => n.itemCode),
      ...listed.implementationItems.nodes.map((n) => n.code),
    ]),
  ];
  let taken = 0;
  let accepted = 0;
  for (let attempt = 0; taken < QUEUE_EXTRA_APPLICATIONS && codes.length; attempt++) {
    const itemCode = codes[attempt % codes.length];
    const applicant = {
      name: `基准申请人${taken + 1}`,
      idNumber: taken % 2 ? residentId(taken) : null,
      phone: taken % 3 ? `1380772${String(taken).padStart(4, '0')}` : null,
    };
    const submitted = await call(
      `mutation Submit($input: SubmitApplicationInput!) {
         submitApplication(input: $input) { id version actions } }`,
      { input: { windowId, itemCode, applicant } },
    ).catch(() => null);
    if (!submitted) {
      codes.splice(attempt % codes.length, 1); // not taken in at this hall
      continue;
    }
    const { id, version, actions } = submitted.submitApplication;
    if (taken % 3 === 0 && actions.includes('ACCEPT')) {
      await call('mutation Accept($input: ActInput!) { acceptApplication(input: $input) { id } }', {
        input: { id, version },
      });
      accepted++;
    }
    taken++;
  }
  if (taken < QUEUE_EXTRA_APPLICATIONS) throw new Error(`only ${taken} applications taken in`);
  log(
    `workQueue mode: ${taken} applications taken in at ${USERNAME}'s window, ${accepted} accepted`,
  );
}

/** The statements (and their parameters) a traced server sent since the file was emptied. */
function tracedStatements(file) {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => JSON.parse(line));
}

function printTrace(name, file) {
  const statements = tracedStatements(file);
  process.stdout.write(`\n${name}: ${statements.length} statements for one request\n`);
  statements.forEach(({ text, values }, i) => {
    const sql = text.replace(/\s+/g, ' ').trim();
    process.stdout.write(
      `  ${String(i + 1).padStart(2)}. ${sql}\n      ${JSON.stringify(values)}\n`,
    );
  });
}

async function main() {
  for (const file of ['main.js', 'migrate.js']) {
    if (!existsSync(join(API_DIST, file))) {
      throw new Error(`${join(API_DIST, file)} is missing: run \`npm run build\` first`);
    }
  }
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

  const machine = `${cpus().length} CPU(s) ${cpus()[0]?.model?.trim() ?? ''}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  log(machine);
  log(
    `${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s measured, ` +
      `${options.rounds} round(s), pool ${options.poolSize}`,
  );

  // 1. A fresh database with the schema and the demo data.
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
    state.databaseCreated = true;
    const [{ version }] = (await admin.query('SHOW server_version')).rows.map((r) => ({
      version: r.server_version,
    }));
    log(`created database ${database} (PostgreSQL ${version})`);
  } finally {
    await admin.end();
  }
  const common = {
    DATABASE_URL: appUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  // Demo data is refused under NODE_ENV=production, so the one-shot seeding runs as development.
  await runToEnd(
    'migrate.js --seed-demo',
    [join(API_DIST, 'migrate.js'), '--seed-demo'],
    { ...common, MIGRATION_DATABASE_URL: ownerUrl, NODE_ENV: 'development' },
    120_000,
  );
  log(`migrations and demo data applied; the API and the baseline connect as ${appLogin}`);
  if (flags.query === 'list') await addListItems();

  // 2. The API, as in production.
  const apiPort = await freePort(HOST);
  const apiTrace = join(dataDir, 'api-sql.jsonl');
  const baselineTrace = join(dataDir, 'baseline-sql.jsonl');
  const traced = (file) => (flags['trace-sql'] ? { SQL_TRACE_FILE: file } : {});
  const preload = [
    ...(flags['trace-sql'] ? ['--require', TRACE] : []),
    ...(flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(flags['cpu-prof'])] : []),
  ];
  state.api = start('API (main.js)', [...preload, join(API_DIST, 'main.js')], {
    ...common,
    ...traced(apiTrace),
    NODE_ENV: 'production',
    HOST,
    PORT: String(apiPort),
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    JWT_PRIVATE_KEY: privateKey,
    JWT_PUBLIC_KEY: publicKey,
    ADMIN_DIST_DIR: join(dataDir, 'no-admin'), // the admin app plays no part in /graphql
  });
  await waitForHttp(state.api, `http://${HOST}:${apiPort}/health/ready`, 60_000);
  log(`API ready on ${HOST}:${apiPort}`);

  const login = await graphql(apiPort, {
    query: LOGIN_MUTATION,
    variables: { input: { username: USERNAME, password: PASSWORD } },
  });
  const token = JSON.parse(login.text)?.data?.login?.accessToken;
  if (!token) throw new Error(`login as ${USERNAME} failed: HTTP ${login.status} ${login.text}`);
  if (
    JSON.parse(login.text).data.login.expiresIn <
    options.rounds * 2 * (options.duration + options.warmup) + 60
  ) {
    throw new Error('the access token would expire during the run: shorten --duration or --rounds');
  }

  if (flags.query === 'workQueue') {
    await arrangeQueue(apiPort, token);
    measured.query = WORK_QUEUE_QUERY;
    measured.field = 'workQueue';
  }
  const me = await graphql(apiPort, { query: ME_QUERY }, token);
  if (flags.query === 'list') {
    Object.assign(measured, {
      query: listQuery(JSON.parse(me.text).data.me.tenant.id),
      field: 'implementationItems',
    });
  }
  if (flags['trace-sql']) writeFileSync(apiTrace, '');
  const apiMe = await graphql(apiPort, { query: measured.query }, token);
  if (flags['trace-sql']) printTrace('API', apiTrace);
  const apiMeJson = JSON.parse(apiMe.text);
  if (apiMe.status !== 200 || !apiMeJson.data?.[measured.field] || apiMeJson.errors) {
    throw new Error(`${measured.field} on the API: HTTP ${apiMe.status} ${apiMe.text}`);
  }
  if (flags.query === 'list') {
    const page = apiMeJson.data.implementationItems;
    if (page.nodes.length !== LIST_PAGE || !page.hasNextPage) {
      throw new Error(`the list page has ${page.nodes.length} entries, not ${LIST_PAGE} of more`);
    }
    log(`implementationItems on the API: ${page.nodes.length} entries, ${apiMe.text.length} bytes`);
  } else if (flags.query === 'workQueue') {
    const { nodes, pageInfo } = apiMeJson.data.workQueue;
    if (nodes.length !== QUEUE_PAGE || !pageInfo.hasNextPage) {
      throw new Error(
        `the work queue page has ${nodes.length} applications, not ${QUEUE_PAGE} of more`,
      );
    }
    const counts = new Map();
    for (const { status } of nodes) counts.set(status, (counts.get(status) ?? 0) + 1);
    const states = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
    const promised = nodes.filter((n) => n.promisedDeadline).length;
    log(
      `workQueue on the API: ${nodes.length} applications (${states}; ${promised} with a promised ` +
        `deadline), ${apiMe.text.length} bytes`,
    );
  } else {
    log(`me on the API: ${apiMe.text.trim()}`);
  }

  // 3. The bare baseline, with the same key, database and token.
  const baselinePort = await freePort(HOST);
  const startBaseline = async () => {
    state.baseline = start('baseline (bench/baseline-server.mjs)', [...preload, BASELINE], {
      ...traced(baselineTrace),
      DATABASE_URL: appUrl,
      DATABASE_POOL_SIZE: String(options.poolSize),
      JWT_PUBLIC_KEY: publicKey,
      HOST,
      PORT: String(baselinePort),
      NODE_ENV: 'production',
    });
    await waitForHttp(state.baseline, `http://${HOST}:${baselinePort}/graphql`, 30_000, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    if (flags['trace-sql']) writeFileSync(baselineTrace, '');
    const baseMe = await graphql(baselinePort, { query: measured.query }, token);
    if (flags['trace-sql']) printTrace('baseline', baselineTrace);
    const baseMeJson = JSON.parse(baseMe.text);
    if (baseMe.status !== 200 || !sameAnswer(apiMeJson, baseMeJson)) {
      throw new Error(
        `baseline's ${measured.field} differs from the API's: HTTP ${baseMe.status} ${baseMe.text.slice(0, 500)}`,
      );
    }
    log(`baseline ready on ${HOST}:${baselinePort}; its ${measured.field} answer equals the API's`);
    return baseMe.text;
  };

  const baselineBody = await startBaseline();
  if (flags['trace-sql']) return; // traced servers are not measured
  const targets = {
    tongban: { proc: state.api, port: apiPort, body: apiMe.text },
    baseline: { proc: state.baseline, port: baselinePort, body: baselineBody },
  };
  const runOne = async (name, round) => {
    const { proc, port, body } = targets[name];
    const run = await measure(name, proc, port, token, body);
    assertClean(run, proc);
    log(`round ${round} ${name.padEnd(8)} ${describe(run)}`);
    return run;
  };

  // Rounds alternate the order (T B, B T, T B...) so neither side always runs first.
  const rounds = [];
  for (let round = 1; round <= options.rounds; round++) {
    const order = round % 2 ? ['tongban', 'baseline'] : ['baseline', 'tongban'];
    const runs = {};
    for (const name of order) runs[name] = await runOne(name, round);
    rounds.push({
      round,
      ...runs,
      ratio: runs.tongban.requestsPerSecond / runs.baseline.requestsPerSecond,
      cpuRatio:
        runs.tongban.cpuMsPerRequest && runs.baseline.cpuMsPerRequest
          ? runs.tongban.cpuMsPerRequest / runs.baseline.cpuMsPerRequest
          : null,
    });
  }

  // 4. The figures: medians over the rounds in which other processes used at most
  // FOREIGN_LOAD_WARNING of the machine on either side (over all rounds when none was that quiet).
  const quiet = (r) =>
    [r.tongban.foreignLoad, r.baseline.foreignLoad].every(
      (f) => f !== null && f <= FOREIGN_LOAD_WARNING,
    );
  const counted = rounds.some(quiet) ? rounds.filter(quiet) : rounds;
  const allNoisy = !rounds.some(quiet) && rounds.some((r) => r.tongban.foreignLoad !== null);
  const pick = (key, field) => median(counted.map((r) => r[key][field]));
  const side = (key) => ({
    requestsPerSecond: pick(key, 'requestsPerSecond'),
    p50Ms: pick(key, 'p50Ms'),
    p99Ms: pick(key, 'p99Ms'),
    cpuMsPerRequest: counted.every((r) => r[key].cpuMsPerRequest !== null)
      ? pick(key, 'cpuMsPerRequest')
      : null,
    databaseCpuMsPerRequest: counted.every((r) => r[key].databaseCpuMsPerRequest !== null)
      ? pick(key, 'databaseCpuMsPerRequest')
      : null,
  });
  const summary = {
    date: new Date().toISOString(),
    machine,
    options,
    countedRounds: counted.map((r) => r.round),
    tongban: side('tongban'),
    baseline: side('baseline'),
    // The median of the rounds' ratios (each round pairs the two servers measured back to back),
    // not the ratio of the medians above.
    ratio: median(counted.map((r) => r.ratio)),
    cpuRatio: counted.every((r) => r.cpuRatio !== null)
      ? median(counted.map((r) => r.cpuRatio))
      : null,
    rounds,
  };
  const perRound = (key) =>
    rounds.length > 1 ? `   (rounds: ${rounds.map((r) => r[key]?.toFixed(2)).join(', ')})` : '';
  const cpu = (s) =>
    (s.cpuMsPerRequest === null ? '' : `   server CPU ${s.cpuMsPerRequest.toFixed(3)} ms/req`) +
    (s.databaseCpuMsPerRequest === null
      ? ''
      : `   PostgreSQL CPU ${s.databaseCpuMsPerRequest.toFixed(3)} ms/req`);
  const row = (name, s) =>
    `${name.padEnd(10)} ${s.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${fmt(s.p50Ms)} ms   p99 ${fmt(s.p99Ms)} ms${cpu(s)}`;
  const basis =
    rounds.length === 1
      ? ''
      : counted.length === rounds.length
        ? `, median of ${rounds.length} rounds`
        : `, median of round(s) ${summary.countedRounds.join(', ')} of ${rounds.length} (the others had foreign load)`;
  process.stdout.write(
    `\n${measured.field} query, ${options.connections} connections, ${options.duration} s${basis}\n` +
      `${row('tongban', summary.tongban)}\n${row('baseline', summary.baseline)}\n` +
      `ratio tongban/baseline, throughput:        ${summary.ratio.toFixed(2)}${perRound('ratio')}\n` +
      (summary.cpuRatio === null
        ? ''
        : `ratio tongban/baseline, CPU per request: ${summary.cpuRatio.toFixed(2)}${perRound('cpuRatio')}\n`) +
      (allNoisy
        ? `WARNING: other processes used more than ${FOREIGN_LOAD_WARNING * 100}% of the machine's CPU ` +
          'in every round: the throughput figures are unreliable (the CPU-per-request ratio less ' +
          'so); run again on a quiet machine, or with more --rounds.\n'
        : '') +
      '\n',
  );
  if (flags.json) {
    writeFileSync(resolve(flags.json), `${JSON.stringify(summary, null, 2)}\n`);
    log(`wrote ${resolve(flags.json)}`);
  }
}

function fmt(ms) {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

function describe(run) {
  return (
    `${run.requestsPerSecond.toFixed(0)} req/s (${run.good} in ${run.seconds} s), ` +
    `p50 ${fmt(run.p50Ms)} ms, p99 ${fmt(run.p99Ms)} ms, max ${fmt(run.maxMs)} ms` +
    (run.cpuMsPerRequest === null ? '' : `, server CPU ${run.cpuMsPerRequest.toFixed(3)} ms/req`) +
    `, ${run.transactionsPerRequest?.toFixed(2)} db transactions/req` +
    (run.databaseCpuMsPerRequest === null
      ? ''
      : `, PostgreSQL CPU ${run.databaseCpuMsPerRequest.toFixed(3)} ms/req`) +
    (run.foreignLoad === null
      ? ''
      : `, foreign load ${(run.foreignLoad * 100).toFixed(0)}% of the machine`)
  );
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  process.stderr.write(
    `[bench] failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
