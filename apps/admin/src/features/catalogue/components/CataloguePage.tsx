import { CloudUploadOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { Code } from '../../../shared/ui/Facts';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { can, type CurrentUser } from '../../../shared/viewer/viewer';
import { MAX_SHEET_BYTES } from '../../../shared/rules/spreadsheet-file';
import { MappingsButton } from './MappingsDialog';
import {
  type CatalogueImportState,
  type CatalogueItem,
  useCatalogueImport,
  useCatalogueItems,
  useCatalogueVersions,
  usePublishVersion,
} from '../hooks/useCatalogue';

/** The standard catalogue (基本目录): its versions and items; import and publish at the province. */
export function CataloguePage({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const manages = can(user, 'UPDATE', 'CATALOGUE');
  const versions = useCatalogueVersions();
  const shown = versions.shown;
  if (versions.error && !versions.data) {
    return (
      <LoadFailure
        title={t('catalogue.loadError')}
        error={versions.error}
        onRetry={() => versions.refetch()}
      />
    );
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title={t('catalogue.title')} subtitle={t('catalogue.subtitle')} />
      {manages && <ImportCard onImported={versions.choose} />}
      <Card
        title={
          <Space wrap>
            <span>{t('catalogue.versions')}</span>
            <Select
              style={{ minWidth: 280 }}
              value={shown?.id}
              placeholder={t('catalogue.noVersion')}
              onChange={versions.choose}
              data-testid="catalogue-version"
              options={versions.versions.map((version) => ({
                value: version.id,
                label: `${version.label} · ${t(`catalogue.status.${version.status}`)} · ${t('catalogue.itemCount', { count: version.itemCount })}`,
              }))}
            />
          </Space>
        }
        extra={
          shown &&
          manages &&
          shown.status === 'DRAFT' && (
            <Space wrap>
              <MappingsButton draft={shown} versions={versions.versions} />
              <PublishButton versionId={shown.id} />
            </Space>
          )
        }
      >
        {shown ? (
          <ItemsTable versionId={shown.id} />
        ) : (
          <Typography.Text type="secondary">{t('catalogue.noVersion')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}

function PublishButton({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const { publish, publishing, error } = usePublishVersion();
  return (
    <Space>
      {error && <Typography.Text type="danger">{t('catalogue.publishFailed')}</Typography.Text>}
      <Popconfirm
        title={t('catalogue.publishConfirm')}
        onConfirm={() => publish(versionId)}
        okText={t('catalogue.publish')}
      >
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={publishing}
          data-testid="catalogue-publish"
        >
          {t('catalogue.publish')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

function ImportCard({ onImported }: { onImported: (versionId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [label, setLabel] = useState('');
  const done = useCallback((versionId: string) => onImported(versionId), [onImported]);
  const { upload, state, running, startError } = useCatalogueImport(done);
  return (
    <Card title={t('catalogue.importTitle')} data-testid="catalogue-import">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('catalogue.importHelp')}</Typography.Text>
        <Space wrap>
          <Input
            style={{ width: 280 }}
            value={label}
            maxLength={100}
            placeholder={t('catalogue.labelPlaceholder')}
            onChange={(event) => setLabel(event.target.value)}
            data-testid="catalogue-import-label"
          />
          <span data-testid="catalogue-import-upload">
            <Upload
              accept=".xlsx"
              showUploadList={false}
              disabled={running || label.trim() === ''}
              beforeUpload={(file) => {
                if (file.size > MAX_SHEET_BYTES) void message.error(t('catalogue.tooLarge'));
                else void upload(label.trim(), file);
                return false;
              }}
            >
              <Button
                icon={<CloudUploadOutlined />}
                loading={running}
                disabled={label.trim() === ''}
                data-testid="catalogue-import-file"
              >
                {t('catalogue.chooseFile')}
              </Button>
            </Upload>
          </span>
        </Space>
        {startError && (
          <ErrorAlert
            title={t('catalogue.importFailed')}
            error={startError}
            testId="catalogue-import-error"
          />
        )}
        {state && <ImportProgress state={state} />}
      </Space>
    </Card>
  );
}

function ImportProgress({ state }: { state: CatalogueImportState }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  if (state.status === 'SUCCEEDED') {
    return (
      <Alert
        type="success"
        showIcon
        message={t('catalogue.imported', { rows: state.rowsRead })}
        data-testid="catalogue-import-done"
      />
    );
  }
  if (state.status === 'FAILED') {
    return (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="catalogue-import-problems">
        <Alert
          type="error"
          showIcon
          message={t('catalogue.problems', { count: state.problems.length })}
        />
        <Table
          size="small"
          rowKey={(problem) => `${problem.sheet}:${problem.row}:${problem.column}:${problem.code}`}
          dataSource={state.problems}
          pagination={state.problems.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('catalogue.sheet'), dataIndex: 'sheet', width: 90 },
            {
              title: t('catalogue.row'),
              dataIndex: 'row',
              width: 70,
              render: (row: number | null) => row ?? '—',
            },
            {
              title: t('catalogue.column'),
              dataIndex: 'column',
              width: 120,
              render: (column: string | null) => column ?? '—',
            },
            {
              title: t('catalogue.problem'),
              key: 'message',
              render: (_, problem) => (english ? problem.message.enUS : problem.message.zhCN),
            },
          ]}
        />
      </Space>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="catalogue-import-running">
      <Typography.Text>{t('catalogue.reading', { rows: state.rowsRead })}</Typography.Text>
      <Progress percent={99} status="active" showInfo={false} />
    </Space>
  );
}

function ItemsTable({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState<string | null>(null);
  const items = useCatalogueItems(versionId, search, department);
  const tiers = (list: readonly string[]) =>
    list.map((tier) => t(`catalogue.tier.${tier}`)).join('、');
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('catalogue.search')}
          onSearch={setSearch}
          data-testid="catalogue-search"
        />
        <Select
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('catalogue.allDepartments')}
          value={department}
          onChange={(value) => setDepartment(value ?? null)}
          options={items.departments.map((name) => ({ value: name, label: name }))}
          data-testid="catalogue-department"
        />
      </Space>
      {items.error && (
        <ErrorAlert
          title={t('catalogue.loadError')}
          error={items.error}
          testId="catalogue-items-error"
        />
      )}
      <Table<CatalogueItem>
        size="middle"
        rowKey="code"
        loading={items.loading}
        dataSource={items.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="catalogue-items"
        columns={[
          {
            title: t('catalogue.code'),
            dataIndex: 'code',
            width: 150,
            render: (code: string) => <Code>{code}</Code>,
          },
          { title: t('catalogue.name'), dataIndex: 'name', width: 280 },
          {
            title: t('catalogue.type'),
            dataIndex: 'type',
            width: 110,
            render: (type: string) => <Tag>{t(`catalogue.itemType.${type}`)}</Tag>,
          },
          { title: t('catalogue.department'), dataIndex: 'competentDepartment', width: 200 },
          {
            title: t('catalogue.limit'),
            key: 'limit',
            width: 110,
            render: (_, item) =>
              item.statutoryLimit.onTheSpot
                ? t('catalogue.onTheSpot')
                : t('catalogue.workingDays', { count: item.statutoryLimit.workingDays ?? 0 }),
          },
          {
            title: t('catalogue.tiers'),
            key: 'tiers',
            width: 200,
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <span>{tiers(item.handlingTiers)}</span>
                {item.intakeOnlyTiers.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('catalogue.intakeOnly', { tiers: tiers(item.intakeOnlyTiers) })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      {items.hasMore && (
        <Button onClick={() => items.more()} data-testid="catalogue-more">
          {t('catalogue.more')}
        </Button>
      )}
    </Space>
  );
}
