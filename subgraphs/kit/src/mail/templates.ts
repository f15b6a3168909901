/**
 * Transactional mails from ICU messages (`@gemeng/i18n`): a mail `verifyEmail` is the messages `verifyEmail.subject`,
 * `verifyEmail.body` (paragraphs separated by a blank line) and, when it has a link, `verifyEmail.action` (the link's
 * label; its address is the `url` value). Values are plain in the text part and HTML-escaped in the HTML part; the
 * HTML is simple and accessible (a `lang` attribute, a real link, no images, no scripts, no remote content).
 */
import { FALLBACKS, type Messages, type MessageValues } from '@gemeng/i18n';
import type { Language } from '../language.ts';

export type MailVars = MessageValues;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** the language the mail was written in: the one asked for, or its first fallback that has the mail */
  lang: Language;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The mail's link: `vars.url`, which must be an absolute http(s) URL. */
function actionUrl(vars: MailVars): string {
  const url = String(vars.url ?? '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`mail action URL "${url}" is not an absolute URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`mail action URL must be http(s) (got ${parsed.protocol})`);
  }
  return parsed.href;
}

/**
 * Renders `mail` in `lang` from `messages`. A missing message or value is a bug and throws (the mail does not go
 * out half-written).
 */
export function renderMail<K extends string>(
  messages: Messages<K>,
  mail: string,
  lang: Language,
  vars: MailVars = {},
): RenderedMail {
  const chosen = FALLBACKS[lang].find((candidate) => messages.has(candidate, `${mail}.subject`));
  if (!chosen) throw new Error(`no mail "${mail}" in ${messages.feature}`);
  const format = (part: string) => messages.format(chosen, `${mail}.${part}` as K, vars);

  const subject = format('subject')
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const paragraphs = format('body')
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const action = messages.has(chosen, `${mail}.action`) ? { label: format('action'), url: actionUrl(vars) } : undefined;

  const text = [...paragraphs, ...(action ? [`${action.label}:\n${action.url}`] : [])].join('\n\n').concat('\n');

  const paragraph = (content: string) =>
    `<p style="margin:0 0 1em">${escapeHtml(content).replace(/\r?\n/g, '<br>')}</p>`;
  const actionHtml = action
    ? `<p style="margin:1.5em 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:0.6em 1.2em;background:#00529b;color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold">${escapeHtml(action.label)}</a></p>\n<p style="margin:0 0 1em;font-size:0.875em;word-break:break-all"><a href="${escapeHtml(action.url)}" style="color:#00529b">${escapeHtml(action.url)}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="${chosen}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:36em">
${paragraphs.map(paragraph).join('\n')}
${actionHtml}
</main>
</body>
</html>
`;
  return { subject, text, html, lang: chosen };
}
