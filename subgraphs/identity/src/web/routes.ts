/**
 * The identity service's public pages: sign-in (the OpenID Connect provider's login interaction),
 * registration, address verification and password reset. Plain HTML forms: they work without JavaScript.
 * The pages that send mail are limited per client address and per target address (security/mail-limits.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, isLanguage, type Language } from '@gemeng/subgraph-kit';
import type Provider from 'oidc-provider';
import { type Accounts, type FieldProblem, registrationProblems } from '../accounts/accounts.ts';
import type { Db } from '../db.ts';
import type { Passkeys } from '../factors/passkeys.ts';
import { mailAllowed } from '../security/mail-limits.ts';
import { page, pick, readForm, sameOrigin, send } from './http.ts';
import { createInteraction } from './interaction.ts';
import { confirmLinkPage, tokenOf } from './link-pages.ts';
import { type Field, form, languageSelect, layout, link, paragraph, STYLE, textsFor } from './pages.ts';
import { PASSKEY_SCRIPT } from './passkey-script.ts';
import type { Texts } from './texts.ts';

export interface WebOptions {
  db: Db;
  provider: Provider;
  accounts: Accounts;
  passkeys: Passkeys;
  /** Public origin of these pages (the issuer's origin); POSTs from any other origin are refused. */
  publicUrl: string;
  /** Behind a trusted proxy (GEMENG_BEHIND_PROXY): the client's address is taken from X-Forwarded-For. */
  behindProxy: boolean;
}

export function createWebRoutes(options: WebOptions) {
  const { accounts } = options;
  const handleInteraction = createInteraction(options);
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
    /** 429 when the caller or the target address has asked for too many mails lately; else null. */
    const tooManyMails = async (target: string) => {
      const limited = await mailAllowed(options.db, clientAddress(req, options.behindProxy), target);
      if (!limited) return null;
      const text = paragraph(t('tooManyMailsText', { minutes: limited.minutes }));
      return page(res, lang, t('tooManyMailsTitle'), text, 429, undefined, {
        headers: { 'retry-after': String(limited.minutes * 60) },
      });
    };

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
        return page(res, lang, t('registerTitle'), registerForm(t, lang, {}, {}));
      case 'POST /account/register': {
        const language = isLanguage(body.get('language')) ? (body.get('language') as Language) : lang;
        const input = {
          email: body.get('email') ?? '',
          name: body.get('name') ?? '',
          password: body.get('password') ?? '',
          passwordConfirmation: body.get('passwordConfirmation') ?? '',
          language,
        };
        const invalid = registrationProblems(input);
        if (invalid) return page(res, lang, t('registerTitle'), registerForm(t, language, input, invalid), 422);
        if (await tooManyMails(input.email)) return true;
        const problems = await accounts.register(input);
        if (problems) {
          return page(res, lang, t('registerTitle'), registerForm(t, language, input, problems), 422);
        }
        return page(res, lang, t('checkInbox'), paragraph(t('checkInboxText', { email: input.email.trim() })));
      }
      // A link from a mail opens a page with one button; only the button's POST uses the link, so that mail
      // scanners and link previews, which fetch links, do not use them up.
      case 'GET /account/verify':
        return confirmLinkPage(res, lang, t, url, t('confirmAddressText'));
      case 'POST /account/verify': {
        const ok = await accounts.verifyEmail(tokenOf(body));
        return ok
          ? page(res, lang, t('verifiedTitle'), paragraph(t('verifiedText')))
          : page(
              res,
              lang,
              t('invalidLinkTitle'),
              paragraph(t('invalidLinkText')) + link(`/account/reset?lang=${lang}`, t('resetTitle')),
              410,
            );
      }
      case 'GET /account/email/confirm':
        return confirmLinkPage(res, lang, t, url, t('confirmNewAddressText'));
      case 'POST /account/email/confirm': {
        const ok = await accounts.confirmEmailChange(tokenOf(body));
        return ok
          ? page(res, lang, t('verifiedTitle'), paragraph(t('verifiedText')))
          : page(res, lang, t('invalidLinkTitle'), paragraph(t('invalidLinkText')), 410);
      }
      case 'GET /account/reset':
        return page(res, lang, t('resetTitle'), paragraph(t('resetText')) + resetRequestForm(t, lang));
      case 'POST /account/reset': {
        const email = (body.get('email') ?? '').trim();
        if (await tooManyMails(email)) return true;
        accounts.requestPasswordReset(email);
        return page(res, lang, t('checkInbox'), paragraph(t('checkInboxText', { email })));
      }
      case 'GET /account/reset/confirm':
        return page(res, lang, t('resetTitle'), resetConfirmForm(t, lang, url.searchParams.get('token') ?? '', []));
      case 'POST /account/reset/confirm': {
        const token = body.get('token') ?? '';
        const outcome = await accounts.resetPassword(
          token,
          body.get('password') ?? '',
          body.get('passwordConfirmation') ?? '',
        );
        if (outcome === 'done') return page(res, lang, t('resetDoneTitle'), paragraph(t('resetDoneText')));
        if (outcome === 'invalidLink') {
          return page(
            res,
            lang,
            t('invalidLinkTitle'),
            paragraph(t('invalidLinkText')) + link(`/account/reset?lang=${lang}`, t('resetTitle')),
            410,
          );
        }
        return page(res, lang, t('resetTitle'), resetConfirmForm(t, lang, token, [t(outcome)]), 422);
      }
      default:
        send(res, 404, layout(lang, 'Not found', ''));
        return true;
    }
  };
}

