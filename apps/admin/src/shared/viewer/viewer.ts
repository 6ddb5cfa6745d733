/**
 * The signed-in person (`me`) and what the server says they may do. The interface offers
 * only that, so nobody is shown a button the server would refuse; it keeps no copy of the
 * role rules, and the server still checks every call.
 */
import type { MeQuery, PermissionAction, PermissionSubject } from '../api/graphql.generated';

export type CurrentUser = MeQuery['me'];

/** Whether the person may `action` some records of `subject` (which ones, the server decides). */
export function can(
  user: Pick<CurrentUser, 'permissions'>,
  action: PermissionAction,
  subject: PermissionSubject,
): boolean {
  return user.permissions.some((p) => p.action === action && p.subject === subject);
}

/** Whether the person sees the tenants below their own, not only their own. */
export function seesSubtree(user: Pick<CurrentUser, 'visibility'>): boolean {
  return user.visibility === 'SUBTREE';
}
