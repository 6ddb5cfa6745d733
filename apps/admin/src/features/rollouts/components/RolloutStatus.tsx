import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  knownKey,
  type Progress as Counts,
  progressPercents,
  STEP_STATUSES,
} from '../rules/rollout-rules';

const ROLLOUT_STATUSES = ['RUNNING', 'PAUSED', 'FINISHED', 'CANCELLED'] as const;
const ROLLOUT_COLORS: Record<string, string> = {
  RUNNING: 'processing',
  PAUSED: 'warning',
  FINISHED: 'success',
  CANCELLED: 'default',
};
const STEP_COLORS: Record<string, string> = {
  PENDING: 'processing',
  DONE: 'success',
  FAILED: 'error',
  CANCELLED: 'default',
};

/** A rollout's status as a tag (`data-status` the raw value). */
export function RolloutStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = knownKey('rollouts.status', ROLLOUT_STATUSES, status);
  return (
    <Tag color={ROLLOUT_COLORS[status] ?? 'default'} data-status={status}>
      {key ? t(key) : status}
    </Tag>
  );
}

/** A step's status as a tag. */
export function StepStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = knownKey('rollouts.stepStatus', STEP_STATUSES, status);
  return (
    <Tag color={STEP_COLORS[status] ?? 'default'} data-status={status}>
      {key ? t(key) : status}
    </Tag>
  );
}

/** Steps settled out of all: done in green, failed in red after them. */
export function RolloutProgressBar({
  progress,
  running,
  size,
}: {
  progress: Counts;
  running: boolean;
  size?: 'small' | 'default';
}) {
  const { t } = useTranslation();
  const percents = progressPercents(progress);
  const done = percents.settled - percents.failed;
  return (
    <Progress
      size={size}
      percent={percents.settled}
      success={{ percent: done }}
      strokeColor={progress.failed > 0 ? '#ff4d4f' : undefined}
      status={running ? 'active' : progress.failed > 0 ? 'exception' : 'normal'}
      format={() =>
        t('rollouts.progressText', {
          settled: progress.done + progress.failed,
          total: progress.total,
        })
      }
    />
  );
}
