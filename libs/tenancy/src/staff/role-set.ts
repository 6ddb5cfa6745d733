import { ALL_ROLES, Role } from '@tongban/core';

/** What is wrong with a list of roles given to one person: they are a set, 1 to 7 known roles. */
export function roleSetProblem(roles: readonly string[]): string | null {
  if (roles.length === 0) return 'Give at least one role';
  if (roles.length > ALL_ROLES.length) return `At most ${ALL_ROLES.length} roles`;
  if (new Set(roles).size !== roles.length) return 'Each role may be given once';
  const unknown = roles.filter((role) => !ALL_ROLES.includes(role as Role));
  return unknown.length ? `Unknown role(s) ${unknown.join(', ')}` : null;
}
