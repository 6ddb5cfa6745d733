import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConsultationRowFragment as Consultation,
  ConsultationWindowsDocument,
  IntakeMenuDocument,
  LogConsultationDocument,
} from '../../../shared/api/graphql.generated';
import { actionErrorText, problemText } from '../../../shared/i18n/describe';
import { problemRule } from '../../../shared/ui/form-rules';
import {
  CONSULTATION_CHANNELS,
  consultationInput,
  type ConsultationValues,
  NOTE_MAX,
  noteProblems,
  serverConsultationProblems,
} from '../rules/consultation-rules';

const INITIAL: ConsultationValues = {
  windowId: undefined,
  itemCode: null,
  channel: 'IN_PERSON',
  note: '',
};

/**
 * 咨询登记, quick: the window (chosen in advance when there is one), the item found by name or
 * code (none for a general question), how it came, a note. After logging, the window and the
 * channel stay for the next person in the queue.
 */
export function LogConsultationCard({ onLogged }: { onLogged: (c: Consultation) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsultationValues>();
  const [error, setError] = useState<unknown>(null);
  const windowsQuery = useQuery(ConsultationWindowsDocument, { fetchPolicy: 'cache-and-network' });
  const windows = windowsQuery.data?.consultationWindows ?? null;
  const hallId = windows?.[0]?.tenantId ?? null;
  const [menuSearch, setMenuSearch] = useState('');
  const menuQuery = useQuery(IntakeMenuDocument, {
    variables: { input: { tenantId: hallId ?? '', first: 50, search: menuSearch.trim() || null } },
    skip: !hallId,
  });
  const menuItems = useMemo(
    () =>
      (menuQuery.data?.implementationItems.nodes ?? []).filter((item) => item.handling !== 'NONE'),
    [menuQuery.data],
  );
  const [log, { loading: logging }] = useMutation(LogConsultationDocument);

  // The only window is chosen in advance.
  useEffect(() => {
    if (windows?.length === 1 && !form.getFieldValue('windowId')) {
      form.setFieldValue('windowId', windows[0].id);
    }
  }, [windows, form]);

  const finish = async (values: ConsultationValues) => {
    setError(null);
    try {
      const result = await log({ variables: { input: consultationInput(values) } });
      const logged = result.data?.logConsultation;
      if (!logged) return;
      onLogged(logged);
      void message.success(
        t('consultations.logged', { item: logged.itemName ?? t('consultations.general') }),
      );
      form.setFieldsValue({ itemCode: null, note: '' });
      setMenuSearch('');
    } catch (caught) {
      setError(caught);
      form.setFields(
        serverConsultationProblems(caught).map(({ field, message: text, problem }) => ({
          name: field,
          errors: [problem ? problemText(t, problem) : text],
        })),
      );
    }
  };

  let body;
  if (windows === null) {
    body = windowsQuery.error ? (
      <Alert
        type="warning"
        showIcon
        message={t('consultations.windowsLoadError')}
        description={actionErrorText(t, windowsQuery.error)}
      />
    ) : (
      <Skeleton active paragraph={{ rows: 2 }} />
    );
  } else if (windows.length === 0) {
    body = (
      <Alert
        type="info"
        showIcon
        message={t('consultations.noWindow')}
        data-testid="consultation-no-window"
      />
    );
  } else {
    body = (
      <Form<ConsultationValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onFinish={finish}
        data-testid="consultation-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item
              label={t('consultations.window')}
              name="windowId"
              rules={[
                { required: true, message: problemText(t, { key: 'consultationWindowRequired' }) },
              ]}
            >
              <Select
                placeholder={t('consultations.windowPlaceholder')}
                options={windows.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
                showSearch
                optionFilterProp="label"
                data-testid="consultation-window"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('consultations.channel')} name="channel" required>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={CONSULTATION_CHANNELS.map((channel) => ({
                  value: channel,
                  label: (
                    <span data-testid={`consultation-channel-${channel}`}>
                      {t(`consultations.channels.${channel}`)}
                    </span>
                  ),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} xl={12}>
            <Form.Item
              label={t('consultations.item')}
              name="itemCode"
              extra={t('consultations.itemHint')}
            >
              <Select
                showSearch
                allowClear
                filterOption={false}
                onSearch={setMenuSearch}
                loading={menuQuery.loading}
                placeholder={t('consultations.itemPlaceholder')}
                notFoundContent={menuQuery.loading ? undefined : t('consultations.menuEmpty')}
                options={menuItems.map((item) => ({
                  value: item.code,
                  label: (
                    <span data-testid={`consultation-menu-${item.code}`}>
                      {item.standard.name}
                      <Typography.Text type="secondary"> {item.code}</Typography.Text>
                    </span>
                  ),
                }))}
                data-testid="consultation-item"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label={t('consultations.note')}
              name="note"
              validateTrigger="onBlur"
              rules={[problemRule(t, noteProblems)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                count={{ show: true, max: NOTE_MAX, strategy: (text) => [...text].length }}
                placeholder={t('consultations.notePlaceholder')}
                data-testid="consultation-note"
              />
            </Form.Item>
          </Col>
        </Row>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('consultations.failed')}
            description={actionErrorText(t, error)}
            data-testid="consultation-error"
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={logging}
          data-testid="consultation-submit"
        >
          {t('consultations.submit')}
        </Button>
      </Form>
    );
  }

  return (
    <Card
      title={t('consultations.logTitle')}
      extra={<Typography.Text type="secondary">{t('consultations.logHint')}</Typography.Text>}
      data-testid="consultation-card"
    >
      {body}
    </Card>
  );
}
