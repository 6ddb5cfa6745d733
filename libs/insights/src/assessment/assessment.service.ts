import { Injectable, Optional } from '@nestjs/common';
import {
  abilityFor,
  AttendanceRates,
  BadUserInputError,
  Clock,
  ForbiddenError,
  ReportingScope,
  RequestContext,
  subject,
  TenantKind,
  type TenantNode,
  TenantScope,
  TenantTree,
  WorkplaceNames,
} from '@tongban/core';
import { EntityManager } from 'typeorm';
import { InsightAccess } from '../comparison/insight-access';
import { monthOf } from '../figures/period';
import {
  assess,
  type AssessmentWeights,
  DEFAULT_WEIGHTS,
  FORMULA_EN,
  FORMULA_ZH,
  weightsProblem,
} from './assessment';
import { AssessmentRepository } from './assessment.repository';
import { CIRCULAR_HEADER, circularRow, circularText } from './circular';
import { sheetWorkbook } from '../export/insight-workbook';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The monthly assessment of a center's windows or staff (DESIGN.md §4.4) with the weights of its
 * county (the nearest tenant above, or itself, that set them; else the defaults), and the
 * county administrator's setting of them.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly context: RequestContext,
    private readonly scope: TenantScope,
    private readonly reporting: ReportingScope,
    private readonly tree: TenantTree,
    private readonly assessments: AssessmentRepository,
    private readonly names: WorkplaceNames,
    private readonly clock: Clock,
    private readonly access: InsightAccess,
    @Optional() private readonly attendance?: AttendanceRates,
  ) {}

  assessment(tenantId: string, month: string, by: 'WINDOW' | 'STAFF') {
    const match = MONTH.exec(month);
    if (!match) {
      throw new BadUserInputError('A month is YYYY-MM', {
        problems: [{ field: 'month', code: 'BAD_MONTH', problem: 'YYYY-MM' }],
      });
    }
    const period = monthOf(`${month}-01`);
    return this.reporting.run(async (manager) => {
      const tenant = await this.access.readable(manager, tenantId);
      const { weights, from } = await this.weightsOf(manager, tenant);
      const units = await this.assessments.month(manager, tenant.id, by, period, this.clock.now());
      const names =
        by === 'WINDOW'
          ? await this.names.windowNames(
              manager,
              units.map((u) => u.id),
            )
          : await this.names.staffNames(
              manager,
              units.map((u) => u.id),
            );
      // Attendance: a person's share of working days present; a window's, its staff's mean;
      // none where the center keeps no attendance (the component then counts as full).
      const rates = this.attendance
        ? await this.attendance.ratesOf(manager, tenant, month)
        : new Map();
      const staffOf =
        by === 'WINDOW'
          ? await this.names.windowStaff(
              manager,
              units.map((u) => u.id),
            )
          : new Map(units.map((u) => [u.id, [u.id]]));
      const rateOf = (id: string): number | null => {
        const known = (staffOf.get(id) ?? []).filter((userId) => rates.has(userId));
        if (known.length === 0) return null;
        return known.reduce((sum, userId) => sum + rates.get(userId)!, 0) / known.length;
      };
      const results = assess(
        units.map((unit) => ({ ...unit, attendanceRate: rateOf(unit.id) })),
        weights,
      );
      return {
        tenantId: tenant.id,
        tenantName: tenant.name,
        month,
        by,
        weights,
        weightsSetBy: from,
        formulaZh: FORMULA_ZH,
        formulaEn: FORMULA_EN,
        rows: results.map((r) => ({
          id: r.unit.id,
          name: names.get(r.unit.id) ?? '',
          completions: r.unit.completions,
          completedOnTime: r.unit.completedOnTime,
          openOverdue: r.unit.openOverdue,
          evaluations: r.unit.evaluations,
          satisfied: r.unit.satisfied,
          badReviews: r.unit.badReviews,
          yellowCards: r.unit.yellowCards,
          redCards: r.unit.redCards,
          components: r.components,
          score: r.score,
          rank: r.rank,
          candidate: r.candidate,
        })),
      };
    });
  }

  /** The month's circular (通报): its text, then the ranked table, as a base64 XLSX. */
  async exportCircular(tenantId: string, month: string, by: 'WINDOW' | 'STAFF'): Promise<string> {
    const assessment = await this.assessment(tenantId, month, by);
    const bytes = await sheetWorkbook(
      `${month}考核`,
      CIRCULAR_HEADER,
      assessment.rows.map(circularRow),
      circularText(assessment),
    );
    return bytes.toString('base64');
  }

  /** A county's (or the province's) weights; refused unless they are whole and sum to 100. */
  setWeights(tenantId: string, weights: AssessmentWeights) {
    const problem = weightsProblem(weights);
    if (problem) {
      const messages = {
        NOT_WHOLE: 'Weights are whole numbers',
        OUT_OF_RANGE: 'Each weight is 0–100',
        NOT_100: 'The weights must sum to 100',
      };
      throw new BadUserInputError(messages[problem], {
        problems: [{ field: 'weights', code: problem, problem: messages[problem] }],
      });
    }
    const actor = this.context.actor;
    return this.scope.run(async (manager) => {
      const tenant = await this.tree.require(manager, tenantId);
      const record = subject('SupervisionSettings', {
        tenantId: tenant.id,
        tenantPath: tenant.path,
      });
      if (!abilityFor(actor).can('update', record)) {
        throw new ForbiddenError('You may not set the assessment weights here');
      }
      if (tenant.kind !== TenantKind.COUNTY && tenant.kind !== TenantKind.PROVINCE) {
        throw new BadUserInputError('Assessment weights are set by a county (or the province)', {
          problems: [{ field: 'tenantId', code: 'NOT_A_COUNTY', problem: 'Not a county' }],
        });
      }
      await this.assessments.setWeights(manager, tenant.id, weights, actor.userId);
      return (await this.weightsOf(manager, tenant)).weights;
    });
  }

  private async weightsOf(
    manager: EntityManager,
    tenant: TenantNode,
  ): Promise<{ weights: AssessmentWeights; from: string | null }> {
    const set = await this.assessments.weightsAlong(manager, tenant.path);
    const nearest = [...tenant.path].reverse().find((id) => set.has(id));
    return nearest
      ? { weights: set.get(nearest)!, from: nearest }
      : { weights: DEFAULT_WEIGHTS, from: null };
  }
}
