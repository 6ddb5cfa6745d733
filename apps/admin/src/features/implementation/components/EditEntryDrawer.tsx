import { useMutation } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Switch,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '../../../shared/api/errors';
import {
  ImplementationItemsDocument,
  UpdateImplementationItemDocument,
} from '../../../shared/api/graphql.generated';
import { actionErrorText } from '../../../shared/i18n/describe';
import type { ImplementationEntry } from '../hooks/useImplementation';
import { useLimitText } from '../hooks/useLimitText';
import {
  type EntryValues,
  entryValues,
  fieldRefusals,
  promisedLimitProblem,
  updateInput,
} from '../rules/localization';
import { MaterialsField } from './MaterialsField';

const TEXTS = [
  { name: 'phone', max: 50 },
  { name: 'address', max: 200 },
  { name: 'officeHours', max: 200 },
  { name: 'feeNote', max: 500 },
] as const;

/**
 * Editing one entry: the promised limit (checked here first, then by the server), where and
 * when, fees, notes, and relaxing or dropping materials. A refusal shows at its field.
 */
export function EditEntryDrawer({
  entry,
  onClose,
}: {
  entry: ImplementationEntry;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const limitText = useLimitText();
  const [form] = Form.useForm<EntryValues>();
  const [error, setError] = useState<unknown>(null);
  // Entries have no id of their own (not normalized in the cache): the list is read again.
  const [update, { loading }] = useMutation(UpdateImplementationItemDocument, {
    refetchQueries: [ImplementationItemsDocument],
    awaitRefetchQueries: true,
  });
  const onTheSpot = Form.useWatch('onTheSpot', form) ?? entry.promisedLimit.onTheSpot;
  const statutory = limitText(entry.standard.statutoryLimit);
  const refusal = (code: string) =>
    t(`implementation.refusal.${code}`, { statutory, defaultValue: code });

  const save = async (values: EntryValues) => {
    setError(null);
    try {
      await update({ variables: { input: updateInput(entry, values) } });
      void message.success(t('implementation.saved'));
      onClose();
    } catch (caught) {
      setError(caught);
      form.setFields(
        fieldRefusals(caught).map(({ field, code }) => ({ name: field, errors: [refusal(code)] })),
      );
    }
  };

  return (
    <Drawer
      open
      width={640}
      title={t('implementation.editTitle', { name: entry.standard.name })}
      onClose={onClose}
      extra={
        <Button
          type="primary"
          loading={loading}
          onClick={() => form.submit()}
          data-testid="entry-save"
        >
          {t('common.save')}
        </Button>
      }
      data-testid="entry-drawer"
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('implementation.saveFailed')}
          description={
            hasErrorCode(error, 'CONFLICT') ? t('implementation.stale') : actionErrorText(t, error)
          }
          data-testid="entry-error"
        />
      )}
      <Form<EntryValues>
        form={form}
        layout="vertical"
        initialValues={entryValues(entry)}
        onFinish={save}
      >
        <Row gutter={16} align="bottom">
          <Col xs={24} sm={8}>
            <Form.Item
              label={t('implementation.promisedLimit')}
              name="onTheSpot"
              valuePropName="checked"
            >
              <Switch
                checkedChildren={t('implementation.onTheSpot')}
                unCheckedChildren={t('implementation.days')}
                data-testid="entry-on-the-spot"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item
              name="workingDays"
              extra={t('implementation.statutory', { limit: statutory })}
              dependencies={['onTheSpot']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, workingDays: number | null) => {
                    const problem = promisedLimitProblem(entry.standard.statutoryLimit, {
                      onTheSpot: Boolean(getFieldValue('onTheSpot')),
                      workingDays,
                    });
                    if (problem) throw new Error(refusal(problem));
                  },
                }),
              ]}
            >
              <InputNumber
                min={1}
                precision={0}
                disabled={onTheSpot}
                addonAfter={t('implementation.days')}
                style={{ width: '100%' }}
                data-testid="entry-days"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {TEXTS.map(({ name, max }) => (
            <Col xs={24} sm={12} key={name}>
              <Form.Item label={t(`implementation.${name}`)} name={name}>
                <Input maxLength={max} data-testid={`entry-${name}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item label={t('implementation.notes')} name="notes">
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%' }}>
          <MaterialsField standard={entry.standard.materials} />
        </Space>
      </Form>
    </Drawer>
  );
}
