import { createMongoAbility, MongoAbility, RawRuleOf } from '@casl/ability';
import { Actor } from '../identity/actor';
import { Action, ROLE_RULES, RuleTemplate, Subject } from './role-rules';

export type TongbanAbility = MongoAbility<[Action, Subject | SubjectRecord]>;

/** A record checked against conditions: the subject name and the fields conditions use. */
export interface SubjectRecord {
  __subject: Exclude<Subject, 'all'>;
  id?: string;
  tenantId?: string;
  path?: string[];
  tenantPath?: string[];
}

/** Builds the actor's ability from the role rules, with placeholders filled in. */
export function abilityFor(actor: Pick<Actor, 'roles' | 'tenant' | 'userId'>): TongbanAbility {
  const values: Record<string, string> = { tenantId: actor.tenant.id, userId: actor.userId };
  const rules = actor.roles.flatMap((role) =>
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
