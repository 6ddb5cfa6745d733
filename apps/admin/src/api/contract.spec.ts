/**
 * The admin app's GraphQL documents and enum tables against the API's committed schema
 * (apps/api/schema.gql), so a change of the contract fails here rather than in the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLEnumType, parse, validate } from 'graphql';
import { LOGIN_MUTATION, LOGOUT_MUTATION, REFRESH_MUTATION } from '../auth/session';
import { ROLES, TENANT_KINDS, TENANT_STATUSES } from '../i18n/labels';
import { ME_QUERY } from './me';

const schema = buildSchema(readFileSync(join(__dirname, '../../../api/schema.gql'), 'utf8'));

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum`);
  return type
    .getValues()
    .map((v) => v.name)
    .sort();
}

describe('GraphQL contract', () => {
  it.each([
    ['Login', LOGIN_MUTATION],
    ['Refresh', REFRESH_MUTATION],
    ['Logout', LOGOUT_MUTATION],
  ])('%s mutation is valid against the schema', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });

  it('Me query is valid against the schema', () => {
    expect(validate(schema, ME_QUERY).map((e) => e.message)).toEqual([]);
  });

  it('the app knows every role, tenant kind and tenant status of the schema', () => {
    expect([...ROLES].sort()).toEqual(enumValues('Role'));
    expect([...TENANT_KINDS].sort()).toEqual(enumValues('TenantKind'));
    expect([...TENANT_STATUSES].sort()).toEqual(enumValues('TenantStatus'));
  });
});
