import { resolve } from 'node:path';

/** Where the test suites find PostgreSQL (a role allowed to create databases) and Redis. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const WORKSPACE_ROOT = resolve(__dirname, '../..');
export const API_DIST = resolve(WORKSPACE_ROOT, 'dist/api/apps/api/src');
export const ADMIN_DIST = resolve(WORKSPACE_ROOT, 'dist/admin');
