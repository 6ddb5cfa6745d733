/** Supported interface languages and how the initial one is chosen. Plain TypeScript. */
import type { KeyValueStorage } from '../storage/key-value-storage';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_KEY = 'tongban.language';

/** Names shown in the language switch, each in its own language. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The supported language a browser asks for first (`navigator.languages`, in the user's
 * order): any Chinese (zh, zh-Hans, zh-TW...) is zh-CN, any English is en-US; else Chinese.
 */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (base === 'zh') return 'zh-CN';
    if (base === 'en') return 'en-US';
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The language to start in: the one the user picked before (remembered in storage), else
 * the browser's (first visit), else Chinese.
 */
export function initialLanguage(
  storage: KeyValueStorage | null,
  preferred: readonly string[] = [],
): Language {
  try {
    const saved = storage?.getItem(LANGUAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage unavailable
  }
  return browserLanguage(preferred);
}

export function rememberLanguage(storage: KeyValueStorage | null, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
}
