import { describeValue, type OutcomeRecord } from './rollout-audit';
import type { RolloutConflict } from './rollout-plan';

/** One tenant's row of a rollout's preview or audit spreadsheet. */
export interface RolloutSheetTenant {
  name: string;
  divisionCode: string;
  /** The step's status (audit); absent in a preview. */
  status?: string;
  reason?: string | null;
  outcomes: OutcomeRecord[];
  conflicts: RolloutConflict[];
}

const OUTCOME_WORDS: Record<OutcomeRecord['kind'], string> = {
  KEPT: '保留',
  ADOPTED: '新增',
  READ_ONLY: '只读（办理中）',
  DROPPED: '移出',
};

/**
 * A rollout's preview or audit as sheets of text: per tenant a summary, every changed setting
 * before and after, and every conflict with the policy applied (zh-CN and en-US).
 */
export function writeRolloutSheets(
  tenants: readonly RolloutSheetTenant[],
): Record<string, string[][]> {
  const audit = tenants.some((tenant) => tenant.status !== undefined);
  const count = (tenant: RolloutSheetTenant, kind: OutcomeRecord['kind']) =>
    String(tenant.outcomes.filter((outcome) => outcome.kind === kind).length);
  return {
    '概况 Summary': [
      [
        '单位 Tenant',
        '区划代码 Division',
        ...(audit ? ['状态 Status', '原因 Reason'] : []),
        '调整 Changed',
        '新增 Adopted',
        '只读 Read-only',
        '移出 Dropped',
        '冲突 Conflicts',
      ],
      ...tenants.map((tenant) => [
        tenant.name,
        tenant.divisionCode,
        ...(audit ? [tenant.status ?? '', tenant.reason ?? ''] : []),
        count(tenant, 'KEPT'),
        count(tenant, 'ADOPTED'),
        count(tenant, 'READ_ONLY'),
        count(tenant, 'DROPPED'),
        String(tenant.conflicts.length),
      ]),
    ],
    '变更 Changes': [
      [
        '单位 Tenant',
        '事项编码 Item',
        '结果 Outcome',
        '字段 Field',
        '调整前 Before',
        '调整后 After',
      ],
      ...tenants.flatMap((tenant) =>
        tenant.outcomes.flatMap((outcome) =>
          (outcome.changes.length ? outcome.changes : [null]).map((change) => [
            tenant.name,
            outcome.code,
            `${OUTCOME_WORDS[outcome.kind]} ${outcome.kind}`,
            change?.field ?? '',
            change?.before ?? '',
            change?.after ?? '',
          ]),
        ),
      ),
    ],
    '冲突 Conflicts': [
      [
        '单位 Tenant',
        '事项编码 Item',
        '冲突 Conflict',
        '字段 Field',
        '原值 Before',
        '新值 After',
        '处理 Policy',
        'Policy',
      ],
      ...tenants.flatMap((tenant) =>
        tenant.conflicts.map((conflict) => [
          tenant.name,
          conflict.itemCode,
          conflict.code,
          conflict.field ?? '',
          describeValue(conflict.before) ?? '',
          describeValue(conflict.after) ?? '',
          conflict.policy.zhCN,
          conflict.policy.enUS,
        ]),
      ),
    ],
  };
}
