/**
 * The identity service's public pages: sign-in (the OpenID Connect provider's login interaction),
 * registration, address verification and password reset. Plain HTML forms: they work without JavaScript.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, isLanguage, type Language, negotiateLanguage } from '@gemeng/subgraph-kit';
import type Provider from 'oidc-provider';
import { type Accounts, type FieldProblem, normaliseEmail } from '../accounts/accounts.ts';
import type { Db } from '../db.ts';
import { answerCodeCard, cellName, codeCardChallenge } from '../factors/code-card.ts';
import type { Passkeys } from '../factors/passkeys.ts';
import { checkTotp, useRecoveryCode } from '../factors/totp.ts';
import { type AttemptKey, clearFailures, lockedMinutes, recordFailure } from '../security/attempts.ts';
import { logSecurityEvent, type SecurityEventKind } from '../security/log.ts';
import { type Field, form, languageSelect, layout, link, paragraph, STYLE, textsFor } from './pages.ts';
import type { Texts } from './texts.ts';

export interface WebOptions {
  db: Db;
  provider: Provider;
  accounts: Accounts;
  passkeys: Passkeys;
  /** Public origin of these pages (the issuer's origin); POSTs from any other origin are refused. */
  publicUrl: string;
}

const MAX_FORM_BYTES = 16_384;

