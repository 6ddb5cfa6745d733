// The bare baseline of bench/me-query.bench.mjs: the least a server can do to answer Tongban's
// `me` query correctly, so that the benchmark's ratio measures what the API's stack costs on top.
//
// Per request, exactly like the API's authentication path:
//   1. Express 5 parses the JSON body (express.json) and hands it to Apollo Server 5 through
//      @as-integrations/express5, the integration @nestjs/apollo uses too (CSRF prevention on,
//      as in the API; no batching, no introspection, no landing page);
//   2. the context function takes the bearer token and verifies it with jsonwebtoken: ES256 only,
//      issuer "tongban", audience "tongban-api", expiry checked (access-token.ts);
//   3. it checks that the claims sub, sid and tid are UUIDs and runs the very statements of
//      IdentityService.loadActor (libs/tenancy/src/identity/identity.service.ts) through
//      TenantScope.runIn: START TRANSACTION; SCOPE_SQL (set_config of the scope, local);
//      the actor query with [sid, sub, tid]; COMMIT; on a pg Pool of the API's size
//      (DATABASE_POOL_SIZE), connected as the same unprivileged login as the API, so row-level
//      security applies alike; then the same checks (session not revoked, user ACTIVE, tenant
//      not SUSPENDED, at least one role);
//   4. the `me` resolver returns the actor's fields.
// What it leaves out is what the benchmark measures: Nest (modules, the authentication and
// authorization guards, pipes, interceptors), passport, nestjs-cls, pino-http, the request-id
// middleware, the error formatter and any further Apollo plugins or validation rules the API has.
// When IdentityService.loadActor or TenantScope change, change the statements here with them.
//
// Env: DATABASE_URL, JWT_PUBLIC_KEY (PEM; `\n` escapes allowed), PORT, HOST [127.0.0.1],
// DATABASE_POOL_SIZE [10]. Prints "listening <port>" on stdout when ready; stops on SIGTERM.
import { createPublicKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import jwt from 'jsonwebtoken';
import pg from 'pg';

const publicKey = (process.env.JWT_PUBLIC_KEY ?? '').replace(/\\n/g, '\n').trim();
if (!process.env.DATABASE_URL || !publicKey.includes('-----BEGIN PUBLIC KEY-----')) {
  process.stderr.write('baseline-server needs DATABASE_URL and JWT_PUBLIC_KEY\n');
  process.exit(1);
}
// Parsed once, as the API does (access-token.ts).
const publicKeyObject = createPublicKey(publicKey);

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  application_name: 'tongban-bench-baseline',
});

// Verbatim from IdentityService.loadActor and TenantScope.runIn (libs/tenancy/src): the scope of the token's tenant
// is set in a transaction (row-level security on memberships), then the actor is read.
const SCOPE_SQL = `SELECT set_config('tongban.scope', $1, true),
       set_config('tongban.tenant_id', $2::text, true),
       set_config('tongban.actor_id', $3, true),
       set_config('tongban.division_start', coalesce(CASE $1
         WHEN 'tenant' THEN t.division_code
         WHEN 'subtree' THEN tongban_division_prefix(t.division_code) END, ''), true),
       set_config('tongban.division_end', coalesce(CASE $1
         WHEN 'tenant' THEN t.division_code || '!'
         WHEN 'subtree' THEN tongban_division_end(t.division_code) END, ''), true)
  FROM (SELECT 1) AS one LEFT JOIN tenants t ON t.id = $2::uuid`;
const ACTOR_SQL = `SELECT u.id AS user_id, u.username, u.display_name, u.status AS user_status, m.roles,
              t.id AS tenant_id, t.name AS tenant_name, t.kind AS tenant_kind,
              t.division_code,
              CASE WHEN EXISTS (SELECT 1 FROM tenants a WHERE a.id = ANY (t.path) AND a.status = 'SUSPENDED')
                   THEN 'SUSPENDED' ELSE t.status END AS tenant_status,
              t.path AS tenant_path,
              s.revoked_at AS session_revoked_at
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         JOIN tenants t ON t.id = u.home_tenant_id
         LEFT JOIN memberships m ON m.user_id = u.id AND m.tenant_id = u.home_tenant_id
        WHERE s.id = $1 AND s.user_id = $2 AND u.home_tenant_id = $3`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VERIFY_OPTIONS = { algorithms: ['ES256'], issuer: 'tongban', audience: 'tongban-api' };

