/**
 * The OpenID Connect provider (the certified `oidc-provider`), mounted under /oidc on the identity service:
 * discovery, JWKS, Authorization Code + PKCE for the portal and the widgets (the login pages are in
 * ../web/interaction.ts), client credentials for third-party API clients, RFC 9068 JWT access tokens for the
 * graph, userinfo, revocation and RP-initiated logout. ADR 4 says why each setting is what it is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, isLanguage, type Language, negotiateLanguage } from '@gemeng/subgraph-kit';
import Provider, { type Configuration, errors, interactionPolicy } from 'oidc-provider';
import type { Db } from '../db.ts';
import { layout, paragraph, textsFor } from '../web/pages.ts';
import { prismaAdapter } from './adapter.ts';
import { loadKeys } from './keys.ts';
import { GRAPH_SCOPES, PORTAL_CLIENT_ID, portalClient } from './portal-client.ts';

export { GRAPH_SCOPES, PORTAL_CLIENT_ID };

/** A sign-in lasts 8 hours from its last authentication (ADR 4); refresh tokens never outlive it. */
export const SESSION_SECONDS = 8 * 3600;

const now = () => Math.floor(Date.now() / 1000);

/** What is left of a session authenticated at `authTime` (epoch seconds); at least 1, as the provider requires. */
function remainingSession(authTime: number | undefined): number {
  return authTime ? Math.max(1, authTime + SESSION_SECONDS - now()) : SESSION_SECONDS;
}

function pageLanguage(uiLocales: unknown, acceptLanguage: string): Language {
  const first = String(uiLocales ?? '').split(' ')[0];
  return isLanguage(first) ? first : negotiateLanguage(acceptLanguage);
}

export interface OidcOptions {
  /** The public issuer, for example https://login.gemeng.lu/oidc; its path is where the provider is mounted. */
  issuer: string;
  /** The audience of access tokens for the graph (the router and the subgraphs check it). */
  graphAudience: string;
  /** Behind a TLS-terminating proxy that sets X-Forwarded-Proto/Host. */
  behindProxy: boolean;
  /**
   * Origins of the citizen portal: with every active commune's website origins (read from the database at each
   * request, portal-client.ts), the redirect URIs of the public portal client.
   */
  portalOrigins?: string[];
}

/**
 * The login prompt also runs when a client asks for `acr_values=substantial` and the session's login is only
 * `low`: the interaction then asks for the missing second factor alone (step-up).
 */
function loginPolicy() {
  const { Check, base } = interactionPolicy;
  const policy = base();
  policy.get('login')?.checks.add(
    new Check('acr_substantial', 'a second factor is required', 'login_required', (ctx) => {
      const requested = String(ctx.oidc.params?.acr_values ?? '').split(' ');
      return requested.includes('substantial') && ctx.oidc.session?.acr !== 'substantial'
        ? Check.REQUEST_PROMPT
        : Check.NO_NEED_TO_PROMPT;
    }),
  );
  return policy;
}

