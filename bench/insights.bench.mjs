#!/usr/bin/env node
// Insights at national scale (issue 13, "Measure"): a synthetic province of 1,660 tenants
// (1 province, 14 cities, 111 counties, 1,110 townships, 424 village stations) and N
// applications over two years; the comparison of the 14 cities for a month read through the
// rollups (the API's own SQL, libs/insights InsightsRepository.totalsEach) against a naive
// GROUP BY over the applications in the same run, both as the application login under
// row-level security in the province's subtree scope, with the two answers checked equal
// (goal: the rollups ≥ 100× faster); and the cost of maintaining the rollups per lifecycle
// event (InsightRecorder.recordApplication, as the services call it) against the bare UPDATE
// of the application it follows. Not a test: exits 0 with figures, 1 when a step fails.
//
//   npx nx run api:build && node bench/insights.bench.mjs --applications 500000   # ~3 min
//   node bench/insights.bench.mjs                                                 # 5,000,000: the issue's
//
// Flags: --applications (5,000,000; 10,000–10,000,000), --rounds (5, at most 20), --events
// (2,000: lifecycle events for the maintenance cost, at most 20,000), --json FILE.
// Env: BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432/postgres] (a superuser: it
// creates and drops tongban_bench_insights_<random> and its login role); loopback only.
//
// The synthetic data is written in bulk as the owner with triggers and foreign keys off
// (session_replication_role = replica; tenant_division_code filled in as the trigger would), and
// the read model is built from it by SQL that follows libs/insights/src/figures/counters.ts for
// the cases it holds (no ratings, cards or 代办); tests/e2e/insights.e2e.spec.ts shows on the demo
// history that the rollups the services maintain equal the naive count.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { start } from './processes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const API_DIST = join(ROOT, 'dist/api/apps/api/src');
const requireDist = createRequire(import.meta.url);
const { SCOPE_SQL } = requireDist(join(ROOT, 'dist/api/libs/core/src/index.js'));
const { InsightsRepository, InsightRecorder, InsightFactsRepository } = requireDist(
  join(ROOT, 'dist/api/libs/insights/src/index.js'),
);

