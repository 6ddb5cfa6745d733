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
 * The language to start in: the one the user picked before (remembered in storage), else
 * Chinese. The browser's language is deliberately not consulted: the product's users work in
 * Chinese; English is a choice, and once made it is remembered.
 */
export function initialLanguage(storage: KeyValueStorage | null): Language {
  try {
    const saved = storage?.getItem(LANGUAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage unavailable
  }
  return DEFAULT_LANGUAGE;
}

export function rememberLanguage(storage: KeyValueStorage | null, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
}
