import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphQLErrorsOf } from '../../../shared/api/errors';
import {
  CalendarLayersDocument,
  EnterCalendarYearDocument,
  SetBusinessHoursDocument,
  WorkingCalendarYearDocument,
} from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { ActionDialog } from '../../../shared/ui/ActionDialog';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { Loading } from '../../../shared/ui/Loading';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser, seesSubtree } from '../../../shared/viewer/viewer';
import { TenantTreeSelect } from '../../tenants/components/TenantTreeSelect';
import { type DayCell, fieldProblems, monthWeeks, yearSummary } from '../rules/calendar-rules';

const COLORS = {
  off: { background: '#fff1f0', color: '#cf1322' },
  adjusted: { background: '#fff7e6', color: '#d46b08' },
  weekend: { background: '#fafafa', color: '#8c8c8c' },
  working: { background: '#ffffff', color: '#262626' },
  unknown: { background: '#f5f5f5', color: '#bfbfbf' },
};

function styleOf(day: DayCell) {
  if (day.working === null) return COLORS.unknown;
  if (day.reason === 'DAY_OFF') return COLORS.off;
  if (day.reason === 'ADJUSTED_WORKDAY') return COLORS.adjusted;
  if (!day.working) return COLORS.weekend;
  return COLORS.working;
}

/** 工作日历: a tenant's year day by day, its layers, business hours; entries for who may. */
export function CalendarPage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const [tenantId, setTenantId] = useState<string>(user.tenant.id);
  const [year, setYear] = useState(new Date().getFullYear());
  const [entering, setEntering] = useState(false);
  const [editingHours, setEditingHours] = useState(false);
  const calendar = useQuery(WorkingCalendarYearDocument, {
    variables: { tenantId, year },
    fetchPolicy: 'cache-and-network',
  });
  const layers = useQuery(CalendarLayersDocument, {
    variables: { tenantId },
    fetchPolicy: 'cache-and-network',
  });
  const mayEdit = can(user, 'UPDATE', 'WORKING_CALENDAR');
  const operator = user.roles.includes('PLATFORM_ADMIN');
  const data = calendar.data?.workingCalendar;
  const missing = (layers.data?.calendarLayers ?? [])
    .filter((layer) => layer.kind !== 'LOCAL' && !layer.years.some((y) => y.year === year))
    .map((layer) => layer.name)
    .join('、');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        extra={
          <Space wrap>
            {seesSubtree(user) && (
              <TenantTreeSelect
                value={tenantId}
                onChange={(id) => setTenantId(id ?? user.tenant.id)}
                style={{ minWidth: 220 }}
                testId="calendar-tenant"
              />
            )}
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(value) => value && setYear(value)}
              addonBefore={t('calendar.year')}
              data-testid="calendar-year"
            />
            {mayEdit && (
              <Button type="primary" onClick={() => setEntering(true)} data-testid="calendar-enter">
                {operator ? t('calendar.enterYear') : t('calendar.enterLocal')}
              </Button>
            )}
          </Space>
        }
      />
      {calendar.error && (
        <ErrorAlert title={t('calendar.title')} error={calendar.error} testId="calendar-error" />
      )}
      {!data ? (
        <Loading minHeight={240} />
      ) : (
        <>
          {!data.known && (
            <Alert
              type="warning"
              showIcon
              message={t('calendar.unknownYear', { year, missing: missing || '—' })}
              data-testid="calendar-unknown"
            />
          )}
          <Space wrap size={12}>
            <Typography.Text type="secondary" data-testid="calendar-summary">
              {t('calendar.summary', yearSummary(data.days))}
            </Typography.Text>
            <Tag style={COLORS.off}>{t('calendar.legendOff')}</Tag>
            <Tag style={COLORS.adjusted}>{t('calendar.legendAdjusted')}</Tag>
            <Tag style={COLORS.weekend}>{t('calendar.legendWeekend')}</Tag>
          </Space>
          <Row gutter={[12, 12]} data-testid="calendar-months">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
              <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
                <MonthCard month={month} days={data.days} />
              </Col>
            ))}
          </Row>
        </>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <LayersCard layers={layers.data?.calendarLayers ?? []} />
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={t('calendar.hoursTitle')}
            extra={
              mayEdit && (
                <Button onClick={() => setEditingHours(true)} data-testid="calendar-edit-hours">
                  {t('calendar.editHours')}
                </Button>
              )
            }
          >
            <Space direction="vertical">
              <Space wrap data-testid="calendar-hours">
                {(data?.businessHours ?? []).map((p) => (
                  <Tag key={p.opens} color="blue">
                    {p.opens}–{p.closes}
                  </Tag>
                ))}
              </Space>
              <Typography.Text type="secondary">{t('calendar.hoursInherited')}</Typography.Text>
            </Space>
          </Card>
        </Col>
      </Row>
      {entering && (
        <EnterYearDialog
          tenantId={tenantId}
          operator={operator}
          defaultYear={year}
          onDone={() => {
            setEntering(false);
            void calendar.refetch();
            void layers.refetch();
          }}
          onClose={() => setEntering(false)}
        />
      )}
      {editingHours && data && (
        <HoursDialog
          tenantId={tenantId}
          periods={data.businessHours}
          onDone={() => {
            setEditingHours(false);
            void calendar.refetch();
          }}
          onClose={() => setEditingHours(false)}
        />
      )}
    </Space>
  );
}

