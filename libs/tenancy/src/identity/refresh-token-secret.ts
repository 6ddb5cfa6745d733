import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@tongban/core';

/**
 * A refresh token as the client holds it: `<token id>.<secret>`. The id finds the row; the
 * secret is checked against its SHA-256 (the secret has 256 random bits, so a fast hash is
 * enough and a slow one would only cost time).
 */
export interface IssuedRefreshToken {
  id: string;
  value: string;
  hash: Buffer;
}

export function issueRefreshToken(): IssuedRefreshToken {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, value: `${id}.${secret}`, hash: hashSecret(secret) };
}

export function parseRefreshToken(value: string): { id: string; secret: string } | null {
  const dot = value.indexOf('.');
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  if (!isUuid(id) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return { id, secret };
}

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const candidate = hashSecret(secret);
  return candidate.length === storedHash.length && timingSafeEqual(candidate, storedHash);
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
