import { Injectable } from '@nestjs/common';
import { OpenApplications } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { ApplicationStatus } from '../lifecycle/application-status';

/** Where an application's work is over: nothing more happens to it. */
export const CLOSED_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.REJECTED,
  ApplicationStatus.DENIED,
  ApplicationStatus.COMPLETED,
  ApplicationStatus.WITHDRAWN,
];

/** The workflow's side of core's OpenApplications port. */
@Injectable()
export class OpenApplicationCodes implements OpenApplications {
  async openItemCodes(manager: EntityManager, tenantId: string): Promise<Set<string>> {
    const rows: { code: string }[] = await manager.query(
      `SELECT DISTINCT item_code AS code FROM applications
        WHERE tenant_id = $1 AND NOT (status = ANY($2::text[]))`,
      [tenantId, CLOSED_STATUSES],
    );
    return new Set(rows.map((row) => row.code));
  }
}
