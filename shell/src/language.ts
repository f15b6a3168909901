import { type Language, matchLanguage, negotiateLanguage } from '@gemeng/frontend-kit';
import { type ShellMessageKey, t } from './messages.ts';

const STORAGE_KEY = 'gemeng:lang';

/** `?lang=` wins (shareable links), then the reader's last choice, then the browser. */
export function initialLanguage(): Language {
  const fromQuery = matchLanguage(new URLSearchParams(location.search).get('lang'));
  if (fromQuery) return fromQuery;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (privacy settings); the choice then lasts for the page only.
  }
  return matchLanguage(stored) ?? negotiateLanguage(navigator.languages);
}

/**
 * Applies a language to the page. Widgets without a `lang` of their own follow `<html lang>`, so this is the
 * only place that needs to know about them. The title is the page's (src/routes.ts).
 */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(language, element.dataset.i18n as ShellMessageKey);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(language, element.dataset.i18nLabel as ShellMessageKey));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See initialLanguage.
  }
}
