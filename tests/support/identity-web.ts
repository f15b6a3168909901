/**
 * identity's public pages alone (the OpenID Connect provider and the account pages, as `createPublicRoutes`
 * serves them in identity) on a fresh database and a local mail catcher, without the router and the other
 * subgraphs: for tests of the pages that must start quickly even on a busy machine. The object it returns works
 * with the helpers of ./oidc.ts (authorizationRequest, createPerson, …).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createMigratedDatabase } from '@gemeng/subgraph-kit/testing';
import { startMailCatcher } from '../../scripts/mail-catcher.ts';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createPublicRoutes } from '../../subgraphs/identity/src/public-routes.ts';

/** A port nothing listens on: the portal client's redirect URI, which the tests never follow. */
const SHELL_PORT = 9;

export async function startIdentityWeb(postgresUrl: string, name: string, env: Record<string, string> = {}) {
  const identity = fileURLToPath(new URL('../../subgraphs/identity', import.meta.url));
  const database = await createMigratedDatabase(postgresUrl, identity, name, { seed: true });
  const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = createDb(database.url);
  const routes = await createPublicRoutes(db, {
    GEMENG_OIDC_ISSUER: `${origin}/oidc`,
    GEMENG_PORTAL_ORIGINS: `http://127.0.0.1:${SHELL_PORT}`,
    SMTP_URL: mail.smtpUrl,
    GEMENG_ROUTER_SECRET: randomBytes(24).toString('hex'),
    ...env,
  });
  server.on('request', (req, res) => {
    routes.handle(req, res).then(
      (handled) => {
        if (!handled) res.writeHead(404).end();
      },
      (error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  return {
    oidcIssuer: `${origin}/oidc`,
    routerUrl: '',
    databaseUrls: { identity: database.url },
    ports: { shell: SHELL_PORT },
    mail,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await routes.stop?.();
      await mail.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
