/** The sign-in interaction's forms: the password, and each way to give the second factor. */
import { escapeHtml, type Language } from '@gemeng/subgraph-kit';
import { cellName } from '../factors/code-card.ts';
import { form, link } from './pages.ts';
import type { Texts } from './texts.ts';

export function loginForm(t: Texts, lang: Language, uid: string, email: string, errors: string[]): string {
  return (
    form(
      t,
      `/interaction/${uid}/login`,
      [
        { name: 'email', label: t('email'), type: 'email', autocomplete: 'username', value: email },
        { name: 'password', label: t('password'), type: 'password', autocomplete: 'current-password' },
      ],
      t('signIn'),
      { errors, extra: `<input type="hidden" name="lang" value="${lang}">` },
    ) +
    link(`/account/reset?lang=${lang}`, t('forgot')) +
    `<p>${t('noAccount')} <a href="/account/register?lang=${lang}">${t('register')}</a></p>`
  );
}

export function codeCardForm(
  t: Texts,
  lang: Language,
  uid: string,
  challenge: { serial: string; cells: [number, number] },
) {
  const [a, b] = challenge.cells.map(cellName) as [string, string];
  return form(
    t,
    `/interaction/${uid}/second-factor`,
    [
      { name: 'cell1', label: t('cardCell', { cell: a }), type: 'text', autocomplete: 'one-time-code' },
      { name: 'cell2', label: t('cardCell', { cell: b }), type: 'text', autocomplete: 'one-time-code' },
    ],
    t('confirm'),
    {
      extra: `<input type="hidden" name="method" value="code-card"><input type="hidden" name="lang" value="${lang}">`,
      intro: t('cardPrompt', { a, b, serial: challenge.serial }),
    },
  );
}

/**
 * The passkey step needs JavaScript (the WebAuthn API): the form stays hidden until /account/passkey.js shows
 * it, so that without JavaScript only the other ways are offered.
 */
export function passkeyForm(t: Texts, lang: Language, uid: string, options: string, othersFollow: boolean) {
  return `<form id="passkey-form" method="post" action="/interaction/${uid}/second-factor" hidden data-failed="${escapeHtml(t('passkeyFailed'))}">
<script type="application/json" id="passkey-options">${options.replace(/</g, '\\u003c')}</script>
<input type="hidden" name="method" value="passkey"><input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="response" value="">
<p id="passkey-status" class="error" role="status"></p>
<button type="submit">${escapeHtml(t('passkeyUse'))}</button>
${othersFollow ? `<p>${escapeHtml(t('passkeyOr'))}</p>` : ''}
</form>
<script src="/account/passkey.js" defer></script>`;
}

export function totpForm(t: Texts, lang: Language, uid: string) {
  return form(
    t,
    `/interaction/${uid}/second-factor`,
    [{ name: 'code', label: t('totpLabel'), type: 'text', autocomplete: 'one-time-code' }],
    t('confirm'),
    { extra: `<input type="hidden" name="method" value="totp"><input type="hidden" name="lang" value="${lang}">` },
  );
}

export function abortForm(t: Texts, uid: string) {
  return `<form method="post" action="/interaction/${uid}/abort"><button type="submit">${escapeHtml(t('back'))}</button></form>`;
}
