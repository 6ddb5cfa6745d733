import { ConflictError, TongbanError } from './errors';

/** Named rules of the tenant tree and tenant rows (migration 1764892800000), raised as 23514. */
const CONFLICT_RULES: Record<string, string> = {
  tenants_division_code_range: "The division code does not lie in the parent's range",
  tenants_division_code_overlap: "The division code overlaps another tenant's range",
  tenants_path_matches_parent: "The tenant's path does not match its parent",
  tenants_tree_immutable: "A tenant's division code, parent and path do not change",
};
/** Per-table rules of the tenant_division_code trigger: `<table>_tenant_…`. */
const ROW_RULE = /_tenant_(division_code_matches|immutable)$/;

/** A serialization failure or deadlock: the same request may succeed when tried again. */
export class RetryableConflictError extends ConflictError {
  constructor(message = 'The data changed meanwhile; try again') {
    super(message, { retryable: true });
  }
}

/**
 * The typed error a database error stands for, when it is an expected one: a tenant-tree rule
 * broken by a concurrent change (CONFLICT, never an internal error), or a transaction PostgreSQL
 * gave up on (40001, 40P01: CONFLICT with `retryable`). Undefined for anything else. Messages
 * come from the rule's name, never from the driver (which may quote values).
 */
export function databaseErrorAsTyped(error: unknown): TongbanError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const driver = e as { code?: unknown; constraint?: unknown };
    if (driver.code === '40001' || driver.code === '40P01') return new RetryableConflictError();
    if (driver.code === '23514' && typeof driver.constraint === 'string') {
      const rule = CONFLICT_RULES[driver.constraint];
      if (rule) return new ConflictError(rule, { constraint: driver.constraint });
      if (ROW_RULE.test(driver.constraint)) {
        return new ConflictError("A row's tenant does not match its division code", {
          constraint: driver.constraint,
        });
      }
    }
    e =
      (e as { driverError?: unknown }).driverError ??
      (e instanceof Error ? (e as { cause?: unknown }).cause : undefined);
  }
  return undefined;
}
