import { ConfigProvider, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { classifyError } from '../../../shared/api/errors';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch';
import { LoadFailure } from '../../../shared/ui/LoadFailure';
import { Logo } from '../../../shared/ui/Logo';
import { useGuideCenter } from '../hooks/useServiceGuide';
import { GuideItemView } from './GuideItemView';
import { GuideList } from './GuideList';
import './guide.css';

/** Larger type and controls than the admin app's: the page runs on the hall's kiosks too. */
const KIOSK_THEME = {
  token: { fontSize: 18, controlHeight: 48, controlHeightLG: 56, controlHeightSM: 36 },
};

/**
 * A center's public service guide (办事指南), `/guide/:divisionCode`, open to anyone: its
 * items by name and department, an item's whole guide to read or print, and the one-time
 * notification (一次性告知) of what an applicant still lacks.
 */
export function GuidePage({ divisionCode, item }: { divisionCode: string; item: string | null }) {
  const { t } = useTranslation();
  const center = useGuideCenter(divisionCode);
  const data = center.data;

  let body;
  if (center.error) {
    body =
      classifyError(center.error).kind === 'notFound' ||
      classifyError(center.error).kind === 'badInput' ? (
        <Result
          status="404"
          title={<span data-testid="guide-not-found">{t('guide.notFound')}</span>}
        />
      ) : (
        <LoadFailure title={t('guide.loadFailed')} error={center.error} onRetry={center.retry} />
      );
  } else if (!data) {
    body = (
      <div style={{ padding: 64, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  } else if (item) {
    body = (
      <GuideItemView
        divisionCode={divisionCode}
        code={item}
        centerName={data.serviceGuideCenter.name}
      />
    );
  } else {
    body = <GuideList divisionCode={divisionCode} departments={data.serviceGuideDepartments} />;
  }

  return (
    <ConfigProvider theme={KIOSK_THEME}>
      <div className="guide-page">
        <header className="guide-banner guide-no-print">
          <div
            style={{
              maxWidth: 1600,
              margin: '0 auto',
              display: 'flex',
              alignItems: 'center',
              gap: 16,
              flexWrap: 'wrap',
            }}
          >
            <Logo size={52} />
            <div style={{ flex: 1, minWidth: 240 }}>
              <h1 data-testid="guide-center-name">
                {data ? data.serviceGuideCenter.name : t('guide.title')}
              </h1>
              <div style={{ opacity: 0.9 }}>
                {t('guide.title')} · {t('guide.subtitle')}
              </div>
            </div>
            <span style={{ background: '#fff', borderRadius: 8, padding: 4 }}>
              <LanguageSwitch compact />
            </span>
          </div>
        </header>
        <main className="guide-body">{body}</main>
      </div>
    </ConfigProvider>
  );
}
