import { EyeInvisibleOutlined } from '@ant-design/icons';
import { Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ApplicationRowFragment as Application } from '../../../shared/api/graphql.generated';
import { formatDateTime } from '../../../shared/i18n/format';
import { navigate } from '../../../shared/navigation/navigation';
import { routeHref } from '../../../shared/navigation/routes';
import type { Translate } from '../../../shared/i18n/labels';
import { ApplicationStatusTag } from '../../../shared/ui/tags';

const MONO = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' };

/** An applicant's datum, marked when the server masked it for this reader. */
function Masked({ children, masked }: { children: string | null; masked: boolean }) {
  const { t } = useTranslation();
  if (children === null || children === '') {
    return <Typography.Text type="secondary">{t('applications.none')}</Typography.Text>;
  }
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <span style={MONO}>{children}</span>
      {masked && (
        <Tooltip title={t('applications.maskedMark')}>
          <EyeInvisibleOutlined
            style={{ color: '#8c8c8c' }}
            aria-label={t('applications.maskedMark')}
          />
        </Tooltip>
      )}
    </Space>
  );
}

/**
 * The list's columns: receipt number, item, applicant (masked where the server masks), window,
 * the tenant for those who see several, status, and when and by whom it was taken in.
 */
export function applicationColumns(
  t: Translate,
  language: string,
  withTenant: boolean,
): ColumnsType<Application> {
  return [
    {
      key: 'receiptNumber',
      title: t('applications.receiptNumber'),
      dataIndex: 'receiptNumber',
      fixed: 'left',
      // Opens the application: its clock, timeline and what the reader may do on it.
      render: (value: string, row) => (
        <Typography.Link
          strong
          href={routeHref({ name: 'application', id: row.id })}
          onClick={(event) => {
            event.preventDefault();
            navigate({ name: 'application', id: row.id });
          }}
          style={{ ...MONO, whiteSpace: 'nowrap' }}
          data-testid="application-open"
        >
          {value}
        </Typography.Link>
      ),
    },
    {
      key: 'item',
      title: t('applications.item'),
      render: (_, row) => (
        <div style={{ minWidth: 140 }}>
          <div>{row.itemName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, ...MONO }}>
            {row.itemCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      // Name, then ID number and phone beneath (one column keeps the table within 1,366 px).
      key: 'applicant',
      title: t('applications.applicant'),
      render: (_, row) => (
        <div>
          <Masked masked={row.applicant.masked}>{row.applicant.name}</Masked>
          <div style={{ fontSize: 12 }}>
            <Typography.Text type="secondary" aria-label={t('applications.idNumber')}>
              <Masked masked={row.applicant.masked}>{row.applicant.idNumber}</Masked>
            </Typography.Text>
          </div>
          <div style={{ fontSize: 12 }}>
            <Typography.Text type="secondary" aria-label={t('applications.phone')}>
              <Masked masked={row.applicant.masked}>{row.applicant.phone}</Masked>
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'window',
      title: t('applications.window'),
      dataIndex: 'windowName',
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value}</span>,
    },
    ...(withTenant
      ? [
          {
            key: 'tenant',
            title: t('applications.tenant'),
            dataIndex: 'tenantName',
            render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value}</span>,
          },
        ]
      : []),
    {
      key: 'status',
      title: t('applications.status'),
      dataIndex: 'status',
      render: (value: string) => <ApplicationStatusTag status={value} />,
    },
    {
      key: 'submittedAt',
      title: t('applications.submittedAt'),
      // Always in sight, also when a narrow screen scrolls the table sideways.
      fixed: 'right',
      render: (_, row) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>{formatDateTime(language, row.submittedAt)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('applications.submittedBy', { name: row.submittedByName })}
          </Typography.Text>
        </div>
      ),
    },
  ];
}