function MonthCard({ month, days }: { month: number; days: DayCell[] }) {
  const { t } = useTranslation();
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <Card
      size="small"
      title={t('calendar.month', { month })}
      data-testid={`calendar-month-${month}`}
    >
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <thead>
          <tr>
            {weekdays.map((name) => (
              <th key={name} style={{ fontWeight: 400, color: '#8c8c8c', fontSize: 12 }}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(days, month).map((week, i) => (
            <tr key={i}>
              {week.map((day, j) =>
                day ? (
                  <td key={day.date} style={{ padding: 1 }}>
                    <Tooltip
                      title={
                        day.holiday
                          ? `${day.holiday} · ${day.layer ?? ''}`
                          : day.reason === 'ADJUSTED_WORKDAY'
                            ? `${t('calendar.legendAdjusted')} · ${day.layer ?? ''}`
                            : undefined
                      }
                    >
                      <div
                        data-testid="calendar-day"
                        data-date={day.date}
                        data-reason={day.reason}
                        style={{
                          ...styleOf(day),
                          textAlign: 'center',
                          borderRadius: 4,
                          fontSize: 12,
                          lineHeight: '22px',
                          position: 'relative',
                        }}
                      >
                        {Number(day.date.slice(8))}
                        {day.reason === 'ADJUSTED_WORKDAY' && (
                          <sup style={{ fontSize: 9 }}>{t('calendar.adjustedMark')}</sup>
                        )}
                        {day.reason === 'DAY_OFF' && (
                          <sup style={{ fontSize: 9 }}>{t('calendar.offMark')}</sup>
                        )}
                      </div>
                    </Tooltip>
                  </td>
                ) : (
                  <td key={`blank-${j}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

type Layer = {
  kind: 'NATIONAL' | 'REGIONAL' | 'LOCAL';
  name: string;
  years: {
    year: number;
    shipped: boolean;
    enteredAt?: string | null;
    notice?: { title: string; documentNumber?: string | null; issuedOn?: string | null } | null;
  }[];
};

function LayersCard({ layers }: { layers: Layer[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('calendar.layersTitle')} data-testid="calendar-layers">
      <List
        dataSource={layers}
        renderItem={(layer) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Tag>{t(`calendar.layerKind.${layer.kind}`)}</Tag>
                <Typography.Text strong>{layer.name}</Typography.Text>
              </Space>
              {layer.years.map((year) => (
                <div key={year.year} style={{ fontSize: 13 }}>
                  <Typography.Text strong>{year.year}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {year.notice?.title ?? ''}
                    {year.notice?.documentNumber ? `（${year.notice.documentNumber}）` : ''}
                  </Typography.Text>{' '}
                  {year.shipped ? (
                    <Tag color="green">{t('calendar.shipped')}</Tag>
                  ) : (
                    <Tag color="blue">
                      {t('calendar.entered', {
                        date: year.enteredAt ? formatDateTime(i18n.language, year.enteredAt) : '',
                      })}
                    </Tag>
                  )}
                </div>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

interface YearForm {
  kind: 'NATIONAL' | 'REGIONAL' | 'LOCAL';
  year: number;
  noticeTitle?: string;
  documentNumber?: string;
  issuedOn?: string;
  daysOff?: { name: string; first: string; last: string }[];
  adjustedWorkdays?: string[];
}

function EnterYearDialog({
  tenantId,
  operator,
  defaultYear,
  onDone,
  onClose,
}: {
  tenantId: string;
  operator: boolean;
  defaultYear: number;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<YearForm>();
  const [enter, entered] = useMutation(EnterCalendarYearDocument);
  const [error, setError] = useState<unknown>(null);
  const problems = error ? fieldProblems(graphQLErrorsOf(error)) : [];

  const submit = async (values: YearForm) => {
    setError(null);
    try {
      await enter({
        variables: {
          input: {
            tenantId,
            kind: values.kind,
            year: values.year,
            notice: values.noticeTitle
              ? {
                  title: values.noticeTitle,
                  documentNumber: values.documentNumber || null,
                  issuedOn: values.issuedOn || null,
                }
              : null,
            daysOff: (values.daysOff ?? []).map((d) => ({
              name: d.name,
              first: d.first,
              last: d.last,
            })),
            adjustedWorkdays: values.adjustedWorkdays ?? [],
          },
        },
      });
      void message.success(t('calendar.saved'));
      onDone();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <ActionDialog
      title={operator ? t('calendar.enterYear') : t('calendar.enterLocal')}
      okButtonProps={{ 'data-testid': 'calendar-enter-save' }}
      running={entered.loading}
      error={problems.length ? null : error}
      onOk={() => void form.validateFields().then(submit)}
      onClose={onClose}
      lead={
        problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('calendar.problemsTitle')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="calendar-problems">
                {problems.map((p, i) => (
                  <li key={i} data-code={p.code}>
                    <Typography.Text code>{p.field}</Typography.Text>{' '}
                    {i18n.language.startsWith('zh') && p.problemZh ? p.problemZh : p.problem}
                  </li>
                ))}
              </ul>
            }
          />
        )
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: operator ? 'NATIONAL' : 'LOCAL', year: defaultYear, daysOff: [] }}
      >
        <Form.Item name="kind" label={t('calendar.kind')}>
          <Radio.Group data-testid="calendar-kind">
            {(operator ? ['NATIONAL', 'REGIONAL', 'LOCAL'] : ['LOCAL']).map((kind) => (
              <Radio key={kind} value={kind}>
                {t(`calendar.kindOption.${kind}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="year" label={t('calendar.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} data-testid="calendar-enter-year" />
        </Form.Item>
        <Form.Item name="noticeTitle" label={t('calendar.noticeTitle')}>
          <Input maxLength={200} data-testid="calendar-notice-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="documentNumber" label={t('calendar.documentNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('calendar.issuedOn')}>
            <Input placeholder="2026-11-04" maxLength={10} />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('calendar.daysOff')}</Typography.Text>
        <Form.List name="daysOff">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                    <Input
                      placeholder={t('calendar.holidayName')}
                      style={{ width: 110 }}
                      data-testid="calendar-dayoff-name"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'first']} rules={[{ required: true }]}>
                    <Input
                      placeholder={t('calendar.first')}
                      style={{ width: 120 }}
                      data-testid="calendar-dayoff-first"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'last']} rules={[{ required: true }]}>
                    <Input
                      placeholder={t('calendar.last')}
                      style={{ width: 120 }}
                      data-testid="calendar-dayoff-last"
                    />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Form.Item>
                <Button
                  onClick={() => add({ name: '', first: '', last: '' })}
                  data-testid="calendar-add-dayoff"
                >
                  {t('calendar.addDaysOff')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="adjustedWorkdays" label={t('calendar.adjustedWorkdays')}>
          <Select
            mode="tags"
            open={false}
            placeholder={t('calendar.adjustedPlaceholder')}
            data-testid="calendar-adjusted"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

function HoursDialog({
  tenantId,
  periods,
  onDone,
  onClose,
}: {
  tenantId: string;
  periods: { opens: string; closes: string }[];
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ periods: { opens: string; closes: string }[] }>();
  const [save, saved] = useMutation(SetBusinessHoursDocument);
  const [error, setError] = useState<unknown>(null);
  return (
    <ActionDialog
      title={t('calendar.editHours')}
      running={saved.loading}
      error={error}
      onOk={() =>
        void form.validateFields().then(async (values) => {
          setError(null);
          try {
            await save({ variables: { input: { tenantId, periods: values.periods } } });
            onDone();
          } catch (caught) {
            setError(caught);
          }
        })
      }
      onClose={onClose}
    >
      <Form
        form={form}
        initialValues={{ periods: periods.map(({ opens, closes }) => ({ opens, closes })) }}
      >
        <Form.List name="periods">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item
                    name={[field.name, 'opens']}
                    rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}
                  >
                    <Input placeholder={t('calendar.opens')} style={{ width: 90 }} />
                  </Form.Item>
                  –
                  <Form.Item
                    name={[field.name, 'closes']}
                    rules={[{ required: true, pattern: /^\d{2}:\d{2}$/ }]}
                  >
                    <Input placeholder={t('calendar.closes')} style={{ width: 90 }} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ opens: '', closes: '' })}>
                {t('calendar.addPeriod')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </ActionDialog>
  );
}
