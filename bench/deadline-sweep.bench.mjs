#!/usr/bin/env node
// The deadline sweep at scale (issue 12, "Measure"): the time of one sweep with 1,000
// applications due to change warning level among N open ones, at each N of --sizes (the database
// grows in place), and the notification outbox's delivery rate. The ratio that matters is the
// sweep's time at the largest size over its time at the smallest (goal: at most 1.5 for
// 100,000 → 1,000,000): the sweep must read only what may change level, through the index on
// applications.warning_check_at. Not a test: it exits 0 with figures, 1 when a step fails.
//
//   npx nx run api:build && node bench/deadline-sweep.bench.mjs            # 10,000 and 100,000, ~2 min
//   node bench/deadline-sweep.bench.mjs --sizes 100000,1000000 --rounds 5   # the figures
//
// Flags: --sizes (open applications, ascending, at most 2,000,000), --due (1000: those due to
// change level, half turning YELLOW, half overdue so YELLOW and RED), --rounds (5, at most 20),
// --messages (10,000: pending outbox messages for the delivery run, at most 100,000),
// --backlog (100,000, at most the largest size: EXPLAIN of one batch when that many are due at
// once, at one time and at distinct times; 0: not measured), --json FILE.
// Env: BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432/postgres] (a superuser: it creates
// and drops the database tongban_bench_sweep_<random> and its login role), BENCH_REDIS_URL
// [redis://127.0.0.1:6379]; addresses other than loopback are refused.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort, sleep, start } from './processes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const API_DIST = join(ROOT, 'dist/api/apps/api/src');
const HOST = '127.0.0.1';
// Exactly how the API opens every transaction (libs/core/src/context/tenant-scope.ts).
const { SCOPE_SQL } = createRequire(import.meta.url)(join(ROOT, 'dist/api/libs/core/src/index.js'));
const DAY_MS = 86_400_000;

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    due: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    messages: { type: 'string', default: '10000' },
    backlog: { type: 'string', default: '100000' },
    json: { type: 'string' },
  },
});
const sizes = flags.sizes.split(',').map(Number);
const due = Number(flags.due);
const rounds = Number(flags.rounds);
const messages = Number(flags.messages);
const backlog = Number(flags.backlog);
if (
  !sizes.every(
    (n, i) => Number.isInteger(n) && n > due && n <= 2_000_000 && (i === 0 || n > sizes[i - 1]),
  ) ||
  !(Number.isInteger(due) && due >= 2 && due <= 10_000) ||
  !(Number.isInteger(rounds) && rounds >= 1 && rounds <= 20) ||
  !(Number.isInteger(messages) && messages >= 1 && messages <= 100_000) ||
  !(Number.isInteger(backlog) && backlog >= 0 && backlog <= 1_000_000)
) {
  process.stderr.write(
    '--sizes: ascending, each above --due and at most 2,000,000; --due 2–10,000; --rounds 1–20\n',
  );
  process.exit(2);
}

const POSTGRES_URL = new URL(
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
for (const [name, url] of [
  ['BENCH_POSTGRES_URL', POSTGRES_URL],
  ['BENCH_REDIS_URL', new URL(REDIS_URL)],
]) {
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname)) {
    process.stderr.write(`${name} must point at this machine (127.0.0.1), not ${url.hostname}\n`);
    process.exit(2);
  }
}

const database = `tongban_bench_sweep_${randomBytes(4).toString('hex')}`;
const ownerUrl = Object.assign(new URL(POSTGRES_URL), { pathname: `/${database}` }).toString();
const appLogin = database; // migrate creates it (a member of tongban_app): RLS applies to the API
const appUrl = (() => {
  const url = new URL(ownerUrl);
  url.username = appLogin;
  url.password = randomBytes(16).toString('hex');
  return url.toString();
})();
const queuePrefix = `bench-sweep-${randomBytes(4).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-sweep-'));
const log = (message) => process.stdout.write(`[bench] ${message}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

