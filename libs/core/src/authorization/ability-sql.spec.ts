import { Role } from '../vocabulary/role';
import { abilityFor } from './ability';
import { accessibleWhere } from './ability-sql';

const TENANT = '00000000-0000-4000-8000-000000000002';
const USER = '00000000-0000-4000-8000-0000000000aa';
const FIELDS = {
  tenantId: (p: string) => `a.tenant_id = ${p}`,
  tenantPath: (p: string) => `t.path @> ARRAY[${p}]`,
  windowStaffIds: (p: string) => `${p} = ANY(staff)`,
};
const ability = (roles: Role[]) =>
  abilityFor({ roles, userId: USER, tenant: { id: TENANT } as never });

describe('role conditions as SQL', () => {
  it('turns window staff conditions into tenant and window-assignment clauses', () => {
    expect(accessibleWhere(ability([Role.WINDOW_STAFF]), 'read', 'Application', FIELDS, 3)).toEqual(
      { sql: '((a.tenant_id = $3 AND $4 = ANY(staff)))', params: [TENANT, USER] },
    );
  });

  it('ORs the rules of several roles', () => {
    const filter = accessibleWhere(
      ability([Role.WINDOW_STAFF, Role.SUPERVISOR]),
      'read',
      'Application',
      FIELDS,
    );
    expect(filter?.sql).toBe('((t.path @> ARRAY[$1]) OR (a.tenant_id = $2 AND $3 = ANY(staff)))');
    expect(filter?.params).toEqual([TENANT, TENANT, USER]);
  });

  it('is TRUE for an unconditional rule and null when nothing is allowed', () => {
    expect(accessibleWhere(ability([Role.PLATFORM_ADMIN]), 'read', 'Application', FIELDS)).toEqual({
      sql: 'TRUE',
      params: [],
    });
    expect(accessibleWhere(ability([]), 'read', 'Application', FIELDS)).toBeNull();
    expect(
      accessibleWhere(ability([Role.COUNTY_ADMIN]), 'create', 'Application', FIELDS),
    ).toBeNull();
  });

  it('refuses a condition it has no SQL for, rather than dropping it', () => {
    expect(() =>
      accessibleWhere(ability([Role.WINDOW_STAFF]), 'read', 'Application', {
        tenantId: FIELDS.tenantId,
      }),
    ).toThrow(/No SQL for the condition/);
  });
});

describe('role conditions as SQL with a parameter of their own', () => {
  it('passes what `param` makes of the condition value', () => {
    const filter = accessibleWhere(ability([Role.WINDOW_STAFF]), 'read', 'Application', {
      ...FIELDS,
      windowStaffIds: {
        sql: (p: string) => `a.window_id = ANY(${p})`,
        param: (userId: string) => [`window-of-${userId}`],
      },
    });
    expect(filter).toEqual({
      sql: '((a.tenant_id = $1 AND a.window_id = ANY($2)))',
      params: [TENANT, [`window-of-${USER}`]],
    });
  });
});
