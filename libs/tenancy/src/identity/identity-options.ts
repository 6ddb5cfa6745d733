import { SigningKeys } from './access-token';
import { LoginThrottle } from './login-throttle';

/** What the identity module needs from the application's configuration. */
export interface IdentityOptions {
  /** Null in a process that neither issues nor verifies access tokens (the worker). */
  signingKeys: SigningKeys | null;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginThrottle: LoginThrottle;
  /** Attempts at setup links (per link and per address), counted apart from logins. */
  setupThrottle: LoginThrottle;
  /**
   * Attempts at the tokens public endpoints take instead of a login (evaluation devices,
   * rating links, attendance terminals), per token and per address, counted apart.
   */
  tokenThrottle: LoginThrottle;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
