import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** The one algorithm access tokens are signed and verified with (ECDSA P-256). */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
export const ACCESS_TOKEN_ISSUER = 'tongban';
export const ACCESS_TOKEN_AUDIENCE = 'tongban-api';

export interface SigningKeys {
  privateKey: string;
  publicKey: string;
}

export interface AccessTokenClaims {
  /** user id */
  sub: string;
  /** session id: the refresh-token family this token was issued from */
  sid: string;
  /** the user's home tenant when the token was issued (checked again on every request) */
  tid: string;
}

export function signAccessToken(
  claims: AccessTokenClaims,
  keys: SigningKeys,
  ttlSeconds: number,
): string {
  return jwt.sign({ sid: claims.sid, tid: claims.tid }, parsedKey(keys.privateKey, 'private'), {
    algorithm: ACCESS_TOKEN_ALGORITHM,
    subject: claims.sub,
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    expiresIn: ttlSeconds,
  });
}

/** Options for verifying: the algorithm is pinned, so `alg: none` or HS256 tokens fail. */
export function accessTokenVerifyOptions(keys: SigningKeys) {
  return {
    // Parsed once: parsing the PEM on every request cost ~12% of the API's CPU (BENCHMARKS.md).
    secretOrKey: parsedKey(keys.publicKey, 'public') as unknown as string,
    algorithms: [ACCESS_TOKEN_ALGORITHM] as jwt.Algorithm[],
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
  };
}

const parsedKeys = new Map<string, KeyObject>();

function parsedKey(pem: string, kind: 'private' | 'public'): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
    parsedKeys.set(pem, key);
  }
  return key;
}
