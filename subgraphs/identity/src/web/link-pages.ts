/**
 * The pages a link from a mail opens (address verification, address change): a GET shows one button, and only
 * its POST uses the one-time token. Mail scanners and link previews fetch links, and would otherwise use them
 * up before the person clicks; the POST passes the same-origin check of every form (routes.ts).
 */
import type { ServerResponse } from 'node:http';
import type { Language } from '@gemeng/subgraph-kit';
import { page } from './http.ts';
import { form, paragraph } from './pages.ts';
import type { Texts } from './texts.ts';

/** A token as the links carry it (base64url); anything else is dropped before it reaches a page or a query. */
const cleanToken = (value: string | null) => (value ?? '').replace(/[^\w-]/g, '').slice(0, 100);

export function tokenOf(body: URLSearchParams): string {
  return cleanToken(body.get('token'));
}

export function confirmLinkPage(res: ServerResponse, lang: Language, t: Texts, url: URL, text: string): true {
  const token = cleanToken(url.searchParams.get('token'));
  const action = `${url.pathname}?lang=${lang}`;
  const html =
    paragraph(text) +
    form(t, action, [], t('confirmAddressButton'), {
      extra: `<input type="hidden" name="token" value="${token}">`,
    });
  // The language links keep the token, which `?lang=` alone would drop.
  const languageLink = (other: Language) => `${url.pathname}?token=${encodeURIComponent(token)}&lang=${other}`;
  return page(res, lang, t('confirmAddressTitle'), html, 200, undefined, { languageLink });
}
