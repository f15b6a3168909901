/** Server-rendered account pages: accessible, in four languages, and working without JavaScript. */
import { type MessageValues, LANGUAGE_NAMES as NAMES } from '@gemeng/i18n';
import { escapeHtml, LANGUAGES, type Language } from '@gemeng/subgraph-kit';
import { type PageTextKey, pageMessages, type Texts } from './texts.ts';

export const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; background: #f4f5f7; }
body { margin: 0; }
header { background: #005a8c; color: #fff; padding: 0.75rem 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; justify-content: space-between; }
header .brand { font-weight: 700; font-size: 1.25rem; }
header a { color: #fff; }
main { max-width: 30rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; border: 1px solid #c9ced6; }
@media (max-width: 34rem) { main { margin: 1rem 0.5rem; padding: 1rem; } header { padding: 0.75rem 1rem; } }
main, .summary { overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin-top: 0; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input, select { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem; margin-top: 0.25rem; border: 2px solid #5c6470; border-radius: 4px; }
input[aria-invalid="true"] { border-color: #b00020; }
.hint { color: #4a5260; font-size: 0.9rem; margin: 0.25rem 0 0; }
.error { color: #b00020; font-weight: 600; margin: 0.25rem 0 0; }
.summary { border: 3px solid #b00020; padding: 0.75rem 1rem; margin-bottom: 1rem; }
.summary h2 { margin: 0; font-size: 1.125rem; }
.summary ul { margin: 0.5rem 0 0; padding-left: 1.25rem; }
.summary a { color: #b00020; font-weight: 600; }
.warning { border-left: 6px solid #1b1b1b; padding: 0.25rem 0 0.25rem 0.75rem; font-weight: 600; }
button { margin-top: 1.5rem; font: inherit; font-weight: 700; color: #fff; background: #005a8c; border: 0; border-radius: 4px; padding: 0.6rem 1.25rem; cursor: pointer; }
a { color: #004a73; }
/* The portal's two-colour focus ring (frontends/kit): the yellow alone is 1.6:1 on white, the dark ring around it 16:1. */
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1b1b1b; }
[data-error-summary]:focus { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1b1b1b; }
nav.languages { margin-top: 2rem; font-size: 0.9rem; }
nav.languages a { margin-right: 0.75rem; }
`;

/** Where the pages link back to: the portal's first origin (GEMENG_PORTAL_ORIGINS), set once by the routes. */
let portalOrigin: string | undefined;

export function usePortal(origin: string | undefined): void {
  portalOrigin = origin;
}

/** A page of the portal (`/privacy`, `/account`) in `lang`; undefined when identity knows no portal. */
export function portalLink(path: string, lang: Language): string | undefined {
  return portalOrigin ? `${portalOrigin}${path}?lang=${lang}` : undefined;
}

/** Marks the error summary: a page with one is an error page (its title starts with "Error: ", its script runs). */
const ERROR_SUMMARY = 'data-error-summary';

export function layout(
  lang: Language,
  title: string,
  body: string,
  languageLinks?: (lang: Language) => string,
): string {
  const t = (key: PageTextKey, values?: MessageValues) => pageMessages.t(lang, key, values);
  const languages = languageLinks
    ? `<nav class="languages" aria-label="${escapeHtml(t('languagesNav'))}">${LANGUAGES.filter(
        (other) => other !== lang,
      )
        .map(
          (other) =>
            `<a href="${escapeHtml(languageLinks(other))}" lang="${other}" hreflang="${other}">${NAMES[other]}</a>`,
        )
        .join('')}</nav>`
    : '';
  const home = portalLink('/', lang);
  const header = home
    ? `<a class="brand" href="${escapeHtml(home)}">Gemeng</a><a href="${escapeHtml(home)}">${escapeHtml(t('backToPortal'))}</a>`
    : '<span class="brand">Gemeng</span>';
  // GOV.UK's pattern: a page showing errors says so first in its title, and its error summary takes the focus.
  const error = body.includes(ERROR_SUMMARY);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(error ? t('errorTitle', { title }) : title)} – Gemeng</title>
<link rel="stylesheet" href="/account/style.css">${error ? '\n<script src="/account/errors.js" defer></script>' : ''}
</head>
<body>
<header>${header}</header>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
${languages}
</main>
</body>
</html>`;
}

export interface Field {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autocomplete: string;
  value?: string;
  error?: string;
  hint?: string;
}

function field(f: Field): string {
  const described = [f.hint ? `${f.name}-hint` : '', f.error ? `${f.name}-error` : ''].filter(Boolean).join(' ');
  return `<label for="${f.name}">${escapeHtml(f.label)}</label>
${f.hint ? `<p class="hint" id="${f.name}-hint">${escapeHtml(f.hint)}</p>` : ''}
${f.error ? `<p class="error" id="${f.name}-error">${escapeHtml(f.error)}</p>` : ''}
<input id="${f.name}" name="${f.name}" type="${f.type}" autocomplete="${f.autocomplete}" required${
    f.value !== undefined && f.type !== 'password' ? ` value="${escapeHtml(f.value)}"` : ''
  }${described ? ` aria-describedby="${described}"` : ''}${f.error ? ' aria-invalid="true"' : ''}>`;
}

/** One line of an error summary: its text, and the field (`#email`) or page it links to. */
export interface Problem {
  text: string;
  href?: string;
}

/**
 * GOV.UK's error summary: a heading and a list of links to the fields in error. It is announced (role alert)
 * and takes the focus (errors.js); the page's title starts with "Error: " (layout).
 */
export function errorSummary(t: Texts, problems: Problem[]): string {
  if (!problems.length) return '';
  const items = problems
    .map((p) => `<li>${p.href ? `<a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>` : escapeHtml(p.text)}</li>`)
    .join('');
  return `<div class="summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" ${ERROR_SUMMARY}><h2 id="error-summary-title">${escapeHtml(t('errorSummary'))}</h2><ul>${items}</ul></div>`;
}

/**
 * A form: the error summary (each field's own error, linked to it, then `errors` about the whole form, linked to
 * its first field), the fields, and the button. `notice` comes after the summary (a warning before a lockout).
 */
export function form(
  t: Texts,
  action: string,
  fields: Field[],
  submit: string,
  options: {
    errors?: (string | Problem)[];
    extra?: string;
    intro?: string;
    notice?: string;
    /** false when the page shows one summary for several forms (the second step). */
    summary?: boolean;
  } = {},
): string {
  const first = fields[0] ? `#${fields[0].name}` : undefined;
  const problems: Problem[] = [
    ...fields.flatMap((f) => (f.error ? [{ text: f.error, href: `#${f.name}` }] : [])),
    ...(options.errors ?? []).map((e) => (typeof e === 'string' ? { text: e, href: first } : e)),
  ];
  const intro = options.intro ? `<p>${escapeHtml(options.intro)}</p>` : '';
  const summary = options.summary === false ? '' : errorSummary(t, problems);
  return `${summary}${warningNotice(options.notice)}<form method="post" action="${escapeHtml(action)}" novalidate>
${intro}
${fields.map(field).join('\n')}
${options.extra ?? ''}
<button type="submit">${escapeHtml(submit)}</button>
</form>`;
}

/** A warning that stands out (the attempts left before a lockout). */
export function warningNotice(text: string | undefined): string {
  return text ? `<p class="warning">${escapeHtml(text)}</p>` : '';
}

export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

export function link(href: string, text: string): string {
  return `<p><a href="${escapeHtml(href)}">${escapeHtml(text)}</a></p>`;
}

export function languageSelect(t: Texts, selected: Language): string {
  return `<label for="language">${escapeHtml(t('language'))}</label>
<select id="language" name="language" autocomplete="language">${LANGUAGES.map(
    (lang) => `<option value="${lang}" lang="${lang}"${lang === selected ? ' selected' : ''}>${NAMES[lang]}</option>`,
  ).join('')}</select>`;
}

/** The pages' texts in `lang`: `t('signInTitle')`, `t('checkInboxText', { email })`. */
export const textsFor =
  (lang: Language): Texts =>
  (key, values) =>
    pageMessages.t(lang, key, values);
