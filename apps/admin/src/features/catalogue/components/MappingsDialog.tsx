import { BranchesOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, type ButtonProps, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CatalogueVersionsQuery,
  ItemMappingInput,
  ItemMappingKind,
} from '../../../shared/api/graphql.generated';
import { graphQLErrorsOf } from '../../../shared/api/errors';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useSetMappings } from '../hooks/useCatalogue';

type Version = CatalogueVersionsQuery['catalogueVersions'][number];
type Row = ItemMappingInput & { key: number };

const KINDS: ItemMappingKind[] = ['SPLIT', 'MERGE', 'SUSPEND'];

/**
 * How items of the version before became a draft's (调整对照): one item split into several, several
 * merged into one (each naming the item whose local settings carry over), an item suspended.
 * The server checks every row against both versions and names the wrong ones.
 */
export function MappingsButton({ draft, versions }: { draft: Version; versions: Version[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        icon={<BranchesOutlined />}
        onClick={() => setOpen(true)}
        data-testid="catalogue-mappings"
      >
        {t('catalogue.mappings.open', { count: draft.mappings.length })}
      </Button>
      {open && <MappingsDialog draft={draft} versions={versions} onClose={() => setOpen(false)} />}
    </>
  );
}

function MappingsDialog({
  draft,
  versions,
  onClose,
}: {
  draft: Version;
  versions: Version[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const earlier = versions.filter((version) => version.status !== 'DRAFT');
  const [previous, setPrevious] = useState<string | undefined>(earlier[0]?.id);
  const [rows, setRows] = useState<Row[]>(() =>
    draft.mappings.map((mapping, key) => ({ ...mapping, key })),
  );
  const { save, saving, error } = useSetMappings();
  const change = (key: number, patch: Partial<ItemMappingInput>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const codes = (value: string[]) => value.map((code) => code.trim()).filter(Boolean);
  const submit = async () => {
    if (!previous) return;
    const mappings = rows.map(({ kind, from, to, inheritor }) => ({
      kind,
      from,
      to: kind === 'SUSPEND' ? [] : to,
      inheritor: kind === 'SUSPEND' ? null : (inheritor ?? null),
    }));
    const done = await save(draft.id, previous, mappings).catch(() => null);
    if (done?.data) onClose();
  };
  return (
    <Modal
      open
      width={900}
      title={t('catalogue.mappings.title', { label: draft.label })}
      okText={t('catalogue.mappings.save')}
      onOk={submit}
      confirmLoading={saving}
      okButtonProps={
        { disabled: !previous, 'data-testid': 'catalogue-mappings-save' } as ButtonProps
      }
      onCancel={onClose}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('catalogue.mappings.help')}</Typography.Text>
        <Space wrap>
          <span>{t('catalogue.mappings.previous')}</span>
          <Select
            style={{ minWidth: 240 }}
            value={previous}
            onChange={setPrevious}
            options={earlier.map((version) => ({ value: version.id, label: version.label }))}
            data-testid="catalogue-mappings-previous"
          />
        </Space>
        {error && (
          <ErrorAlert
            title={t('catalogue.mappings.failed')}
            error={error}
            testId="catalogue-mappings-error"
          />
        )}
        {mappingProblemsOf(error).map((problem) => (
          <Typography.Text key={`${problem.field}:${problem.code}`} type="danger">
            {t('catalogue.mappings.row', { row: rowNumberOf(problem.field) })}
            {english ? problem.message.enUS : problem.message.zhCN}
          </Typography.Text>
        ))}
        <Table<Row>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="catalogue-mappings-rows"
          columns={[
            {
              title: t('catalogue.mappings.kind'),
              key: 'kind',
              width: 120,
              render: (_, row) => (
                <Select
                  style={{ width: 110 }}
                  value={row.kind}
                  onChange={(kind) => change(row.key, { kind })}
                  options={KINDS.map((kind) => ({
                    value: kind,
                    label: t(`catalogue.mappings.kinds.${kind}`),
                  }))}
                />
              ),
            },
            {
              title: t('catalogue.mappings.from'),
              key: 'from',
              width: 230,
              render: (_, row) => (
                <Select
                  mode="tags"
                  style={{ width: 220 }}
                  value={row.from}
                  onChange={(value: string[]) => change(row.key, { from: codes(value) })}
                  tokenSeparators={[',', '，', ' ']}
                />
              ),
            },
            {
              title: t('catalogue.mappings.to'),
              key: 'to',
              width: 230,
              render: (_, row) =>
                row.kind === 'SUSPEND' ? (
                  '—'
                ) : (
                  <Select
                    mode="tags"
                    style={{ width: 220 }}
                    value={row.to ?? []}
                    onChange={(value: string[]) => change(row.key, { to: codes(value) })}
                    tokenSeparators={[',', '，', ' ']}
                  />
                ),
            },
            {
              title: t('catalogue.mappings.inheritor'),
              key: 'inheritor',
              width: 200,
              render: (_, row) => {
                if (row.kind === 'SUSPEND') return '—';
                const choices = row.kind === 'SPLIT' ? (row.to ?? []) : row.from;
                return (
                  <Select
                    style={{ width: 190 }}
                    value={row.inheritor ?? undefined}
                    onChange={(inheritor) => change(row.key, { inheritor })}
                    options={choices.map((code) => ({ value: code, label: code }))}
                  />
                );
              },
            },
            {
              key: 'remove',
              width: 50,
              render: (_, row) => (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('catalogue.mappings.remove')}
                  onClick={() => setRows((all) => all.filter((other) => other.key !== row.key))}
                />
              ),
            },
          ]}
        />
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setRows((all) => [
              ...all,
              {
                key: Math.max(0, ...all.map((row) => row.key + 1)),
                kind: 'SPLIT',
                from: [],
                to: [],
                inheritor: null,
              },
            ])
          }
          data-testid="catalogue-mappings-add"
        >
          {t('catalogue.mappings.add')}
        </Button>
      </Space>
    </Modal>
  );
}

interface MappingProblem {
  field: string;
  code: string;
  message: { zhCN: string; enUS: string };
}

/** The rows the server refused, each with its message in both languages. */
function mappingProblemsOf(error: unknown): MappingProblem[] {
  const problems = graphQLErrorsOf(error)[0]?.extensions?.problems;
  return Array.isArray(problems)
    ? (problems as MappingProblem[]).filter((problem) => typeof problem?.message === 'object')
    : [];
}

/** `mappings[2]` → 3, as the table counts rows. */
const rowNumberOf = (field: string) => Number(/\[(\d+)\]/.exec(field)?.[1] ?? 0) + 1;
