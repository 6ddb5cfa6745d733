import { CheckOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Select, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionErrorText } from '../../../shared/i18n/describe';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { Code } from '../../../shared/ui/Facts';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { TenantStatusTag } from '../../../shared/ui/tags';
import type { CurrentUser } from '../../../shared/viewer/viewer';
import { issueText, type ParentLike } from '../../onboarding/rules/onboarding-rules';
import { SetupLinkNotice } from '../../staff/components/SetupLinkNotice';
import { useTenantList } from '../../tenants/hooks/useTenantList';
import { downloadSheet, MAX_SHEET_BYTES } from '../../../shared/rules/spreadsheet-file';
import { type SheetPreview, useVillageSheet } from '../hooks/useVillageSheet';
import { problemsByRow, rowContext, sheetFileName, takesVillages } from '../rules/village-sheet';

/** The sheet's problems, row by row, each in the interface language. */
function SheetProblems({ preview, parent }: { preview: SheetPreview; parent: ParentLike }) {
  const { t } = useTranslation();
  const rows = new Map(preview.rows.map((row) => [row.row, row]));
  const grouped = problemsByRow(preview.problems);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={([row]) => row}
      dataSource={grouped}
      scroll={{ x: 'max-content' }}
      data-testid="village-sheet-problems"
      columns={[
        {
          key: 'row',
          title: t('villageSheet.row'),
          width: 90,
          render: (_, [row]) => (row === 1 ? t('villageSheet.wholeSheet') : row),
        },
        {
          key: 'problems',
          title: t('villageSheet.problems'),
          render: (_, [row, problems]) => (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((problem) => (
                <li key={`${problem.code}:${problem.column ?? ''}`} data-code={problem.code}>
                  {problem.column && <Typography.Text strong>{problem.column}：</Typography.Text>}
                  {issueText(t, problem, rowContext(rows.get(row), parent))}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

/** Village stations opened in bulk from an XLSX sheet: template, upload, preview, one run. */
export function VillageSheetPage({
  user,
  parentId,
}: {
  user: CurrentUser;
  parentId: string | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useTenantList();
  const parents = useMemo(
    () =>
      (list.tenants ?? []).filter(
        (tenant) =>
          tenant.viewerCan.onboardBelow &&
          tenant.status !== 'SUSPENDED' &&
          takesVillages(tenant.kind),
      ),
    [list.tenants],
  );
  const [chosen, setChosen] = useState<string | null>(parentId ?? user.tenant.id);
  const parent = parents.find((p) => p.id === chosen) ?? null;
  const sheet = useVillageSheet(parent?.id ?? null);
  const [fetchingTemplate, setFetchingTemplate] = useState(false);
  const preview = sheet.preview;
  const ready = preview !== null && preview.problems.length === 0 && preview.rows.length > 0;

  const getTemplate = async () => {
    setFetchingTemplate(true);
    try {
      const base64 = await sheet.template();
      if (base64) downloadSheet(base64, sheetFileName(t('villageSheet.fileName')));
    } catch (error) {
      void message.error(actionErrorText(t, error));
    } finally {
      setFetchingTemplate(false);
    }
  };

  if (list.error && !list.tenants) {
    return (
      <LoadFailure
        title={t('tenants.loadError')}
        error={list.error}
        onRetry={() => void list.reload()}
      />
    );
  }

  if (sheet.opened) {
    return (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <PageHeader title={t('villageSheet.title')} />
        <Card data-testid="village-sheet-done">
          <Result
            status="success"
            title={t('villageSheet.doneTitle', {
              count: sheet.opened.length,
              parent: parent?.name,
            })}
            subTitle={t('villageSheet.doneHint')}
            extra={
              <Button icon={<ReloadOutlined />} onClick={sheet.reset}>
                {t('villageSheet.another')}
              </Button>
            }
          />
          <Space direction="vertical" size={20} style={{ width: '100%' }}>
            {sheet.opened.map((village) => (
              <Card
                key={village.tenant.id}
                size="small"
                title={
                  <Space wrap>
                    {village.tenant.name}
                    <Code>{village.tenant.divisionCode}</Code>
                    <TenantStatusTag status={village.tenant.status} />
                  </Space>
                }
              >
                <SetupLinkNotice
                  link={village.setupLink}
                  testId={`village-sheet-link-${village.tenant.divisionCode}`}
                  lead={t('villageSheet.linkFor', { username: village.managerUsername })}
                />
              </Card>
            ))}
          </Space>
        </Card>
      </Space>
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title={t('villageSheet.title')} subtitle={t('villageSheet.subtitle')} />
      <Card>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap size={12}>
            <Typography.Text>{t('villageSheet.parent')}</Typography.Text>
            <Select
              style={{ minWidth: 260, maxWidth: '100%' }}
              loading={list.loading}
              placeholder={t('villageSheet.parentPlaceholder')}
              value={list.tenants ? (parent?.id ?? undefined) : undefined}
              showSearch
              optionFilterProp="label"
              options={parents.map((p) => ({
                value: p.id,
                label: `${p.name} · ${p.divisionCode}`,
              }))}
              onChange={(id: string) => {
                setChosen(id);
                sheet.reset();
              }}
              data-testid="village-sheet-parent"
            />
            <Button
              icon={<DownloadOutlined />}
              loading={fetchingTemplate}
              onClick={() => void getTemplate()}
              data-testid="village-sheet-template"
            >
              {t('villageSheet.template')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t('villageSheet.templateHint')}</Typography.Text>
          <div data-testid="village-sheet-upload">
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={!parent || sheet.checking || sheet.running}
              beforeUpload={(file) => {
                if (file.size > MAX_SHEET_BYTES) void message.error(t('villageSheet.tooLarge'));
                else void sheet.check(file);
                return false; // read here, not uploaded by the component
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {sheet.sheet ? sheet.sheet.name : t('villageSheet.upload')}
              </p>
              <p className="ant-upload-hint">
                {parent ? t('villageSheet.uploadHint') : t('villageSheet.parentFirst')}
              </p>
            </Upload.Dragger>
          </div>

          {sheet.checking && <Alert type="info" showIcon message={t('villageSheet.checking')} />}
          {sheet.error !== null && (
            <ErrorAlert
              title={t('villageSheet.failed')}
              error={sheet.error}
              testId="village-sheet-error"
            />
          )}
          {preview && parent && (
            <>
              {preview.problems.length > 0 ? (
                <Alert
                  type="error"
                  showIcon
                  message={t('villageSheet.problemsFound', { count: preview.problems.length })}
                  description={t('villageSheet.problemsHint')}
                  action={
                    preview.report && (
                      <Button
                        size="small"
                        icon={<DownloadOutlined />}
                        onClick={() =>
                          downloadSheet(
                            preview.report!,
                            sheetFileName(
                              t('villageSheet.fileName'),
                              t('villageSheet.reportSuffix'),
                            ),
                          )
                        }
                        data-testid="village-sheet-report"
                      >
                        {t('villageSheet.report')}
                      </Button>
                    )
                  }
                  data-testid="village-sheet-verdict"
                />
              ) : (
                <Alert
                  type="success"
                  showIcon
                  message={t('villageSheet.ok', {
                    count: preview.rows.length,
                    parent: parent.name,
                  })}
                  data-testid="village-sheet-verdict"
                />
              )}
              {preview.problems.length > 0 && <SheetProblems preview={preview} parent={parent} />}
              <Table
                size="small"
                rowKey="row"
                dataSource={preview.rows}
                pagination={preview.rows.length > 20 ? { pageSize: 20 } : false}
                scroll={{ x: 'max-content' }}
                data-testid="village-sheet-rows"
                columns={[
                  { key: 'row', title: t('villageSheet.row'), dataIndex: 'row', width: 70 },
                  {
                    key: 'code',
                    title: t('villageSheet.columns.divisionCode'),
                    render: (_, row) => <Code>{row.divisionCode}</Code>,
                  },
                  { key: 'name', title: t('villageSheet.columns.name'), dataIndex: 'name' },
                  {
                    key: 'username',
                    title: t('villageSheet.columns.username'),
                    dataIndex: 'managerUsername',
                  },
                  {
                    key: 'displayName',
                    title: t('villageSheet.columns.displayName'),
                    dataIndex: 'managerDisplayName',
                  },
                  {
                    key: 'window',
                    title: t('villageSheet.columns.window'),
                    dataIndex: 'windowName',
                  },
                ]}
              />
              <div>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  disabled={!ready}
                  loading={sheet.running}
                  onClick={() => void sheet.open()}
                  data-testid="village-sheet-run"
                >
                  {t('villageSheet.run', { count: preview.rows.length })}
                </Button>
              </div>
            </>
          )}
        </Space>
      </Card>
    </Space>
  );
}
