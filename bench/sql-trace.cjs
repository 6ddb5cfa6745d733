// Preloaded (`node --require bench/sql-trace.cjs`) into a server by `me-query.bench.mjs
// --trace-sql`: appends every statement the process sends through `pg` (TypeORM's driver and the
// baseline's Pool alike) to SQL_TRACE_FILE, one JSON line each ({ text, values }). It costs a
// synchronous write per statement, so a traced server is never measured; the bench only reads
// which statements one request runs.
'use strict';
const { appendFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.SQL_TRACE_FILE;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function tracedQuery(config, values) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    appendFileSync(file, `${JSON.stringify({ text, values: params ?? [] })}\n`);
    return query.apply(this, arguments);
  };
}
