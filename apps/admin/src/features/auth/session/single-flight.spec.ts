import { singleFlight } from './single-flight';

describe('singleFlight', () => {
  it('shares one run between concurrent callers', async () => {
    let runs = 0;
    let release!: (value: string) => void;
    const shared = singleFlight(() => {
      runs += 1;
      return new Promise<string>((resolve) => (release = resolve));
    });

    const calls = [shared(), shared(), shared()];
    expect(runs).toBe(1);
    release('token-2');
    await expect(Promise.all(calls)).resolves.toEqual(['token-2', 'token-2', 'token-2']);
  });

  it('starts a new run once the previous one settled', async () => {
    let runs = 0;
    const shared = singleFlight(async () => ++runs);
    await expect(shared()).resolves.toBe(1);
    await expect(shared()).resolves.toBe(2);
  });

  it('shares a failure, then allows a new attempt', async () => {
    let runs = 0;
    const shared = singleFlight(async () => {
      runs += 1;
      if (runs === 1) throw new Error('refresh failed');
      return 'ok';
    });
    const [a, b] = await Promise.allSettled([shared(), shared()]);
    expect(a).toEqual({ status: 'rejected', reason: new Error('refresh failed') });
    expect(b).toEqual(a);
    await expect(shared()).resolves.toBe('ok');
    expect(runs).toBe(2);
  });

  it('does not stay stuck when the function throws synchronously', async () => {
    let runs = 0;
    const shared = singleFlight((): Promise<number> => {
      runs += 1;
      if (runs === 1) throw new Error('sync');
      return Promise.resolve(runs);
    });
    await expect(shared()).rejects.toThrow('sync');
    await expect(shared()).resolves.toBe(2);
  });
});
