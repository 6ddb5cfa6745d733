#!/usr/bin/env node
// The catalogue spreadsheet at scale (issue 9, "Measure"): a standard catalogue of N items
// imported through the API (the import job runs in the API process here, so its memory is the
// API's), then exported. Each size against a freshly started API (warmed by a 20-item import), so
// that no size inherits the heap the one before left. Prints, per size, the time from upload to
// the draft, the API's resident memory before and at its peak during the import and during the
// export (sampled every 20 ms from /proc), and the export's time and size. Not a test: it exits 0
// with figures, 1 when a step fails.
//
//   npm run build && node --expose-gc bench/catalogue-import.bench.mjs      # 1,000 and 5,000 items
//   node bench/catalogue-import.bench.mjs --sizes 500,2000,5000
//
// Env: BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432/postgres] (a superuser: it creates
// and drops the database tongban_bench_cat_<random> and its login role).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort, sleep, start } from './processes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const API_DIST = join(ROOT, 'dist/api/apps/api/src');
const HOST = '127.0.0.1';
const catalog = createRequire(import.meta.url)(join(ROOT, 'dist/api/libs/catalog/src/index.js'));

const { values: flags } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,5000' } },
});
const sizes = flags.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0 && n <= 20_000);
const postgresUrl = new URL(
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
const database = `tongban_bench_cat_${randomBytes(4).toString('hex')}`;
const withDatabase = (name) =>
  Object.assign(new URL(postgresUrl), { pathname: `/${name}` }).toString();
const appUrl = (() => {
  const url = new URL(withDatabase(database));
  url.username = `${database}_api`;
  url.password = 'bench-password';
  return url.toString();
})();
const log = (message) => process.stdout.write(`[bench] ${message}\n`);

/** A plausible item: five materials, four steps, as long as real ones. */
function item(n) {
  const code = `B${String(n).padStart(11, '0')}`;
  return {
    code,
    name: `基准测试事项第${n}项（行政许可类事项的实施与办理）`,
    type: n % 3 === 0 ? 'PUBLIC_SERVICE' : 'ADMINISTRATIVE_LICENSE',
    competentDepartment: `县第${(n % 24) + 1}局`,
    implementingLevel: '县级',
    legalBasis: '《中华人民共和国行政许可法》第十二条；《广西壮族自治区政务服务管理办法》第二十条',
    applicantScopes: ['NATURAL_PERSON', 'LEGAL_PERSON'],
    conditions: '申请人应当具备完全民事行为能力，提交的材料真实、完整、有效，符合法定形式。',
    materials: ['申请表', '居民身份证', '营业执照', '授权委托书', '其他证明材料'].map(
      (name, i) => ({
        name,
        form: i === 1 ? 'ORIGINAL' : 'COPY',
        copies: 1,
        required: i < 3,
        notes: i === 3 ? '委托办理时提供' : null,
      }),
    ),
    steps: ['受理', '审查', '决定', '送达'],
    statutoryLimit: n % 5 === 0 ? { onTheSpot: true } : { onTheSpot: false, workingDays: 20 },
    fee: { free: true },
    handlingTiers: ['COUNTY'],
    intakeOnlyTiers: n % 2 === 0 ? ['TOWNSHIP', 'VILLAGE'] : [],
    onlineAvailable: n % 4 !== 0,
  };
}

/** Resident memory of a process now, in MB (Linux). */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function graphql(port, token, query, variables) {
  const response = await fetch(`http://${HOST}:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(120_000),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Imports `items` (as `file`, when already written) and waits for the draft; its final state. */
async function importCatalogue(port, token, items, file) {
  const spreadsheet =
    file ?? (await catalog.writeCatalogueWorkbook(catalog.writeCatalogueSheets(items)));
  const { importCatalogue: started } = await graphql(
    port,
    token,
    `
      mutation ($input: ImportCatalogueInput!) {
        importCatalogue(input: $input) {
          id
        }
      }
    `,
    {
      input: {
        label: `bench ${items.length} ${Date.now()}`,
        fileName: 'bench.xlsx',
        spreadsheet: spreadsheet.toString('base64'),
      },
    },
  );
  let state;
  do {
    await sleep(100);
    ({ catalogueImport: state } = await graphql(
      port,
      token,
      `
        query ($id: ID!) {
          catalogueImport(id: $id) {
            status
            rowsRead
            versionId
            problems {
              code
            }
          }
        }
      `,
      { id: started.id },
    ));
  } while (state.status === 'QUEUED' || state.status === 'RUNNING');
  if (state.status !== 'SUCCEEDED')
    throw new Error(
      `import of ${items.length} failed: ${JSON.stringify(state.problems.slice(0, 5))}`,
    );
  return state;
}

/**
 * The heap an import's reading retains at the file's last row (before the draft is made of the
 * spool), in MB above what was retained before it: read and checked here, in this process, as
 * the import job does (`readCatalogueRows` into a `CatalogueCheck`), collected with `gc()`. The
 * API's resident memory also counts garbage not collected yet; this is what is still held.
 * Null without `node --expose-gc`.
 */
async function retainedMb(file) {
  if (!global.gc) return null;
  global.gc();
  const before = process.memoryUsage().heapUsed;
  const check = new catalog.CatalogueCheck();
  let good = 0;
  for await (const event of catalog.readCatalogueRows(file)) {
    if (event.kind === 'end') check.endSheet(event.sheet);
    else for (const { row, cells } of event.rows) if (check.row(event.sheet, row, cells)) good += 1;
  }
  global.gc();
  const retained = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  if (check.finish().problems.length || !good) throw new Error('the bench file has problems');
  return +retained.toFixed(1);
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-cat-'));
  const admin = new pg.Client({ connectionString: postgresUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  let api;
  try {
    const common = { DATABASE_URL: appUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const migrate = start('migrate.js', [join(API_DIST, 'migrate.js'), '--seed-demo'], {
      ...common,
      MIGRATION_DATABASE_URL: withDatabase(database),
      NODE_ENV: 'development',
    });
    if ((await migrate.exited).code !== 0) throw new Error(`migrate failed:\n${migrate.output()}`);
    const { privateKey, publicKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    /** A freshly started API, so that no size inherits the heap of the one before. */
    const startApi = async () => {
      const port = await freePort(HOST);
      // No REDIS_URL (so not NODE_ENV=production, which requires one): jobs run in the API
      // process, so the import's memory is measured there.
      const api = start('API (main.js)', [join(API_DIST, 'main.js')], {
        ...common,
        NODE_ENV: 'development',
        HOST,
        PORT: String(port),
        JWT_PRIVATE_KEY: privateKey,
        JWT_PUBLIC_KEY: publicKey,
        ADMIN_DIST_DIR: join(dataDir, 'no-admin'),
      });
      for (let ready = false; !ready; await sleep(200)) {
        if (api.child.exitCode !== null) throw new Error(`API exited:\n${api.output()}`);
        ready = await fetch(`http://${HOST}:${port}/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
      }
      const { login } = await graphql(
        port,
        null,
        `
          mutation ($input: LoginInput!) {
            login(input: $input) {
              accessToken
            }
          }
        `,
        {
          input: { username: 'platform', password: 'Demo#2026' },
        },
      );
      return { api, port, token: login.accessToken };
    };

    const rows = [];
    for (const size of sizes) {
      let port, token;
      ({ api, port, token } = await startApi());
      log(`API ready on ${HOST}:${port}, pid ${api.child.pid}; ${size} items`);
      // A small import first: exceljs loaded and the code warm, as in an API that has run a while.
      await importCatalogue(
        port,
        token,
        Array.from({ length: 20 }, (_, n) => item(100_000 + n)),
      );
      const items = Array.from({ length: size }, (_, n) => item(n + 1));
      const file = await catalog.writeCatalogueWorkbook(catalog.writeCatalogueSheets(items));
      await sleep(500);
      const before = rssMb(api.child.pid);
      let peak = before;
      let sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid))), 20);
      const started = performance.now();
      const state = await importCatalogue(port, token, items, file);
      const importMs = performance.now() - started;
      clearInterval(sampler);
      const importPeak = peak;
      await sleep(500);
      const beforeExport = rssMb(api.child.pid);
      peak = beforeExport;
      sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid))), 20);
      const exportStarted = performance.now();
      const { exportCatalogue } = await graphql(
        port,
        token,
        `
          query ($versionId: ID!) {
            exportCatalogue(versionId: $versionId)
          }
        `,
        { versionId: state.versionId },
      );
      const exportMs = performance.now() - exportStarted;
      clearInterval(sampler);
      const row = {
        items: size,
        fileKb: Math.round(file.length / 1024),
        rows: state.rowsRead,
        importS: +(importMs / 1000).toFixed(2),
        rssBeforeMb: Math.round(before),
        rssPeakMb: Math.round(importPeak),
        exportS: +(exportMs / 1000).toFixed(2),
        exportRssBeforeMb: Math.round(beforeExport),
        exportRssPeakMb: Math.round(peak),
        exportKb: Math.round((exportCatalogue.length * 3) / 4 / 1024),
        retainedMb: await retainedMb(file),
      };
      api.child.kill('SIGTERM');
      await api.exited;
      rows.push(row);
      log(JSON.stringify(row));
    }
    console.log(
      '\nitems   file KB   rows    import s   import: API RSS before → peak MB   export s   export: API RSS before → peak MB   export KB   retained at last row',
    );
    for (const r of rows) {
      console.log(
        `${String(r.items).padStart(5)}   ${String(r.fileKb).padStart(7)}   ${String(r.rows).padStart(6)}   ${String(r.importS).padStart(8)}   ${`${r.rssBeforeMb} → ${r.rssPeakMb} (+${r.rssPeakMb - r.rssBeforeMb})`.padStart(32)}   ${String(r.exportS).padStart(8)}   ${`${r.exportRssBeforeMb} → ${r.exportRssPeakMb} (+${r.exportRssPeakMb - r.exportRssBeforeMb})`.padStart(32)}   ${String(r.exportKb).padStart(9)}   ${r.retainedMb === null ? '(--expose-gc)' : `${r.retainedMb} MB`}`,
      );
    }
  } finally {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS "${database}_api"`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
    log(`dropped database ${database}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
