import { Injectable } from '@nestjs/common';
import type { TenantKind } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { EFFECTIVE_STATUS } from '../tenant/tenant.repository';
import { ServiceWindowKind } from './service-window-kind';

export interface ServiceWindowRecord {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  kind: ServiceWindowKind;
  /** Staff assigned to the window. */
  staffIds: string[];
  tenantPath: string[];
  /** The hall's status, SUSPENDED also when a tenant above it is. */
  tenantStatus: string;
  /** The hall's name, kind, division code and parent, so a page of records kept at windows
   * needs no second read of their halls. */
  tenantName: string;
  tenantKind: TenantKind;
  tenantDivisionCode: string;
  tenantParentId: string | null;
  /** A disabled window takes nothing in and is kept for the applications it holds. */
  disabled: boolean;
  /** The address of the window's camera in the video system (视频监控), if any. */
  cameraUrl: string | null;
}

const WINDOW_QUERY = `
  SELECT w.id, w.tenant_id AS "tenantId", w.code, w.name, w.kind,
         w.disabled_at IS NOT NULL AS disabled, w.camera_url AS "cameraUrl",
         coalesce((SELECT array_agg(a.user_id ORDER BY a.user_id) FROM window_assignments a
                    WHERE a.tenant_id = w.tenant_id AND a.window_id = w.id), '{}') AS "staffIds",
         t.path AS "tenantPath", ${EFFECTIVE_STATUS} AS "tenantStatus",
         t.name AS "tenantName", t.kind AS "tenantKind", t.division_code AS "tenantDivisionCode",
         t.parent_id AS "tenantParentId"
    FROM service_windows w JOIN tenants t ON t.id = w.tenant_id`;

/** Windows of the halls and the staff assigned to them (tenant-owned, under row-level security). */
@Injectable()
export class ServiceWindowRepository {
  listOf(manager: EntityManager, tenantIds: readonly string[]): Promise<ServiceWindowRecord[]> {
    return manager.query(`${WINDOW_QUERY} WHERE w.tenant_id = ANY($1::uuid[]) ORDER BY w.code`, [
      tenantIds,
    ]);
  }

  findEach(manager: EntityManager, windowIds: readonly string[]): Promise<ServiceWindowRecord[]> {
    return manager.query(`${WINDOW_QUERY} WHERE w.id = ANY($1::uuid[])`, [windowIds]);
  }

  async find(manager: EntityManager, windowId: string): Promise<ServiceWindowRecord | undefined> {
    const [window] = await manager.query(`${WINDOW_QUERY} WHERE w.id = $1`, [windowId]);
    return window;
  }

  /** A new window; null when the hall already has one with this code. */
  async insert(
    manager: EntityManager,
    window: { tenantId: string; code: string; name: string; kind: ServiceWindowKind },
  ): Promise<string | null> {
    const [created] = await manager.query(
      `INSERT INTO service_windows (tenant_id, code, name, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
      [window.tenantId, window.code, window.name, window.kind],
    );
    return created?.id ?? null;
  }

  async rename(manager: EntityManager, window: ServiceWindowRecord, name: string): Promise<void> {
    await manager.query(`UPDATE service_windows SET name = $3 WHERE tenant_id = $1 AND id = $2`, [
      window.tenantId,
      window.id,
      name,
    ]);
  }

  async setCamera(
    manager: EntityManager,
    window: ServiceWindowRecord,
    link: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE service_windows SET camera_url = $3 WHERE tenant_id = $1 AND id = $2`,
      [window.tenantId, window.id, link],
    );
  }

  async setDisabled(
    manager: EntityManager,
    window: ServiceWindowRecord,
    disabled: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE service_windows SET disabled_at = CASE WHEN $3 THEN now() END
        WHERE tenant_id = $1 AND id = $2`,
      [window.tenantId, window.id, disabled],
    );
  }

  /**
   * Deletes a window nobody's application references; false when one does (the foreign key
   * refuses, and the caller's transaction is then to be abandoned).
   */
  async delete(manager: EntityManager, window: ServiceWindowRecord): Promise<boolean> {
    try {
      await manager.query(`DELETE FROM service_windows WHERE tenant_id = $1 AND id = $2`, [
        window.tenantId,
        window.id,
      ]);
      return true;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23503')
        return false;
      throw error;
    }
  }

  /**
   * Windows by id and the display names of these people, in one statement (a page of records
   * kept at windows names both; each read is a round trip the work queue pays per request).
   */
  async findEachWithNames(
    manager: EntityManager,
    windowIds: readonly string[],
    userIds: readonly string[],
  ): Promise<{ windows: ServiceWindowRecord[]; names: Record<string, string> }> {
    const [row] = await manager.query(
      `SELECT (SELECT coalesce(json_agg(w), '[]') FROM (${WINDOW_QUERY} WHERE w.id = ANY($1::uuid[])) w)
                AS windows,
              (SELECT coalesce(json_object_agg(u.id, u.display_name), '{}')
                 FROM users u WHERE u.id = ANY($2::uuid[])) AS names`,
      [windowIds, userIds],
    );
    return row;
  }

  /**
   * SQL for other domains' lists: true when the window in `windowIdColumn` is one the person
   * at `placeholder` (a parameter holding a user id) works. Saves reading the ids first.
   */
  workedByCondition(windowIdColumn: string, placeholder: string): string {
    return `${windowIdColumn} IN (SELECT wa.window_id FROM window_assignments wa
                                   WHERE wa.user_id = ${placeholder}::uuid)`;
  }

  /** SQL: true when the person at `placeholder` works no window at all. */
  worksNoWindowCondition(placeholder: string): string {
    return `NOT EXISTS (SELECT 1 FROM window_assignments wa WHERE wa.user_id = ${placeholder}::uuid)`;
  }

  /** Ids of the windows a person is assigned to. */
  async assignedTo(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: { window_id: string }[] = await manager.query(
      `SELECT window_id FROM window_assignments WHERE user_id = $1`,
      [userId],
    );
    return rows.map((row) => row.window_id);
  }

  async isMember(manager: EntityManager, tenantId: string, userId: string): Promise<boolean> {
    const [member] = await manager.query(
      `SELECT 1 FROM memberships WHERE tenant_id = $1 AND user_id = $2`,
      [tenantId, userId],
    );
    return Boolean(member);
  }

  async assign(manager: EntityManager, window: ServiceWindowRecord, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO window_assignments (tenant_id, window_id, user_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [window.tenantId, window.id, userId],
    );
  }

  async unassign(
    manager: EntityManager,
    window: ServiceWindowRecord,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM window_assignments WHERE tenant_id = $1 AND window_id = $2 AND user_id = $3`,
      [window.tenantId, window.id, userId],
    );
  }
}
