import { RateLimitedError, UnauthenticatedError } from '@tongban/core';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle (in memory)', () => {
  const policy = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, lockoutSeconds: 60 };

  it('counts attempts before the check and locks an account past its limit, case-insensitively', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    expect(await throttle.attempt('Alice', '10.0.0.1')).toEqual({ remaining: 2 });
    expect(await throttle.attempt('alice', '10.0.0.2')).toEqual({ remaining: 1 });
    expect(await throttle.attempt('ALICE', '10.0.0.3')).toEqual({ remaining: 0 });
    const error = await throttle.attempt('alice', '10.0.0.99').catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await throttle.isLocked('Alice')).toBe(true);
    await expect(throttle.attempt('bob', '10.0.0.99')).resolves.toEqual({ remaining: 2 });
  });

  it('lets only the allowed number of parallel attempts through', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => throttle.attempt('dave', `10.0.1.${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(
      results.filter((r) => r.status === 'rejected' && r.reason instanceof RateLimitedError),
    ).toHaveLength(17);
  });

  it('locks an address after its limit, whatever the accounts', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    for (let i = 0; i < 5; i++) await throttle.attempt(`user${i}`, '10.0.0.1');
    await expect(throttle.attempt('someone', '10.0.0.1')).rejects.toBeInstanceOf(RateLimitedError);
    await expect(throttle.attempt('someone', '10.0.0.2')).resolves.toEqual({ remaining: 2 });
  });

  it('forgets an account’s attempts after a success, and gives the address its attempt back', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    await throttle.attempt('carol', '10.0.0.1');
    await throttle.attempt('carol', '10.0.0.1');
    await throttle.succeeded('carol', '10.0.0.1');
    expect(await throttle.attempt('carol', '10.0.0.1')).toEqual({ remaining: 2 });
    // Five logins from one office address, each a success, never lock the address.
    const office = LoginThrottle.inMemory(policy);
    for (let i = 0; i < 8; i++) {
      await office.attempt(`clerk${i}`, '10.9.9.9');
      await office.succeeded(`clerk${i}`, '10.9.9.9');
    }
    await expect(office.attempt('clerk9', '10.9.9.9')).resolves.toEqual({ remaining: 2 });
  });

  it('unlocks an account on an administrator’s word', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    for (let i = 0; i < 3; i++) await throttle.attempt('erin', '10.0.2.1');
    expect(await throttle.isLocked('erin')).toBe(true);
    await throttle.unlock('erin');
    expect(await throttle.isLocked('erin')).toBe(false);
  });
});

describe('LoginThrottle.check', () => {
  const policy = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 3, lockoutSeconds: 60 };

  it('gives the attempt back when the check could not be made (the database away)', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    const unreachable = new Error('timeout exceeded when trying to connect');
    for (let i = 0; i < 5; i++) {
      await throttle.attempt('frank', '10.0.3.1');
      await expect(
        throttle.check('frank', '10.0.3.1', () => Promise.reject(unreachable)),
      ).rejects.toBe(unreachable);
    }
    expect(await throttle.isLocked('frank')).toBe(false);
    await expect(throttle.attempt('frank', '10.0.3.1')).resolves.toEqual({ remaining: 2 });
  });

  it('counts an attempt the check answered, and passes the answer on', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    for (let i = 0; i < 3; i++) {
      await throttle.attempt('grace', '10.0.3.2');
      await expect(
        throttle.check('grace', '10.0.3.2', () =>
          Promise.reject(new UnauthenticatedError('Invalid username or password')),
        ),
      ).rejects.toBeInstanceOf(UnauthenticatedError);
    }
    expect(await throttle.isLocked('grace')).toBe(true);
    const ok = LoginThrottle.inMemory(policy);
    await ok.attempt('heidi', '10.0.3.3');
    await expect(ok.check('heidi', '10.0.3.3', async () => 'checked')).resolves.toBe('checked');
  });
});
