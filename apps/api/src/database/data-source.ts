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
    },
  });
}
