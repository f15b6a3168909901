import type { Language } from '@gemeng/frontend-kit';
import { ta } from './account-messages.ts';

export const PASSKEY_NAME_MAX = 60;

/** A name the person will recognise, e.g. "Firefox on Windows"; "This device" when the browser says too little. */
export function suggestPasskeyName(lang: Language, userAgent = globalThis.navigator?.userAgent ?? ''): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : undefined;
  const platform = /iPhone/.test(userAgent)
    ? 'iPhone'
    : /iPad/.test(userAgent)
      ? 'iPad'
      : /Android/.test(userAgent)
        ? 'Android'
        : /CrOS/.test(userAgent)
          ? 'ChromeOS'
          : /Mac OS X|Macintosh/.test(userAgent)
            ? 'macOS'
            : /Windows/.test(userAgent)
              ? 'Windows'
              : /Linux/.test(userAgent)
                ? 'Linux'
                : undefined;
  const name = browser && platform ? ta(lang, 'passkeyDefaultName', { browser, platform }) : ta(lang, 'thisDevice');
  return [...name].slice(0, PASSKEY_NAME_MAX).join('');
}
