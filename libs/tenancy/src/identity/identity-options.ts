import { SigningKeys } from './access-token';
import { LoginThrottle } from './login-throttle';

/** What the identity module needs from the application's configuration. */
export interface IdentityOptions {
  signingKeys: SigningKeys;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginThrottle: LoginThrottle;
  /** Attempts at setup links (per link and per address), counted apart from logins. */
  setupThrottle: LoginThrottle;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
