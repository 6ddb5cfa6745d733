import { ALL_ROLES, Role } from '../vocabulary/role';
import { abilityFor } from './ability';
import { canGrant, ROLE_RULES, Subject } from './role-rules';

const PLACEHOLDER_ACTOR = {
  userId: '00000000-0000-4000-8000-000000000000',
  tenant: { id: '00000000-0000-4000-8000-000000000001' },
} as const;

const READ_SUBJECTS = [
  'Tenant',
  'ServiceWindow',
  'Staff',
  'AuditEvent',
  'Application',
  'Consultation',
  'EvaluationDevice',
  'Rectification',
  'Complaint',
  'Attendance',
] as const;

/** Every field some rule names for `subject` (e.g. an applicant's personal data). */
function fieldsOf(subject: Subject): string[] {
  const fields = new Set<string>();
  for (const role of ALL_ROLES) {
    for (const rule of ROLE_RULES[role]) {
      const subjects = Array.isArray(rule.subject) ? rule.subject : [rule.subject];
      if (subjects.includes(subject) || subjects.includes('all')) {
        for (const field of rule.fields ?? []) fields.add(field);
      }
    }
  }
  return [...fields];
}

/**
 * What holding `roles` lets one read, at the level of subjects and fields: which subjects at
 * all, and which of their named fields plainly. Conditions (whose records) are left aside:
 * a grant is made inside the granter's own sight anyway.
 */
function readsOf(roles: readonly Role[]): Set<string> {
  const ability = abilityFor({ ...PLACEHOLDER_ACTOR, roles: [...roles] } as never);
  const reads = new Set<string>();
  for (const subject of READ_SUBJECTS) {
    if (!ability.can('read', subject)) continue;
    reads.add(subject);
    for (const field of fieldsOf(subject)) {
      if (ability.can('read', subject, field)) reads.add(`${subject}.${field}`);
    }
  }
  return reads;
}

/** What `role` reads that `granterRoles` do not (empty: it reads no more than they do). */
export function readsBeyond(role: Role, granterRoles: readonly Role[]): string[] {
  const granter = readsOf(granterRoles);
  return [...readsOf([role])].filter((read) => !granter.has(read));
}

/**
 * Whether someone holding `granterRoles` may give `role`, directly or through an invitation
 * they could complete themselves (DESIGN.md §3): the role must be theirs to give by the
 * grant table, and read nothing (fields included) their own roles do not. The platform
 * operator, who reads personal data masked, therefore cannot create anyone who reads it
 * plainly.
 */
export function mayGrant(granterRoles: readonly Role[], role: Role): boolean {
  return canGrant(granterRoles, role) && readsBeyond(role, granterRoles).length === 0;
}
