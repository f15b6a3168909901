/**
 * Transactional mails in lb, fr, de and en: a subject, a few paragraphs and at most one action link, with
 * `{name}` placeholders. Values are plain in the text part and HTML-escaped in the HTML part; the HTML is
 * simple and accessible (a `lang` attribute, a real link, no images, no scripts, no remote content).
 */
import type { Language } from '../language.ts';

export interface MailText {
  subject: string;
  /** paragraphs, in order */
  lines: string[];
  /** one link, e.g. "Confirm my address" → https://…/verify?token={token}; only http(s) URLs are accepted */
  action?: { label: string; url: string };
}

/** The texts of a mail per language; French is required, it is the fallback for a missing language. */
export type MailTexts = { fr: MailText } & Partial<Record<Language, MailText>>;

export type MailVars = Record<string, string | number>;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** the language the mail was written in (the requested one, or French when it has no texts) */
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

/** Replaces each `{name}` with `vars.name`; a placeholder without a value is a bug and throws. */
export function interpolate(template: string, vars: MailVars, encode: (value: string) => string = (v) => v): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`mail template uses {${name}} but no value was given for it`);
    return encode(String(value));
  });
}

export function renderMail(messages: MailTexts, lang: Language, vars: MailVars = {}): RenderedMail {
  const chosen: Language = messages[lang] ? lang : 'fr';
  const texts = messages[chosen] ?? messages.fr;
  const plain = (template: string) => interpolate(template, vars);
  const escaped = (template: string) => interpolate(escapeHtml(template), vars, escapeHtml);

  const subject = plain(texts.subject)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const lines = texts.lines.map(plain);
  let action: { label: string; url: string } | undefined;
  if (texts.action) {
    const url = plain(texts.action.url);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`mail action URL "${url}" is not an absolute URL`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error(`mail action URL must be http(s) (got ${parsed.protocol})`);
    }
    action = { label: plain(texts.action.label), url: parsed.href };
  }

  const text = [...lines, ...(action ? [`${action.label}:\n${action.url}`] : [])].join('\n\n').concat('\n');

  const paragraph = (template: string) =>
    `<p style="margin:0 0 1em">${escaped(template).replace(/\r?\n/g, '<br>')}</p>`;
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
${texts.lines.map(paragraph).join('\n')}
${actionHtml}
</main>
</body>
</html>
`;
  return { subject, text, html, lang: chosen };
}
