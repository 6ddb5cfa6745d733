import { Injectable } from '@nestjs/common';
import {
  abilityFor,
  AuditEventRow,
  AuditRepository,
  BadUserInputError,
  ForbiddenError,
  isUuid,
  Page,
  pageOf,
  RequestContext,
  subject,
  TenantScope,
} from '@tongban/core';
import { UserRepository } from '../identity/user.repository';
import { TenantDirectory } from '../tenant/tenant-directory.service';

export interface AuditEventView extends AuditEventRow {
  actorName: string | null;
}

/**
 * A tenant's audit trail for those whose role reads it (administrators, managers,
 * supervisors, city officials): onboarding, invitations, setups, roles, suspensions.
 */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly directory: TenantDirectory,
    private readonly audit: AuditRepository,
    private readonly users: UserRepository,
  ) {}

  list(tenantId: string, first: number, after: string | null): Promise<Page<AuditEventView>> {
    const before = after === null ? null : decodeCursor(after);
    return this.scope.run(async (manager) => {
      const tenant = await this.directory.require(manager, tenantId);
      const record = subject('AuditEvent', { tenantId: tenant.id, tenantPath: tenant.path });
      if (!abilityFor(this.context.actor).can('read', record)) {
        throw new ForbiddenError('You may not read the audit trail of this tenant');
      }
      const rows = await this.audit.list(manager, { tenantId, before, limit: first + 1 });
      const page = pageOf(rows, first, (last) => encodeCursor(last));
      const names = await this.users.displayNames(
        manager,
        page.nodes.flatMap((row) => (row.actorId ? [row.actorId] : [])),
      );
      return {
        ...page,
        nodes: page.nodes.map((row) => ({
          ...row,
          actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
        })),
      };
    });
  }
}

function encodeCursor(row: AuditEventRow): string {
  return Buffer.from(`${row.cursorMicros}:${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { micros: string; id: string } {
  const [micros, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (rest.length || !/^\d{1,17}$/.test(micros ?? '') || !isUuid(id)) {
    throw new BadUserInputError('This page cursor is not one the server gave out');
  }
  return { micros, id };
}
