import { Role } from '@tongban/core';
import { roleSetProblem } from './role-set';

describe('a person’s roles', () => {
  it('are a set of 1 to 7 known roles', () => {
    expect(roleSetProblem([Role.WINDOW_STAFF])).toBeNull();
    expect(roleSetProblem([])).toBe('Give at least one role');
    expect(roleSetProblem([Role.WINDOW_STAFF, Role.WINDOW_STAFF])).toBe(
      'Each role may be given once',
    );
    expect(roleSetProblem(Array.from({ length: 3000 }, () => Role.WINDOW_STAFF))).toBe(
      'At most 7 roles',
    );
    expect(roleSetProblem(['ROOT'])).toBe('Unknown role(s) ROOT');
  });
});
