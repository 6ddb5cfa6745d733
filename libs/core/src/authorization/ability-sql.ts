import { rulesToQuery } from '@casl/ability/extra';
import type { Action, Subject } from './role-rules';
import type { TongbanAbility } from './ability';

/** A WHERE fragment and its parameters (numbered from the caller's first free one). */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

/**
 * How a condition field reads in SQL, given the placeholder of its value (e.g. `$3`). The
 * parameter is the condition's value, or what `param` makes of it (e.g. the ids of the
 * windows a user works, for the condition "at my windows", read through their owner's port).
 */
export type FieldSql = Record<
  string,
  | ((placeholder: string) => string)
  | { sql: (placeholder: string) => string; param: (value: string) => unknown }
>;

/**
 * The actor's conditions for `action` on `subjectName`, as SQL for a list query (DESIGN.md §2:
 * abilities pushed into where-clauses). `null` when no rule allows it at all. Only equality
 * on the fields the caller maps is understood; any other field or operator in a rule throws,
 * so a new kind of condition cannot silently widen a list.
 */
export function accessibleWhere(
  ability: TongbanAbility,
  action: Action,
  subjectName: Exclude<Subject, 'all'>,
  fields: FieldSql,
  firstParam = 1,
): SqlFilter | null {
  const query = rulesToQuery(ability, action, subjectName, (rule) =>
    rule.inverted ? { $nor: [rule.conditions ?? {}] } : (rule.conditions ?? {}),
  );
  if (query === null) return null;
  const params: unknown[] = [];
  const placeholder = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };

  const conjunction = (conditions: Record<string, unknown>): string => {
    const parts = Object.entries(conditions).map(([field, value]) => {
      if (field === '$nor') {
        const negated = (value as Record<string, unknown>[]).map(conjunction);
        return `NOT (${negated.join(' OR ')})`;
      }
      const toSql = fields[field];
      if (!toSql || typeof value !== 'string') {
        throw new Error(`No SQL for the condition ${JSON.stringify({ [field]: value })}`);
      }
      return typeof toSql === 'function'
        ? toSql(placeholder(value))
        : toSql.sql(placeholder(toSql.param(value)));
    });
    return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
  };

  const { $or, $and, ...rest } = query as {
    $or?: Record<string, unknown>[];
    $and?: Record<string, unknown>[];
  };
  if (Object.keys(rest).length) throw new Error(`Unexpected query shape ${JSON.stringify(query)}`);
  const allowed = $or ? `(${$or.map(conjunction).join(' OR ')})` : 'TRUE';
  const denied = ($and ?? []).map(conjunction);
  return { sql: [allowed, ...denied].join(' AND '), params };
}
