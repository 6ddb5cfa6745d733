import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages';

/**
 * Switches the interface language; i18n remembers the choice in localStorage. `compact`
 * leaves out the globe (narrow screens).
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { i18n, t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, flex: 'none' }}>
      {!compact && <GlobalOutlined aria-hidden style={{ color: '#8c8c8c' }} />}
      <Segmented
        data-testid="language-switch"
        aria-label={t('language.label')}
        size="small"
        value={isLanguage(i18n.language) ? i18n.language : 'zh-CN'}
        options={LANGUAGES.map((lng) => ({ value: lng, label: LANGUAGE_NAMES[lng] }))}
        onChange={(value) => void switchLanguage(value)}
      />
    </span>
  );
}
