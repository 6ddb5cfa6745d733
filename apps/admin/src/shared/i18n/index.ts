import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { KeyValueStorage } from '../storage/key-value-storage';
import {
  initialLanguage,
  isLanguage,
  type Language,
  LANGUAGES,
  rememberLanguage,
} from './languages';

/**
 * Each language's strings, fetched when first needed: the login page loads the one it shows,
 * not both (its JavaScript budget, tests/browser/layout.browser.spec.ts).
 */
const DICTIONARIES: Record<Language, () => Promise<object>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  'en-US': () => import('./en-US').then((m) => m.enUS),
};

async function loadLanguage(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await DICTIONARIES[language]());
}

/** Switches the interface language once its strings are there. */
export async function switchLanguage(language: string): Promise<void> {
  if (!isLanguage(language)) return;
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

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
    resources: { [lng]: { translation: await DICTIONARIES[lng]() } },
    partialBundledLanguages: true,
    lng,
    // Every language has every string (i18n.spec.ts): no fallback to fetch.
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
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
