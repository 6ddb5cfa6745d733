import type { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  applicationName: string;
  /** Never close idle connections (the embedded database keeps its session state on one). */
  keepIdleConnections?: boolean;
  /** A pooled connection the server ended (e.g. a PostgreSQL restart); the pool replaces it. */
  onConnectionLost?: (error: Error) => void;
}

/** The one TypeORM data source: migrations, never synchronize. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    // No entities: repositories write their SQL (DESIGN.md §5), so nothing is mapped.
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // An `undefined` or `null` where-value must not silently widen a query to all rows.
    invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' },
    extra: {
      max: settings.poolSize,
      // Fail fast when the database is down instead of queueing requests forever.
      connectionTimeoutMillis: settings.connectTimeoutMs,
      statement_timeout: settings.statementTimeoutMs,
      application_name: settings.applicationName,
      ...(settings.keepIdleConnections ? { idleTimeoutMillis: 0 } : {}),
      // pg-pool listens on idle connections and TypeORM on those in a query runner, but a
      // connection between the two (released, being ended) that hears the server's FATAL
      // "terminating connection" has no listener, and an unheard 'error' ends the process.
      // The pool drops such a connection (no longer queryable) and opens a new one later.
      onConnect: (client: EventEmitter) => {
        client.on('error', (error: Error) => settings.onConnectionLost?.(error));
      },
    },
  });
}
