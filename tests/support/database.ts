import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { API_DIST, TEST_POSTGRES_URL } from './environment';
import { runNode } from './processes';

export interface TestDatabase {
  url: string;
  name: string;
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
  const url = withDatabase(TEST_POSTGRES_URL, name);

  const migrated = await runNode(
    join(API_DIST, 'migrate.js'),
    options.seedDemo ? ['--seed-demo'] : [],
    { DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
  );
  if (migrated.code !== 0) {
    throw new Error(`migrate failed (${migrated.code}): ${migrated.stderr}${migrated.stdout}`);
  }

  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    url,
    name,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async drop() {
      await client.end();
      const dropper = new Client({ connectionString: TEST_POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
