import type { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RateLimitedError, ServiceUnavailableError, TongbanError } from '@tongban/core';

export interface LoginThrottlePolicy {
  /** Attempts on one account (or one setup link) without success before it is locked out. */
  maxFailuresPerAccount: number;
  /** Attempts from one client address without success before it is locked out. */
  maxFailuresPerAddress: number;
  /** How long attempts are remembered, and how long a lock-out lasts. */
  lockoutSeconds: number;
}

/**
 * Counts attempts at a secret (a password, a setup link) per account and per client address,
 * and refuses once either count passes its limit. An attempt is counted, atomically, BEFORE
 * the expensive check, so parallel guesses cannot all reach it; a success forgets the
 * account's count and gives the address its attempt back. Counters live in Redis so every
 * API replica shares them; the embedded default keeps them in memory.
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

  /** `purpose` keeps separate counters (e.g. 'login', 'setup') under one prefix. */
  static onRedis(
    redis: Redis,
    keyPrefix: string,
    policy: LoginThrottlePolicy,
    purpose = 'login',
  ): LoginThrottle {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}:${purpose}-failures:${name}`,
        points,
        duration: policy.lockoutSeconds,
      });
    return new LoginThrottle(
      policy,
      limiter('account', policy.maxFailuresPerAccount),
      limiter('address', policy.maxFailuresPerAddress),
    );
  }

  /**
   * Counts one attempt on `account` from `clientAddress`. Throws RATE_LIMITED when either is
   * over its limit (the attempt must then not be checked at all); otherwise says how many
   * attempts the account has left after this one.
   */
  async attempt(account: string, clientAddress: string): Promise<{ remaining: number }> {
    const [onAccount, onAddress] = await Promise.all([
      consume(this.perAccount, accountKey(account)),
      consume(this.perAddress, clientAddress),
    ]);
    const over = [onAccount, onAddress].filter((result) => result.rejected);
    if (over.length > 0) {
      // A refused attempt is not checked, so it does not count against the other counter
      // (an address locked out must not use up a victim account's attempts).
      await Promise.all([
        onAccount.rejected ? null : this.perAccount.reward(accountKey(account), 1),
        onAddress.rejected ? null : this.perAddress.reward(clientAddress, 1),
      ]);
      const waitMs = Math.max(...over.map((result) => result.msBeforeNext));
      throw new RateLimitedError(
        'Too many failed attempts; try again later',
        Math.max(1, Math.ceil(waitMs / 1000)),
      );
    }
    return { remaining: Math.max(0, this.policy.maxFailuresPerAccount - onAccount.consumed) };
  }

  /**
   * Runs the check of an attempt counted by `attempt`. When the check could not be made (the
   * database did not answer, or anything else but a typed answer), the attempt is given back:
   * an outage must not lock accounts and offices out.
   */
  async check<T>(account: string, clientAddress: string, check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } catch (error) {
      if (!(error instanceof TongbanError) || error instanceof ServiceUnavailableError) {
        // Best effort: when Redis is the one away, there is nothing to give back to.
        await Promise.all([
          this.perAccount.reward(accountKey(account), 1),
          this.perAddress.reward(clientAddress, 1),
        ]).catch(() => undefined);
      }
      throw error;
    }
  }

  /** The secret was right: the account starts afresh and the address gets its attempt back. */
  async succeeded(account: string, clientAddress: string): Promise<void> {
    await Promise.all([
      this.perAccount.delete(accountKey(account)),
      this.perAddress.reward(clientAddress, 1),
    ]);
  }

  /** Lifts an account's lock-out (an administrator unlocking it). */
  async unlock(account: string): Promise<void> {
    await this.perAccount.delete(accountKey(account));
  }

  /** Whether the account is locked out now. */
  async isLocked(account: string): Promise<boolean> {
    const state = await this.perAccount.get(accountKey(account));
    return state !== null && state.consumedPoints >= this.policy.maxFailuresPerAccount;
  }
}

function accountKey(account: string): string {
  return account.trim().toLowerCase();
}

async function consume(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<{ rejected: boolean; consumed: number; msBeforeNext: number }> {
  try {
    const result = await limiter.consume(key);
    return { rejected: false, consumed: result.consumedPoints, msBeforeNext: result.msBeforeNext };
  } catch (rejection) {
    // Over the limit: rate-limiter-flexible rejects with a result, not an Error. Anything
    // else (e.g. Redis down) is a real error.
    if (rejection instanceof Error) throw rejection;
    const result = rejection as { consumedPoints: number; msBeforeNext: number };
    return { rejected: true, consumed: result.consumedPoints, msBeforeNext: result.msBeforeNext };
  }
}
