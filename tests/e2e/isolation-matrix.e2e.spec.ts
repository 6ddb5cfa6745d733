import {
  addNeighbourCounty,
  ApiProcess,
  createTestDatabase,
  databaseFingerprint,
  errorCode,
  gql,
  login,
  startApi,
  TestDatabase,
} from '@tongban/test-support';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/**
 * For every role and every operation in the schema that takes an id, ids of a sibling, the
 * parent and a cousin tenant (and, for roles that see only their own tenant, a child) answer
 * NOT_FOUND or FORBIDDEN and change nothing. Operations come from the served schema, so a new
 * one is covered without editing this file.
 */
interface Tenant {
  id: string;
  parent_id: string | null;
  division_code: string;
  name: string;
  window_id: string | null;
  user_id: string | null;
  application_id: string | null;
}
type IdKind = 'tenant' | 'window' | 'user' | 'application';
interface IdSlot {
  path: string[];
  kind: IdKind;
  list: boolean;
}

const ACTORS = [
  'liuzhou.city',
  'liucheng.admin',
  'liucheng.supervisor',
  'liucheng.window',
  'mashan.manager',
  'village.staff',
];
const SUBTREE_ROLES = new Set([
  'liuzhou.city',
  'liucheng.admin',
  'liucheng.supervisor',
  'mashan.manager',
]);

