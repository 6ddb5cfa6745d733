import { Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before a one-click action (disable an account, reactivate a tenant…). */
export function Confirm({
  title,
  description,
  onConfirm,
  children,
}: {
  title: string;
  description?: string;
  onConfirm: () => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={title}
      description={description && <div style={{ maxWidth: 280 }}>{description}</div>}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onConfirm={onConfirm}
    >
      {children}
    </Popconfirm>
  );
}
