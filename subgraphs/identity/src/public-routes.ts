import {
  ConfigError,
  createLogger,
  createMailer,
  httpUrl,
  list,
  loadConfig,
  mailFrom,
  oneOf,
  renderMail,
  smtpUrl,
} from '@gemeng/subgraph-kit';
import { createAccounts, type OutgoingMail } from './accounts/accounts.ts';
import { mailMessages } from './accounts/mails.ts';
import { provideAccounts } from './accounts/service.ts';
import type { Db } from './db.ts';
import { createPasskeys, providePasskeys, relyingParty } from './factors/passkeys.ts';
import { createOidcProvider } from './oidc/provider.ts';
import { provideOwnerMail } from './security/owner-mail.ts';
import { createWebRoutes } from './web/routes.ts';

/** What identity serves besides /graphql: the OpenID Connect provider and the account pages. */
export async function createPublicRoutes(db: Db, env: NodeJS.ProcessEnv) {
  const config = loadConfig(
    {
      issuer: httpUrl('GEMENG_OIDC_ISSUER', `http://localhost:${env.PORT ?? 4001}/oidc`),
      graphAudience: { env: 'GEMENG_GRAPH_AUDIENCE', read: (raw) => raw ?? 'urn:gemeng:graph' },
      behindProxy: oneOf('GEMENG_BEHIND_PROXY', ['true', 'false'], 'false'),
      portalOrigins: list('GEMENG_PORTAL_ORIGINS', []),
      webauthnRpId: {
        env: 'GEMENG_WEBAUTHN_RP_ID',
        read: (raw) => {
          if (raw !== undefined && !/^[a-z0-9.-]*[a-z][a-z0-9.-]*$/i.test(raw)) {
            throw new ConfigError(
              `GEMENG_WEBAUTHN_RP_ID="${raw}" is not a host name: use e.g. gemeng.lu (no IP address)`,
            );
          }
          return raw;
        },
      },
      smtpUrl: smtpUrl('SMTP_URL'),
      mailFrom: mailFrom('MAIL_FROM', 'Gemeng <no-reply@gemeng.lu>'),
    },
    env,
  );
  const publicUrl = new URL(config.issuer).origin;
  const oidc = await createOidcProvider(db, { ...config, behindProxy: config.behindProxy === 'true' });
  const log = createLogger('identity');
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const send = async ({ to, mail, lang, vars }: OutgoingMail) => {
    await mailer.send({
      to,
      ...renderMail(mailMessages, mail, lang, vars),
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };
  const accounts = createAccounts({ db, publicUrl, send, log });
  provideAccounts(accounts);
  provideOwnerMail(send);
  const passkeys = createPasskeys(db, relyingParty(config.issuer, config.portalOrigins, config.webauthnRpId));
  providePasskeys(passkeys);
  const web = createWebRoutes({
    db,
    provider: oidc.provider,
    accounts,
    passkeys,
    publicUrl,
    behindProxy: config.behindProxy === 'true',
    portalOrigin: config.portalOrigins[0],
  });
  return {
    handle: async (req: Parameters<typeof web>[0], res: Parameters<typeof web>[1]) =>
      (await oidc.handle(req, res)) || (await web(req, res)),
    stop: async () => {
      await accounts.settled(); // the mails asked for before stopping
      await mailer.close();
    },
  };
}
