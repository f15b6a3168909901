/** The sign-in interaction's forms: the password, and each way to give the second factor. */
import { escapeHtml, type Language } from '@gemeng/subgraph-kit';
import { cellName } from '../factors/code-card.ts';
import { form, link, type Problem } from './pages.ts';
import type { Texts } from './texts.ts';

export interface LoginProblems {
  email?: string;
  password?: string;
  /** About the whole form (wrong address or password, a refusal), linked to its first field or to `href`. */
  form?: Problem;
  /** The warning before a lockout. */
  notice?: string;
}

export function loginForm(t: Texts, lang: Language, uid: string, email: string, problems: LoginProblems = {}): string {
  return (
    form(
      t,
      `/interaction/${uid}/login`,
      [
        {
          name: 'email',
          label: t('email'),
          type: 'email',
          autocomplete: 'username',
          value: email,
          error: problems.email,
        },
        {
          name: 'password',
          label: t('password'),
          type: 'password',
          autocomplete: 'current-password',
          error: problems.password,
        },
      ],
      t('signIn'),
      {
        errors: problems.form ? [problems.form] : [],
        notice: problems.notice,
        extra: `<input type="hidden" name="lang" value="${lang}">`,
      },
    ) +
    link(`/account/reset?lang=${lang}`, t('forgot')) +
    `<p>${escapeHtml(t('noAccount'))} <a href="/account/register?lang=${lang}">${escapeHtml(t('register'))}</a></p>`
  );
}

export function codeCardForm(
  t: Texts,
  lang: Language,
  uid: string,
  challenge: { serial: string; cells: [number, number] },
  errors: Record<string, string | undefined> = {},
) {
  const [a, b] = cardCells(challenge);
  return form(
    t,
    `/interaction/${uid}/second-factor`,
    [
      {
        name: 'cell1',
        label: t('cardCell', { cell: a }),
        type: 'text',
        autocomplete: 'one-time-code',
        error: errors.cell1,
      },
      {
        name: 'cell2',
        label: t('cardCell', { cell: b }),
        type: 'text',
        autocomplete: 'one-time-code',
        error: errors.cell2,
      },
    ],
    t('confirm'),
    {
      extra: `<input type="hidden" name="method" value="code-card"><input type="hidden" name="lang" value="${lang}">`,
      intro: t('cardPrompt', { a, b, serial: challenge.serial }),
      summary: false,
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

export function totpForm(t: Texts, lang: Language, uid: string, error?: string) {
  return form(
    t,
    `/interaction/${uid}/second-factor`,
    [{ name: 'code', label: t('totpLabel'), type: 'text', autocomplete: 'one-time-code', error }],
    t('confirm'),
    {
      extra: `<input type="hidden" name="method" value="totp"><input type="hidden" name="lang" value="${lang}">`,
      summary: false,
    },
  );
}

/** The names of the code card's two cells asked for (`B4`, `E7`). */
export function cardCells(challenge: { cells: [number, number] }): [string, string] {
  return challenge.cells.map(cellName) as [string, string];
}

export function abortForm(t: Texts, uid: string) {
  return `<form method="post" action="/interaction/${uid}/abort"><button type="submit">${escapeHtml(t('back'))}</button></form>`;
}

/** The empty fields of a second-step form sent (`method`: code-card or totp), each with its own message. */
export function missingFactorFields(
  t: Texts,
  method: string | null,
  challenge: { cells: [number, number] } | undefined,
  body: URLSearchParams,
): Record<string, string | undefined> {
  const empty = (name: string) => !(body.get(name) ?? '').trim();
  if (method === 'code-card' && challenge) {
    const [a, b] = cardCells(challenge);
    return {
      cell1: empty('cell1') ? t('cellMissing', { cell: a }) : undefined,
      cell2: empty('cell2') ? t('cellMissing', { cell: b }) : undefined,
    };
  }
  return method === 'totp' && empty('code') ? { code: t('codeMissing') } : {};
}
