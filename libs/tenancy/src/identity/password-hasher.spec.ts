import { hashPassword, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('uses Argon2id at the OWASP parameters (19 MiB, 2 iterations, 1 lane)', async () => {
    const hash = await hashPassword('Demo#2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(hash, 'Demo#2026')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'demo#2026')).resolves.toBe(false);
  });

  it('treats a corrupt stored hash as a mismatch, not a crash', async () => {
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
  });
});
