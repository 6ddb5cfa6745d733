import { TypeMetadataStorage } from '@nestjs/graphql';
import { LazyMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/lazy-metadata.storage.js';
import {
  abilityFor,
  ALL_ROLES,
  APPLICANT_PERSONAL_DATA,
  subject,
  PUBLIC_ACCESS,
  REQUIRED_ABILITY,
  RequiredAbility,
  Role,
  TenantKind,
  TenantStatus,
} from '@tongban/core';
import { ALL_RESOLVERS } from './resolvers';

/**
 * Who may call every query and mutation. A change of permissions changes the snapshot, so it
 * shows up in review; an operation that declares nothing fails here (and is closed at run
 * time by the authorization guard).
 */
function permissionTable(): string[] {
  // Decorators register lazily; the schema factory does this same load.
  LazyMetadataStorage.load(ALL_RESOLVERS);
  const operations = [
    ...TypeMetadataStorage.getQueriesMetadata().map((m) => ({ ...m, kind: 'Query' })),
    ...TypeMetadataStorage.getMutationsMetadata().map((m) => ({ ...m, kind: 'Mutation' })),
  ];
  return operations
    .map((operation) => {
      const handler = (operation.target.prototype as Record<string, unknown>)[
        operation.methodName
      ] as object;
      const name = `${operation.kind}.${operation.schemaName}`;
      if (
        Reflect.getMetadata(PUBLIC_ACCESS, handler) ||
        Reflect.getMetadata(PUBLIC_ACCESS, operation.target)
      ) {
        return `${name}: public`;
      }
      const required: RequiredAbility | undefined =
        Reflect.getMetadata(REQUIRED_ABILITY, handler) ??
        Reflect.getMetadata(REQUIRED_ABILITY, operation.target);
      if (!required) return `${name}: UNDECLARED`;
      const roles = ALL_ROLES.filter((role) =>
        abilityFor(actorWith(role)).can(required.action, required.subject),
      );
      return `${name}: ${required.action} ${required.subject} — ${roles.join(', ') || 'nobody'}`;
    })
    .sort();
}

function actorWith(role: Role) {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    roles: [role],
    tenant: {
      id: '00000000-0000-4000-8000-000000000002',
      name: 'x',
      kind: TenantKind.COUNTY,
      divisionCode: '450222',
      status: TenantStatus.ACTIVE,
      path: ['00000000-0000-4000-8000-000000000002'],
    },
  };
}

describe('permissions of every GraphQL operation', () => {
  it('declares an ability or a public marker on every query and mutation', () => {
    const table = permissionTable();
    expect(table.length).toBeGreaterThan(10);
    expect(table.filter((line) => line.endsWith('UNDECLARED'))).toEqual([]);
  });

  it('matches the reviewed list of who may call what', () => {
    expect(permissionTable()).toMatchSnapshot();
  });

  it("matches the reviewed list of who reads applicants' personal data masked", () => {
    // A record every role's conditions reach: at the actor's tenant, at a window they work.
    const actor = actorWith(Role.WINDOW_STAFF);
    const application = subject('Application', {
      tenantId: actor.tenant.id,
      tenantPath: actor.tenant.path,
      windowStaffIds: [actor.userId],
    });
    const table = APPLICANT_PERSONAL_DATA.map((field) => {
      const masked = ALL_ROLES.filter(
        (role) =>
          abilityFor(actorWith(role)).can('read', application) &&
          !abilityFor(actorWith(role)).can('read', application, field),
      );
      return `Application.${field}: masked for ${masked.join(', ') || 'nobody'}`;
    });
    expect(table).toMatchSnapshot();
  });
});