export function createWebRoutes(options: WebOptions) {
  const { db, provider, accounts, passkeys } = options;
  const origin = new URL(options.publicUrl).origin;

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    if (path === '/account/style.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' });
      res.end(STYLE);
      return true;
    }
    if (path === '/account/passkey.js') {
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      res.end(PASSKEY_SCRIPT);
      return true;
    }
    const interaction = path.match(/^\/interaction\/([\w-]{1,64})(?:\/(login|second-factor|abort))?$/);
    if (!interaction && !path.startsWith('/account/')) return false;

    if (req.method === 'POST' && !sameOrigin(req, origin)) {
      send(res, 403, layout('en', 'Forbidden', paragraph('This form may only be sent from its own page.')));
      return true;
    }
    const body = req.method === 'POST' ? await readForm(req) : new URLSearchParams();
    const lang = pick(url.searchParams.get('lang') ?? body.get('lang'), req);
    const t = textsFor(lang);

    if (interaction) {
      await handleInteraction(
        req,
        res,
        interaction[1] ?? '',
        req.method === 'POST' ? (interaction[2] ?? '') : '',
        body,
        url,
      );
      return true;
    }

    switch (`${req.method} ${path}`) {
      case 'GET /account/register':
        return page(res, lang, t.registerTitle, registerForm(t, lang, {}, {}));
      case 'POST /account/register': {
        const language = isLanguage(body.get('language')) ? (body.get('language') as Language) : lang;
        const input = {
          email: body.get('email') ?? '',
          name: body.get('name') ?? '',
          password: body.get('password') ?? '',
          passwordConfirmation: body.get('passwordConfirmation') ?? '',
          language,
        };
        const problems = await accounts.register(input);
        if (problems) {
          return page(res, lang, t.registerTitle, registerForm(t, language, input, problems), 422);
        }
        return page(res, lang, t.checkInbox, paragraph(t.checkInboxText, { email: input.email.trim() }));
      }
      case 'GET /account/verify': {
        const ok = await accounts.verifyEmail(url.searchParams.get('token') ?? '');
        return ok
          ? page(res, lang, t.verifiedTitle, paragraph(t.verifiedText))
          : page(
              res,
              lang,
              t.invalidLinkTitle,
              paragraph(t.invalidLinkText) + link(`/account/reset?lang=${lang}`, t.resetTitle),
              410,
            );
      }
      case 'GET /account/email/confirm': {
        const ok = await accounts.confirmEmailChange(url.searchParams.get('token') ?? '');
        return ok
          ? page(res, lang, t.verifiedTitle, paragraph(t.verifiedText))
          : page(res, lang, t.invalidLinkTitle, paragraph(t.invalidLinkText), 410);
      }
      case 'GET /account/reset':
        return page(res, lang, t.resetTitle, paragraph(t.resetText) + resetRequestForm(t, lang));
      case 'POST /account/reset':
        await accounts.requestPasswordReset(body.get('email') ?? '');
        return page(res, lang, t.checkInbox, paragraph(t.checkInboxText, { email: (body.get('email') ?? '').trim() }));
      case 'GET /account/reset/confirm':
        return page(res, lang, t.resetTitle, resetConfirmForm(t, lang, url.searchParams.get('token') ?? '', []));
      case 'POST /account/reset/confirm': {
        const token = body.get('token') ?? '';
        const outcome = await accounts.resetPassword(
          token,
          body.get('password') ?? '',
          body.get('passwordConfirmation') ?? '',
        );
        if (outcome === 'done') return page(res, lang, t.resetDoneTitle, paragraph(t.resetDoneText));
        if (outcome === 'invalidLink') {
          return page(
            res,
            lang,
            t.invalidLinkTitle,
            paragraph(t.invalidLinkText) + link(`/account/reset?lang=${lang}`, t.resetTitle),
            410,
          );
        }
        return page(res, lang, t.resetTitle, resetConfirmForm(t, lang, token, [t[outcome]]), 422);
      }
      default:
        send(res, 404, layout(lang, 'Not found', ''));
        return true;
    }
  };

  async function handleInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    action: string,
    body: URLSearchParams,
    url: URL,
  ) {
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      const lang = pick(url.searchParams.get('lang'), req);
      send(res, 400, layout(lang, textsFor(lang).signInTitle, paragraph(textsFor(lang).sessionExpired)));
      return;
    }
    if (details.uid !== uid) throw new Error('interaction uid mismatch');
    const locales = String(details.params.ui_locales ?? '').split(' ')[0];
    const lang = pick(url.searchParams.get('lang') ?? body.get('lang') ?? (isLanguage(locales) ? locales : null), req);
    const t = textsFor(lang);
    const client = { ip: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent'] ?? null };

    if (details.prompt.name === 'login') {
      const wantsSubstantial = String(details.params.acr_values ?? '')
        .split(' ')
        .includes('substantial');
      const state = (details.result as { gemeng?: LoginState } | undefined)?.gemeng ?? {};
      // Step-up: signed in already (with one factor), only the missing factor is asked.
      const stepUp = details.prompt.reasons.includes('acr_substantial') && details.session?.accountId;
      const userId = state.userId ?? (stepUp ? String(details.session?.accountId) : undefined);

      if (action === 'abort') {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'no second factor was given' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      if (userId && wantsSubstantial) {
        return secondFactor(req, res, { uid, lang, t, userId, state, action, body, client });
      }
      if (action !== 'login') return void page(res, lang, t.signInTitle, loginForm(t, lang, uid, '', []), 200, uid);

      const email = normaliseEmail(body.get('email') ?? '');
      const keys: AttemptKey[] = [
        { kind: 'account', value: email },
        { kind: 'ip', value: client.ip ?? 'unknown' },
      ];
      const minutes = await lockedMinutes(db, keys);
      if (minutes) {
        const message = t.tooManyAttempts.replace('{minutes}', String(minutes));
        return void page(res, lang, t.signInTitle, loginForm(t, lang, uid, email, [message]), 429, uid);
      }
      const result = await accounts.authenticate(email, body.get('password') ?? '');
      if (!result.ok) {
        await failed(keys, result.userId ?? null, 'login-failed', client);
        const error = result.reason === 'unverified' ? t.unverified : t.invalidCredentials;
        return void page(res, lang, t.signInTitle, loginForm(t, lang, uid, email, [error]), 401, uid);
      }
      await clearFailures(db, keys[0] as AttemptKey);
      if (wantsSubstantial) {
        const next: LoginState = { userId: result.user.id };
        await provider.interactionResult(req, res, { gemeng: next }, { mergeWithLastSubmission: false });
        return secondFactor(req, res, { uid, lang, t, userId: result.user.id, state: next, action: '', body, client });
      }
      await logSecurityEvent(db, { userId: result.user.id, kind: 'login', details: { acr: 'low' }, ...client });
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: result.user.id, acr: 'low', amr: ['pwd'], remember: true } },
        { mergeWithLastSubmission: false },
      );
      return;
    }

    if (details.prompt.name === 'consent') {
      // The only clients are the syndicate's own (the portal, the widgets): consent is implied.
      const prompt = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({
            accountId: String(details.session?.accountId),
            clientId: String(details.params.client_id),
          });
      if (!grant) throw new Error('grant not found');
      if (prompt.missingOIDCScope) grant.addOIDCScope(prompt.missingOIDCScope.join(' '));
      if (prompt.missingOIDCClaims) grant.addOIDCClaims(prompt.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(prompt.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    throw new Error(`unsupported prompt ${details.prompt.name}`);
  }

  /** Counts a failure; when it locks the account, tells its owner by mail and in the security log. */
  async function failed(keys: AttemptKey[], userId: string | null, kind: SecurityEventKind, client: ClientInfo) {
    const locked = await recordFailure(db, keys);
    await logSecurityEvent(db, { userId, kind, ...client });
    if (userId && locked.some((key) => key.kind === 'account')) {
      await logSecurityEvent(db, { userId, kind: 'lockout', ...client });
      await accounts.notifyLockout(userId);
    }
  }

  /** The second step: a passkey, the commune's code card (two random cells), or a TOTP code / recovery code. */
  async function secondFactor(
    req: IncomingMessage,
    res: ServerResponse,
    input: {
      uid: string;
      lang: Language;
      t: Texts;
      userId: string;
      state: LoginState;
      action: string;
      body: URLSearchParams;
      client: ClientInfo;
    },
  ) {
    const { uid, lang, t, userId, body, client } = input;
    let state = input.state;
    const hasTotp = Boolean(await db.totpFactor.findFirst({ where: { userId, confirmedAt: { not: null } } }));
    if (!state.challenge) {
      const challenge = await codeCardChallenge(db, userId);
      if (challenge) {
        state = { ...state, userId, challenge };
        await provider.interactionResult(req, res, { gemeng: state }, { mergeWithLastSubmission: false });
      }
    }
    /** A new WebAuthn challenge for the page: one per attempt, never replayed. */
    const newPasskeyChallenge = async () => {
      const options = await passkeys.authenticationOptions(userId);
      if (!options) return;
      state = { ...state, userId, passkeyChallenge: options.challenge, passkeyOptions: JSON.stringify(options) };
      await provider.interactionResult(req, res, { gemeng: state }, { mergeWithLastSubmission: false });
    };
    if (!state.passkeyChallenge) await newPasskeyChallenge();
    const challenge = state.challenge;
    if (!challenge && !hasTotp && !state.passkeyChallenge) {
      return void page(res, lang, t.secondFactorTitle, paragraph(t.noSecondFactor) + abortForm(t, uid), 200, uid);
    }
    const errors: string[] = [];
    if (input.action === 'second-factor') {
      const keys: AttemptKey[] = [
        { kind: 'account', value: `factor:${userId}` },
        { kind: 'ip', value: client.ip ?? 'unknown' },
      ];
      const minutes = await lockedMinutes(db, keys);
      let ok = false;
      let method = '';
      if (minutes) errors.push(t.tooManyAttempts.replace('{minutes}', String(minutes)));
      else if (body.get('method') === 'passkey' && state.passkeyChallenge) {
        method = 'passkey';
        ok = await passkeys.authenticate(userId, state.passkeyChallenge, body.get('response') ?? '');
        if (!ok) await newPasskeyChallenge();
      } else if (body.get('method') === 'code-card' && challenge) {
        method = 'code-card';
        ok = await answerCodeCard(db, userId, challenge, [body.get('cell1') ?? '', body.get('cell2') ?? '']);
      } else if (body.get('method') === 'totp' && hasTotp) {
        const code = (body.get('code') ?? '').trim();
        method = /^\d{6}$/.test(code) ? 'totp' : 'recovery-code';
        ok = method === 'totp' ? await checkTotp(db, userId, code) : await useRecoveryCode(db, userId, code);
      }
      if (ok) {
        await clearFailures(db, keys[0] as AttemptKey);
        await logSecurityEvent(db, { userId, kind: 'login', details: { acr: 'substantial', method }, ...client });
        await provider.interactionFinished(
          req,
          res,
          {
            login: {
              accountId: userId,
              acr: 'substantial',
              amr: ['pwd', method === 'passkey' ? 'hwk' : 'otp'],
              remember: true,
            },
          },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      if (!minutes) {
        await failed(keys, userId, 'second-factor-failed', client);
        errors.push(t.secondFactorInvalid);
      }
    }
    const others = [challenge ? codeCardForm(t, lang, uid, challenge) : '', hasTotp ? totpForm(t, lang, uid) : ''];
    const forms =
      (state.passkeyOptions ? passkeyForm(t, lang, uid, state.passkeyOptions, others.some(Boolean)) : '') +
      others.join('');
    const summary = errors.length
      ? `<div class="summary" role="alert"><p>${escapeHtml(t.errorSummary)}</p><ul>${errors
          .map((e) => `<li>${escapeHtml(e)}</li>`)
          .join('')}</ul></div>`
      : '';
    page(
      res,
      lang,
      t.secondFactorTitle,
      summary + paragraph(t.secondFactorText) + forms,
      errors.length ? 401 : 200,
      uid,
    );
  }
}

function loginForm(t: Texts, lang: Language, uid: string, email: string, errors: string[]): string {
  return (
    form(
      t,
      `/interaction/${uid}/login`,
      [
        { name: 'email', label: t.email, type: 'email', autocomplete: 'username', value: email },
        { name: 'password', label: t.password, type: 'password', autocomplete: 'current-password' },
      ],
      t.signIn,
      { errors, extra: `<input type="hidden" name="lang" value="${lang}">` },
    ) +
    link(`/account/reset?lang=${lang}`, t.forgot) +
    `<p>${t.noAccount} <a href="/account/register?lang=${lang}">${t.register}</a></p>`
  );
}

function registerForm(
  t: Texts,
  lang: Language,
  input: { email?: string; name?: string },
  problems: Partial<Record<string, FieldProblem>>,
): string {
  const error = (name: string) => (problems[name] ? t[problems[name] as FieldProblem] : undefined);
  const fields: Field[] = [
    { name: 'name', label: t.name, type: 'text', autocomplete: 'name', value: input.name ?? '', error: error('name') },
    {
      name: 'email',
      label: t.email,
      type: 'email',
      autocomplete: 'email',
      value: input.email ?? '',
      error: error('email'),
    },
    {
      name: 'password',
      label: t.password,
      type: 'password',
      autocomplete: 'new-password',
      hint: t.passwordHint,
      error: error('password'),
    },
    {
      name: 'passwordConfirmation',
      label: t.passwordConfirmation,
      type: 'password',
      autocomplete: 'new-password',
      error: error('passwordConfirmation'),
    },
  ].map((f) => (f.error === undefined ? { ...f, error: undefined } : f)) as Field[];
  const errors = fields.flatMap((f) => (f.error ? [f.error] : []));
  return form(t, `/account/register?lang=${lang}`, fields, t.create, {
    errors,
    extra: languageSelect(t, lang),
  });
}

function resetRequestForm(t: Texts, lang: Language): string {
  return form(
    t,
    `/account/reset?lang=${lang}`,
    [{ name: 'email', label: t.email, type: 'email', autocomplete: 'email' }],
    t.send,
  );
}

function resetConfirmForm(t: Texts, lang: Language, token: string, errors: string[]): string {
  return form(
    t,
    `/account/reset/confirm?lang=${lang}`,
    [
      { name: 'password', label: t.newPassword, type: 'password', autocomplete: 'new-password', hint: t.passwordHint },
      { name: 'passwordConfirmation', label: t.passwordConfirmation, type: 'password', autocomplete: 'new-password' },
    ],
    t.save,
    { errors, extra: `<input type="hidden" name="token" value="${token.replace(/[^\w-]/g, '')}">` },
  );
}

function pick(requested: string | null | undefined, req: IncomingMessage): Language {
  return isLanguage(requested) ? requested : negotiateLanguage(req.headers['accept-language']);
}

function sameOrigin(req: IncomingMessage, origin: string): boolean {
  const given = req.headers.origin;
  if (given && given !== 'null') return given === origin;
  // An opaque origin (privacy settings, sandboxed frames) or none: rely on Fetch Metadata.
  if (given === 'null') return req.headers['sec-fetch-site'] === 'same-origin';
  // Browsers send Origin on every POST; without it, fall back on Fetch Metadata.
  return req.headers['sec-fetch-site'] !== 'cross-site';
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function page(res: ServerResponse, lang: Language, title: string, body: string, status = 200, uid?: string): true {
  const links = (other: Language) => (uid ? `/interaction/${uid}?lang=${other}` : `?lang=${other}`);
  send(res, status, layout(lang, title, body, links));
  return true;
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    // Not no-referrer: with it, browsers post these forms with `Origin: null`, which sameOrigin() must refuse.
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

interface LoginState {
  /** The account whose password was right (the first factor). */
  userId?: string;
  /** The code-card cells asked for, fixed for the whole interaction (reloading does not draw new ones). */
  challenge?: { serial: string; cells: [number, number] };
  /** The WebAuthn challenge of this interaction, and the options for the page's script. */
  passkeyChallenge?: string;
  passkeyOptions?: string;
}

type ClientInfo = { ip: string | null; userAgent: string | null };

function codeCardForm(t: Texts, lang: Language, uid: string, challenge: { serial: string; cells: [number, number] }) {
  const [a, b] = challenge.cells.map(cellName) as [string, string];
  return form(
    t,
    `/interaction/${uid}/second-factor`,
    [
      { name: 'cell1', label: t.cardCell.replace('{cell}', a), type: 'text', autocomplete: 'one-time-code' },
      { name: 'cell2', label: t.cardCell.replace('{cell}', b), type: 'text', autocomplete: 'one-time-code' },
    ],
    t.confirm,
    {
      extra: `<input type="hidden" name="method" value="code-card"><input type="hidden" name="lang" value="${lang}">`,
      intro: t.cardPrompt.replace('{a}', a).replace('{b}', b).replace('{serial}', challenge.serial),
    },
  );
}

/**
 * The passkey step needs JavaScript (the WebAuthn API): the form stays hidden until /account/passkey.js shows
 * it, so that without JavaScript only the other ways are offered.
 */
function passkeyForm(t: Texts, lang: Language, uid: string, options: string, othersFollow: boolean) {
  return `<form id="passkey-form" method="post" action="/interaction/${uid}/second-factor" hidden data-failed="${escapeHtml(t.passkeyFailed)}">
<script type="application/json" id="passkey-options">${options.replace(/</g, '\\u003c')}</script>
<input type="hidden" name="method" value="passkey"><input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="response" value="">
<p id="passkey-status" class="error" role="status"></p>
<button type="submit">${escapeHtml(t.passkeyUse)}</button>
${othersFollow ? `<p>${escapeHtml(t.passkeyOr)}</p>` : ''}
</form>
<script src="/account/passkey.js" defer></script>`;
}

/** Asks the browser for the passkey (navigator.credentials.get) and posts its answer as JSON with the form. */
const PASSKEY_SCRIPT = `(() => {
  const form = document.getElementById('passkey-form');
  const data = document.getElementById('passkey-options');
  if (!form || !data || !window.PublicKeyCredential) return;
  form.hidden = false;
  const bytes = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const text = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  form.addEventListener('submit', async (event) => {
    if (form.elements.response.value) return;
    event.preventDefault();
    const status = document.getElementById('passkey-status');
    status.textContent = '';
    const options = JSON.parse(data.textContent);
    try {
      const credential = await navigator.credentials.get({
        publicKey: {
          challenge: bytes(options.challenge),
          rpId: options.rpId,
          timeout: options.timeout,
          userVerification: options.userVerification,
          allowCredentials: (options.allowCredentials || []).map((c) => ({ type: 'public-key', id: bytes(c.id), transports: c.transports })),
        },
      });
      const answer = credential.response;
      form.elements.response.value = JSON.stringify({
        id: credential.id,
        rawId: text(credential.rawId),
        type: credential.type,
        authenticatorAttachment: credential.authenticatorAttachment || undefined,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: {
          clientDataJSON: text(answer.clientDataJSON),
          authenticatorData: text(answer.authenticatorData),
          signature: text(answer.signature),
          userHandle: answer.userHandle ? text(answer.userHandle) : undefined,
        },
      });
      form.submit();
    } catch {
      status.textContent = form.dataset.failed;
    }
  });
})();
`;

function totpForm(t: Texts, lang: Language, uid: string) {
  return form(
    t,
    `/interaction/${uid}/second-factor`,
    [{ name: 'code', label: t.totpLabel, type: 'text', autocomplete: 'one-time-code' }],
    t.confirm,
    { extra: `<input type="hidden" name="method" value="totp"><input type="hidden" name="lang" value="${lang}">` },
  );
}

function abortForm(t: Texts, uid: string) {
  return `<form method="post" action="/interaction/${uid}/abort"><button type="submit">${escapeHtml(t.back)}</button></form>`;
}
