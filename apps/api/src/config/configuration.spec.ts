import { ConfigurationError, loadConfiguration } from './configuration';

const KEYS = {
  JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
  JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nabc\\n-----END PUBLIC KEY-----',
};

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfiguration(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfiguration', () => {
  it('runs on defaults outside production (embedded database, in-process jobs)', () => {
    const config = loadConfiguration({});
    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000 });
    expect(config.DATABASE_URL ?? config.REDIS_URL).toBeUndefined();
    expect(config.trustProxy).toBe(false);
  });

  it('names each malformed variable', () => {
    const found = problems({ PORT: '70000', DATABASE_POOL_SIZE: '-1', REDIS_URL: 'http://x' });
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_POOL_SIZE',
      'PORT',
      'REDIS_URL',
    ]);
    expect(found.find((p) => p.startsWith('PORT'))).toContain('"70000"');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfiguration({ PORT: '', REDIS_URL: '' })).toMatchObject({ PORT: 3000 });
    expect(loadConfiguration({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it('requires the database, Redis and keys in production', () => {
    expect(
      problems({ NODE_ENV: 'production' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['DATABASE_URL', 'JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY', 'REDIS_URL']);
    const config = loadConfiguration({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app@db:5432/tongban',
      REDIS_URL: 'redis://redis:6379',
      ...KEYS,
    });
    expect(config.JWT_PRIVATE_KEY).toBe(
      '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
    );
  });

  it('asks the one-shot migrate only for the database in production', () => {
    expect(problems({ NODE_ENV: 'production' }).length).toBe(4);
    expect(() =>
      loadConfiguration(
        { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db/tongban' },
        { redis: false, signingKeys: false },
      ),
    ).not.toThrow();
  });

  it('wants both signing keys or neither', () => {
    expect(problems({ JWT_PRIVATE_KEY: KEYS.JWT_PRIVATE_KEY })).toEqual([
      'JWT_PUBLIC_KEY: JWT_PRIVATE_KEY and JWT_PUBLIC_KEY must be given together',
    ]);
  });

  it('never echoes URLs or keys, which may hold secrets', () => {
    const found = problems({ DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(found.join('\n')).not.toContain('hunter2');
  });

  it('reads TRUST_PROXY as the trustProxy option expects it', () => {
    expect(loadConfiguration({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfiguration({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfiguration({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
  });
});
