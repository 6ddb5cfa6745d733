import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type Period, periodInstants } from '../figures/period';
import type { AssessedUnit, AssessmentWeights } from './assessment';

/** The assessment's weights (assessment_weights) and a center's month by window or person. */
@Injectable()
export class AssessmentRepository {
  /** The weights set along a path (root first), by tenant: the nearest applies. */
  async weightsAlong(
    manager: EntityManager,
    path: readonly string[],
  ): Promise<Map<string, AssessmentWeights>> {
    const rows: ({ tenantId: string } & AssessmentWeights)[] = await manager.query(
      `SELECT tenant_id AS "tenantId", volume, on_time AS "onTime", satisfaction,
              bad_reviews AS "badReviews", warnings, attendance
         FROM assessment_weights WHERE tenant_id = ANY($1::uuid[])`,
      [path],
    );
    return new Map(rows.map(({ tenantId, ...weights }) => [tenantId, weights]));
  }

  async setWeights(
    manager: EntityManager,
    tenantId: string,
    weights: AssessmentWeights,
    by: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO assessment_weights (tenant_id, volume, on_time, satisfaction, bad_reviews,
         warnings, attendance, set_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id) DO UPDATE SET volume = EXCLUDED.volume,
         on_time = EXCLUDED.on_time, satisfaction = EXCLUDED.satisfaction,
         bad_reviews = EXCLUDED.bad_reviews, warnings = EXCLUDED.warnings,
         attendance = EXCLUDED.attendance, set_by = EXCLUDED.set_by, set_at = now()`,
      [
        tenantId,
        weights.volume,
        weights.onTime,
        weights.satisfaction,
        weights.badReviews,
        weights.warnings,
        weights.attendance,
        by,
      ],
    );
  }

  /**
   * What each window of a center (or each person, by who completed the cases) did in a period,
   * from the facts: completions and on time, open and overdue, ratings, bad reviews, cards.
   */
  async month(
    manager: EntityManager,
    tenantId: string,
    by: 'WINDOW' | 'STAFF',
    period: Period,
    now: Date,
  ): Promise<Omit<AssessedUnit, 'attendanceRate'>[]> {
    const unit = by === 'WINDOW' ? 'f.window_id' : 'f.completed_by';
    const inPeriod = (column: string) => `${column} BETWEEN $2::date AND $3::date`;
    return manager.query(
      `SELECT ${unit} AS id,
              count(*) FILTER (WHERE ${inPeriod('f.completed_on')})::int AS completions,
              count(*) FILTER (WHERE ${inPeriod('f.completed_on')} AND f.on_time)::int
                AS "completedOnTime",
              count(*) FILTER (WHERE f.open AND f.promised_deadline >= $4
                                 AND f.promised_deadline < $5 AND f.promised_deadline < $6)::int
                AS "openOverdue",
              count(*) FILTER (WHERE ${inPeriod('f.rated_on')})::int AS evaluations,
              count(*) FILTER (WHERE ${inPeriod('f.rated_on')} AND f.rating >= 3)::int AS satisfied,
              count(*) FILTER (WHERE ${inPeriod('f.rated_on')} AND f.rating <= 2)::int
                AS "badReviews",
              count(*) FILTER (WHERE ${inPeriod('f.yellow_on')})::int AS "yellowCards",
              count(*) FILTER (WHERE ${inPeriod('f.red_on')})::int AS "redCards"
         FROM insight_facts f
        WHERE f.tenant_id = $1 AND ${unit} IS NOT NULL
        GROUP BY ${unit}
       HAVING count(*) FILTER (WHERE ${inPeriod('f.completed_on')} OR ${inPeriod('f.rated_on')}
                                  OR ${inPeriod('f.yellow_on')} OR ${inPeriod('f.red_on')}
                                  OR (f.open AND f.promised_deadline >= $4
                                      AND f.promised_deadline < $5 AND f.promised_deadline < $6)) > 0`,
      [
        tenantId,
        period.from,
        period.to,
        periodInstants(period).start,
        periodInstants(period).end,
        now,
      ],
    );
  }
}