describe('tenant isolation matrix', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  let schema: GraphQLSchema;
  let tenants: Tenant[];
  const homes: Record<string, Tenant> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase({ seedDemo: true });
    await addNeighbourCounty(db);
    api = await startApi({ databaseUrl: db.url, env: { TRUST_PROXY: 'loopback' } });
    tenants = await db.query<Tenant>(
      `SELECT t.id, t.parent_id, t.division_code, t.name,
              (SELECT w.id FROM service_windows w WHERE w.tenant_id = t.id ORDER BY w.code LIMIT 1) AS window_id,
              (SELECT m.user_id FROM memberships m WHERE m.tenant_id = t.id ORDER BY m.user_id LIMIT 1) AS user_id,
              (SELECT a.id FROM applications a WHERE a.tenant_id = t.id ORDER BY a.id LIMIT 1) AS application_id
         FROM tenants t ORDER BY t.division_code`,
    );
    let n = 1;
    for (const username of ACTORS) {
      const result = await login(api.baseUrl, username, 'Demo#2026', {
        'X-Forwarded-For': `10.5.0.${n++}`,
      });
      tokens[username] = result.data!.login.accessToken;
      const [home] = await db.query<{ id: string }>(
        `SELECT home_tenant_id AS id FROM users WHERE username = $1`,
        [username],
      );
      homes[username] = tenants.find((t) => t.id === home.id)!;
    }
    const introspection = await gql(api.baseUrl, getIntrospectionQuery());
    schema = buildClientSchema(introspection.data as never);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const children = (t: Tenant) => tenants.filter((c) => c.parent_id === t.id);
  const byId = (id: string | null) => tenants.find((t) => t.id === id);
  const descendants = (t: Tenant): Tenant[] => children(t).flatMap((c) => [c, ...descendants(c)]);

  /** The foreign tenants an actor must not reach, by relation. */
  function foreignOf(username: string): Record<string, Tenant> {
    const home = homes[username];
    const parent = byId(home.parent_id)!;
    const siblings = children(parent).filter((t) => t.id !== home.id);
    const cousins = [
      ...siblings.flatMap(descendants),
      ...tenants.filter(
        (t) =>
          byId(t.parent_id)?.parent_id === parent.parent_id &&
          t.parent_id !== parent.id &&
          parent.parent_id,
      ),
    ];
    const relations: Record<string, Tenant | undefined> = {
      parent,
      sibling: siblings.find((t) => t.window_id) ?? siblings[0],
      cousin: cousins.find((t) => t.window_id) ?? cousins[0],
    };
    if (!SUBTREE_ROLES.has(username)) relations.child = children(home)[0];
    return Object.fromEntries(Object.entries(relations).filter(([, t]) => t)) as Record<
      string,
      Tenant
    >;
  }

  function idOf(tenant: Tenant, kind: IdKind): string | null {
    return {
      tenant: tenant.id,
      window: tenant.window_id,
      user: tenant.user_id,
      application: tenant.application_id,
    }[kind];
  }

  /** Operations that take an id somewhere in their arguments, with where those ids go. */
  function operationsWithIds(): {
    type: 'query' | 'mutation';
    field: GraphQLField<unknown, unknown>;
    slots: IdSlot[];
  }[] {
    const out = [];
    for (const [type, root] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const) {
      for (const field of Object.values(root!.getFields())) {
        const returned = getNamedType(field.type).name;
        const slots = field.args.flatMap((arg) => idSlots(arg, [arg.name], returned));
        if (slots.length) out.push({ type, field, slots });
      }
    }
    return out;
  }

  /** What an id names: by its argument's name, or for a bare `id` by what the field returns. */
  function kindOf(name: string, returned: string): IdKind {
    const subject = name === 'id' ? returned : name;
    if (/window/i.test(subject)) return 'window';
    if (/user|staff/i.test(subject)) return 'user';
    if (/application/i.test(subject)) return 'application';
    return 'tenant';
  }

  function idSlots(
    input: GraphQLArgument | GraphQLInputField,
    path: string[],
    returned: string,
  ): IdSlot[] {
    const named = getNamedType(input.type);
    if (isScalarType(named) && named.name === 'ID') {
      const kind = kindOf(path.at(-1)!, returned);
      return [
        {
          path,
          kind,
          list: isListType(isNonNullType(input.type) ? input.type.ofType : input.type),
        },
      ];
    }
    if (isInputObjectType(named)) {
      return Object.values(named.getFields()).flatMap((f) =>
        idSlots(f, [...path, f.name], returned),
      );
    }
    return [];
  }

  let unique = 0;
  /** A plausible value for a non-id leaf, good enough to pass input validation. */
  function valueFor(
    name: string,
    type: GraphQLInputType,
    ids: Map<string, string>,
    path: string[],
  ): unknown {
    const key = path.join('.');
    if (ids.has(key))
      return isListType(isNonNullType(type) ? type.ofType : type) ? [ids.get(key)] : ids.get(key);
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return [valueFor(name, inner.ofType, ids, path)];
    if (isEnumType(inner)) {
      const values = inner.getValues().map((v) => v.name);
      return values.includes('WINDOW_STAFF')
        ? 'WINDOW_STAFF'
        : values.includes('TOWNSHIP')
          ? 'TOWNSHIP'
          : values[0];
    }
    if (isInputObjectType(inner)) {
      return Object.fromEntries(
        Object.values(inner.getFields())
          .filter((f) => isNonNullType(f.type) || ids.has([...path, f.name].join('.')))
          .map((f) => [f.name, valueFor(f.name, f.type, ids, [...path, f.name])]),
      );
    }
    switch (inner.name) {
      case 'Int':
      case 'Float':
        return 10;
      case 'Boolean':
        return false;
      default:
        if (/divisionCode/i.test(name)) return '450222901';
        if (/username/i.test(name)) return `matrix.user${++unique}`;
        if (/password/i.test(name)) return 'Matrix#2026-password';
        if (/code/i.test(name)) return `M${++unique}`;
        return '矩阵测试';
    }
  }

  it('finds the operations that take ids in the schema', () => {
    const names = operationsWithIds().map((o) => o.field.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'tenant',
        'onboardTenant',
        'suspendTenant',
        'inviteStaff',
        'assignStaffToWindow',
        'application',
        'applications',
        'submitApplication',
      ]),
    );
  });

  it.each(ACTORS)(
    '%s: foreign ids in every id-taking operation answer NOT_FOUND or FORBIDDEN and change nothing',
    async (username) => {
      const foreign = foreignOf(username);
      expect(Object.keys(foreign)).toEqual(expect.arrayContaining(['parent', 'sibling']));
      const home = homes[username];
      const before = await databaseFingerprint(db);
      const failures: string[] = [];
      let calls = 0;

      for (const { type, field, slots } of operationsWithIds()) {
        for (const slot of slots) {
          for (const [relation, tenant] of Object.entries(foreign)) {
            const foreignId = idOf(tenant, slot.kind);
            if (!foreignId) continue;
            // The aimed-at slot gets the foreign id; every other id slot an id of one's own.
            const ids = new Map<string, string>();
            for (const other of slots) {
              const own = idOf(home, other.kind) ?? idOf(home, 'tenant')!;
              ids.set(other.path.join('.'), other === slot ? foreignId : own);
            }
            const variables = Object.fromEntries(
              field.args.map((arg) => [arg.name, valueFor(arg.name, arg.type, ids, [arg.name])]),
            );
            const document = `${type} (${field.args.map((a) => `$${a.name}: ${a.type}`).join(', ')}) { ${field.name}(${field.args
              .map((a) => `${a.name}: $${a.name}`)
              .join(', ')}) ${selectionOf(field)} }`;
            const result = await gql(api.baseUrl, document, { token: tokens[username], variables });
            calls++;
            const code = errorCode(result);
            if (code !== 'NOT_FOUND' && code !== 'FORBIDDEN') {
              failures.push(
                `${field.name}(${slot.path.join('.')} = ${relation} ${tenant.name} ${slot.kind}): ${code ?? 'succeeded'} ${result.errors?.[0]?.message ?? ''}`,
              );
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(calls).toBeGreaterThan(10);
      expect(await databaseFingerprint(db)).toBe(before);
    },
  );

  it.each(ACTORS)('%s: the tenant list holds only what the role may see', async (username) => {
    const result = await gql<{ tenants: { nodes: { id: string }[] } }>(
      api.baseUrl,
      '{ tenants { nodes { id } } }',
      {
        token: tokens[username],
      },
    );
    const home = homes[username];
    const visible = SUBTREE_ROLES.has(username) ? [home, ...descendants(home)] : [home];
    expect(result.data!.tenants.nodes.map((t) => t.id).sort()).toEqual(
      visible.map((t) => t.id).sort(),
    );
  });

  /** Every list in the schema (a query without required arguments returning `nodes`). */
  function listQueries(): { name: string; selection: string; args: string }[] {
    return Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
      const named = getNamedType(field.type);
      if (!isObjectType(named) || !named.getFields().nodes) return [];
      if (field.args.some((arg) => isNonNullType(arg.type))) return [];
      const node = getNamedType(named.getFields().nodes.type);
      if (!isObjectType(node)) return [];
      const fields = node.getFields();
      const selection = ['id', 'tenantId', 'windowId'].filter((f) => fields[f]).join(' ');
      const paged = field.args.some((arg) => arg.name === 'page');
      return [{ name: field.name, selection, args: paged ? '(page: { first: 200 })' : '' }];
    });
  }

  it('finds every list in the schema', () => {
    expect(listQueries().map((q) => q.name)).toEqual(
      expect.arrayContaining(['tenants', 'applications']),
    );
  });

  it.each(ACTORS)(
    '%s: every list in the schema holds only rows of tenants the role may see',
    async (username) => {
      const home = homes[username];
      const visible = new Set(
        (SUBTREE_ROLES.has(username) ? [home, ...descendants(home)] : [home]).map((t) => t.id),
      );
      const [{ windows }] = await db.query<{ windows: string[] }>(
        `SELECT coalesce(array_agg(a.window_id), '{}') AS windows FROM window_assignments a
           JOIN users u ON u.id = a.user_id WHERE u.username = $1`,
        [username],
      );
      const failures: string[] = [];
      for (const list of listQueries()) {
        const result = await gql<Record<string, { nodes: Record<string, string>[] }>>(
          api.baseUrl,
          `{ ${list.name}${list.args} { nodes { ${list.selection} } } }`,
          { token: tokens[username] },
        );
        if (result.errors) {
          failures.push(`${list.name}: ${errorCode(result)}`);
          continue;
        }
        const nodes = result.data![list.name].nodes;
        // Every demo actor has something in every list; an empty one would prove nothing.
        if (nodes.length === 0) failures.push(`${list.name}: empty`);
        for (const node of nodes) {
          const tenantId = node.tenantId ?? node.id;
          if (!visible.has(tenantId)) failures.push(`${list.name}: ${node.id} of ${tenantId}`);
          // Window staff see only what belongs to the windows they work.
          if (username === 'liucheng.window' && node.windowId && !windows.includes(node.windowId))
            failures.push(`${list.name}: ${node.id} at window ${node.windowId}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  function selectionOf(field: GraphQLField<unknown, unknown>): string {
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) return '';
    const fields = (
      named as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
    ).getFields();
    const scalar = Object.values(fields).find((f) => {
      const n = getNamedType(f.type);
      return (isScalarType(n) || isEnumType(n)) && f.args.length === 0;
    });
    if (scalar) return `{ ${scalar.name} }`;
    const nested = Object.values(fields).find((f) => f.args.length === 0)!;
    return `{ ${nested.name} ${selectionOf(nested)} }`;
  }
});
