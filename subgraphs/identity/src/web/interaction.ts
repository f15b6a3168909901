/**
 * The OpenID Connect provider's login interaction: the password (first factor), then, when the client asks for
 * `acr_values=substantial`, the second factor (a passkey, the commune's code card or a TOTP code), and the
 * implied consent for the syndicate's own clients.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, isLanguage, type Language } from '@gemeng/subgraph-kit';
import type Provider from 'oidc-provider';
import { type Accounts, normaliseEmail } from '../accounts/accounts.ts';
import type { Db } from '../db.ts';
import { answerCodeCard, codeCardChallenge } from '../factors/code-card.ts';
import type { Passkeys } from '../factors/passkeys.ts';
import { checkTotp, useRecoveryCode } from '../factors/totp.ts';
import { type Attempt, attemptSucceeded, beginAttempt, lockedByThisFailure } from '../security/attempts.ts';
import { logSecurityEvent, type SecurityEventKind } from '../security/log.ts';
import { afterFailure, refusal, retryAfter } from './attempt-texts.ts';
import { page, pick, send } from './http.ts';
import { abortForm, codeCardForm, loginForm, missingFactorFields, passkeyForm, totpForm } from './interaction-forms.ts';
import { errorSummary, layout, type Problem, paragraph, textsFor, warningNotice } from './pages.ts';
import type { Texts } from './texts.ts';

export interface InteractionOptions {
  db: Db;
  provider: Provider;
  accounts: Accounts;
  passkeys: Passkeys;
  /** Behind a trusted proxy: the client's address is the one it appended to X-Forwarded-For. */
  behindProxy: boolean;
}

