import { Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationAction, PauseKind } from '../../../shared/api/graphql.generated';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import type { ApplicationDetail } from '../hooks/useApplicationDetail';
import {
  type ActForm,
  actFormProblems,
  needsOf,
  SUSPEND_PROCEDURES,
} from '../rules/lifecycle-rules';

/** Asks what an act needs (a reason, the missing materials, the procedure), then sends it. */
export function ActDialog({
  application,
  action,
  running,
  error,
  onSend,
  onClose,
}: {
  application: ApplicationDetail;
  action: ApplicationAction;
  running: boolean;
  error: unknown;
  onSend: (form: ActForm) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const needs = needsOf(action);
  const [form, setForm] = useState<ActForm>({
    reason: '',
    missingMaterials: [],
    procedure: null,
    toTenantId: application.forwardTargets[0]?.tenantId ?? null,
  });
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const problems = tried ? actFormProblems(action, form) : [];
  const label = t(`lifecycle.action.${action}`);
  const materials = application.itemMaterials;

  const send = () => {
    setTried(true);
    if (actFormProblems(action, form).length === 0) onSend(form);
  };

  return (
    <ActionDialog
      title={needs.danger ? t('lifecycle.confirmTitle', { action: label }) : label}
      okText={label}
      okButtonProps={{ danger: needs.danger, 'data-testid': 'act-confirm' }}
      running={running}
      error={error}
      onOk={send}
      onClose={onClose}
    >
      <Form layout="vertical" requiredMark>
        {needs.materials && (
          <Form.Item
            label={t('lifecycle.missingMaterials')}
            required
            extra={t('lifecycle.missingMaterialsHint')}
            validateStatus={problems.includes('missingMaterials') ? 'error' : undefined}
            help={
              problems.includes('missingMaterials')
                ? t('lifecycle.missingMaterialsRequired')
                : undefined
            }
          >
            {materials ? (
              <Checkbox.Group
                value={form.missingMaterials}
                onChange={(values) =>
                  setForm((f) => ({ ...f, missingMaterials: values as string[] }))
                }
                data-testid="act-materials"
              >
                <Space direction="vertical">
                  {materials.map((material) => (
                    <Checkbox key={material.name} value={material.name}>
                      {material.name}
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        {t(`guide.form.${material.form}`)} ·{' '}
                        {t('guide.copies', { count: material.copies })}
                      </Typography.Text>
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">{t('lifecycle.noItemMaterials')}</Typography.Text>
                <Select
                  mode="tags"
                  value={form.missingMaterials}
                  onChange={(values: string[]) =>
                    setForm((f) => ({ ...f, missingMaterials: values }))
                  }
                  searchValue={typed}
                  onSearch={setTyped}
                  open={false}
                  style={{ width: '100%' }}
                  data-testid="act-materials-typed"
                />
              </Space>
            )}
          </Form.Item>
        )}
        {needs.procedure && (
          <Form.Item
            label={t('lifecycle.procedure')}
            required
            validateStatus={problems.includes('procedure') ? 'error' : undefined}
            help={problems.includes('procedure') ? t('lifecycle.procedureRequired') : undefined}
          >
            <Radio.Group
              value={form.procedure}
              onChange={(event) =>
                setForm((f) => ({ ...f, procedure: event.target.value as PauseKind }))
              }
              data-testid="act-procedure"
            >
              {SUSPEND_PROCEDURES.map((kind) => (
                <Radio key={kind} value={kind}>
                  {t(`lifecycle.pauseKind.${kind}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        {needs.target && (
          <Form.Item label={t('lifecycle.forwardTarget')} extra={t('lifecycle.forwardTargetHint')}>
            <Radio.Group
              value={form.toTenantId}
              onChange={(event) =>
                setForm((f) => ({ ...f, toTenantId: event.target.value as string }))
              }
              data-testid="act-target"
            >
              <Space direction="vertical">
                {application.forwardTargets.map((target) => (
                  <Radio key={target.tenantId} value={target.tenantId}>
                    {target.tenantName}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {needs.reason !== 'none' && (
          <Form.Item
            label={
              needs.reason === 'required'
                ? t('lifecycle.reason')
                : action === 'HAND_BACK'
                  ? t('lifecycle.handBackNote')
                  : t('lifecycle.note')
            }
            required={needs.reason === 'required'}
            validateStatus={problems.includes('reason') ? 'error' : undefined}
            help={problems.includes('reason') ? t('lifecycle.reasonRequired') : undefined}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              value={form.reason}
              onChange={(event) => setForm((f) => ({ ...f, reason: event.target.value }))}
              data-testid="act-reason"
            />
          </Form.Item>
        )}
      </Form>
    </ActionDialog>
  );
}
