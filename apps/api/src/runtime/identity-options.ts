import { IdentityOptions, LoginThrottle, LoginThrottlePolicy } from '@tongban/tenancy';
import { loadSigningKeys } from './signing-keys';
import { Runtime } from './runtime';

/**
 * `signsTokens: false` for the worker: it neither issues nor verifies access tokens, so it gets
 * no keys (the private key stays with the API alone).
 */
export function identityOptionsFor(runtime: Runtime, { signsTokens = true } = {}): IdentityOptions {
  const { config } = runtime;
  const policy: LoginThrottlePolicy = {
    maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS,
  };
  return {
    signingKeys: signsTokens ? loadSigningKeys(config, runtime.logger) : null,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    loginThrottle: runtime.redis
      ? LoginThrottle.onRedis(runtime.redis, config.QUEUE_PREFIX, policy, 'login')
      : LoginThrottle.inMemory(policy),
    setupThrottle: runtime.redis
      ? LoginThrottle.onRedis(runtime.redis, config.QUEUE_PREFIX, policy, 'setup')
      : LoginThrottle.inMemory(policy),
    tokenThrottle: runtime.redis
      ? LoginThrottle.onRedis(runtime.redis, config.QUEUE_PREFIX, policy, 'token')
      : LoginThrottle.inMemory(policy),
  };
}
