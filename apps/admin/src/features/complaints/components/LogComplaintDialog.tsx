import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ComplaintChannel,
  type ComplaintSubjectKind,
  ComplaintSubjectsDocument,
  LogComplaintDocument,
} from '../../../shared/api/graphql.generated';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import { CHANNELS, SUBJECT_KINDS } from '../rules/complaint-rules';
import { complaintErrorText } from './complaint-text';

interface Values {
  kind: ComplaintSubjectKind;
  subjectId: string;
  channel: ComplaintChannel;
  complainantName: string;
  complainantPhone?: string;
  content: string;
}

/** Logs a complaint at one's own center: about one window, staff member or application. */
export function LogComplaintDialog({
  user,
  onDone,
}: {
  user: CurrentUser;
  onDone: (logged: { id: string } | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'WINDOW';
  const subjects = useQuery(ComplaintSubjectsDocument, { variables: { id: user.tenant.id } });
  const [log] = useMutation(LogComplaintDocument);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const tenant = subjects.data?.tenant;
  const options =
    kind === 'WINDOW'
      ? (tenant?.serviceWindows ?? [])
          .filter((w) => !w.disabled)
          .map((w) => ({ value: w.id, label: `${w.name}（${w.code}）` }))
      : kind === 'STAFF'
        ? (tenant?.staffMembers ?? [])
            .filter((s) => s.status === 'ACTIVE')
            .map((s) => ({ value: s.userId, label: s.displayName }))
        : (subjects.data?.applications.nodes ?? []).map((a) => ({
            value: a.id,
            label: `${a.receiptNumber} ${a.itemName}`,
          }));

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setRunning(true);
    setError(null);
    try {
      const about =
        values.kind === 'WINDOW'
          ? { windowId: values.subjectId }
          : values.kind === 'STAFF'
            ? { staffId: values.subjectId, tenantId: user.tenant.id }
            : { applicationId: values.subjectId };
      const result = await log({
        variables: {
          input: {
            ...about,
            channel: values.channel,
            complainantName: values.complainantName,
            complainantPhone: values.complainantPhone?.trim() || null,
            content: values.content,
          },
        },
      });
      onDone(result.data?.logComplaint ?? null);
    } catch (caught) {
      setError(caught);
      setRunning(false);
    }
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Modal
      open
      title={t('complaints.log')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={running}
      okButtonProps={{ 'data-testid': 'complaint-log-submit' } as never}
      onOk={() => void submit()}
      onCancel={() => onDone(null)}
      width={640}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('complaints.logHint')} />
      {subjects.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={complaintErrorText(t, subjects.error)}
        />
      )}
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={complaintErrorText(t, error)}
          data-testid="complaint-log-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'WINDOW', channel: 'IN_PERSON' }}
        onValuesChange={(changed) => {
          if ('kind' in changed) form.setFieldValue('subjectId', undefined);
        }}
      >
        <Form.Item name="kind" label={t('complaints.subjectKind')}>
          <Radio.Group
            optionType="button"
            options={SUBJECT_KINDS.map((value) => ({
              value,
              label: t(`complaints.subjectKinds.${value}`),
            }))}
            data-testid="complaint-kind"
          />
        </Form.Item>
        <Form.Item
          name="subjectId"
          label={t(`complaints.subjectKinds.${kind}`)}
          rules={[{ required: true, message: t('complaints.subjectRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={subjects.loading}
            options={options}
            placeholder={t('complaints.subjectPlaceholder')}
            data-testid="complaint-subject"
          />
        </Form.Item>
        <Form.Item name="channel" label={t('complaints.channel')}>
          <Select
            options={CHANNELS.map((value) => ({
              value,
              label: t(`complaints.channels.${value}`),
            }))}
            data-testid="complaint-channel"
          />
        </Form.Item>
        <Form.Item
          name="complainantName"
          label={t('complaints.fields.complainantName')}
          rules={required(t('complaints.fields.complainantName'))}
        >
          <Input maxLength={100} data-testid="complaint-name" />
        </Form.Item>
        <Form.Item name="complainantPhone" label={t('complaints.fields.complainantPhone')}>
          <Input maxLength={20} data-testid="complaint-phone" />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('complaints.fields.content')}
          rules={required(t('complaints.fields.content'))}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="complaint-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
