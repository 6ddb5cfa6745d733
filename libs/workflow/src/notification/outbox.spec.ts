import { afterFailure, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './outbox';

describe('the notification outbox', () => {
  it('backs off exponentially, at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it('gives up after the last attempt, and schedules the next before', () => {
    const now = new Date('2026-12-03T02:00:00Z');
    expect(afterFailure(1, now)).toEqual({
      status: 'PENDING',
      nextAttemptAt: new Date('2026-12-03T02:00:30Z'),
    });
    expect(afterFailure(MAX_DELIVERY_ATTEMPTS, now)).toEqual({ status: 'FAILED' });
  });
});