const typeDefs = `#graphql
  enum Role { PLATFORM_ADMIN CITY_OFFICIAL COUNTY_ADMIN CENTER_MANAGER WINDOW_STAFF STATION_STAFF SUPERVISOR }
  enum TenantKind { PROVINCE CITY COUNTY TOWNSHIP VILLAGE }
  enum TenantStatus { ONBOARDING ACTIVE SUSPENDED }
  type Tenant { id: ID! name: String! kind: TenantKind! divisionCode: String! status: TenantStatus! }
  type CurrentUser { id: ID! username: String! displayName: String! roles: [Role!]! tenant: Tenant! }
  type Query {
    me: CurrentUser!
    implementationItems(input: ImplementationListInput!): ImplementationItemPage!
  }
  input ImplementationListInput { tenantId: ID! first: Int! }
  type TimeLimit { onTheSpot: Boolean! workingDays: Int }
  type StandardItem { name: String! competentDepartment: String! }
  type ImplementationItem { code: String! promisedLimit: TimeLimit! standard: StandardItem! }
  type ImplementationItemPage { nodes: [ImplementationItem!]! hasNextPage: Boolean! endCursor: String }
  extend type Query { workQueue(page: ApplicationsPageInput): ApplicationConnection! }
  enum ApplicationStatus { SUBMITTED SUPPLEMENT_REQUESTED ACCEPTED REJECTED IN_REVIEW SUSPENDED APPROVED DENIED COMPLETED WITHDRAWN FORWARDED RESULT_READY }
  input ApplicationsPageInput { first: Int }
  type Applicant { name: String! idNumber: String phone: String masked: Boolean! }
  type ApplicationClock { workingDaysLeft: Float }
  type Application {
    id: ID! itemCode: String! itemName: String! status: ApplicationStatus! applicant: Applicant!
    clock: ApplicationClock! dueAt: String promisedDeadline: String
  }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type ApplicationConnection { nodes: [Application!]! pageInfo: PageInfo! }
`;

// The workQueue mode (`--query workQueue`): the first page of a window staff's work queue in one
// statement, the queue's WHERE and ORDER BY of ApplicationService.workQueue and
// ApplicationRepository.queue (open states, the windows the reader works, most urgent first)
// with only the columns the query asks for; the windows come from a subquery rather than a
// statement of their own. The remaining working time is counted with the built
// workingDaysLeft (dist/api, as bench/deadlines.bench.mjs does) on the tenant's calendar composed
// once from the shipped schedules with the default business hours: unlike the API it reads no
// entered years, local days or business hours from the database (the bench's database has
// none; the bench checks the answers are equal). Window staff see their windows' applicants in
// full, which is the only reader this serves; anyone else gets an error.
const OPEN_STATUSES = [
  'SUBMITTED',
  'SUPPLEMENT_REQUESTED',
  'ACCEPTED',
  'IN_REVIEW',
  'SUSPENDED',
  'APPROVED',
  'DENIED',
  'FORWARDED',
  'RESULT_READY',
];
const QUEUE_SQL = `SELECT a.id, a.item_code, a.item_name, a.status, a.applicant_name,
       a.applicant_id_number, a.applicant_phone, a.due_at, a.promised_deadline,
       (extract(epoch FROM a.due_at) * 1000000)::bigint::text AS due_micros
  FROM applications a
 WHERE a.tenant_id = $1::uuid AND a.status = ANY($2::text[])
   AND a.window_id IN (SELECT w.window_id FROM window_assignments w WHERE w.user_id = $3::uuid)
 ORDER BY a.due_at ASC NULLS LAST, a.id ASC LIMIT $4`;
const require = createRequire(import.meta.url);
const calendarDist = join(import.meta.dirname, '..', 'dist/api/libs/workflow/src');
const distModule = (path) => require(join(calendarDist, path));
const calendars = new Map();
/** The tenant's calendar, composed on first use (the shipped schedules, the default hours). */
function calendarOf(divisionCode) {
  if (!calendars.has(divisionCode)) {
    const { composeCalendar, layersFor } = distModule('calendar/working-calendar.js');
    const { NATIONAL_SCHEDULE } = distModule('calendar/national-schedule.js');
    const { REGIONAL_SCHEDULES } = distModule('calendar/regional-schedules.js');
    const { DEFAULT_BUSINESS_HOURS } = distModule('calendar/business-hours.js');
    calendars.set(divisionCode, {
      calendar: composeCalendar(layersFor(divisionCode, NATIONAL_SCHEDULE, REGIONAL_SCHEDULES)),
      hours: DEFAULT_BUSINESS_HOURS,
    });
  }
  return calendars.get(divisionCode);
}

