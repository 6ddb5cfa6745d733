/**
 * Running what a person asked for (one or more mutations) and saying how it went: a dialog
 * keeps the failure to show it, a one-click action says it in a message. Either way the
 * caller then reads again what changed (`onChanged`).
 */
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionErrorText } from '../i18n/describe';

/** For a dialog's OK: `run` resolves to whether it went through; `error` is why not. */
export function useDialogAction() {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (task: () => Promise<unknown>): Promise<boolean> => {
    setRunning(true);
    setError(null);
    try {
      await task();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setRunning(false);
    }
  };
  return { run, running, error };
}

/**
 * For a one-click action: success or refusal in a message, then `onChanged` in any case.
 * `explain` may put a refusal in the action's own words (null: the general text); such a
 * refusal is shown in a dialog, to be read and acknowledged.
 */
export function useQuickAction(onChanged: () => void, explain?: (error: unknown) => string | null) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return async (task: () => Promise<unknown>, success: string): Promise<void> => {
    try {
      await task();
      void message.success(success);
    } catch (caught) {
      const explained = explain?.(caught) ?? null;
      if (explained) modal.warning({ title: t('common.refused'), content: explained });
      else void message.error(actionErrorText(t, caught), 6);
    } finally {
      onChanged();
    }
  };
}
