import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@tongban/core';

/** Setup links are single-use and expire after 72 hours. */
export const SETUP_LINK_TTL_HOURS = 72;

/**
 * A one-time setup token: `<tenant id>.<link id>.<secret>`. The tenant id only says where the
 * link's row lives (it is tenant-owned, under row-level security); the secret is the proof.
 */
export function issueSetupToken(tenantId: string): { id: string; token: string; hash: Buffer } {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${tenantId}.${id}.${secret}`, hash: sha256(secret) };
}

export function parseSetupToken(
  token: string,
): { tenantId: string; id: string; secret: string } | null {
  const [tenantId, id, secret, extra] = token.split('.');
  if (extra !== undefined || !isUuid(tenantId) || !isUuid(id)) return null;
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret ?? '')) return null;
  return { tenantId, id, secret };
}

export function setupSecretMatches(secret: string, hash: Buffer): boolean {
  const candidate = sha256(secret);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