/** A page of the work queue: the transaction, then the rows as the answer. */
async function workQueue(actor, first) {
  if (!actor.roles.includes('WINDOW_STAFF')) {
    throw new GraphQLError('The baseline serves the work queue of window staff only');
  }
  const client = await pool.connect();
  let rows;
  try {
    await client.query('START TRANSACTION');
    await client.query(SCOPE_SQL, ['tenant', actor.tenant.id, actor.id]);
    ({ rows } = await client.query(QUEUE_SQL, [
      actor.tenant.id,
      OPEN_STATUSES,
      actor.id,
      first + 1,
    ]));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const { workingDaysLeft } = distModule('lifecycle/application-clock.js');
  const calendar = calendarOf(actor.tenant.divisionCode);
  const now = new Date();
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return {
    nodes: page.map((row) => ({
      id: row.id,
      itemCode: row.item_code,
      itemName: row.item_name,
      status: row.status,
      applicant: {
        name: row.applicant_name,
        idNumber: row.applicant_id_number,
        phone: row.applicant_phone,
        masked: false,
      },
      clock: { workingDaysLeft: row.due_at ? workingDaysLeft(calendar, now, row.due_at) : null },
      dueAt: row.due_at?.toISOString() ?? null,
      promisedDeadline: row.promised_deadline?.toISOString() ?? null,
    })),
    pageInfo: {
      hasNextPage: rows.length > first,
      // ApplicationService's queue cursor: where the page ended (due time, or none, and id)
      endCursor: last
        ? Buffer.from(`q:${last.due_micros ?? '-'}:${last.id}`).toString('base64url')
        : null,
    },
  };
}

// The list mode (`--query list`): ImplementationService.list's statements (the tenant read in
// the actor's scope, then a page of the list joined to the standard items, one more than asked
// to know whether there is a next page), as libs/catalog's repository writes them, minus the
// columns the query does not ask for. Change them with the repository.
const TENANT_SQL = `SELECT t.id, t.parent_id, t.kind, t.division_code, t.name, t.status, t.path
  FROM tenants t WHERE t.id = $1`;
const LIST_SQL = `SELECT l.code, l.promised_days, c.name, c.competent_department
  FROM implementation_items l
  JOIN catalogue_items c ON c.tenant_id = l.source_tenant_id AND c.version_id = l.source_version_id
                        AND c.code = l.code
 WHERE l.tenant_id = $1 ORDER BY l.code LIMIT $2`;

/** The transaction ImplementationService.list runs in: the actor's subtree scope set first. */
async function listPage(actor, tenantId, first) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query(SCOPE_SQL, ['subtree', actor.tenant.id, actor.id]);
    const { rows: tenants } = await client.query(TENANT_SQL, [tenantId]);
    const rows = tenants.length ? (await client.query(LIST_SQL, [tenantId, first + 1])).rows : [];
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function unauthenticated() {
  return new GraphQLError('A valid access token is required', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

async function actorRows({ sub, sid, tid }) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION'); // as TypeORM's dataSource.transaction
    await client.query(SCOPE_SQL, ['tenant', tid, sub]);
    const { rows } = await client.query(ACTOR_SQL, [sid, sub, tid]);
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function loadActor(claims) {
  const row = (await actorRows(claims))[0];
  if (
    !row ||
    row.session_revoked_at ||
    row.user_status !== 'ACTIVE' ||
    row.tenant_status === 'SUSPENDED' ||
    !row.roles?.length
  ) {
    return null;
  }
  return {
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    tenant: {
      id: row.tenant_id,
      name: row.tenant_name,
      kind: row.tenant_kind,
      divisionCode: row.division_code,
      status: row.tenant_status,
    },
  };
}

const resolvers = {
  Query: {
    workQueue: (_parent, { page }, context) => {
      if (!context.actor) throw unauthenticated();
      return workQueue(context.actor, page?.first ?? 50);
    },
    me: (_parent, _args, context) => {
      if (!context.actor) throw unauthenticated();
      return context.actor;
    },
    implementationItems: async (_parent, { input }, context) => {
      if (!context.actor) throw unauthenticated();
      const rows = await listPage(context.actor, input.tenantId, input.first);
      const nodes = rows.slice(0, input.first).map((row) => ({
        code: row.code,
        promisedLimit:
          row.promised_days === null
            ? { onTheSpot: true }
            : { onTheSpot: false, workingDays: row.promised_days },
        standard: { name: row.name, competentDepartment: row.competent_department },
      }));
      const hasNextPage = rows.length > input.first;
      return { nodes, hasNextPage, endCursor: hasNextPage ? nodes.at(-1).code : null };
    },
  },
};

const server = new ApolloServer({
  typeDefs,
  resolvers,
  introspection: false,
  csrfPrevention: true,
  allowBatchedHttpRequests: false,
  includeStacktraceInErrorResponses: false,
});
await server.start();

const app = express();
app.disable('x-powered-by');
app.use(
  '/graphql',
  express.json({ limit: '100kb' }),
  expressMiddleware(server, {
    context: async ({ req }) => {
      const header = req.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7) : null;
      if (!token) return { actor: null };
      let claims;
      try {
        claims = jwt.verify(token, publicKeyObject, VERIFY_OPTIONS);
      } catch {
        return { actor: null };
      }
      const { sub, sid, tid } = claims;
      if (![sub, sid, tid].every((id) => typeof id === 'string' && UUID.test(id)))
        return { actor: null };
      return { actor: await loadActor({ sub, sid, tid }) };
    },
  }),
);

const host = process.env.HOST ?? '127.0.0.1';
const httpServer = app.listen(Number(process.env.PORT ?? 0), host, () => {
  process.stdout.write(`listening ${httpServer.address().port}\n`);
});

process.once('SIGTERM', async () => {
  httpServer.close();
  httpServer.closeAllConnections?.();
  await server.stop().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(0);
});
