import { Alert, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { TenantTreeSelect } from '../../tenants/components/TenantTreeSelect';
import { type MenuTemplate, useApplyMenuTemplate } from '../hooks/useImplementation';

/**
 * Applying a template to a township center or village station below: its menu becomes the
 * template's items; the counts of what changed stay shown until the dialog is closed.
 */
export function ApplyTemplateDialog({
  template,
  onClose,
}: {
  template: MenuTemplate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [tenantId, setTenantId] = useState<string | null>(null);
  const { apply, applying, error, change, reset } = useApplyMenuTemplate();
  return (
    <ActionDialog
      title={t('implementation.templates.applyTitle', { name: template.name })}
      okText={t('implementation.templates.apply')}
      running={applying}
      error={error ?? null}
      onOk={() => tenantId && void apply(tenantId, template.id).catch(() => undefined)}
      onClose={onClose}
      okButtonProps={{ disabled: !tenantId, 'data-testid': 'template-apply-ok' }}
      lead={
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={t('implementation.templates.applyHint')}
        />
      }
    >
      {change && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('implementation.templates.applied', {
            added: change.added,
            removed: change.removed,
            skipped: change.skipped.length,
          })}
          description={change.skipped.length > 0 ? change.skipped.join('、') : undefined}
          data-testid="template-applied"
        />
      )}
      <Form layout="vertical" component="div">
        <Form.Item label={t('implementation.templates.applyTenant')} required>
          <TenantTreeSelect
            value={tenantId}
            withCode
            placeholder={t('implementation.templates.applyTenantRequired')}
            onChange={(id) => {
              reset();
              setTenantId(id);
            }}
            testId="template-apply-tenant"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
