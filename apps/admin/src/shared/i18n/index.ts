import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { KeyValueStorage } from '../storage/key-value-storage';
import { enUS } from './en-US';
import { DEFAULT_LANGUAGE, initialLanguage, type Language, rememberLanguage } from './languages';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
} as const;

/**
 * Initialises i18next for React in the remembered language, else the browser's
 * (`preferred`: navigator.languages); remembers later switches.
 */
export async function setUpI18n(
  storage: KeyValueStorage | null,
  preferred: readonly string[] = [],
): Promise<typeof i18next> {
  const lng = initialLanguage(storage, preferred);
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: Object.keys(resources),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  const apply = (language: string) => {
    document.documentElement.lang = language;
    document.title = i18next.t('app.fullName');
  };
  apply(lng);
  i18next.on('languageChanged', (language) => {
    rememberLanguage(storage, language as Language);
    apply(language);
  });
  return i18next;
}
