import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Spin, Table, Tag } from 'antd';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyError } from '../../../shared/api/errors';
import { navigate } from '../../../shared/navigation/navigation';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { type GuideItem, useGuideItem } from '../hooks/useServiceGuide';
import { useLimitText } from './limit-text';
import { NotificationPanel } from './NotificationPanel';
import { printOnly } from './print';

/** One item's whole service guide, printable on its own, beside the one-time notification. */
export function GuideItemView({
  divisionCode,
  code,
  centerName,
}: {
  divisionCode: string;
  code: string;
  centerName: string;
}) {
  const { t } = useTranslation();
  const item = useGuideItem(divisionCode, code);
  const guideRef = useRef<HTMLDivElement>(null);
  const back = () => navigate({ name: 'guide', divisionCode, item: null });

  const toolbar = (
    <Space wrap style={{ marginBottom: 16 }} className="guide-no-print">
      <Button size="large" icon={<ArrowLeftOutlined />} onClick={back} data-testid="guide-back">
        {t('guide.back')}
      </Button>
      {item.data && (
        <Button
          size="large"
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => printOnly(guideRef.current)}
          data-testid="guide-print"
        >
          {t('guide.print')}
        </Button>
      )}
    </Space>
  );

  if (item.error) {
    return (
      <>
        {toolbar}
        {classifyError(item.error).kind === 'notFound' ||
        classifyError(item.error).kind === 'badInput' ? (
          <Result status="404" title={t('guide.itemNotFound')} />
        ) : (
          <LoadFailure title={t('guide.loadFailed')} error={item.error} onRetry={item.retry} />
        )}
      </>
    );
  }
  if (!item.data) {
    return (
      <>
        {toolbar}
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin size="large" />
        </div>
      </>
    );
  }
  const guide = item.data.serviceGuideItem;
  return (
    <>
      {toolbar}
      <div className="guide-detail">
        <Card>
          <div ref={guideRef} data-testid="guide-detail">
            <GuideText guide={guide} centerName={centerName} />
          </div>
        </Card>
        <NotificationPanel divisionCode={divisionCode} guide={guide} centerName={centerName} />
      </div>
    </>
  );
}

function GuideText({ guide, centerName }: { guide: GuideItem; centerName: string }) {
  const { t } = useTranslation();
  const limitText = useLimitText();
  const orAsk = (value: string | null) => value || t('guide.askWindow');
  const fee = guide.fee.free
    ? t('guide.free')
    : [guide.fee.basis, guide.fee.amount].filter(Boolean).join(' ');
  return (
    <article>
      <div className="guide-print-only">{centerName}</div>
      <h2 style={{ fontSize: 26, margin: '0 0 4px' }} data-testid="guide-item-name">
        {guide.name}
      </h2>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag>{t(`catalogue.itemType.${guide.type}`)}</Tag>
        {guide.onTheSpot && <Tag color="green">{t('guide.onTheSpot')}</Tag>}
        {guide.onlineAvailable && <Tag color="cyan">{t('guide.online')}</Tag>}
      </Space>
      <Facts
        rows={[
          [t('guide.section.code'), guide.code],
          [t('guide.section.department'), guide.competentDepartment],
          [t('guide.section.level'), guide.implementingLevel],
          [t('guide.section.handling'), t(`guide.handling.${guide.handling}`)],
          [
            t('guide.section.scope'),
            guide.applicantScopes.map((scope) => t(`guide.scope.${scope}`)).join('、'),
          ],
        ]}
      />
      <Section title={t('guide.section.basis')}>{guide.legalBasis}</Section>
      <Section title={t('guide.section.conditions')}>{guide.conditions}</Section>
      <Section title={t('guide.section.materials')}>
        <Table
          size="small"
          pagination={false}
          rowKey="name"
          dataSource={guide.materials}
          data-testid="guide-materials"
          columns={[
            { title: t('guide.column.name'), dataIndex: 'name' },
            {
              title: t('guide.column.form'),
              dataIndex: 'form',
              render: (form: string) => t(`guide.form.${form}`),
            },
            { title: t('guide.column.copies'), dataIndex: 'copies' },
            {
              title: t('guide.column.required'),
              dataIndex: 'required',
              render: (required: boolean) =>
                required ? <Tag color="red">{t('guide.required')}</Tag> : t('guide.optional'),
            },
            { title: t('guide.column.notes'), dataIndex: 'notes' },
          ]}
        />
      </Section>
      <Section title={t('guide.section.steps')}>
        <ol style={{ margin: 0, paddingLeft: 24 }}>
          {guide.steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      </Section>
      <Section title={t('guide.section.limits')}>
        <Facts
          rows={[
            [t('guide.section.promisedLimit'), limitText(guide.promisedLimit)],
            [t('guide.section.statutoryLimit'), limitText(guide.statutoryLimit)],
          ]}
        />
      </Section>
      <Section title={t('guide.section.fees')}>
        {fee}
        {guide.feeNote && <div className="guide-muted">{guide.feeNote}</div>}
      </Section>
      <Section title={t('guide.section.address')}>
        <Facts
          rows={[
            [t('guide.section.address'), orAsk(guide.address)],
            [t('guide.section.phone'), orAsk(guide.phone)],
            [t('guide.section.hours'), orAsk(guide.officeHours)],
            [t('guide.section.online'), guide.onlineAvailable ? t('guide.yes') : t('guide.no')],
          ]}
        />
      </Section>
      {guide.notes && <Section title={t('guide.section.notes')}>{guide.notes}</Section>}
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3>{title}</h3>
      <div style={{ whiteSpace: 'pre-line' }}>{children}</div>
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        columnGap: 16,
        rowGap: 4,
        margin: '0 0 8px',
      }}
    >
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className="guide-muted">{label}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
