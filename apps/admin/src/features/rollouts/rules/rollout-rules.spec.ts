import {
  commandsFor,
  isLive,
  knownKey,
  progressPercents,
  refusalReasonOf,
  STEP_STATUSES,
} from './rollout-rules';

describe('commands offered for a rollout', () => {
  it.each([
    ['RUNNING', 0, ['PAUSE', 'CANCEL']],
    ['RUNNING', 2, ['PAUSE', 'CANCEL', 'RETRY']],
    ['PAUSED', 0, ['RESUME', 'CANCEL']],
    ['PAUSED', 1, ['RESUME', 'CANCEL', 'RETRY']],
    ['FINISHED', 0, []],
    ['FINISHED', 3, ['RETRY']],
    ['CANCELLED', 3, []],
  ] as const)('%s with %i failed: %j', (status, failed, commands) => {
    expect(commandsFor(status, failed)).toEqual(commands);
  });

  it('follows a rollout only while it can still change', () => {
    expect(isLive('RUNNING')).toBe(true);
    expect(isLive('PAUSED')).toBe(true);
    expect(isLive('FINISHED')).toBe(false);
    expect(isLive('CANCELLED')).toBe(false);
  });
});

describe('progress', () => {
  it('counts done and failed steps as settled, the failed share apart', () => {
    expect(progressPercents({ total: 8, done: 5, failed: 1, pending: 2, cancelled: 0 })).toEqual({
      settled: 75,
      failed: 12,
    });
  });

  it('is never 100 % before every step is settled, and 0 without steps', () => {
    expect(
      progressPercents({ total: 1000, done: 999, failed: 0, pending: 1, cancelled: 0 }),
    ).toEqual({ settled: 99, failed: 0 });
    expect(progressPercents({ total: 0, done: 0, failed: 0, pending: 0, cancelled: 0 })).toEqual({
      settled: 0,
      failed: 0,
    });
  });
});

describe('refusals and labels', () => {
  const refusal = (extensions: Record<string, unknown>) => ({
    errors: [{ message: 'refused', extensions }],
  });

  it('names the reasons the app has a sentence for', () => {
    expect(refusalReasonOf(refusal({ code: 'CONFLICT', reason: 'ROLLOUT_IN_PROGRESS' }))).toBe(
      'ROLLOUT_IN_PROGRESS',
    );
    expect(refusalReasonOf(refusal({ code: 'CONFLICT', reason: 'SOMETHING_NEW' }))).toBeNull();
    expect(refusalReasonOf(refusal({ code: 'FORBIDDEN' }))).toBeNull();
    expect(refusalReasonOf(new TypeError('Failed to fetch'))).toBeNull();
  });

  it('keys only known values', () => {
    expect(knownKey('rollouts.stepStatus', STEP_STATUSES, 'DONE')).toBe('rollouts.stepStatus.DONE');
    expect(knownKey('rollouts.stepStatus', STEP_STATUSES, 'SKIPPED')).toBeNull();
    expect(knownKey('rollouts.stepStatus', STEP_STATUSES, null)).toBeNull();
  });
});