/** User + system CPU of a process so far, in ms (Linux, clock ticks of 10 ms). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const state = { api: null, databaseCreated: false, cleaning: null };

async function stop(proc) {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 12_000);
  await proc.exited;
  clearTimeout(timer);
}

async function cleanUp() {
  state.cleaning ??= (async () => {
    await stop(state.api);
    if (state.databaseCreated) {
      const admin = new pg.Client({ connectionString: POSTGRES_URL.toString() });
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
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
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

const { privateKey, publicKey } = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const common = { DATABASE_URL: appUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

/**
 * The built API. `production`: as in production (Redis, so this process runs no job: only the
 * mutation sweeps, and no worker is started). Otherwise the embedded default (jobs in the API
 * process), used for the delivery run.
 */
async function startApi(production, extraEnv = {}) {
  const port = await freePort(HOST);
  const api = start('API (main.js)', [join(API_DIST, 'main.js')], {
    ...common,
    NODE_ENV: production ? 'production' : 'development',
    HOST,
    PORT: String(port),
    ...(production ? { REDIS_URL, QUEUE_PREFIX: queuePrefix } : {}),
    JWT_PRIVATE_KEY: privateKey,
    JWT_PUBLIC_KEY: publicKey,
    ADMIN_DIST_DIR: join(dataDir, 'no-admin'),
    // No scheduled sweep or delivery during the measurement (the first would come after a day).
    SWEEP_DEADLINES_EVERY_MS: String(DAY_MS),
    DELIVER_NOTIFICATIONS_EVERY_MS: String(DAY_MS),
    ...extraEnv,
  });
  state.api = api;
  const deadline = Date.now() + 60_000;
  for (let ready = false; !ready; await sleep(200)) {
    if (api.child.exitCode !== null) throw new Error(`API exited:\n${api.output()}`);
    if (Date.now() > deadline) throw new Error(`API not ready in 60 s:\n${api.output()}`);
    ready = await fetch(`http://${HOST}:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
  }
  return { api, port, startedAt: Date.now() };
}

async function graphql(port, token, query, variables) {
  const response = await fetch(`http://${HOST}:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(600_000),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const login = async (port) =>
  (
    await graphql(
      port,
      null,
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { username: 'platform', password: 'Demo#2026' } },
    )
  ).login.accessToken;

/** One sweep through the API, as the platform operator (the province's whole subtree). */
async function sweep(api, port, token) {
  const cpuBefore = cpuMs(api.child.pid);
  const started = performance.now();
  const { sweepDeadlines } = await graphql(
    port,
    token,
    'mutation { sweepDeadlines { checked raised } }',
  );
  const ms = performance.now() - started;
  return { ms, serverCpuMs: cpuMs(api.child.pid) - cpuBefore, ...sweepDeadlines };
}

// Open applications of the bench: IN_REVIEW, accepted 5 days ago, promised 10 working days,
// spread over every window of the demo. `kind` 'F' (filler): due in 10–24 days, warning_check_at
// 2 days before that (they cannot change level during the run); 'D' (due): warning_check_at in
// the last quarter hour, a second apart (as distinct acts leave it), half due in a day (they
// turn YELLOW), half an hour overdue (YELLOW and RED).
// The warning_check_at trigger is off during the insert (it would set every row to now()).
const INSERT_SQL = `
  INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
    applicant_name, status, submitted_at, submitted_by, item_statutory_days, item_promised_days,
    item_handling, accepted_at, promised_deadline, statutory_deadline, due_at, warning_check_at)
  SELECT w.tenant_ids[1 + g % w.n], $1 || lpad(g::text, 9, '0'), w.ids[1 + g % w.n],
         'B00000000001', '基准测试事项（行政许可类事项的实施与办理）', '申请人' || g,
         'IN_REVIEW', now() - interval '5 days', $2, 20, 10, 'HANDLE', now() - interval '5 days',
         d.due_at, d.due_at + interval '10 days', d.due_at,
         CASE WHEN $1 = 'BD' THEN now() - interval '1 minute' - g * interval '1 second' ELSE d.due_at - interval '2 days' END
    FROM (SELECT array_agg(tenant_id ORDER BY tenant_id, id) AS tenant_ids,
                 array_agg(id ORDER BY tenant_id, id) AS ids, count(*)::int AS n
            FROM service_windows) w,
         generate_series($3::int, $4::int) g,
         LATERAL (SELECT CASE
           WHEN $1 = 'BF' THEN now() + interval '10 days' + (g % 20160) * interval '1 minute'
           WHEN g % 2 = 0 THEN now() + interval '1 day'
           ELSE now() - interval '1 hour' END AS due_at) d`;

async function insertApplications(owner, kind, from, to, submittedBy) {
  await owner.query('ALTER TABLE applications DISABLE TRIGGER applications_warning_reschedule');
  try {
    await owner.query(INSERT_SQL, [kind, submittedBy, from, to]);
  } finally {
    await owner.query('ALTER TABLE applications ENABLE TRIGGER applications_warning_reschedule');
  }
}

/** The due applications as before their first sweep: no warnings, no messages, due to check. */
async function resetDue(owner) {
  await owner.query(`
    WITH gone AS (
      DELETE FROM application_warnings w USING bench_due b
       WHERE w.tenant_id = b.tenant_id AND w.application_id = b.id
      RETURNING w.tenant_id, 'warning:' || w.id AS dedupe_key)
    DELETE FROM notification_outbox o USING gone
     WHERE o.tenant_id = gone.tenant_id AND o.dedupe_key = gone.dedupe_key`);
  await owner.query(`
    UPDATE applications a SET warning_check_at = now() - interval '1 minute' - b.g * interval '1 second'
      FROM bench_due b
     WHERE a.tenant_id = b.tenant_id AND a.id = b.id`);
  await owner.query('VACUUM applications, application_warnings, notification_outbox');
}

/** WarningRepository.dueForCheck's statement as the API runs it: the login, the scope, a batch. */
const DUE_FOR_CHECK_SQL = `
  SELECT a.tenant_id AS "tenantId", a.id, a.status, a.due_at AS "dueAt",
         a.window_id AS "windowId", a.item_promised_days AS "promisedDays",
         a.item_statutory_days AS "statutoryDays", a.extension_days AS "extensionDays",
         a.receipt_number AS "receiptNumber", a.item_name AS "itemName"
    FROM applications a
   WHERE a.warning_check_at <= $1
   ORDER BY a.warning_check_at, a.id LIMIT $2 FOR UPDATE SKIP LOCKED`;

/**
 * One batch of dueForCheck when `count` applications are due at once, with one and the same
 * warning_check_at (`tied`: what one statement writes, e.g. the migration's, or an act changing
 * many applications in one transaction, since the trigger writes the transaction's now()) or a
 * millisecond apart. In a transaction rolled back, as the application login in the scope.
 */
async function explainBacklog(owner, provinceId, count, tied) {
  await owner.query('BEGIN');
  try {
    await owner.query(
      `WITH chosen AS (
         SELECT tenant_id, id, row_number() OVER (ORDER BY warning_check_at, id) AS n
           FROM applications WHERE warning_check_at > now() ORDER BY warning_check_at, id LIMIT $1)
       UPDATE applications a
          SET warning_check_at = now() - interval '1 minute'
                                 - CASE WHEN $2 THEN interval '0' ELSE c.n * interval '1 ms' END
         FROM chosen c WHERE a.tenant_id = c.tenant_id AND a.id = c.id`,
      [count, tied],
    );
    await owner.query(`SET LOCAL ROLE "${appLogin}"`);
    await owner.query(SCOPE_SQL, ['subtree', provinceId, '']);
    const { rows } = await owner.query(`EXPLAIN (ANALYZE, BUFFERS) ${DUE_FOR_CHECK_SQL}`, [
      new Date(),
      200,
    ]);
    return rows.map((r) => r['QUERY PLAN']);
  } finally {
    await owner.query('ROLLBACK');
  }
}

async function explainDueForCheck(provinceId) {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(SCOPE_SQL, ['subtree', provinceId, '']);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${DUE_FOR_CHECK_SQL}`, [
      new Date(),
      200,
    ]);
    return rows.map((r) => r['QUERY PLAN']);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

async function main() {
  const admin = new pg.Client({ connectionString: POSTGRES_URL.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
    state.databaseCreated = true;
  } finally {
    await admin.end();
  }
  const migrate = start('migrate.js', [join(API_DIST, 'migrate.js'), '--seed-demo'], {
    ...common,
    MIGRATION_DATABASE_URL: ownerUrl,
    NODE_ENV: 'development', // demo data is refused under production
  });
  if ((await migrate.exited).code !== 0) throw new Error(`migrate failed:\n${migrate.output()}`);
  log(`database ${database} migrated with the demo data`);

  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const results = { date: new Date().toISOString(), due, rounds, sizes: [], delivery: null };
  try {
    const [{ province, submitter }] = (
      await owner.query(`SELECT (SELECT id FROM tenants WHERE parent_id IS NULL) AS province,
                                (SELECT id FROM users WHERE username = 'platform') AS submitter`)
    ).rows;
    await insertApplications(owner, 'BD', 1, due, submitter);
    await owner.query(`CREATE TABLE bench_due AS
      SELECT tenant_id, id, substr(receipt_number, 3)::int AS g
        FROM applications WHERE receipt_number LIKE 'BD%'`);
    let fillers = 0;

    for (const size of sizes) {
      await stop(state.api);
      const started = performance.now();
      const target = size - due;
      // In steps of 250,000 rows: one statement each, so no single transaction gets huge.
      for (let from = fillers + 1; from <= target; from += 250_000) {
        await insertApplications(owner, 'BF', from, Math.min(from + 249_999, target), submitter);
      }
      fillers = target;
      await owner.query('VACUUM ANALYZE applications');
      const [{ open, pending }] = (
        await owner.query(`SELECT count(*)::int AS open,
            count(*) FILTER (WHERE warning_check_at <= now())::int AS pending
          FROM applications WHERE status NOT IN ('REJECTED','COMPLETED','WITHDRAWN')`)
      ).rows;
      log(
        `${open} open applications (${pending} due to check) after ${((performance.now() - started) / 1000).toFixed(1)} s of inserting and VACUUM ANALYZE`,
      );

      // A fresh API per size, so that no size inherits the one before's warm caches.
      const { api, port } = await startApi(true);
      const token = await login(port);
      const warmUp = await sweep(api, port, token); // also looks at the demo's own applications
      log(
        `warm-up sweep: ${warmUp.checked} checked, ${warmUp.raised} raised, ${warmUp.ms.toFixed(0)} ms`,
      );
      const measured = [];
      for (let round = 1; round <= rounds; round++) {
        await resetDue(owner);
        const load = loadAverage();
        const full = await sweep(api, port, token);
        const empty = await sweep(api, port, token);
        if (full.checked !== due || full.raised !== due + Math.ceil(due / 2) || empty.checked !== 0)
          throw new Error(`unexpected sweep: ${JSON.stringify({ full, empty })}`);
        measured.push({ round, full, empty, load });
        log(
          `${size} open, round ${round}: sweep of ${full.checked} ${full.ms.toFixed(0)} ms (API CPU ${full.serverCpuMs} ms, ${full.raised} raised); nothing due ${empty.ms.toFixed(1)} ms; load average ${load}`,
        );
      }
      await resetDue(owner);
      const plan = await explainDueForCheck(province);
      log(`EXPLAIN (ANALYZE, BUFFERS) of dueForCheck at ${open} open:\n    ${plan.join('\n    ')}`);
      results.sizes.push({
        size,
        open,
        sweepMs: median(measured.map((m) => m.full.ms)),
        sweepServerCpuMs: median(measured.map((m) => m.full.serverCpuMs)),
        emptySweepMs: median(measured.map((m) => m.empty.ms)),
        rounds: measured,
        plan,
      });
      if (size === sizes.at(-1)) await sweep(api, port, token); // leaves the outbox full
    }

    // A backlog due at once: one batch's cost, tied times against distinct ones.
    if (backlog > 0) {
      const count = Math.min(backlog, sizes.at(-1) - due);
      for (const tied of [false, true]) {
        const plan = await explainBacklog(owner, province, count, tied);
        const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1))[1]);
        results.backlog ??= { count };
        results.backlog[tied ? 'tied' : 'distinct'] = { ms, plan };
        log(
          `one batch with ${count} due, ${tied ? 'all at one time' : 'a millisecond apart'}: ${ms} ms\n    ${plan.join('\n    ')}`,
        );
      }
    }

    // Delivery: one run of the repeatable job over what the last sweep queued (and copies). No
    // mutation triggers it, so the API runs its jobs in process (the embedded default) with the
    // schedule set to every 30 s (the first run 30 s after the start; a run longer than that is
    // flagged, as the next could overlap it); the run is timed from its
    // first delivered_at (the job's clock at its first batch) until no message is PENDING.
    await stop(state.api);
    // The sweep's messages, copied under other dedupe keys up to --messages (the demo has few
    // window staff and managers, so 1,000 due applications make only some hundreds).
    await owner.query(
      `INSERT INTO notification_outbox (tenant_id, dedupe_key, recipient_id, channel, subject, body)
       SELECT o.tenant_id, 'bench:' || g || ':' || o.dedupe_key, o.recipient_id, o.channel,
              o.subject, o.body
         FROM notification_outbox o, generate_series(1, $1::int) g
        WHERE o.status = 'PENDING'
        LIMIT greatest(0, $1::int - (SELECT count(*) FROM notification_outbox WHERE status = 'PENDING'))`,
      [messages],
    );
    await owner.query('VACUUM ANALYZE notification_outbox');
    const [{ queued }] = (
      await owner.query(
        `SELECT count(*)::int AS queued FROM notification_outbox WHERE status = 'PENDING'`,
      )
    ).rows;
    const everyMs = 30_000;
    const { startedAt } = await startApi(false, {
      DELIVER_NOTIFICATIONS_EVERY_MS: String(everyMs),
    });
    let doneAt = null;
    for (const deadline = Date.now() + everyMs + 300_000; Date.now() < deadline; await sleep(20)) {
      const [{ left }] = (
        await owner.query(
          `SELECT count(*)::int AS left FROM notification_outbox WHERE status = 'PENDING'`,
        )
      ).rows;
      if (left === 0) {
        doneAt = Date.now();
        break;
      }
    }
    if (doneAt === null) throw new Error('the outbox was not delivered within 5 minutes');
    const [{ first, delivered, inbox }] = (
      await owner.query(`SELECT min(delivered_at) AS first,
          count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered,
          (SELECT count(*)::int FROM notification_inbox) AS inbox
        FROM notification_outbox`)
    ).rows;
    const seconds = (doneAt - first.getTime()) / 1000;
    if (doneAt - startedAt > 2 * everyMs + 1000)
      log('warning: the delivery took longer than the schedule: a second run may have overlapped');
    results.delivery = { queued, delivered, inbox, seconds, perSecond: queued / seconds };
    log(
      `delivery: ${queued} messages in ${seconds.toFixed(2)} s, ${(queued / seconds).toFixed(0)} messages/s (${delivered} delivered, ${inbox} in the inbox)`,
    );
  } finally {
    await owner.end();
  }

  const first = results.sizes[0];
  const last = results.sizes.at(-1);
  process.stdout.write(
    '\n| open applications | sweep of due (median) | API CPU | sweep, nothing due |\n',
  );
  process.stdout.write(
    '| ----------------: | --------------------: | ------: | -----------------: |\n',
  );
  for (const s of results.sizes) {
    process.stdout.write(
      `| ${s.open.toLocaleString('en')} | ${s.sweepMs.toFixed(0)} ms | ${s.sweepServerCpuMs} ms | ${s.emptySweepMs.toFixed(1)} ms |\n`,
    );
  }
  results.ratio = last.sweepMs / first.sweepMs;
  process.stdout.write(
    `\nsweep of ${due} due: ${last.open.toLocaleString('en')} open ÷ ${first.open.toLocaleString('en')} open = ${results.ratio.toFixed(2)} (goal ≤ 1.5)\n`,
  );
  process.stdout.write(
    `delivery: ${results.delivery.perSecond.toFixed(0)} messages/s (${results.delivery.queued} in ${results.delivery.seconds.toFixed(2)} s)\n`,
  );
  if (flags.json) writeFileSync(flags.json, JSON.stringify(results, null, 2));
}

main()
  .then(() => cleanUp())
  .catch(async (error) => {
    process.stderr.write(`[bench] failed: ${error.stack ?? error}\n`);
    await cleanUp();
    process.exit(1);
  });
