import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * Argon2id at the OWASP Password Storage Cheat Sheet parameters (m=19 MiB, t=2, p=1).
 */
const OWASP_ARGON2ID = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OWASP_ARGON2ID);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * Verified against when the username is unknown, so that an unknown user costs as much time
 * as a wrong password and usernames cannot be probed by timing.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-that-matches-nothing');
  return decoyHash;
}
