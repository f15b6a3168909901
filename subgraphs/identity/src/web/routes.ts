/**
 * The identity service's public pages: sign-in (the OpenID Connect provider's login interaction),
 * registration, address verification and password reset. Plain HTML forms: they work without JavaScript.
 * The pages that send mail are limited per client address and per target address (security/mail-limits.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, isLanguage, type Language } from '@gemeng/subgraph-kit';
import type Provider from 'oidc-provider';
import { type Accounts, registrationProblems } from '../accounts/accounts.ts';
import type { Db } from '../db.ts';
import type { Passkeys } from '../factors/passkeys.ts';
import { mailAllowed } from '../security/mail-limits.ts';
import { fieldErrors, registerForm, resendForm, resetConfirmForm, resetRequestForm } from './account-forms.ts';
import { ERRORS_SCRIPT } from './errors-script.ts';
import { page, pick, readForm, sameOrigin, send } from './http.ts';
import { createInteraction } from './interaction.ts';
import { confirmLinkPage, tokenOf } from './link-pages.ts';
import { layout, link, paragraph, portalLink, STYLE, textsFor, usePortal } from './pages.ts';
import { PASSKEY_SCRIPT } from './passkey-script.ts';

export interface WebOptions {
  db: Db;
  provider: Provider;
  accounts: Accounts;
  passkeys: Passkeys;
  /** Public origin of these pages (the issuer's origin); POSTs from any other origin are refused. */
  publicUrl: string;
  /** Behind a trusted proxy (GEMENG_BEHIND_PROXY): the client's address is taken from X-Forwarded-For. */
  behindProxy: boolean;
  /** The portal's origin (the first of GEMENG_PORTAL_ORIGINS): every page links back to it. */
  portalOrigin?: string;
}

/** The pages' stylesheet and their two small same-origin scripts (the pages' CSP allows `'self'` only). */
const STATIC: Record<string, { type: string; body: string }> = {
  '/account/style.css': { type: 'text/css', body: STYLE },
  '/account/passkey.js': { type: 'text/javascript', body: PASSKEY_SCRIPT },
  '/account/errors.js': { type: 'text/javascript', body: ERRORS_SCRIPT },
};

export function createWebRoutes(options: WebOptions) {
  const { accounts } = options;
  const handleInteraction = createInteraction(options);
  const origin = new URL(options.publicUrl).origin;
  usePortal(options.portalOrigin);

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const asset = STATIC[path];
    if (asset) {
      res.writeHead(200, {
        'content-type': `${asset.type}; charset=utf-8`,
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      res.end(asset.body);
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
    /** The way on once an address is confirmed: signing in, which the portal starts. */
    const signInLink = () => {
      const href = portalLink('/account', lang);
      return href ? link(href, t('signInOnPortal')) : '';
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
        const refused = (problems: Parameters<typeof fieldErrors>[2]) =>
          page(res, lang, t('registerTitle'), registerForm(t, language, input, fieldErrors(t, input, problems)), 422);
        const invalid = registrationProblems(input);
        if (invalid) return refused(invalid);
        if (await tooManyMails(input.email)) return true;
        const problems = await accounts.register(input);
        if (problems) return refused(problems);
        return checkInbox(input.email.trim(), true);
      }
      // A link from a mail opens a page with one button; only the button's POST uses the link, so that mail
      // scanners and link previews, which fetch links, do not use them up.
      case 'GET /account/verify':
        return confirmLinkPage(res, lang, t, url, t('confirmAddressText'));
      case 'POST /account/verify': {
        const outcome = await accounts.verifyEmail(tokenOf(body));
        if (outcome === 'verified')
          return page(res, lang, t('verifiedTitle'), paragraph(t('verifiedText')) + signInLink());
        if (outcome === 'alreadyVerified') {
          return page(res, lang, t('alreadyVerifiedTitle'), paragraph(t('alreadyVerifiedText')) + signInLink());
        }
        // Lapsed, or replaced by a newer mail: the way on is a new link.
        const html = paragraph(t('invalidLinkText')) + resendForm(t, lang, '');
        return page(res, lang, t('invalidLinkTitle'), html, 410);
      }
      case 'GET /account/verify/resend':
        return page(res, lang, t('resendTitle'), paragraph(t('resendText')) + resendForm(t, lang, ''));
      case 'POST /account/verify/resend': {
        const email = (body.get('email') ?? '').trim();
        if (!email) {
          const html = paragraph(t('resendText')) + resendForm(t, lang, '', t('emailMissing'));
          return page(res, lang, t('resendTitle'), html, 422);
        }
        if (await tooManyMails(email)) return true;
        accounts.resendVerification(email);
        return page(res, lang, t('checkInbox'), paragraph(t('resendDone', { email })) + signInLink());
      }
      case 'GET /account/email/confirm':
        return confirmLinkPage(res, lang, t, url, t('confirmNewAddressText'));
      case 'POST /account/email/confirm': {
        const ok = await accounts.confirmEmailChange(tokenOf(body));
        return ok
          ? page(res, lang, t('verifiedTitle'), paragraph(t('verifiedText')) + signInLink())
          : page(res, lang, t('invalidLinkTitle'), paragraph(t('invalidLinkText')), 410);
      }
      case 'GET /account/reset':
        return page(res, lang, t('resetTitle'), paragraph(t('resetText')) + resetRequestForm(t, lang));
      case 'POST /account/reset': {
        const email = (body.get('email') ?? '').trim();
        if (!email) {
          const html = paragraph(t('resetText')) + resetRequestForm(t, lang, t('emailMissing'));
          return page(res, lang, t('resetTitle'), html, 422);
        }
        if (await tooManyMails(email)) return true;
        accounts.requestPasswordReset(email);
        return checkInbox(email, false);
      }
      case 'GET /account/reset/confirm':
        return page(res, lang, t('resetTitle'), resetConfirmForm(t, lang, url.searchParams.get('token') ?? ''));
      case 'POST /account/reset/confirm': {
        const token = body.get('token') ?? '';
        const password = body.get('password') ?? '';
        const confirmation = body.get('passwordConfirmation') ?? '';
        if (!password || !confirmation) {
          const errors = fieldErrors(t, { password, passwordConfirmation: confirmation });
          return page(res, lang, t('resetTitle'), resetConfirmForm(t, lang, token, errors), 422);
        }
        const outcome = await accounts.resetPassword(token, password, confirmation);
        if (outcome === 'done') {
          return page(res, lang, t('resetDoneTitle'), paragraph(t('resetDoneText')) + signInLink());
        }
        if (outcome === 'invalidLink') {
          return page(
            res,
            lang,
            t('invalidLinkTitle'),
            paragraph(t('invalidLinkText')) + link(`/account/reset?lang=${lang}`, t('resetTitle')),
            410,
          );
        }
        const errors = outcome === 'passwordsDiffer' ? { passwordConfirmation: t(outcome) } : { password: t(outcome) };
        return page(res, lang, t('resetTitle'), resetConfirmForm(t, lang, token, errors), 422);
      }
      default:
        send(res, 404, layout(lang, t('notFoundTitle'), portalHome()));
        return true;
    }

    /** "Check your inbox", and for a registration the way to have the mail sent again. */
    function checkInbox(email: string, registration: boolean): true {
      const again = registration ? paragraph(t('resendText')) + resendForm(t, lang, email) : '';
      return page(res, lang, t('checkInbox'), paragraph(t('checkInboxText', { email })) + again);
    }

    function portalHome(): string {
      const home = portalLink('/', lang);
      return home ? link(home, t('backToPortal')) : '';
    }
  };
}
