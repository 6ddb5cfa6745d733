import { LISTED_ACTIONS, LISTED_SUBJECTS } from '@tongban/core';
import { PermissionAction, PermissionSubject } from './identity.graphql';

// `me { permissions }` answers every listed (action, subject) through these enums: a subject
// listed in core but missing here made `me` fail for everyone holding it.
describe('the permission enums of `me`', () => {
  it('name every subject and action core lists', () => {
    expect(Object.values(PermissionSubject).sort()).toEqual([...LISTED_SUBJECTS].sort());
    expect(Object.values(PermissionAction).sort()).toEqual([...LISTED_ACTIONS].sort());
  });
});
