import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  ApiProcess,
  createTestDatabase,
  errorCode,
  gql,
  login,
  operationDocument,
  schemaOperations,
  SchemaOperation,
  servedSchema,
  startApi,
  TestDatabase,
} from '@tongban/test-support';
import {
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';

/**
 * A bounded fuzz of the whole schema with a logged-in actor: a few hundred generated inputs
 * (huge strings, NUL, lone surrogates, emoji, wrong types, out-of-range numbers, invalid
 * enums, unknown fields, nulls where a value is required) over every query and mutation,
 * plus malformed requests. Whatever comes in: no INTERNAL_SERVER_ERROR, no stack trace in an
 * answer, and no applicant's personal data in the API's log. Seeded, so a failure repeats
 * (FUZZ_SEED=<n> to replay one).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const VARIANTS_PER_OPERATION = 20;
/** The API's body limit (apps/api/src/http/http-server.ts). */
const BODY_LIMIT_BYTES = 3 * 1024 * 1024;

/** What an applicant gave at the window: it may be answered to a reader, never logged. */
const PERSONAL = { name: '欧阳模糊', idNumber: '11010519491231002X', phone: '13977700123' };

/** mulberry32: small, seeded, good enough to pick among cases. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS: unknown[] = [
  '',
  'x'.repeat(100_000),
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udc00y',
  '😀'.repeat(300),
  '𠀀𠀁',
  '\u202e\u200b',
  "' OR 1=1 --",
  '%s%n%x',
  '../../etc/passwd',
  12345,
  true,
  { nested: 'object' },
  ['list'],
];
const IDS: unknown[] = [
  randomUUID(),
  'not-a-uuid',
  '',
  '00000000-0000-0000-0000-000000000000',
  `${randomUUID()}\u0000`,
  'x'.repeat(10_000),
  42,
  -1,
];
const NUMBERS: unknown[] = [
  0,
  -1,
  -2147483649,
  2147483648,
  Number.MAX_SAFE_INTEGER * 4,
  1.5,
  1e308,
  -1e308,
  '12',
  'NaN',
  true,
];
const BOOLEANS: unknown[] = ['true', 1, 0, 'yes', null];
const DATES: unknown[] = ['not a date', '2026-13-45T99:99:99Z', 0, '9999999-01-01'];

describe('fuzz over the schema', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let schema: GraphQLSchema;
  let token: string;
  let tenantId: string;
  let windowId: string;
  const answers: { what: string; status: number; body: string }[] = [];

  async function signIn(): Promise<void> {
    const result = await login(api.baseUrl, 'liucheng.admin', 'Demo#2026');
    token = result.data!.login.accessToken;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    api = await startApi({ databaseUrl: db.url });
    await signIn();
    schema = await servedSchema(api.baseUrl);
    [{ id: tenantId }] = await db.query<{ id: string }>(
      `SELECT id FROM tenants WHERE division_code = '450222'`,
    );
    [{ id: windowId }] = await db.query<{ id: string }>(
      `SELECT a.window_id AS id FROM window_assignments a JOIN users u ON u.id = a.user_id
        WHERE u.username = 'liucheng.window' ORDER BY a.window_id LIMIT 1`,
    );
    // The applicant's data is in the system: taken in by a clerk, read by the county.
    const clerk = await login(api.baseUrl, 'liucheng.window', 'Demo#2026');
    const intake = await gql(
      api.baseUrl,
      `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { id } }`,
      {
        token: clerk.data!.login.accessToken,
        variables: {
          input: {
            windowId,
            itemCode: '00013112800001',
            applicant: PERSONAL,
          },
        },
      },
    );
    expect(intake.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** Sends a raw body and keeps the answer for the checks below. */
  async function send(what: string, body: unknown, contentType = 'application/json') {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    try {
      const res = await request(api.baseUrl)
        .post('/graphql')
        .set('Content-Type', contentType)
        .set('Authorization', `Bearer ${token}`)
        .send(text);
      answers.push({ what, status: res.status, body: res.text });
      return res;
    } catch (error) {
      // A body over the server's limit (3 MiB) may be refused (413) and the connection closed
      // while it is still being sent: the client sees EPIPE or a reset, not the answer.
      const code = (error as { code?: string }).code;
      if (
        Buffer.byteLength(text) > BODY_LIMIT_BYTES &&
        (code === 'EPIPE' || code === 'ECONNRESET')
      ) {
        answers.push({ what, status: 413, body: '' });
        return { status: 413, text: '', body: {} } as unknown as request.Response;
      }
      throw error;
    }
  }

  /** A value for an input of `type`: mostly plausible, often wrong, sometimes absurd. */
  function fuzzValue(type: GraphQLInputType, name: string, rng: () => number, depth = 0): unknown {
    const pick = <T>(values: T[]) => values[Math.floor(rng() * values.length)];
    if (isNonNullType(type)) return rng() < 0.06 ? null : fuzzValue(type.ofType, name, rng, depth);
    if (isListType(type)) {
      if (rng() < 0.1) return fuzzValue(type.ofType, name, rng, depth);
      const length = rng() < 0.05 ? 200 : Math.floor(rng() * 3);
      return Array.from({ length }, () => fuzzValue(type.ofType, name, rng, depth + 1));
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return rng() < 0.6 ? pick(values) : pick(['NOT_A_VALUE', '', 7, values[0].toLowerCase()]);
    }
    if (isInputObjectType(type)) {
      if (depth > 4 || rng() < 0.05) return pick(['a string', 1, [], null]);
      const value: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || rng() < 0.5)
          value[field.name] = fuzzValue(field.type, field.name, rng, depth + 1);
      }
      if (rng() < 0.1) value.unknownField = 'surprise';
      return value;
    }
    // Scalars. The applicant's own fields get their real data half the time.
    const personal = { name: PERSONAL.name, idNumber: PERSONAL.idNumber, phone: PERSONAL.phone }[
      name
    ];
    if (personal && rng() < 0.5) return personal;
    switch (type.name) {
      case 'ID':
        if (rng() < 0.3) return pick([tenantId, windowId]);
        return pick(IDS);
      case 'Int':
      case 'Float':
        return pick(NUMBERS);
      case 'Boolean':
        return pick(BOOLEANS);
      case 'DateTime':
        return pick(DATES);
      default:
        return pick(STRINGS);
    }
  }

  function operations(): SchemaOperation[] {
    // Logging out would end the actor's session for the rest of the run; it goes last.
    const all = schemaOperations(schema);
    return [
      ...all.filter((o) => o.field.name !== 'logout'),
      ...all.filter((o) => o.field.name === 'logout'),
    ];
  }

  it('reads every operation of the served schema', () => {
    const names = operations().map((o) => o.field.name);
    expect(names).toEqual(
      expect.arrayContaining(['me', 'tenant', 'applications', 'submitApplication', 'login']),
    );
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it('answers generated inputs to every operation without an internal error', async () => {
    const rng = random(SEED);
    for (const operation of operations()) {
      const document = operationDocument(operation);
      for (let n = 0; n < VARIANTS_PER_OPERATION; n++) {
        const variables = Object.fromEntries(
          operation.field.args.map((arg) => [arg.name, fuzzValue(arg.type, arg.name, rng)]),
        );
        if (rng() < 0.1) variables.undeclared = 'extra';
        const res = await send(`${operation.field.name} #${n}`, { query: document, variables });
        if (res.body?.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') await signIn();
      }
    }
    expect(answers.length).toBeGreaterThanOrEqual(300);
    // Not all refused at the door: a good share got past validation into the resolvers.
    const executed = answers.filter((a) => a.status === 200).length;
    expect(executed / answers.length).toBeGreaterThan(0.3);
  });

  it('answers malformed requests as client errors', async () => {
    const me = '{ me { id } }';
    const cases: [string, unknown, string?][] = [
      ['invalid JSON', '{"query": "{ me { id } }"', 'application/json'],
      ['not JSON at all', '\u0000\u0001\u0002', 'application/json'],
      ['a batch array', [{ query: me }, { query: me }]],
      ['an empty batch', []],
      ['no query', { variables: {} }],
      ['a number as query', { query: 42 }],
      ['variables as a string', { query: me, variables: 'x' }],
      ['variables as a list', { query: me, variables: [1, 2] }],
      ['unknown field', { query: '{ me { id nope } }' }],
      ['unknown root field', { query: '{ nope }' }],
      ['a subscription', { query: 'subscription { me { id } }' }],
      ['a named subscription', { query: 'subscription S { tenants { nodes { id } } }' }],
      ['deep nesting', { query: `{ me ${'{ tenant '.repeat(200)}{ id }${' }'.repeat(200)} }` }],
      ['deep braces', { query: `${'{'.repeat(5000)}${'}'.repeat(5000)}` }],
      [
        'too many variables',
        {
          query: `query(${Array.from({ length: 300 }, (_, i) => `$v${i}: String`).join(', ')}) { me { id } }`,
          variables: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`v${i}`, 'x'])),
        },
      ],
      [
        'more than 50 invalid variable values',
        {
          query: `query(${Array.from({ length: 120 }, (_, i) => `$v${i}: Int`).join(', ')}) { me { id } }`,
          variables: Object.fromEntries(
            Array.from({ length: 120 }, (_, i) => [`v${i}`, 'not a number']),
          ),
        },
      ],
      [
        'more than 50 invalid values in one list',
        {
          query: `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { staff { userId } } }`,
          variables: {
            input: {
              tenantId,
              username: 'fuzz.one',
              displayName: PERSONAL.name,
              roles: Array.from({ length: 100 }, () => 'NOT_A_ROLE'),
            },
          },
        },
      ],
      ['an unknown operation name', { query: 'query A { me { id } }', operationName: 'B' }],
      ['two operations, none named', { query: 'query A { me { id } } query B { me { id } }' }],
      ['a directive that does not exist', { query: '{ me @nope { id } }' }],
      ['a lone surrogate in the document', { query: '{ me { id } } # \ud800' }],
      ['a NUL in the document', { query: '{ me\u0000 { id } }' }],
    ];
    for (const [what, body, contentType] of cases) {
      const res = await send(what, body, contentType);
      expect({ what, status: res.status }).toEqual({ what, status: expect.any(Number) });
    }
    const subscription = answers.find((a) => a.what === 'a subscription')!;
    expect(subscription.status).toBe(400);
    expect(JSON.parse(subscription.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const tooMany = answers.find((a) => a.what === 'more than 50 invalid variable values')!;
    expect(JSON.parse(tooMany.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('gave no internal error and no stack trace in any answer', () => {
    const internal = answers.filter(
      (a) => a.status >= 500 || a.body.includes('INTERNAL_SERVER_ERROR'),
    );
    expect(internal.map((a) => `${a.what}: ${a.status} ${a.body.slice(0, 300)}`)).toEqual([]);
    const stacks = answers.filter(
      (a) => a.body.includes('stacktrace') || /\bat [\w.<>]+ \(/.test(a.body),
    );
    expect(stacks.map((a) => `${a.what}: ${a.body.slice(0, 300)}`)).toEqual([]);
  });

  it('logged no personal data and no unexpected error', async () => {
    // Control: the data is really there and readable, so its absence from the log means something.
    const read = await gql<{ applications: { nodes: { applicant: { name: string } }[] } }>(
      api.baseUrl,
      `{ applications(page: { first: 50 }) { nodes { applicant { name } } } }`,
      { token },
    );
    expect(errorCode(read)).toBeUndefined();
    expect(read.data!.applications.nodes.map((n) => n.applicant.name)).toContain(PERSONAL.name);
    const logs = api.logs();
    expect(logs).toContain('request completed');
    for (const value of Object.values(PERSONAL)) expect(logs).not.toContain(value);
    const errors = logs.split('\n').filter((line) => line.includes('"level":50'));
    expect(errors.map((line) => line.slice(0, 300))).toEqual([]);
  });
});
