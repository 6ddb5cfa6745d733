import { Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from './request-context';
import { applyScope, scopeOf, TenantScope } from './tenant-scope';

/**
 * Where reports read from: a read replica of the database (INSIGHTS_DATABASE_URL), or none
 * (the primary). Provided by the process that has one (the API); absent elsewhere.
 */
export abstract class ReportingDataSource {
  abstract readonly dataSource: DataSource | null;
}

/**
 * Like TenantScope, for reads that may lag the primary by a moment (the insights'
 * figures and lists): a read-only transaction on the replica when one is configured, with the
 * acting user's row-level-security scope set first, exactly as on the primary. Without a
 * replica, the caller's TenantScope (and its open transaction, if any).
 */
@Injectable()
export class ReportingScope {
  constructor(
    private readonly primary: TenantScope,
    private readonly context: RequestContext,
    @Optional() private readonly reporting?: ReportingDataSource,
  ) {}

  /** Whether reads go to a replica. */
  get replicated(): boolean {
    return Boolean(this.reporting?.dataSource);
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const replica = this.reporting?.dataSource;
    if (!replica) return this.primary.run(work);
    const scope = scopeOf(this.context.actor);
    return replica.transaction(async (manager) => {
      // Nothing a report does writes; on a hot standby nothing could.
      await manager.query('SET TRANSACTION READ ONLY');
      await applyScope(manager, scope);
      return work(manager);
    });
  }
}
