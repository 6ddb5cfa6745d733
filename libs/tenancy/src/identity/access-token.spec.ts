import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { accessTokenVerifyOptions, signAccessToken } from './access-token';

const keys = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const keyPair = { privateKey: keys.privateKey, publicKey: keys.publicKey };

function verify(token: string) {
  const options = accessTokenVerifyOptions(keyPair);
  return jwt.verify(token, options.secretOrKey, {
    algorithms: options.algorithms,
    issuer: options.issuer,
    audience: options.audience,
  }) as jwt.JwtPayload;
}

describe('access tokens', () => {
  it('are ES256 JWTs naming the user and the session, expiring after the TTL', () => {
    const token = signAccessToken(
      { sub: 'user-1', sid: 'session-1', tid: 'tenant-1' },
      keyPair,
      900,
    );
    expect(jwt.decode(token, { complete: true })!.header.alg).toBe('ES256');
    const claims = verify(token);
    expect(claims).toMatchObject({
      sub: 'user-1',
      sid: 'session-1',
      iss: 'tongban',
      aud: 'tongban-api',
    });
    expect(claims.exp! - claims.iat!).toBe(900);
  });

  it('fail verification with another key', () => {
    const other = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const token = signAccessToken(
      { sub: 'u', sid: 's', tid: 't' },
      { privateKey: other.privateKey, publicKey: other.publicKey },
      60,
    );
    expect(() => verify(token)).toThrow(/invalid signature/);
  });

  it('pin the algorithm: an unsigned token is refused', () => {
    const unsigned = jwt.sign({ sid: 's' }, '', {
      algorithm: 'none',
      subject: 'u',
      issuer: 'tongban',
      audience: 'tongban-api',
    });
    expect(() => verify(unsigned)).toThrow('jwt signature is required');
  });
});
