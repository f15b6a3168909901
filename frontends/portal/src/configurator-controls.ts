/** The configurator's own controls: the widget's language and the theme colours with their contrast check. */
import { formatNumber, LANGUAGES, type Language, matchLanguage } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { contrastProblems, normalizeHex, type ThemeToken } from './configurator-colors.ts';
import { selectKey, tc } from './configurator-messages.ts';

/** Each language's name in itself, for the language select. */
const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  lb: 'Lëtzebuergesch',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

/** `''`: the widget follows the page's language. */
export function renderLanguage(
  lang: Language,
  chosen: Language | '',
  onChange: (value: Language | '') => void,
): TemplateResult {
  const change = (event: Event) => onChange(matchLanguage((event.target as HTMLSelectElement).value) ?? '');
  return html`<div class="field">
    <label for="widget-language">${tc(lang, 'language')}</label>
    <p class="hint" id="widget-language-hint">${tc(lang, 'languageHint')}</p>
    <select id="widget-language" aria-describedby="widget-language-hint" @change=${change}>
      <option value="" ?selected=${chosen === ''}>${tc(lang, 'pageLanguage')}</option>
      ${LANGUAGES.map(
        (code) =>
          html`<option value=${code} lang=${code} ?selected=${chosen === code}>${LANGUAGE_NAMES[code]}</option>`,
      )}
    </select>
  </div>`;
}

/** One colour input per token, the contrast warnings below 4.5:1 (a live region) and a reset button. */
export function renderColours(
  lang: Language,
  tokens: readonly ThemeToken[],
  colours: Readonly<Record<string, string>>,
  onChange: (colours: Readonly<Record<string, string>>) => void,
): TemplateResult {
  const current = Object.fromEntries(tokens.map((t) => [t.name, colours[t.name] ?? t.defaultValue]));
  const problems = contrastProblems(current);
  const name = (token: string) => tc(lang, 'colourName', { key: selectKey(token), token });
  const ratio = (value: number) => formatNumber(lang, value, { maximumFractionDigits: 1 });
  return html`<fieldset class="field colours" aria-describedby="colours-hint">
    <legend>${tc(lang, 'colours')}</legend>
    <p class="hint" id="colours-hint">${tc(lang, 'coloursHint')}</p>
    <div class="colour-grid">
      ${tokens.map(
        (token) => html`<div class="colour">
          <input type="color" id="colour-${token.name}" .value=${current[token.name] ?? token.defaultValue}
            @input=${(event: Event) => {
              const value = normalizeHex((event.target as HTMLInputElement).value);
              if (value) onChange({ ...colours, [token.name]: value });
            }} />
          <label for="colour-${token.name}">${name(token.name)}</label>
        </div>`,
      )}
    </div>
    <div role="status" class="contrast">
      ${
        problems.length
          ? html`<ul class="warnings">
              ${problems.map(
                (p) =>
                  html`<li>${tc(lang, 'contrastLow', { foreground: name(p.foreground), background: name(p.background), ratio: ratio(p.ratio) })}</li>`,
              )}
            </ul>`
          : html`<p>${tc(lang, 'contrastOk')}</p>`
      }
    </div>
    <button type="button" class="secondary" @click=${() => onChange({})}>${tc(lang, 'resetColours')}</button>
  </fieldset>`;
}
