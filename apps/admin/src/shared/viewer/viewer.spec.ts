import { can, seesSubtree } from './viewer';

describe('what the server says a person may do', () => {
  const clerk = {
    visibility: 'TENANT' as const,
    permissions: [
      { action: 'READ' as const, subject: 'TENANT' as const },
      { action: 'READ' as const, subject: 'APPLICATION' as const },
      { action: 'CREATE' as const, subject: 'APPLICATION' as const },
    ],
  };

  it('may do what is listed, on that subject only', () => {
    expect(can(clerk, 'CREATE', 'APPLICATION')).toBe(true);
    expect(can(clerk, 'READ', 'TENANT')).toBe(true);
    expect(can(clerk, 'CREATE', 'TENANT')).toBe(false);
    expect(can(clerk, 'READ', 'STAFF')).toBe(false);
    expect(can({ permissions: [] }, 'READ', 'APPLICATION')).toBe(false);
  });

  it('sees the tenants below only with subtree visibility', () => {
    expect(seesSubtree(clerk)).toBe(false);
    expect(seesSubtree({ visibility: 'SUBTREE' })).toBe(true);
  });
});
