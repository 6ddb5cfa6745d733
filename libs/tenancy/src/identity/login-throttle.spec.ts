import { RateLimitedError } from '@tongban/core';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle (in memory)', () => {
  const policy = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, lockoutSeconds: 60 };

  it('locks an account after its limit of failures, case-insensitively', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    for (let i = 0; i < 3; i++) {
      await throttle.assertAllowed('Alice', `10.0.0.${i}`);
      await throttle.recordFailure('alice', `10.0.0.${i}`);
    }
    const error = await throttle.assertAllowed('ALICE', '10.0.0.99').catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(throttle.assertAllowed('bob', '10.0.0.99')).resolves.toBeUndefined();
  });

  it('locks an address after its limit, whatever the accounts', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    for (let i = 0; i < 5; i++) await throttle.recordFailure(`user${i}`, '10.0.0.1');
    await expect(throttle.assertAllowed('someone', '10.0.0.1')).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    await expect(throttle.assertAllowed('someone', '10.0.0.2')).resolves.toBeUndefined();
  });

  it('forgets an account’s failures after a successful login', async () => {
    const throttle = LoginThrottle.inMemory(policy);
    await throttle.recordFailure('carol', '10.0.0.1');
    await throttle.recordFailure('carol', '10.0.0.1');
    await throttle.recordSuccess('carol');
    await throttle.recordFailure('carol', '10.0.0.1');
    await expect(throttle.assertAllowed('carol', '10.0.0.3')).resolves.toBeUndefined();
  });
});
