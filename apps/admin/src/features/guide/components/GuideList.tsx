import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Select, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../shared/navigation/navigation';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { actionErrorText } from '../../../shared/i18n/describe';
import { type GuideEntry, useGuideItems } from '../hooks/useServiceGuide';
import { useLimitText } from './limit-text';

/** The center's items, searched by name or code and filtered by department; a card opens one. */
export function GuideList({
  divisionCode,
  departments,
}: {
  divisionCode: string;
  departments: string[];
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState<string | null>(null);
  const items = useGuideItems(divisionCode, search, department);

  return (
    <Space direction="vertical" size={20} style={{ width: '100%' }}>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch(typed.trim());
        }}
        style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}
      >
        <Input
          size="large"
          allowClear
          value={typed}
          maxLength={100}
          onChange={(event) => {
            setTyped(event.target.value);
            // Cleared with the cross: show everything again at once.
            if (event.target.value === '') setSearch('');
          }}
          placeholder={t('guide.searchPlaceholder')}
          aria-label={t('guide.searchPlaceholder')}
          prefix={<SearchOutlined />}
          data-testid="guide-search"
          style={{ flex: '3 1 320px' }}
        />
        <Select
          size="large"
          value={department ?? ''}
          onChange={(value: string) => setDepartment(value || null)}
          options={[
            { value: '', label: t('guide.allDepartments') },
            ...departments.map((name) => ({ value: name, label: name })),
          ]}
          aria-label={t('guide.departmentLabel')}
          data-testid="guide-department"
          style={{ flex: '2 1 240px' }}
          showSearch
          optionFilterProp="label"
        />
        <Button
          size="large"
          type="primary"
          htmlType="submit"
          icon={<SearchOutlined />}
          data-testid="guide-search-submit"
          style={{ minWidth: 120 }}
        >
          {t('guide.search')}
        </Button>
      </form>

      {items.error && !items.nodes.length ? (
        <LoadFailure title={t('guide.loadFailed')} error={items.error} onRetry={items.retry} />
      ) : items.loading ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin size="large" />
        </div>
      ) : items.nodes.length === 0 ? (
        <Empty description={t('guide.empty')} data-testid="guide-empty" />
      ) : (
        <>
          <div className="guide-muted" data-testid="guide-count" aria-live="polite">
            {items.hasNextPage
              ? t('guide.resultsMore', { count: items.nodes.length })
              : t('guide.results', { count: items.nodes.length })}
          </div>
          <div className="guide-grid" data-testid="guide-items">
            {items.nodes.map((entry) => (
              <EntryCard key={entry.code} entry={entry} divisionCode={divisionCode} />
            ))}
          </div>
          {items.error && <Alert type="error" showIcon message={actionErrorText(t, items.error)} />}
          {items.hasNextPage && (
            <div style={{ textAlign: 'center' }}>
              <Button
                size="large"
                loading={items.loadingMore}
                onClick={() => void items.loadMore()}
                data-testid="guide-more"
                style={{ minWidth: 200 }}
              >
                {t('guide.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </Space>
  );
}

function EntryCard({ entry, divisionCode }: { entry: GuideEntry; divisionCode: string }) {
  const { t } = useTranslation();
  const limitText = useLimitText();
  return (
    <button
      type="button"
      className="guide-card"
      data-testid="guide-item"
      data-code={entry.code}
      onClick={() => navigate({ name: 'guide', divisionCode, item: entry.code })}
    >
      <span className="guide-card-name">{entry.name}</span>
      <span className="guide-muted">
        {entry.competentDepartment} · {t(`catalogue.itemType.${entry.type}`)}
      </span>
      <span style={{ display: 'flex', gap: 6, flexWrap: 'wrap', marginTop: 'auto' }}>
        {entry.onTheSpot ? (
          <Tag color="green">{t('guide.onTheSpot')}</Tag>
        ) : (
          <Tag color="blue">
            {t('guide.promisedLabel', { limit: limitText(entry.promisedLimit) })}
          </Tag>
        )}
        {entry.onlineAvailable && <Tag color="cyan">{t('guide.online')}</Tag>}
        {entry.handling === 'INTAKE_ONLY' && (
          <Tag color="orange">{t('guide.handling.INTAKE_ONLY')}</Tag>
        )}
      </span>
    </button>
  );
}
