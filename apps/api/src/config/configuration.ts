import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Every setting the API and the worker read from the environment, validated once at
 * start-up. A missing or malformed variable stops the process with a message naming it.
 */
const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const pem = (kind: 'PRIVATE' | 'PUBLIC') =>
  z
    .string()
    .transform((value) => value.replace(/\\n/g, '\n').trim())
    .refine((value) => value.includes(`-----BEGIN ${kind} KEY-----`), {
      message: `expected a PEM-encoded ${kind.toLowerCase()} key (-----BEGIN ${kind} KEY-----)`,
    });
const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), { message: 'expected a postgres:// URL' });
const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), { message: 'expected a redis:// URL' });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port.default(3000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATA_DIR: z.string().min(1).default('.data'),
    /**
     * NODE_ENV=test only: a file holding {"offsetMs": n}; the API's clock runs that far ahead
     * of the system's (a test advances time by writing it, never by sleeping).
     */
    TEST_CLOCK_FILE: z.string().min(1).optional(),
    ADMIN_DIST_DIR: z.string().min(1).default('dist/admin'),
    TRUST_PROXY: z.string().default('false'),
    DATABASE_URL: postgresUrl.optional(),
    /** The owner's connection, for migrations; defaults to DATABASE_URL. */
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    /**
     * A read replica (hot standby) the insights' figures, league tables and lists read from,
     * as the application role; unset, they read the primary. Its pool is DATABASE_POOL_SIZE.
     */
    INSIGHTS_DATABASE_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: positiveInt.default(10),
    DATABASE_CONNECT_ATTEMPTS: positiveInt.default(8),
    DATABASE_CONNECT_BACKOFF_MS: positiveInt.default(500),
    DATABASE_CONNECT_TIMEOUT_MS: positiveInt.default(3000),
    DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.default(15000),
    REDIS_URL: redisUrl.optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]+$/i)
      .default('tongban'),
    /**
     * How long a worker holds a job's lock between renewals, and how often workers look for
     * jobs whose worker died (bull's lockDuration and stalledInterval): a job of a killed
     * worker runs again after at most about twice this.
     */
    QUEUE_STALLED_MS: positiveInt.min(1000).max(600_000).default(30_000),
    JWT_PRIVATE_KEY: pem('PRIVATE').optional(),
    JWT_PUBLIC_KEY: pem('PUBLIC').optional(),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt.max(3600).default(900),
    REFRESH_TOKEN_TTL_SECONDS: positiveInt.default(14 * 24 * 3600),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt.default(5),
    LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt.default(50),
    LOGIN_LOCKOUT_SECONDS: positiveInt.default(900),
    PURGE_SESSIONS_EVERY_MS: positiveInt.default(3600_000),
    /** How often the deadline sweep looks for applications whose warning level changed. */
    SWEEP_DEADLINES_EVERY_MS: positiveInt.min(1000).default(60_000),
    /** How often the notification outbox is delivered. */
    DELIVER_NOTIFICATIONS_EVERY_MS: positiveInt.min(1000).default(15_000),
    /** How often applications left unrated get their tenant's default rating. */
    DEFAULT_RATINGS_EVERY_MS: positiveInt.min(1000).default(3_600_000),
    /** The worker's heartbeat, read by its health check; DATA_DIR/worker-heartbeat when unset. */
    WORKER_HEARTBEAT_FILE: z.string().min(1).optional(),
    SHUTDOWN_TIMEOUT_MS: positiveInt.max(60_000).default(9000),
    GRAPHQL_MAX_DEPTH: positiveInt.max(50).default(8),
    GRAPHQL_MAX_COST: positiveInt.default(5000),
    GRAPHQL_MAX_ALIASES: positiveInt.max(100).default(15),
    GRAPHQL_MAX_TOKENS: positiveInt.default(1500),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.JWT_PRIVATE_KEY) !== Boolean(env.JWT_PUBLIC_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.JWT_PRIVATE_KEY ? 'JWT_PUBLIC_KEY' : 'JWT_PRIVATE_KEY'],
        message: 'JWT_PRIVATE_KEY and JWT_PUBLIC_KEY must be given together',
      });
    }
  });

/**
 * Secrets may come from files (Docker or Kubernetes secrets): `DATABASE_URL_FILE=/run/secrets/x`
 * instead of `DATABASE_URL`, so they stay out of the environment that `docker inspect` and
 * crash reports show. The file's content, trimmed, is the value.
 */
export const SECRET_FILE_VARIABLES = [
  'DATABASE_URL',
  'MIGRATION_DATABASE_URL',
  'INSIGHTS_DATABASE_URL',
  'REDIS_URL',
  'JWT_PRIVATE_KEY',
  'JWT_PUBLIC_KEY',
] as const;

const fileContent = z.string().transform((path, ctx) => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    ctx.addIssue({ code: 'custom', message: `cannot read ${path} (${reason})` });
    return z.NEVER;
  }
});

export type Configuration = z.infer<typeof schema> & {
  /** Fastify `trustProxy` setting derived from TRUST_PROXY. */
  trustProxy: boolean | number | string;
};

/** What a process needs besides the database: the one-shot migrate needs neither. */
export interface ProcessNeeds {
  redis: boolean;
  signingKeys: boolean;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Parses the environment; throws ConfigurationError naming every bad variable. */
export function loadConfiguration(
  env: NodeJS.ProcessEnv = process.env,
  needs: ProcessNeeds = { redis: true, signingKeys: true },
): Configuration {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const fileProblems: string[] = [];
  for (const name of SECRET_FILE_VARIABLES) {
    const path = cleaned[`${name}_FILE`];
    if (path === undefined) continue;
    const read = fileContent.safeParse(path);
    if (!read.success) {
      fileProblems.push(`${name}_FILE: ${read.error.issues[0].message}`);
    } else if (read.data === '') {
      fileProblems.push(`${name}_FILE: the file is empty`);
    } else if (cleaned[name] !== undefined) {
      fileProblems.push(`${name}_FILE: give ${name} or ${name}_FILE, not both`);
    } else {
      cleaned[name] = read.data;
    }
  }
  const result = schema
    .superRefine((parsed, ctx) => {
      if (parsed.TEST_CLOCK_FILE && parsed.NODE_ENV !== 'test') {
        ctx.addIssue({
          code: 'custom',
          path: ['TEST_CLOCK_FILE'],
          message: 'only when NODE_ENV=test',
        });
      }
      if (parsed.NODE_ENV !== 'production') return;
      // In production nothing falls back to the embedded defaults or generated keys.
      const required = [
        'DATABASE_URL',
        ...(needs.redis ? (['REDIS_URL'] as const) : []),
        ...(needs.signingKeys ? (['JWT_PRIVATE_KEY', 'JWT_PUBLIC_KEY'] as const) : []),
      ] as const;
      for (const name of required) {
        if (!parsed[name]) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'is required when NODE_ENV=production',
          });
        }
      }
    })
    .safeParse(cleaned);
  if (!result.success || fileProblems.length > 0) {
    throw new ConfigurationError([
      ...fileProblems,
      ...(result.success ? [] : result.error.issues.map((issue) => describeIssue(issue, cleaned))),
    ]);
  }
  return { ...result.data, trustProxy: parseTrustProxy(result.data.TRUST_PROXY) };
}

function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = issue.path.join('.') || '(environment)';
  const given = env[name];
  const shown = given === undefined || /KEY|URL|FILE/.test(name) ? '' : ` (got "${given}")`;
  return `${name}: ${issue.message}${shown}`;
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // e.g. "loopback" or a comma-separated list of addresses
}
