import { databaseErrorAsTyped, RetryableConflictError } from './database-errors';
import { ConflictError } from './errors';

/** Shaped like TypeORM's QueryFailedError: the pg error as driverError. */
function queryFailed(code: string, constraint?: string): Error {
  return Object.assign(new Error('query failed: "450223203209"'), {
    driverError: Object.assign(new Error('pg'), { code, constraint }),
  });
}

describe('databaseErrorAsTyped', () => {
  it.each([
    'tenants_division_code_range',
    'tenants_division_code_overlap',
    'tenants_path_matches_parent',
    'tenants_tree_immutable',
    'service_windows_tenant_division_code_matches',
    'applications_tenant_immutable',
  ])('answers CONFLICT for the rule %s, without the driver’s message', (constraint) => {
    const typed = databaseErrorAsTyped(queryFailed('23514', constraint));
    expect(typed).toBeInstanceOf(ConflictError);
    expect(typed?.code).toBe('CONFLICT');
    expect(typed?.details).toEqual({ constraint });
    expect(typed?.message).not.toContain('450223');
  });

  it('answers a retryable CONFLICT for a serialization failure or a deadlock', () => {
    for (const code of ['40001', '40P01']) {
      const typed = databaseErrorAsTyped(queryFailed(code));
      expect(typed).toBeInstanceOf(RetryableConflictError);
      expect(typed?.details).toEqual({ retryable: true });
    }
  });

  it('leaves other errors alone (other checks, other codes, non-errors)', () => {
    expect(databaseErrorAsTyped(queryFailed('23514', 'users_status_check'))).toBeUndefined();
    expect(databaseErrorAsTyped(queryFailed('23505', 'tenants_division_code_key'))).toBeUndefined();
    expect(databaseErrorAsTyped(new Error('boom'))).toBeUndefined();
    expect(databaseErrorAsTyped(undefined)).toBeUndefined();
  });
});
