import type { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RateLimitedError } from '@tongban/core';

export interface LoginThrottlePolicy {
  /** Failed logins of one account before it is locked out. */
  maxFailuresPerAccount: number;
  /** Failed logins from one client address before it is locked out. */
  maxFailuresPerAddress: number;
  /** How long failures are remembered, and how long a lock-out lasts. */
  lockoutSeconds: number;
}

/**
 * Counts failed logins per account and per client address and refuses further attempts
 * once either count reaches its limit. Counters live in Redis so every API replica shares
 * them; the embedded default keeps them in memory.
 */
export class LoginThrottle {
  private constructor(
    private readonly policy: LoginThrottlePolicy,
    private readonly perAccount: RateLimiterAbstract,
    private readonly perAddress: RateLimiterAbstract,
  ) {}

  static inMemory(policy: LoginThrottlePolicy): LoginThrottle {
    return new LoginThrottle(
      policy,
      new RateLimiterMemory({
        points: policy.maxFailuresPerAccount,
        duration: policy.lockoutSeconds,
      }),
      new RateLimiterMemory({
        points: policy.maxFailuresPerAddress,
        duration: policy.lockoutSeconds,
      }),
    );
  }

  static onRedis(redis: Redis, keyPrefix: string, policy: LoginThrottlePolicy): LoginThrottle {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}:login-failures:${name}`,
        points,
        duration: policy.lockoutSeconds,
      });
    return new LoginThrottle(
      policy,
      limiter('account', policy.maxFailuresPerAccount),
      limiter('address', policy.maxFailuresPerAddress),
    );
  }

  /** Throws RATE_LIMITED when the account or the address is locked out. */
  async assertAllowed(username: string, clientAddress: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.perAccount.get(accountKey(username)),
      this.perAddress.get(clientAddress),
    ]);
    const locked = [
      { res: account, limit: this.policy.maxFailuresPerAccount },
      { res: address, limit: this.policy.maxFailuresPerAddress },
    ].filter(({ res, limit }) => res !== null && res.consumedPoints >= limit);
    if (locked.length > 0) {
      const waitMs = Math.max(...locked.map(({ res }) => res?.msBeforeNext ?? 0));
      throw new RateLimitedError(
        'Too many failed logins; try again later',
        Math.max(1, Math.ceil(waitMs / 1000)),
      );
    }
  }

  async recordFailure(username: string, clientAddress: string): Promise<void> {
    await Promise.all([
      consumeOne(this.perAccount, accountKey(username)),
      consumeOne(this.perAddress, clientAddress),
    ]);
  }

  /** A successful login clears the account's failures (not the address's). */
  async recordSuccess(username: string): Promise<void> {
    await this.perAccount.delete(accountKey(username));
  }
}

function accountKey(username: string): string {
  return username.trim().toLowerCase();
}

async function consumeOne(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    // Over the limit: rate-limiter-flexible rejects with a result, not an Error. The
    // failure is still counted; anything else (e.g. Redis down) is a real error.
    if (rejection instanceof Error) throw rejection;
  }
}
