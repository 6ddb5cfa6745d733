import {
  mayCommand,
  RolloutCommand,
  RolloutStatus,
  rolloutSteps,
  statusAfter,
} from './rollout-status';

describe('rollout status', () => {
  it('lets a running rollout pause, cancel and retry, a paused one resume, nothing touch a cancelled one', () => {
    expect(mayCommand(RolloutStatus.RUNNING, RolloutCommand.PAUSE)).toBe(true);
    expect(mayCommand(RolloutStatus.PAUSED, RolloutCommand.PAUSE)).toBe(false);
    expect(mayCommand(RolloutStatus.PAUSED, RolloutCommand.RESUME)).toBe(true);
    expect(mayCommand(RolloutStatus.FINISHED, RolloutCommand.RETRY)).toBe(true);
    expect(mayCommand(RolloutStatus.FINISHED, RolloutCommand.CANCEL)).toBe(false);
    for (const command of Object.values(RolloutCommand)) {
      expect(mayCommand(RolloutStatus.CANCELLED, command)).toBe(false);
    }
    expect(statusAfter(RolloutCommand.RETRY)).toBe(RolloutStatus.RUNNING);
    expect(statusAfter(RolloutCommand.CANCEL)).toBe(RolloutStatus.CANCELLED);
  });

  it('steps every tenant that keeps a list, parents before children, skipping a city', () => {
    const steps = rolloutSteps([
      { id: 'city', parentId: 'province', kind: 'CITY' },
      { id: 'county', parentId: 'city', kind: 'COUNTY' },
      { id: 'town', parentId: 'county', kind: 'TOWNSHIP' },
      { id: 'village', parentId: 'town', kind: 'VILLAGE' },
      { id: 'station', parentId: 'county', kind: 'VILLAGE' },
    ]);
    expect(steps).toEqual([
      { tenantId: 'county', parentTenantId: null, depth: 0 },
      { tenantId: 'town', parentTenantId: 'county', depth: 1 },
      { tenantId: 'village', parentTenantId: 'town', depth: 2 },
      { tenantId: 'station', parentTenantId: 'county', depth: 1 },
    ]);
  });
});
