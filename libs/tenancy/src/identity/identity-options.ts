import { SigningKeys } from './access-token';
import { LoginThrottle } from './login-throttle';

/** What the identity module needs from the application's configuration. */
export interface IdentityOptions {
  signingKeys: SigningKeys;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  loginThrottle: LoginThrottle;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
