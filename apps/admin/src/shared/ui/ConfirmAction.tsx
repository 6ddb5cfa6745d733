import { Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { useQuickAction } from './actions';
import { Confirm } from './Confirm';

/**
 * A row's one-click action (disable, unlock, delete…) as a link button: asks first, runs,
 * says how it went, then `onChanged`.
 */
export function ConfirmAction({
  label,
  confirm,
  success,
  run,
  onChanged,
  explain,
  icon,
  danger,
  iconOnly,
  testId,
}: {
  label: string;
  /** The question asked before running. */
  confirm: string;
  success: string;
  run: () => Promise<unknown>;
  onChanged: () => void;
  explain?: (error: unknown) => string | null;
  icon?: ReactNode;
  danger?: boolean;
  /** Just the icon (the label as its tooltip): several actions in a narrow column. */
  iconOnly?: boolean;
  testId: string;
}) {
  const [running, setRunning] = useState(false);
  const quick = useQuickAction(onChanged, explain);
  const onConfirm = async () => {
    setRunning(true);
    try {
      await quick(run, success);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Confirm title={confirm} onConfirm={onConfirm}>
      <Button
        size="small"
        type="link"
        danger={danger}
        icon={icon}
        loading={running}
        aria-label={label}
        title={iconOnly ? label : undefined}
        data-testid={testId}
      >
        {iconOnly ? null : label}
      </Button>
    </Confirm>
  );
}
