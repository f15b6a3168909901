/** Server-rendered account pages: accessible, in four languages, and working without JavaScript. */
import { LANGUAGE_NAMES as NAMES } from '@gemeng/i18n';
import { escapeHtml, LANGUAGES, type Language } from '@gemeng/subgraph-kit';
import { pageMessages, type Texts } from './texts.ts';

export const STYLE = `
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; background: #f4f5f7; }
body { margin: 0; }
header { background: #005a8c; color: #fff; padding: 0.75rem 1.5rem; font-weight: 700; font-size: 1.25rem; }
main { max-width: 30rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; border: 1px solid #c9ced6; }
h1 { font-size: 1.5rem; margin-top: 0; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input, select { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem; margin-top: 0.25rem; border: 2px solid #5c6470; border-radius: 4px; }
input[aria-invalid="true"] { border-color: #b00020; }
.hint { color: #4a5260; font-size: 0.9rem; margin: 0.25rem 0 0; }
.error { color: #b00020; font-weight: 600; margin: 0.25rem 0 0; }
.summary { border: 3px solid #b00020; padding: 0.75rem 1rem; margin-bottom: 1rem; }
.summary p { margin: 0; font-weight: 700; }
button { margin-top: 1.5rem; font: inherit; font-weight: 700; color: #fff; background: #005a8c; border: 0; border-radius: 4px; padding: 0.6rem 1.25rem; cursor: pointer; }
a { color: #004a73; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
nav.languages { margin-top: 2rem; font-size: 0.9rem; }
nav.languages a { margin-right: 0.75rem; }
`;

export function layout(
  lang: Language,
  title: string,
  body: string,
  languageLinks?: (lang: Language) => string,
): string {
  const languages = languageLinks
    ? `<nav class="languages" aria-label="${escapeHtml(pageMessages.t(lang, 'languagesNav'))}">${LANGUAGES.filter(
        (other) => other !== lang,
      )
        .map(
          (other) =>
            `<a href="${escapeHtml(languageLinks(other))}" lang="${other}" hreflang="${other}">${NAMES[other]}</a>`,
        )
        .join('')}</nav>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Gemeng</title>
<link rel="stylesheet" href="/account/style.css">
</head>
<body>
<header>Gemeng</header>
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

export function form(
  t: Texts,
  action: string,
  fields: Field[],
  submit: string,
  options: { errors?: string[]; extra?: string; intro?: string } = {},
): string {
  const errors = options.errors ?? [];
  const summary = errors.length
    ? `<div class="summary" role="alert" tabindex="-1"><p>${escapeHtml(t('errorSummary'))}</p><ul>${errors
        .map((error) => `<li>${escapeHtml(error)}</li>`)
        .join('')}</ul></div>`
    : '';
  const intro = options.intro ? `<p>${escapeHtml(options.intro)}</p>` : '';
  return `${summary}<form method="post" action="${escapeHtml(action)}" novalidate>
${intro}
${fields.map(field).join('\n')}
${options.extra ?? ''}
<button type="submit">${escapeHtml(submit)}</button>
</form>`;
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