export async function createOidcProvider(db: Db, options: OidcOptions) {
  const keys = await loadKeys(db);
  const configuration: Configuration = {
    adapter: prismaAdapter(db, { portalClient: portalClient(db, options.portalOrigins ?? []) }),
    jwks: keys.jwks,
    cookies: {
      keys: keys.cookieKeys,
      long: { signed: true, httpOnly: true, sameSite: 'lax' },
      short: { signed: true, httpOnly: true, sameSite: 'lax' },
    },
    scopes: ['openid', 'profile', 'email', 'offline_access', ...GRAPH_SCOPES],
    // acr, amr and auth_time go into every ID token (with `openid`), not only when the request asks for them
    // (max_age, acr_values, prompt=login): a relying party always learns how and when the person signed in.
    claims: {
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      email: ['email', 'email_verified'],
      profile: ['name', 'locale'],
    },
    // Only what works with secrets kept as SHA-256 (presented-secret.ts): client_secret_jwt needs the secret in
    // clear and private_key_jwt registered keys, which API clients do not have; `none` is the public portal.
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    acrValues: ['low', 'substantial'],
    // No static clients: the portal client and the API clients come from the database through the adapter.
    // Browsers call the token and revocation endpoints from the portal and from commune websites with widgets:
    // exactly the origins of the portal client's current redirect URIs, nobody else (API clients use no browser).
    clientBasedCORS: (_ctx, origin, client) =>
      client.clientId === PORTAL_CLIENT_ID &&
      (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin),
    async findAccount(_ctx, sub) {
      const user = await db.user.findUnique({ where: { id: sub } });
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({
          sub: user.id,
          name: user.name,
          email: user.email,
          email_verified: Boolean(user.emailVerifiedAt),
          locale: user.preferredLanguage,
        }),
      };
    },
    async extraTokenClaims(ctx, token) {
      if (token.kind === 'ClientCredentials') return undefined;
      // The level of assurance of the login travels with the code and the refresh token into every access token.
      const source = (ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken) as
        | { acr?: string; authTime?: number }
        | undefined;
      // Roles are read at every token: a role granted or revoked counts from the next token (10 minutes at most).
      const user = token.accountId
        ? await db.user.findUnique({ where: { id: token.accountId }, include: { roles: true } })
        : null;
      return {
        acr: source?.acr ?? 'low',
        gemeng_roles: (user?.roles ?? []).map((role) => ({ communeId: role.communeId, role: role.role })),
        gemeng_operator: user?.operator ?? false,
        // Who the person is, for what services record and send them (an applicant's name and mails in their
        // language), read at every token like the roles: a changed name or address counts from the next token.
        ...(user ? { name: user.name, email: user.email, locale: user.preferredLanguage } : {}),
        // The browser session the token comes from (its uid is stable across step-ups; the cookie id is not): the
        // sessions list marks "this browser" with it, identity judges recent authentication by that session, and
        // the router refuses the token once the session is ended (identity's revocation list).
        ...(token.sessionUid ? { sid: token.sessionUid } : {}),
        ...(source?.authTime ? { auth_time: source.authTime } : {}),
      };
    },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && Boolean(code),
    // Codes, tokens and refresh tokens die with the sign-in session they come from (`offline_access` included):
    // once it is ended (sign-out, `sessionRevoke`) or expired, a refresh token is refused with invalid_grant,
    // so no access token carries the session's `acr` beyond it.
    expiresWithSession: async () => true,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Our own pages, in the person's language (ui_locales), instead of the library's English default.
        async logoutSource(ctx, form) {
          const lang = pageLanguage(ctx.oidc.params?.ui_locales, ctx.get('accept-language'));
          const t = textsFor(lang);
          ctx.type = 'html';
          ctx.body = layout(
            lang,
            t('signOutTitle'),
            `${paragraph(t('signOutText'))}${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">${escapeHtml(t('signOutConfirm'))}</button>`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          const lang = pageLanguage(undefined, ctx.get('accept-language'));
          ctx.type = 'html';
          ctx.body = layout(lang, textsFor(lang)('signOutTitle'), paragraph(textsFor(lang)('signedOut')));
        },
      },
      resourceIndicators: {
        enabled: true,
        // Without a `resource`, a sign-in with `openid` gets an access token for userinfo (oidc-provider's
        // userinfo refuses tokens for another audience); everything else is for the graph. The portal and the
        // widgets ask for `resource=urn:gemeng:graph` and keep getting graph JWTs.
        defaultResource: async (ctx, _client, oneOf) => {
          if (oneOf) return oneOf;
          const scope = String(ctx.oidc.params?.scope ?? '').split(' ');
          return scope.includes('openid') ? undefined : options.graphAudience;
        },
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resourceIndicator) => {
          if (resourceIndicator !== options.graphAudience) throw new errors.InvalidTarget();
          return {
            scope: GRAPH_SCOPES.join(' '),
            audience: options.graphAudience,
            accessTokenTTL: 10 * 60,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      ClientCredentials: 600,
      IdToken: 600,
      Interaction: 900,
      // From the last authentication, not from the last visit: a second factor answered later (step-up, recent
      // authentication) starts the 8 hours again.
      Session: (_ctx, session) => remainingSession(session.loginTs),
      // Never beyond the session: the code's and the refresh token's auth_time is the session's login time.
      RefreshToken: (_ctx, token) => remainingSession(token.authTime),
      Grant: 30 * 24 * 3600,
    },
    interactions: { policy: loginPolicy(), url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'application/json';
      ctx.body = { error: out.error, error_description: out.error_description };
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.behindProxy;

  const prefix = new URL(options.issuer).pathname.replace(/\/$/, '');
  const callback = provider.callback();
  return {
    provider,
    /** Serves /oidc/* (and later the login pages); false for any other path. */
    async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path !== prefix && !path.startsWith(`${prefix}/`)) return false;
      // oidc-provider routes from its own root and rebuilds its URLs from originalUrl minus url.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = req.url?.slice(prefix.length) || '/';
      await callback(req, res);
      return true;
    },
  };
}
