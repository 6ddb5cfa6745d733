import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('shifts the clock from a file only under test, never in development or production', () => {
    expect(problems({ NODE_ENV: 'test', TEST_CLOCK_FILE: '/tmp/clock.json' })).toEqual([]);
    expect(problems({ TEST_CLOCK_FILE: '/tmp/clock.json' })).toEqual([
      expect.stringContaining('TEST_CLOCK_FILE'),
    ]);
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

  describe('secrets from files (*_FILE)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongban-config-'));
    const file = (name: string, content: string) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };

    it('reads DATABASE_URL, REDIS_URL and the keys from files, trimmed', () => {
      const config = loadConfiguration({
        NODE_ENV: 'production',
        DATABASE_URL_FILE: file('db', 'postgres://app:s3cret@db:5432/tongban\n'),
        MIGRATION_DATABASE_URL_FILE: file('owner', 'postgres://owner:x@db:5432/tongban'),
        REDIS_URL_FILE: file('redis', 'redis://:pw@redis:6379\n'),
        JWT_PRIVATE_KEY_FILE: file(
          'private.pem',
          `${KEYS.JWT_PRIVATE_KEY.replace(/\\n/g, '\n')}\n`,
        ),
        JWT_PUBLIC_KEY_FILE: file('public.pem', KEYS.JWT_PUBLIC_KEY),
      });
      expect(config.DATABASE_URL).toBe('postgres://app:s3cret@db:5432/tongban');
      expect(config.MIGRATION_DATABASE_URL).toBe('postgres://owner:x@db:5432/tongban');
      expect(config.REDIS_URL).toBe('redis://:pw@redis:6379');
      expect(config.JWT_PRIVATE_KEY).toBe(
        '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
      );
    });

    it('names a missing or empty file, and a variable given both ways, without the secret', () => {
      const found = problems({
        DATABASE_URL_FILE: join(dir, 'nowhere'),
        REDIS_URL_FILE: file('empty', '\n'),
        JWT_PRIVATE_KEY: KEYS.JWT_PRIVATE_KEY,
        JWT_PRIVATE_KEY_FILE: file('private2.pem', KEYS.JWT_PRIVATE_KEY),
        JWT_PUBLIC_KEY: KEYS.JWT_PUBLIC_KEY,
      });
      expect(found).toEqual([
        `DATABASE_URL_FILE: cannot read ${join(dir, 'nowhere')} (ENOENT)`,
        'REDIS_URL_FILE: the file is empty',
        'JWT_PRIVATE_KEY_FILE: give JWT_PRIVATE_KEY or JWT_PRIVATE_KEY_FILE, not both',
      ]);
      const badUrl = problems({ DATABASE_URL_FILE: file('bad', 'mysql://root:hunter2@db/x') });
      expect(badUrl).toEqual(['DATABASE_URL: expected a postgres:// URL']);
    });

    it('counts a file as given in production', () => {
      expect(
        problems({
          NODE_ENV: 'production',
          DATABASE_URL_FILE: file('db2', 'postgres://app@db/tongban'),
          REDIS_URL: 'redis://redis:6379',
        }).map((p) => p.split(':')[0]),
      ).toEqual(['JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY']);
    });
  });
});
