/**
 * The admin app's GraphQL documents and enum tables against the API's committed schema
 * (apps/api/schema.gql), so a change of the contract fails here rather than in the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type DocumentNode, GraphQLEnumType, parse, validate } from 'graphql';
import {
  COMPLETE_SETUP_MUTATION,
  LOGIN_MUTATION,
  LOGOUT_MUTATION,
  REFRESH_MUTATION,
} from '../features/auth/session/session';
import {
  APPLICATION_STATUSES,
  ROLES,
  TENANT_KINDS,
  TENANT_STATUSES,
  WINDOW_KINDS,
} from '../shared/i18n/labels';
import { SERVICE_WINDOW_KINDS } from '../features/windows/rules/window-rules';
import * as applicationDocuments from '../features/applications/graphql/applications';
import { ME_QUERY } from '../shared/viewer/me';
import * as onboardingDocuments from '../features/onboarding/graphql/onboarding';
import * as staffDocuments from '../features/staff/graphql/staff';
import * as tenantDocuments from '../features/tenants/graphql/tenants';
import * as windowDocuments from '../features/windows/graphql/windows';

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
    ['CompleteSetup', COMPLETE_SETUP_MUTATION],
  ])('%s mutation is valid against the schema', (_name, source) => {
    expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
  });

  it('Me query is valid against the schema', () => {
    expect(validate(schema, ME_QUERY).map((e) => e.message)).toEqual([]);
  });

  const documents = Object.entries({
    ...tenantDocuments,
    ...windowDocuments,
    ...staffDocuments,
    ...onboardingDocuments,
  }).filter(([name, value]) => /_(QUERY|MUTATION)$/.test(name) && typeof value === 'object');

  it('covers the tenant, window, staff and onboarding documents', () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      'ASSIGN_STAFF_MUTATION',
      'CREATE_WINDOW_MUTATION',
      'DISABLE_STAFF_MUTATION',
      'ENABLE_STAFF_MUTATION',
      'INVITE_STAFF_MUTATION',
      'ONBOARDING_PREVIEW_QUERY',
      'ONBOARD_TENANT_MUTATION',
      'REACTIVATE_TENANT_MUTATION',
      'SET_STAFF_ROLES_MUTATION',
      'SUSPEND_TENANT_MUTATION',
      'TENANTS_QUERY',
      'TENANT_DETAIL_QUERY',
      'UNASSIGN_STAFF_MUTATION',
    ]);
  });

  it.each(documents)('%s is valid against the schema', (_name, document) => {
    expect(validate(schema, document as DocumentNode).map((e) => e.message)).toEqual([]);
  });

  const applicationDocs = Object.entries(applicationDocuments).filter(
    ([name, value]) => /_(QUERY|MUTATION)$/.test(name) && typeof value === 'object',
  );

  it('covers the application documents', () => {
    expect(applicationDocs.map(([name]) => name).sort()).toEqual([
      'APPLICATIONS_QUERY',
      'INTAKE_WINDOWS_QUERY',
      'SUBMIT_APPLICATION_MUTATION',
    ]);
  });

  it.each(applicationDocs)('%s is valid against the schema', (_name, document) => {
    expect(validate(schema, document as DocumentNode).map((e) => e.message)).toEqual([]);
  });

  it('the app knows every application status of the schema', () => {
    expect([...APPLICATION_STATUSES].sort()).toEqual(enumValues('ApplicationStatus'));
  });

  it('the app knows every service window kind of the schema', () => {
    expect([...WINDOW_KINDS].sort()).toEqual(enumValues('ServiceWindowKind'));
    expect([...SERVICE_WINDOW_KINDS].sort()).toEqual(enumValues('ServiceWindowKind'));
  });

  it('the app knows every role, tenant kind and tenant status of the schema', () => {
    expect([...ROLES].sort()).toEqual(enumValues('Role'));
    expect([...TENANT_KINDS].sort()).toEqual(enumValues('TenantKind'));
    expect([...TENANT_STATUSES].sort()).toEqual(enumValues('TenantStatus'));
  });
});
