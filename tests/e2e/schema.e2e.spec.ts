import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import {
  ApiProcess,
  createTestDatabase,
  gql,
  startApi,
  TestDatabase,
  WORKSPACE_ROOT,
} from '@tongban/test-support';

/** The committed schema file is the schema the running API serves, nothing more or less. */
describe('committed GraphQL schema', () => {
  let db: TestDatabase;
  let api: ApiProcess;
  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('matches the served schema', async () => {
    const result = await gql(api.baseUrl, getIntrospectionQuery({ descriptions: true }));
    expect(result.errors).toBeUndefined();
    const served = printSchema(lexicographicSortSchema(buildClientSchema(result.data as never)));
    const committed = readFileSync(join(WORKSPACE_ROOT, 'apps/api/schema.gql'), 'utf8')
      .replace(/^#.*\n\n/, '')
      .trim();
    expect(served.trim()).toBe(committed);
  });
});
