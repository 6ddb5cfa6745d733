import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@tongban/core';

/**
 * A device's or a link's token: `<tenant id>.<row id>.<secret>`. The tenant id only says
 * where the row lives (tenant-owned, under row-level security); the secret is the proof and
 * is stored only as its SHA-256 hash.
 */
export interface EvaluationToken {
  tenantId: string;
  id: string;
  secret: string;
}

export function issueEvaluationToken(tenantId: string): {
  id: string;
  token: string;
  hash: Buffer;
} {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${tenantId}.${id}.${secret}`, hash: sha256(secret) };
}

/** Null for anything that is not the shape of a token this server gives out. */
export function parseEvaluationToken(token: string): EvaluationToken | null {
  const [tenantId, id, secret, extra] = token.trim().split('.');
  if (extra !== undefined || !isUuid(tenantId) || !isUuid(id)) return null;
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret ?? '')) return null;
  return { tenantId, id, secret };
}

export function secretMatches(secret: string, hash: Buffer): boolean {
  const candidate = sha256(secret);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