export function createInteraction(options: InteractionOptions) {
  const { db, provider, accounts, passkeys } = options;
  return handleInteraction;

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
      send(res, 400, layout(lang, textsFor(lang)('signInTitle'), paragraph(textsFor(lang)('sessionExpired'))));
      return;
    }
    if (details.uid !== uid) throw new Error('interaction uid mismatch');
    const locales = String(details.params.ui_locales ?? '').split(' ')[0];
    const lang = pick(url.searchParams.get('lang') ?? body.get('lang') ?? (isLanguage(locales) ? locales : null), req);
    const t = textsFor(lang);
    const client = { ip: clientAddress(req, options.behindProxy), userAgent: req.headers['user-agent'] ?? null };

    if (details.prompt.name === 'login') {
      const wantsSubstantial = String(details.params.acr_values ?? '')
        .split(' ')
        .includes('substantial');
      const state = (details.result as { gemeng?: LoginState } | undefined)?.gemeng ?? {};
      const stepUp = wantsSubstantial && secondFactorSuffices(details.prompt.reasons, details.session?.accountId);
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
      if (action !== 'login') return void page(res, lang, t('signInTitle'), loginForm(t, lang, uid, ''), 200, uid);

      const email = normaliseEmail(body.get('email') ?? '');
      const password = body.get('password') ?? '';
      if (!email || !password) {
        // Each empty field its own message; nothing is counted for a form sent half-filled.
        const missing = {
          email: email ? undefined : t('emailMissing'),
          password: password ? undefined : t('passwordMissing'),
        };
        return void page(res, lang, t('signInTitle'), loginForm(t, lang, uid, email, missing), 422, uid);
      }
      // Counted before the password is checked: a refused attempt never reaches the hash.
      const attempt = await beginAttempt(db, [
        { kind: 'account', value: email },
        { kind: 'address', value: client.ip },
      ]);
      if (!attempt.allowed) {
        const html = loginForm(t, lang, uid, email, { form: { text: refusal(t, attempt), href: '#email' } });
        return void page(res, lang, t('signInTitle'), html, 429, uid, { headers: retryAfter(attempt) });
      }
      const result = await accounts.authenticate(email, password);
      if (!result.ok) {
        await failed(attempt, result.userId ?? null, 'login-failed', client);
        const { locked, warning } = afterFailure(t, attempt);
        const error: Problem =
          result.reason === 'unverified'
            ? { text: t('unverified'), href: `/account/verify/resend?lang=${lang}` }
            : { text: locked ?? t('invalidCredentials'), href: '#email' };
        const html = loginForm(t, lang, uid, email, { form: error, notice: warning });
        return void page(res, lang, t('signInTitle'), html, 401, uid);
      }
      await attemptSucceeded(db, attempt);
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

  /** Logs a wrong answer (counted already); when it locked the account, tells its owner by mail and in the log. */
  async function failed(attempt: Attempt, userId: string | null, kind: SecurityEventKind, client: ClientInfo) {
    await logSecurityEvent(db, { userId, kind, ...client });
    if (userId && lockedByThisFailure(attempt)) {
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
      return void page(res, lang, t('secondFactorTitle'), paragraph(t('noSecondFactor')) + abortForm(t, uid), 200, uid);
    }
    const errors: Problem[] = [];
    let notice: string | undefined;
    let attempt: Attempt | undefined;
    const method = body.get('method');
    // Each empty field its own message; nothing is counted for a form sent half-filled.
    const fieldErrors = input.action === 'second-factor' ? missingFactorFields(t, method, challenge, body) : {};
    const firstField = method === 'totp' ? '#code' : method === 'code-card' ? '#cell1' : undefined;
    if (input.action === 'second-factor' && !Object.values(fieldErrors).some(Boolean)) {
      // Counted before the passkey, card cells or code are checked (see security/attempts.ts).
      attempt = await beginAttempt(db, [
        { kind: 'account', value: `factor:${userId}` },
        { kind: 'address', value: client.ip },
      ]);
      let ok = false;
      let used = '';
      if (!attempt.allowed) errors.push({ text: refusal(t, attempt), href: firstField });
      else if (body.get('method') === 'passkey' && state.passkeyChallenge) {
        used = 'passkey';
        ok = await passkeys.authenticate(userId, state.passkeyChallenge, body.get('response') ?? '');
        if (!ok) await newPasskeyChallenge();
      } else if (body.get('method') === 'code-card' && challenge) {
        used = 'code-card';
        ok = await answerCodeCard(db, userId, challenge, [body.get('cell1') ?? '', body.get('cell2') ?? '']);
      } else if (body.get('method') === 'totp' && hasTotp) {
        const code = (body.get('code') ?? '').trim();
        used = /^\d{6}$/.test(code) ? 'totp' : 'recovery-code';
        ok = used === 'totp' ? await checkTotp(db, userId, code) : await useRecoveryCode(db, userId, code);
      }
      if (ok) {
        await attemptSucceeded(db, attempt);
        await logSecurityEvent(db, { userId, kind: 'login', details: { acr: 'substantial', method: used }, ...client });
        await provider.interactionFinished(
          req,
          res,
          {
            login: {
              accountId: userId,
              acr: 'substantial',
              // RFC 8176: the password of this session, the second factor now, two factors in all.
              amr: ['pwd', used === 'passkey' ? 'hwk' : 'otp', 'mfa'],
              // The session's auth time becomes now: recent authentication is judged by it (max_age, auth_time).
              ts: Math.floor(Date.now() / 1000),
              remember: true,
            },
          },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      if (attempt.allowed) {
        await failed(attempt, userId, 'second-factor-failed', client);
        const { locked, warning } = afterFailure(t, attempt);
        errors.push({ text: locked ?? t('secondFactorInvalid'), href: firstField });
        notice = warning;
      }
    }
    const others = [
      challenge ? codeCardForm(t, lang, uid, challenge, fieldErrors) : '',
      hasTotp ? totpForm(t, lang, uid, fieldErrors.code) : '',
    ];
    const forms =
      (state.passkeyOptions ? passkeyForm(t, lang, uid, state.passkeyOptions, others.some(Boolean)) : '') +
      others.join('');
    const problems: Problem[] = [
      ...Object.entries(fieldErrors).flatMap(([name, text]) => (text ? [{ text, href: `#${name}` }] : [])),
      ...errors,
    ];
    page(
      res,
      lang,
      t('secondFactorTitle'),
      errorSummary(t, problems) + warningNotice(notice) + paragraph(t('secondFactorText')) + forms,
      attempt?.allowed === false ? 429 : errors.length ? 401 : problems.length ? 422 : 200,
      uid,
      attempt?.allowed === false ? { headers: retryAfter(attempt) } : {},
    );
  }
}

/**
 * Why the login prompt runs when a person already signed in may answer with the second factor alone: a step-up
 * from one factor (`acr_substantial`), or recent authentication asked with `acr_values=substantial` — `max_age`
 * exceeded (the widgets' "sudo mode" for sensitive changes, `max_age=600`) or `prompt=login`. Answering it renews
 * the session's auth time, acr and amr. Any other reason (no session, another subject in id_token_hint) asks for
 * the password.
 */
const SECOND_FACTOR_REASONS = new Set(['acr_substantial', 'max_age', 'login_prompt']);

function secondFactorSuffices(reasons: string[], sessionAccountId: unknown): boolean {
  return (
    Boolean(sessionAccountId) && reasons.length > 0 && reasons.every((reason) => SECOND_FACTOR_REASONS.has(reason))
  );
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
