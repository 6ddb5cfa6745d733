import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { API_DIST, TEST_POSTGRES_URL } from './environment';
import { runNode } from './processes';

export interface TestDatabase {
  /** The API's connection: an unprivileged login in tongban_app, under row-level security. */
  url: string;
  /** The owner's connection (a superuser here), for migrations, arranging and asserting. */
  ownerUrl: string;
  name: string;
  /** The login role of `url`. */
  appRole: string;
  /** Runs SQL against the test database as the owner (for arranging and asserting). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A fresh PostgreSQL database for one test file, migrated with the built `migrate` command
 * (optionally with the demo data) and dropped afterwards.
 */
export async function createTestDatabase(
  options: { seedDemo?: boolean } = {},
): Promise<TestDatabase> {
  const name = `tongban_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const ownerUrl = withDatabase(TEST_POSTGRES_URL, name);
  const appRole = `${name}_api`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = appRole;
  appUrl.password = 'api-password';
  const url = appUrl.toString();

  const migrated = await runNode(
    join(API_DIST, 'migrate.js'),
    options.seedDemo ? ['--seed-demo'] : [],
    { MIGRATION_DATABASE_URL: ownerUrl, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
  );
  if (migrated.code !== 0) {
    throw new Error(`migrate failed (${migrated.code}): ${migrated.stderr}${migrated.stdout}`);
  }

  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  return {
    url,
    ownerUrl,
    name,
    appRole,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async drop() {
      await client.end();
      const dropper = new Client({ connectionString: TEST_POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.query(`DROP ROLE IF EXISTS ${appRole}`);
      await dropper.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
