import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SigningKeys } from '@tongban/tenancy';
import type { Logger } from 'pino';
import type { Configuration } from '../config/configuration';

/**
 * Keys that sign access tokens. Production takes them from JWT_PRIVATE_KEY/JWT_PUBLIC_KEY;
 * elsewhere a P-256 key pair is generated once and kept under DATA_DIR/keys.
 */
export function loadSigningKeys(config: Configuration, logger: Logger): SigningKeys {
  if (config.JWT_PRIVATE_KEY && config.JWT_PUBLIC_KEY) {
    return { privateKey: config.JWT_PRIVATE_KEY, publicKey: config.JWT_PUBLIC_KEY };
  }
  const dir = resolve(config.DATA_DIR, 'keys');
  const privatePath = join(dir, 'access-token-private.pem');
  const publicPath = join(dir, 'access-token-public.pem');
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    writeFileSync(privatePath, privateKey, { mode: 0o600 });
    writeFileSync(publicPath, publicKey, { mode: 0o644 });
    logger.info({ dir }, 'generated access-token signing keys');
  }
  return {
    privateKey: readFileSync(privatePath, 'utf8'),
    publicKey: readFileSync(publicPath, 'utf8'),
  };
}
