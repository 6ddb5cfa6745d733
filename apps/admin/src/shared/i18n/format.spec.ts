import { formatDateTime } from './format';

describe('formatDateTime', () => {
  it('shows Beijing time whatever the machine runs in', () => {
    // 23:30 UTC on 27 November is 07:30 on 28 November in Beijing.
    expect(formatDateTime('en-US', '2026-11-27T23:30:00Z')).toBe('Nov 28, 2026, 7:30 AM');
    expect(formatDateTime('zh-CN', '2026-11-27T23:30:00Z')).toMatch(/^2026年11月28日 07:30$/);
  });

  it('gives back what it cannot read', () => {
    expect(formatDateTime('en-US', 'not a date')).toBe('not a date');
  });
});
