import { createMongoAbility, MongoAbility, RawRuleOf } from '@casl/ability';
import { Actor } from '../vocabulary/actor';
import { Role } from '../vocabulary/role';
import { Action, ROLE_RULES, RuleTemplate, Subject } from './role-rules';

export type TongbanAbility = MongoAbility<[Action, Subject | SubjectRecord]>;

/** A record checked against conditions: the subject name and the fields conditions use. */
export interface SubjectRecord {
  __subject: Exclude<Subject, 'all'>;
  id?: string;
  tenantId?: string;
  path?: string[];
  tenantPath?: string[];
  /** Staff assigned to the record's window (applications). */
  windowStaffIds?: string[];
}

/**
 * Builds the actor's ability from the role rules, with placeholders filled in.
 *
 * In CASL a later rule wins over an earlier one. A role's inverted rules (e.g. personal data
 * masked for city officials) must limit that role, not take away what another role of the same
 * person grants: roles with inverted rules go first, so the grants of the others come later.
 */
export function abilityFor(actor: Pick<Actor, 'roles' | 'tenant' | 'userId'>): TongbanAbility {
  // Built once per (person, tenant, roles) and kept: the same inputs give the same rules, and
  // building them on every request and check cost the API a measurable share of its CPU.
  const key = `${actor.userId}|${actor.tenant.id}|${actor.roles.join(',')}`;
  const cached = abilities.get(key);
  if (cached) {
    abilities.delete(key);
    abilities.set(key, cached);
    return cached;
  }
  const built = buildAbility(actor);
  abilities.set(key, built);
  if (abilities.size > ABILITY_CACHE_SIZE) abilities.delete(abilities.keys().next().value!);
  return built;
}

/** The abilities built most recently, least recently used first. */
const abilities = new Map<string, TongbanAbility>();
const ABILITY_CACHE_SIZE = 2000;

function buildAbility(actor: Pick<Actor, 'roles' | 'tenant' | 'userId'>): TongbanAbility {
  const values: Record<string, string> = { tenantId: actor.tenant.id, userId: actor.userId };
  const restricting = (role: Role) => ROLE_RULES[role].some((rule) => rule.inverted);
  const ordered = [
    ...actor.roles.filter(restricting),
    ...actor.roles.filter((role) => !restricting(role)),
  ];
  const rules = ordered.flatMap((role) =>
    ROLE_RULES[role].map((rule) => interpolate(rule, values)),
  );
  return createMongoAbility<[Action, Subject | SubjectRecord]>(
    rules as RawRuleOf<TongbanAbility>[],
    {
      detectSubjectType: (record) => (record as SubjectRecord).__subject,
    },
  );
}

/** Tags a plain object with its subject name for instance-level checks. */
export function subject<T extends Omit<SubjectRecord, '__subject'>>(
  name: Exclude<Subject, 'all'>,
  record: T,
): T & SubjectRecord {
  return { ...record, __subject: name };
}

function interpolate(rule: RuleTemplate, values: Record<string, string>): RuleTemplate {
  if (!rule.conditions) return rule;
  const text = JSON.stringify(rule.conditions).replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Unknown placeholder \${${name}} in role rules`);
    return value;
  });
  return { ...rule, conditions: JSON.parse(text) };
}
