import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ConsultationChannel } from './consultation-entry';

/** A consultation as stored, before ports add names. */
export interface ConsultationRow {
  id: string;
  tenantId: string;
  windowId: string;
  itemCode: string | null;
  itemName: string | null;
  channel: ConsultationChannel;
  note: string | null;
  loggedBy: string;
  loggedAt: Date;
  /** logged_at in microseconds since the epoch, exact, for the page cursor. */
  cursorMicros: string;
}

/** Where a page of the newest-first list starts: after this (log time, id). */
export interface ConsultationCursor {
  micros: string;
  id: string;
}

/** Conditions over the alias `c`, parameters numbered from 1 (filters and role rules). */
export interface ConsultationConditions {
  conditions: string[];
  params: unknown[];
}

const SELECT_CONSULTATIONS = `
  SELECT c.id, c.tenant_id AS "tenantId", c.window_id AS "windowId",
         c.item_code AS "itemCode", c.item_name AS "itemName", c.channel, c.note,
         c.logged_by AS "loggedBy", c.logged_at AS "loggedAt",
         (extract(epoch FROM c.logged_at) * 1000000)::bigint::text AS "cursorMicros"
    FROM consultations c`;

/** Consultations (tenant-owned, under row-level security; append-only for the application). */
@Injectable()
export class ConsultationRepository {
  async find(manager: EntityManager, id: string): Promise<ConsultationRow | undefined> {
    const [row] = await manager.query(`${SELECT_CONSULTATIONS} WHERE c.id = $1`, [id]);
    return row;
  }

  /** Logs one in the caller's transaction; `at` is now unless given (the demo seed's past). */
  async insert(
    manager: EntityManager,
    consultation: {
      tenantId: string;
      windowId: string;
      item: { code: string; name: string } | null;
      channel: ConsultationChannel;
      note: string | null;
      loggedBy: string;
      at?: Date | null;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO consultations
         (tenant_id, window_id, item_code, item_name, channel, note, logged_by, logged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()))
       RETURNING id`,
      [
        consultation.tenantId,
        consultation.windowId,
        consultation.item?.code ?? null,
        consultation.item?.name ?? null,
        consultation.channel,
        consultation.note,
        consultation.loggedBy,
        consultation.at ?? null,
      ],
    );
    return row.id;
  }

  /** Newest first, `limit` rows at most, after the cursor if given. */
  list(
    manager: EntityManager,
    query: ConsultationConditions & { after: ConsultationCursor | null; limit: number },
  ): Promise<ConsultationRow[]> {
    const params = [...query.params];
    const where = [...query.conditions];
    if (query.after) {
      params.push(query.after.micros, query.after.id);
      where.push(
        `(c.logged_at, c.id) < ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
      );
    }
    params.push(query.limit);
    return manager.query(
      `${SELECT_CONSULTATIONS} WHERE ${where.join(' AND ') || 'TRUE'}
        ORDER BY c.logged_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** How many by channel (the channels that have any), and of those how many general. */
  async countByChannel(
    manager: EntityManager,
    query: ConsultationConditions,
  ): Promise<{ channel: ConsultationChannel; count: number; general: number }[]> {
    return manager.query(
      `SELECT c.channel, count(*)::int AS count,
              count(*) FILTER (WHERE c.item_code IS NULL)::int AS general
         FROM consultations c
        WHERE ${query.conditions.join(' AND ') || 'TRUE'}
        GROUP BY c.channel`,
      query.params,
    );
  }

  /**
   * The items asked about most, `limit` of them (ties by code), each with the name it was
   * last logged under; general questions (no item) are not an item.
   */
  async topItems(
    manager: EntityManager,
    query: ConsultationConditions & { limit: number },
  ): Promise<{ itemCode: string; itemName: string; count: number }[]> {
    const params = [...query.params, query.limit];
    return manager.query(
      `SELECT c.item_code AS "itemCode",
              (array_agg(c.item_name ORDER BY c.logged_at DESC))[1] AS "itemName",
              count(*)::int AS count
         FROM consultations c
        WHERE ${[...query.conditions, 'c.item_code IS NOT NULL'].join(' AND ')}
        GROUP BY c.item_code
        ORDER BY count DESC, c.item_code
        LIMIT $${params.length}`,
      params,
    );
  }
}