const { values: flags } = parseArgs({
  options: {
    applications: { type: 'string', default: '5000000' },
    rounds: { type: 'string', default: '5' },
    events: { type: 'string', default: '2000' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const applications = Number(flags.applications);
const rounds = Number(flags.rounds);
const events = Number(flags.events);
if (
  !(Number.isInteger(applications) && applications >= 10_000 && applications <= 10_000_000) ||
  !(Number.isInteger(rounds) && rounds >= 1 && rounds <= 20) ||
  !(Number.isInteger(events) && events >= 10 && events <= 20_000)
) {
  process.stderr.write('--applications 10,000–10,000,000; --rounds 1–20; --events 10–20,000\n');
  process.exit(2);
}
const POSTGRES_URL = new URL(
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(POSTGRES_URL.hostname)) {
  process.stderr.write(
    `BENCH_POSTGRES_URL must point at this machine, not ${POSTGRES_URL.hostname}\n`,
  );
  process.exit(2);
}

const database = `tongban_bench_insights_${randomBytes(4).toString('hex')}`;
const ownerUrl = Object.assign(new URL(POSTGRES_URL), { pathname: `/${database}` }).toString();
const appLogin = database;
const appUrl = (() => {
  const url = new URL(ownerUrl);
  url.username = appLogin;
  url.password = randomBytes(16).toString('hex');
  return url.toString();
})();
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-insights-'));
const log = (message) => process.stdout.write(`[bench] ${message}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const state = { databaseCreated: false };

async function cleanUp() {
  if (state.databaseCreated && flags.keep) {
    log(`kept database ${database} (--keep); drop it when done`);
  } else if (state.databaseCreated) {
    const admin = new pg.Client({ connectionString: POSTGRES_URL.toString() });
    try {
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS "${appLogin}"`);
      log(`dropped database ${database} and login role ${appLogin}`);
    } catch (error) {
      process.stderr.write(`[bench] could not drop ${database}: ${error.message}\n`);
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => cleanUp().finally(() => process.exit(130)));
}

/** What the API's repositories call: `manager.query(sql, params)` answering rows. */
const managerOf = (client) => ({
  query: async (sql, params) => (await client.query(sql, params)).rows,
});

/** Runs `work` in a transaction as the application login, in the province's subtree scope. */
async function asApp(client, provinceId, work) {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL ROLE "${appLogin}"`);
    await client.query(SCOPE_SQL, ['subtree', provinceId, '']);
    return await work();
  } finally {
    await client.query('ROLLBACK');
  }
}

/** The tree: codes and kinds, parents before children. */
function syntheticTree() {
  const nodes = [{ code: '450000', kind: 'PROVINCE', parent: null }];
  const cities = Array.from({ length: 14 }, (_, i) => `45${String(i + 1).padStart(2, '0')}00`);
  for (const city of cities) nodes.push({ code: city, kind: 'CITY', parent: '450000' });
  let counties = 0;
  for (const [i, city] of cities.entries()) {
    const count = i < 13 ? 8 : 111 - 8 * 13; // 111 counties
    for (let c = 1; c <= count; c++) {
      nodes.push({
        code: `${city.slice(0, 4)}${String(20 + c).padStart(2, '0')}`,
        kind: 'COUNTY',
        parent: city,
      });
      counties += 1;
    }
  }
  const countyCodes = nodes.filter((n) => n.kind === 'COUNTY').map((n) => n.code);
  const townships = [];
  for (const county of countyCodes) {
    for (let t = 1; t <= 10; t++) {
      const code = `${county}${String(100 + t).padStart(3, '0')}`;
      nodes.push({ code, kind: 'TOWNSHIP', parent: county });
      townships.push(code);
    }
  }
  for (const township of townships.slice(0, 424)) {
    nodes.push({ code: `${township}201`, kind: 'VILLAGE', parent: township });
  }
  if (counties !== 111 || nodes.length !== 1660) throw new Error(`tree of ${nodes.length}`);
  return nodes;
}

/** The synthetic province: tenants, then applications over two years, then the read model. */
async function load(owner) {
  const nodes = syntheticTree();
  const ids = new Map();
  await owner.query('BEGIN');
  await owner.query(`SET LOCAL session_replication_role = replica`);
  for (const node of nodes) {
    const id = randomUUID();
    ids.set(node.code, id);
    const path = [];
    for (let at = node; at; at = nodes.find((n) => n.code === at.parent))
      path.unshift(ids.get(at.code));
    await owner.query(
      `INSERT INTO tenants (id, parent_id, kind, division_code, name, status, path)
       VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6)`,
      [id, node.parent ? ids.get(node.parent) : null, node.kind, node.code, `T${node.code}`, path],
    );
  }
  // Counties take most applications, townships many, stations a few (weights 12 : 2 : 1).
  const weighted = nodes.flatMap((n) =>
    n.kind === 'COUNTY'
      ? Array(12).fill(n)
      : n.kind === 'TOWNSHIP'
        ? Array(2).fill(n)
        : n.kind === 'VILLAGE'
          ? [n]
          : [],
  );
  await owner.query(
    `CREATE TEMP TABLE bench_halls AS
       SELECT row_number() OVER () - 1 AS slot, t.id, t.division_code, gen_random_uuid() AS window_id
         FROM unnest($1::text[]) AS w(code) JOIN tenants t ON t.division_code = w.code`,
    [weighted.map((n) => n.code)],
  );
  const [{ halls }] = (await owner.query(`SELECT count(*)::int AS halls FROM bench_halls`)).rows;
  const submitter = randomUUID();
  const batch = 500_000;
  for (let from = 1; from <= applications; from += batch) {
    const to = Math.min(applications, from + batch - 1);
    await owner.query(
      `INSERT INTO applications (tenant_id, receipt_number, window_id, item_code, item_name,
         applicant_name, status, submitted_at, submitted_by, tenant_division_code,
         item_statutory_days, item_promised_days, accepted_at, promised_deadline, completed_at)
       SELECT h.id, 'B' || g, h.window_id, 'I' || (g % 50), '事项' || (g % 50), '申请人', x.status,
              x.submitted_at, $3::uuid, h.division_code, 20, 10,
              x.accepted_at, x.accepted_at + interval '14 days',
              CASE WHEN x.status = 'COMPLETED' THEN x.accepted_at + (g % 20) * interval '1 day' END
         FROM generate_series($1::bigint, $2::bigint) g
         JOIN bench_halls h ON h.slot = (g * 7919) % $4
         CROSS JOIN LATERAL (
           SELECT now() - ((g * 104729) % (730 * 24)) * interval '1 hour' AS submitted_at) s
         CROSS JOIN LATERAL (
           SELECT CASE WHEN g % 20 = 0 THEN 'REJECTED'
                       WHEN s.submitted_at > now() - interval '20 days' AND g % 3 = 0 THEN 'ACCEPTED'
                       ELSE 'COMPLETED' END AS status,
                  s.submitted_at,
                  CASE WHEN g % 20 = 0 THEN NULL
                       ELSE s.submitted_at + (g % 3) * interval '1 day' END AS accepted_at) x`,
      [from, to, submitter, halls],
    );
    log(`applications: ${to.toLocaleString('en')} of ${applications.toLocaleString('en')}`);
  }
  // The read model, as the recorder would have left it (counters.ts, for these cases).
  await owner.query(
    `INSERT INTO insight_facts (tenant_id, application_id, receipt_number, item_code, item_name,
       window_id, status, open, forwarded_in, submitted_on, accepted_on, rejected_on, completed_on,
       acceptance_days, handling_days, statutory_days, promised_days, promised_deadline, on_time,
       tenant_division_code)
     SELECT a.tenant_id, a.id, a.receipt_number, a.item_code, a.item_name, a.window_id, a.status,
            a.status NOT IN ('REJECTED','COMPLETED','WITHDRAWN'), false,
            (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date,
            (a.accepted_at AT TIME ZONE 'Asia/Shanghai')::date,
            CASE WHEN a.status = 'REJECTED' THEN (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date END,
            (a.completed_at AT TIME ZONE 'Asia/Shanghai')::date,
            round((extract(epoch FROM a.accepted_at - a.submitted_at) / 86400 * 0.7)::numeric, 2),
            round((extract(epoch FROM a.completed_at - a.accepted_at) / 86400 * 0.7)::numeric, 2),
            a.item_statutory_days, a.item_promised_days, a.promised_deadline,
            CASE WHEN a.completed_at IS NOT NULL THEN a.completed_at <= a.promised_deadline END,
            a.tenant_division_code
       FROM applications a`,
  );
  await owner.query(
    `INSERT INTO insight_counts (tenant_id, day, item_code, submissions, acceptances, rejections,
       completions, completed_on_time, accepted_completed, acceptance_days, handling_days, limited,
       statutory_days, promised_days, limited_handling_days, tenant_division_code)
     SELECT tenant_id, day, item_code, sum(s), sum(a), sum(r), sum(c), sum(ot), sum(ac), sum(ad),
            sum(hd), sum(l), sum(sd), sum(pd), sum(lhd), min(tenant_division_code)
       FROM (
         SELECT tenant_id, submitted_on AS day, item_code, 1 s, 0 a, 0 r, 0 c, 0 ot, 0 ac,
                0 ad, 0 hd, 0 l, 0 sd, 0 pd, 0 lhd, tenant_division_code FROM insight_facts
         UNION ALL
         SELECT tenant_id, accepted_on, item_code, 0, 1, 0, 0, 0,
                (completed_on IS NOT NULL)::int, acceptance_days, 0, 0, 0, 0, 0, tenant_division_code
           FROM insight_facts WHERE accepted_on IS NOT NULL
         UNION ALL
         SELECT tenant_id, rejected_on, item_code, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                tenant_division_code FROM insight_facts WHERE rejected_on IS NOT NULL
         UNION ALL
         SELECT tenant_id, completed_on, item_code, 0, 0, 0, 1, on_time::int, 0, 0, handling_days,
                1, statutory_days, promised_days, handling_days, tenant_division_code
           FROM insight_facts WHERE completed_on IS NOT NULL) x
      GROUP BY tenant_id, day, item_code`,
  );
  await owner.query(
    `INSERT INTO insight_month_counts (tenant_id, month, submissions, acceptances, rejections,
       completions, completed_on_time, accepted_completed, acceptance_days, handling_days, limited,
       statutory_days, promised_days, limited_handling_days, tenant_division_code)
     SELECT tenant_id, date_trunc('month', day)::date, sum(submissions), sum(acceptances),
            sum(rejections), sum(completions), sum(completed_on_time), sum(accepted_completed),
            sum(acceptance_days), sum(handling_days), sum(limited), sum(statutory_days),
            sum(promised_days), sum(limited_handling_days), min(tenant_division_code)
       FROM insight_counts GROUP BY 1, 2`,
  );
  await owner.query('COMMIT');
  await owner.query('ANALYZE');
  return {
    provinceId: ids.get('450000'),
    cities: nodes.filter((n) => n.kind === 'CITY').map((n) => n.code),
  };
}

/**
 * The naive answer: one pass over the applications, grouped by city (the first four digits of
 * the division code; every tenant of the synthetic province sits under one of the 14 cities).
 */
const NAIVE_SQL = `
  SELECT left(a.tenant_division_code, 4) || '00' AS code,
         count(*) FILTER (WHERE a.submitted_at >= $1 AND a.submitted_at < $2)::float8 AS submissions,
         count(*) FILTER (WHERE a.accepted_at >= $1 AND a.accepted_at < $2)::float8 AS acceptances,
         count(*) FILTER (WHERE a.status = 'COMPLETED' AND a.completed_at >= $1
                            AND a.completed_at < $2)::float8 AS completions,
         count(*) FILTER (WHERE a.status = 'COMPLETED' AND a.completed_at >= $1
                            AND a.completed_at < $2
                            AND a.completed_at <= a.promised_deadline)::float8 AS "completedOnTime",
         count(*) FILTER (WHERE a.status = 'REJECTED' AND a.submitted_at >= $1
                            AND a.submitted_at < $2)::float8 AS rejections
    FROM applications a
   WHERE left(a.tenant_division_code, 2) = '45' AND a.tenant_division_code <> '450000'
   GROUP BY 1`;

async function measure(client, provinceId, cities) {
  const today = new Date(Date.now() + 8 * 3600_000);
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const month = { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  const start = new Date(`${month.from}T00:00:00+08:00`);
  const end = new Date(last.getTime() + 86_400_000 - 8 * 3600_000);
  const repository = new InsightsRepository();
  const manager = managerOf(client);
  const now = new Date();
  const rollup = () => repository.totalsEach(manager, cities, month, null, now);
  const naive = async () => (await client.query(NAIVE_SQL, [start, end])).rows;
  const keys = ['submissions', 'acceptances', 'completions', 'completedOnTime', 'rejections'];
  // Equal answers first.
  const [fromRollups, fromApplications] = await asApp(client, provinceId, async () => [
    await rollup(),
    await naive(),
  ]);
  if (fromApplications.length !== cities.length) {
    throw new Error(`naive count found ${fromApplications.length} cities, not ${cities.length}`);
  }
  for (const row of fromApplications) {
    const rolled = fromRollups.get(row.code);
    for (const key of keys) {
      if (rolled[key] !== row[key]) {
        throw new Error(`${row.code} ${key}: rollups ${rolled[key]}, applications ${row[key]}`);
      }
    }
  }
  log(
    `the 14 cities for ${month.from} … ${month.to}: rollups equal the naive count (${keys.join(', ')})`,
  );
  const times = { rollup: [], naive: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const [name, run] of round % 2
      ? [
          ['rollup', rollup],
          ['naive', naive],
        ]
      : [
          ['naive', naive],
          ['rollup', rollup],
        ]) {
      const ms = await asApp(client, provinceId, async () => {
        const t = process.hrtime.bigint();
        await run();
        return Number(process.hrtime.bigint() - t) / 1e6;
      });
      times[name].push(ms);
    }
    log(
      `round ${round}: rollups ${times.rollup.at(-1).toFixed(1)} ms, naive ${times.naive.at(-1).toFixed(1)} ms`,
    );
  }
  return { month, rollupMs: median(times.rollup), naiveMs: median(times.naive), times };
}

/**
 * Maintenance per lifecycle event: completing `events` accepted applications, each as the
 * services do (UPDATE of the application, then its facts through the recorder), against the
 * UPDATE alone, both as the application login in its transaction.
 */
async function maintenance(client, provinceId) {
  const recorder = new InsightRecorder(new InsightFactsRepository());
  const manager = managerOf(client);
  const { rows: picked } = await client.query(
    `SELECT f.* FROM insight_facts f WHERE f.status = 'ACCEPTED' LIMIT $1`,
    [events * 2],
  );
  if (picked.length < events * 2) throw new Error(`only ${picked.length} accepted applications`);
  const complete = (row) =>
    client.query(
      `UPDATE applications SET status = 'COMPLETED', completed_at = now(), version = version + 1
        WHERE tenant_id = $1 AND id = $2`,
      [row.tenant_id, row.application_id],
    );
  const factOf = (row) => ({
    tenantId: row.tenant_id,
    applicationId: row.application_id,
    receiptNumber: row.receipt_number,
    itemCode: row.item_code,
    itemName: row.item_name,
    windowId: row.window_id,
    completedBy: null,
    status: 'COMPLETED',
    open: false,
    forwardedIn: false,
    submittedOn: row.submitted_on.toISOString?.().slice(0, 10) ?? row.submitted_on,
    acceptedOn: row.accepted_on?.toISOString?.().slice(0, 10) ?? row.accepted_on,
    rejectedOn: null,
    completedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    acceptanceDays: Number(row.acceptance_days),
    handlingDays: 3.5,
    statutoryDays: row.statutory_days,
    promisedDays: row.promised_days,
    promisedDeadline: row.promised_deadline,
    onTime: true,
    rating: null,
    ratedOn: null,
    defaultRating: null,
    defaultRatedOn: null,
    yellowOn: null,
    redOn: null,
  });
  const timed = async (rows, withRollups) =>
    asApp(client, provinceId, async () => {
      const t = process.hrtime.bigint();
      for (const row of rows) {
        await complete(row);
        if (withRollups) await recorder.recordApplication(manager, factOf(row));
      }
      return Number(process.hrtime.bigint() - t) / 1e6 / rows.length;
    });
  const bare = await timed(picked.slice(0, events), false);
  const withRollups = await timed(picked.slice(events), true);
  return { events, bareMsPerEvent: bare, withRollupsMsPerEvent: withRollups };
}

async function main() {
  const admin = new pg.Client({ connectionString: POSTGRES_URL.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  state.databaseCreated = true;
  await admin.end();
  const migrate = start('migrate.js', [join(API_DIST, 'migrate.js')], {
    DATABASE_URL: appUrl,
    MIGRATION_DATABASE_URL: ownerUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  });
  if ((await migrate.exited).code !== 0) throw new Error(`migrate failed:\n${migrate.output()}`);
  log(`database ${database} migrated`);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const t = Date.now();
    const { provinceId, cities } = await load(owner);
    const [{ facts, counts, months }] = (
      await owner.query(`SELECT (SELECT count(*) FROM insight_facts)::int AS facts,
                                (SELECT count(*) FROM insight_counts)::int AS counts,
                                (SELECT count(*) FROM insight_month_counts)::int AS months`)
    ).rows;
    log(
      `loaded ${applications.toLocaleString('en')} applications in ${((Date.now() - t) / 1000).toFixed(0)} s: ` +
        `${facts.toLocaleString('en')} facts, ${counts.toLocaleString('en')} daily counter rows, ` +
        `${months.toLocaleString('en')} monthly rows`,
    );
    if (flags.keep) log(`province ${provinceId}`);
    const comparison = await measure(owner, provinceId, cities);
    const upkeep = await maintenance(owner, provinceId);
    const results = {
      date: new Date().toISOString(),
      applications,
      tenants: 1660,
      comparison: { ...comparison, speedUp: comparison.naiveMs / comparison.rollupMs },
      maintenance: { ...upkeep, ratio: upkeep.withRollupsMsPerEvent / upkeep.bareMsPerEvent },
    };
    process.stdout.write(
      `\ncomparison of 14 cities, one month, median of ${rounds}:\n` +
        `  rollups        ${comparison.rollupMs.toFixed(1)} ms\n` +
        `  naive GROUP BY ${comparison.naiveMs.toFixed(1)} ms\n` +
        `  rollups faster: ${results.comparison.speedUp.toFixed(0)}× (goal ≥ 100×)\n` +
        `maintenance per lifecycle event (${events}):\n` +
        `  UPDATE alone        ${upkeep.bareMsPerEvent.toFixed(3)} ms\n` +
        `  UPDATE and rollups  ${upkeep.withRollupsMsPerEvent.toFixed(3)} ms (ratio ${results.maintenance.ratio.toFixed(2)})\n`,
    );
    if (flags.json) writeFileSync(flags.json, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await owner.end();
  }
}

main()
  .then(() => cleanUp())
  .catch(async (error) => {
    process.stderr.write(`[bench] failed: ${error.stack ?? error}\n`);
    await cleanUp();
    process.exit(1);
  });
