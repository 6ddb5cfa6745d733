import { Injectable } from '@nestjs/common';
import type { ApplicationFact } from '@tongban/core';
import { EntityManager } from 'typeorm';
import { COUNTERS, type Counter, type Counters } from '../figures/counters';

/** counters' names as columns ('completedOnTime' → completed_on_time). */
export const counterColumn = (counter: Counter): string =>
  counter.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The fact columns, read back as the port's shape (dates as their text: no time zone). */
const FACT_COLUMNS = `
  f.tenant_id AS "tenantId", f.application_id AS "applicationId",
  f.receipt_number AS "receiptNumber", f.item_code AS "itemCode", f.item_name AS "itemName",
  f.window_id AS "windowId", f.completed_by AS "completedBy",
  f.status, f.open, f.forwarded_in AS "forwardedIn", f.submitted_on::text AS "submittedOn", f.accepted_on::text AS "acceptedOn",
  f.rejected_on::text AS "rejectedOn", f.completed_on::text AS "completedOn",
  f.acceptance_days::float8 AS "acceptanceDays", f.handling_days::float8 AS "handlingDays",
  f.statutory_days AS "statutoryDays", f.promised_days AS "promisedDays",
  f.promised_deadline AS "promisedDeadline", f.on_time AS "onTime", f.rating,
  f.rated_on::text AS "ratedOn", f.default_rating AS "defaultRating",
  f.default_rated_on::text AS "defaultRatedOn", f.yellow_on::text AS "yellowOn",
  f.red_on::text AS "redOn"`;

/** insight_facts and insight_counts (tenant-owned, under row-level security). */
@Injectable()
export class InsightFactsRepository {
  /** The application's facts as last recorded, locked until the transaction ends. */
  async lockFact(
    manager: EntityManager,
    tenantId: string,
    applicationId: string,
  ): Promise<ApplicationFact | null> {
    const [row] = await manager.query(
      `SELECT ${FACT_COLUMNS} FROM insight_facts f
        WHERE f.tenant_id = $1 AND f.application_id = $2 FOR UPDATE`,
      [tenantId, applicationId],
    );
    return row ?? null;
  }

  /** Which of these applications of the tenant have no facts row. */
  async unrecorded(
    manager: EntityManager,
    tenantId: string,
    applicationIds: readonly string[],
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM unnest($2::uuid[]) AS id
        WHERE NOT EXISTS (SELECT 1 FROM insight_facts f
                           WHERE f.tenant_id = $1 AND f.application_id = id)
        ORDER BY id`,
      [tenantId, applicationIds],
    );
    return rows.map((row) => row.id);
  }

  async writeFact(manager: EntityManager, fact: ApplicationFact): Promise<void> {
    await manager.query(
      `INSERT INTO insight_facts (tenant_id, application_id, receipt_number, item_code,
         item_name, window_id, completed_by, status, open, forwarded_in, submitted_on, accepted_on, rejected_on, completed_on,
         acceptance_days, handling_days, statutory_days, promised_days, promised_deadline,
         on_time, rating, rated_on, default_rating, default_rated_on, yellow_on, red_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
               $19, $20, $21, $22, $23, $24, $25, $26)
       ON CONFLICT (tenant_id, application_id) DO UPDATE SET
         receipt_number = EXCLUDED.receipt_number, item_code = EXCLUDED.item_code,
         item_name = EXCLUDED.item_name, window_id = EXCLUDED.window_id,
         completed_by = EXCLUDED.completed_by, status = EXCLUDED.status, open = EXCLUDED.open,
         forwarded_in = EXCLUDED.forwarded_in,
         submitted_on = EXCLUDED.submitted_on, accepted_on = EXCLUDED.accepted_on,
         rejected_on = EXCLUDED.rejected_on, completed_on = EXCLUDED.completed_on,
         acceptance_days = EXCLUDED.acceptance_days, handling_days = EXCLUDED.handling_days,
         statutory_days = EXCLUDED.statutory_days, promised_days = EXCLUDED.promised_days,
         promised_deadline = EXCLUDED.promised_deadline, on_time = EXCLUDED.on_time,
         rating = EXCLUDED.rating, rated_on = EXCLUDED.rated_on,
         default_rating = EXCLUDED.default_rating, default_rated_on = EXCLUDED.default_rated_on,
         yellow_on = EXCLUDED.yellow_on, red_on = EXCLUDED.red_on`,
      [
        fact.tenantId,
        fact.applicationId,
        fact.receiptNumber,
        fact.itemCode,
        fact.itemName,
        fact.windowId,
        fact.completedBy,
        fact.status,
        fact.open,
        fact.forwardedIn,
        fact.submittedOn,
        fact.acceptedOn,
        fact.rejectedOn,
        fact.completedOn,
        fact.acceptanceDays,
        fact.handlingDays,
        fact.statutoryDays,
        fact.promisedDays,
        fact.promisedDeadline,
        fact.onTime,
        fact.rating,
        fact.ratedOn,
        fact.defaultRating,
        fact.defaultRatedOn,
        fact.yellowOn,
        fact.redOn,
      ],
    );
  }

  /**
   * Adds `moves` to the counters of a tenant's day and item (a row made when there is none).
   * Callers move groups in day and item order, so two transactions lock rows in one order.
   */
  async moveCounters(
    manager: EntityManager,
    key: { tenantId: string; day: string; itemCode: string },
    moves: Partial<Counters>,
  ): Promise<void> {
    await this.move(
      manager,
      'insight_counts',
      ['day', 'item_code'],
      [key.day, key.itemCode],
      [key.tenantId, moves],
    );
  }

  /** The same for a tenant's month (its first day), all items together. */
  async moveMonthCounters(
    manager: EntityManager,
    key: { tenantId: string; month: string },
    moves: Partial<Counters>,
  ): Promise<void> {
    await this.move(manager, 'insight_month_counts', ['month'], [key.month], [key.tenantId, moves]);
  }

  private async move(
    manager: EntityManager,
    table: 'insight_counts' | 'insight_month_counts',
    keyColumns: string[],
    keyValues: string[],
    [tenantId, moves]: [string, Partial<Counters>],
  ): Promise<void> {
    const counters = (Object.keys(moves) as Counter[]).filter((c) => COUNTERS.includes(c));
    if (counters.length === 0) return;
    const columns = counters.map(counterColumn);
    const keys = ['tenant_id', ...keyColumns];
    const first = keys.length + 1;
    await manager.query(
      `INSERT INTO ${table} (${keys.join(', ')}, ${columns.join(', ')})
       VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')},
               ${columns.map((_, i) => `$${i + first}`).join(', ')})
       ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
         ${columns.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ')}`,
      [tenantId, ...keyValues, ...counters.map((c) => moves[c])],
    );
  }
}