function registerForm(
  t: Texts,
  lang: Language,
  input: { email?: string; name?: string },
  problems: Partial<Record<string, FieldProblem>>,
): string {
  const error = (name: string) => (problems[name] ? t(problems[name] as FieldProblem) : undefined);
  const fields: Field[] = [
    {
      name: 'name',
      label: t('name'),
      type: 'text',
      autocomplete: 'name',
      value: input.name ?? '',
      error: error('name'),
    },
    {
      name: 'email',
      label: t('email'),
      type: 'email',
      autocomplete: 'email',
      value: input.email ?? '',
      error: error('email'),
    },
    {
      name: 'password',
      label: t('password'),
      type: 'password',
      autocomplete: 'new-password',
      hint: t('passwordHint'),
      error: error('password'),
    },
    {
      name: 'passwordConfirmation',
      label: t('passwordConfirmation'),
      type: 'password',
      autocomplete: 'new-password',
      error: error('passwordConfirmation'),
    },
  ].map((f) => (f.error === undefined ? { ...f, error: undefined } : f)) as Field[];
  const errors = fields.flatMap((f) => (f.error ? [f.error] : []));
  return form(t, `/account/register?lang=${lang}`, fields, t('create'), {
    errors,
    extra: languageSelect(t, lang),
  });
}

function resetRequestForm(t: Texts, lang: Language): string {
  return form(
    t,
    `/account/reset?lang=${lang}`,
    [{ name: 'email', label: t('email'), type: 'email', autocomplete: 'email' }],
    t('send'),
  );
}

function resetConfirmForm(t: Texts, lang: Language, token: string, errors: string[]): string {
  return form(
    t,
    `/account/reset/confirm?lang=${lang}`,
    [
      {
        name: 'password',
        label: t('newPassword'),
        type: 'password',
        autocomplete: 'new-password',
        hint: t('passwordHint'),
      },
      {
        name: 'passwordConfirmation',
        label: t('passwordConfirmation'),
        type: 'password',
        autocomplete: 'new-password',
      },
    ],
    t('save'),
    { errors, extra: `<input type="hidden" name="token" value="${token.replace(/[^\w-]/g, '')}">` },
  );
}
