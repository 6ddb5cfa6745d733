/**
 * The roles a person may give, as the server lists them (`me.grantableRoles`: never one that
 * reads more than their own, each with the kinds of tenant where it can be held).
 */
import type { CurrentUser } from '../../../shared/viewer/viewer';
import type { Role, TenantKind } from '../../../shared/api/graphql.generated';
import { sortRoles } from '../../../shared/i18n/labels';

/** The roles the person may give to someone of a tenant of `kind`, most privileged first. */
export function grantableRolesFor(
  user: Pick<CurrentUser, 'grantableRoles'>,
  kind: TenantKind,
): Role[] {
  return sortRoles(
    user.grantableRoles.filter((g) => g.tenantKinds.includes(kind)).map((g) => g.role),
  );
}

/**
 * The roles shown in a person's role form: those one may give and those they hold already
 * (a held role one may not give can be taken away, not given back).
 */
export function roleChoices(
  grantable: readonly Role[],
  held: readonly Role[],
): { role: Role; grantable: boolean }[] {
  return sortRoles([...grantable, ...held]).map((role) => ({
    role,
    grantable: grantable.includes(role),
  }));
}
