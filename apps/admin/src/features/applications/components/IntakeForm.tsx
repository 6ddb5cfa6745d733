import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Col, Form, type FormInstance, Input, Row, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ApplicationRowFragment as Application,
  SubmitApplicationDocument,
} from '../../../shared/api/graphql.generated';
import { actionErrorText, problemText } from '../../../shared/i18n/describe';
import type { Problem } from '../../../shared/rules/problem';
import { problemRule } from '../../../shared/ui/form-rules';
import {
  APPLICANT_NAME_MAX,
  applicantNameProblems,
  idNumberProblems,
  intakeInput,
  newIntakeKey,
  type IntakeDraft,
  itemCodeProblems,
  phoneProblems,
  serverIntakeProblems,
} from '../rules/applicant-rules';

export interface IntakeValues {
  windowId?: string;
  itemCode?: string;
  applicantName: string;
  idNumber: string;
  phone: string;
}

const EMPTY: IntakeValues = {
  windowId: undefined,
  itemCode: undefined,
  applicantName: '',
  idNumber: '',
  phone: '',
};

type TextField = Exclude<keyof IntakeValues, 'windowId' | 'itemCode'>;

/** An item of the hall's menu, as the form offers it. */
export interface MenuChoice {
  code: string;
  name: string;
  department: string;
  /** Only taken in here and passed up (仅收件). */
  intakeOnly: boolean;
}

/**
 * The typed fields, in the form's order, with their checks (mirroring the API's, also to
 * say a server's refusal in the interface language). Label and placeholder are
 * `intake.<name>` and `intake.<name>Placeholder`.
 */
const TEXT_FIELDS: {
  name: TextField;
  check: (value: string) => Problem[];
  maxLength: number;
  /** Optional fields are checked when the clerk leaves them, not at each key. */
  optional?: boolean;
  /** The applicant's personal data: never offered by the browser's autofill. */
  personal?: boolean;
  testId: string;
}[] = [
  {
    name: 'applicantName',
    check: applicantNameProblems,
    maxLength: APPLICANT_NAME_MAX,
    personal: true,
    testId: 'intake-applicant-name',
  },
  {
    name: 'idNumber',
    check: (value) => idNumberProblems(value),
    maxLength: 22,
    optional: true,
    personal: true,
    testId: 'intake-id-number',
  },
  {
    name: 'phone',
    check: phoneProblems,
    maxLength: 20,
    optional: true,
    personal: true,
    testId: 'intake-phone',
  },
];

const checkOf = (field: keyof IntakeDraft) =>
  field === 'itemCode' ? itemCodeProblems : TEXT_FIELDS.find((f) => f.name === field)?.check;

/** 收件: the window, the item and the applicant; a refusal is shown at the fields it names. */
export function IntakeForm({
  form,
  windows,
  menu,
  onStart,
  onSubmitted,
}: {
  form: FormInstance<IntakeValues>;
  /** The hall's menu as found by the text typed (only its items may be taken in). */
  menu: { items: readonly MenuChoice[]; loading: boolean; onSearch: (text: string) => void };
  /** Where the person may take the application in (empty: the form is disabled). */
  windows: readonly { id: string; code: string; name: string }[];
  /** A submission begins (the last receipt goes). */
  onStart: () => void;
  onSubmitted: (application: Application) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [submit, { loading: submitting }] = useMutation(SubmitApplicationDocument);
  // One key per application taken in: sent again (a lost answer, a double click), the server
  // answers with the application it made instead of making another.
  const intakeKey = useRef(newIntakeKey());

  const finish = async (values: IntakeValues) => {
    setError(null);
    onStart();
    try {
      const result = await submit({
        variables: { input: { ...intakeInput(values), intakeKey: intakeKey.current } },
      });
      const application = result.data?.submitApplication;
      if (!application) return;
      intakeKey.current = newIntakeKey();
      onSubmitted(application);
      form.resetFields(['itemCode', ...TEXT_FIELDS.map((field) => field.name)]);
    } catch (caught) {
      setError(caught);
      // A refusal naming fields: shown at the fields too.
      form.setFields(
        serverIntakeProblems(caught).map(({ field, message, problem }) => {
          const known = problem ?? checkOf(field)?.(String(values[field] ?? ''))[0];
          return { name: field, errors: [known ? problemText(t, known) : message] };
        }),
      );
    }
  };

  return (
    <Form<IntakeValues>
      form={form}
      layout="vertical"
      initialValues={EMPTY}
      onFinish={finish}
      requiredMark
      disabled={windows.length === 0}
      data-testid="intake-form"
    >
      {windows.length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('intake.noWindows')} />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('intake.window')}
            name="windowId"
            rules={[{ required: true, message: problemText(t, { key: 'windowRequired' }) }]}
          >
            <Select
              placeholder={t('intake.windowPlaceholder')}
              options={windows.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
              showSearch
              optionFilterProp="label"
              data-testid="intake-window"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            label={t('intake.itemCode')}
            name="itemCode"
            rules={[{ required: true, message: problemText(t, { key: 'itemCodeRequired' }) }]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={menu.onSearch}
              loading={menu.loading}
              placeholder={t('intake.itemCodePlaceholder')}
              notFoundContent={menu.loading ? undefined : t('intake.menuEmpty')}
              options={menu.items.map((item) => ({
                value: item.code,
                label: (
                  <span data-testid={`intake-menu-${item.code}`}>
                    {item.name}
                    <Typography.Text type="secondary">
                      {' '}
                      {item.code} · {item.department}
                      {item.intakeOnly ? ` · ${t('intake.intakeOnly')}` : ''}
                    </Typography.Text>
                  </span>
                ),
              }))}
              data-testid="intake-item"
            />
          </Form.Item>
        </Col>
        {TEXT_FIELDS.map((field) => (
          <Col key={field.name} xs={24} md={8}>
            <Form.Item
              label={t(`intake.${field.name}`)}
              name={field.name}
              required={!field.optional}
              validateTrigger={field.optional ? 'onBlur' : undefined}
              rules={[problemRule(t, field.check)]}
            >
              <Input
                maxLength={field.maxLength}
                placeholder={t(`intake.${field.name}Placeholder`)}
                autoComplete={field.personal ? 'off' : undefined}
                data-testid={field.testId}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('intake.failed')}
          description={actionErrorText(t, error)}
          data-testid="intake-error"
        />
      )}
      <Button
        type="primary"
        htmlType="submit"
        icon={<InboxOutlined />}
        loading={submitting}
        data-testid="intake-submit"
      >
        {t('intake.submit')}
      </Button>
    </Form>
  );
}
