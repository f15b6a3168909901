import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { createPerson } from '../support/oidc.ts';
import { confirmLogout, IDENTITY_FR, registerAndVerify, signInOnIdentity } from './citizen.ts';
import { embedPort, fetchCommune, newEmail, oidcStack, routerUrl, shellUrl } from './env.ts';

/**
 * A commune's own website on another origin: it only adds the snippets documented in shell/README.md.
 * The router must allow this origin (startStack's corsOrigins).
 */
/** The card's own module (hashed name) as the portal's build lists it, served under /widgets/portal/. */
const cardModule = () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../../frontends/portal/dist/manifest.json', import.meta.url), 'utf8'),
  ) as { widgets: { tag: string; module: string }[] };
  const card = manifest.widgets.find((widget) => widget.tag === 'gemeng-commune-card');
  return `${shellUrl()}/widgets/portal/${card?.module}`;
};

let server: Server;
const origin = () => `http://127.0.0.1:${embedPort()}`;
/** The router, reached under another host name: for the browser, another origin. */
const foreignRouter = () => {
  const url = new URL(routerUrl());
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
};

const pages: Record<string, () => string> = {
  '/embed-script.html': () => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Gemeinde Düdelingen</title>
<script type="module" src="${shellUrl()}/embed.js"></script></head>
<body><main><h1>Willkommen</h1><gemeng-commune-card commune="dudelange"></gemeng-commune-card></main></body></html>`,
  '/widget-bundle.html': () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dudelange</title>
<script type="module" src="${cardModule()}"></script></head>
<body><main><h1>Welcome</h1>
<gemeng-commune-card commune="dudelange" lang="fr" endpoint="${routerUrl()}"></gemeng-commune-card>
</main></body></html>`,
  '/mon-compte.html': () => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Mon compte – Commune de Dudelange</title>
<script type="module" src="${shellUrl()}/embed.js"></script></head>
<body><header><gemeng-login></gemeng-login></header>
<main><h1>Mon compte</h1><gemeng-account heading-level="2"></gemeng-account></main></body></html>`,
  // Markup that points the account at another server (here the router under another host name, i.e. another
  // origin): the person's token must not go there.
  '/compte-ailleurs.html': () => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Mon compte – ailleurs</title>
<script type="module" src="${shellUrl()}/embed.js"></script></head>
<body><header><gemeng-login></gemeng-login></header>
<main><h1>Mon compte</h1><gemeng-account endpoint="${foreignRouter()}"></gemeng-account></main></body></html>`,
  // The website's home page: where the sign-out popup lands (post_logout_redirect_uri <origin>/).
  '/': () => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Commune de Dudelange</title></head>
<body><main><h1>Bienvenue</h1></main></body></html>`,
  // Where the sign-in popup lands (the registered redirect URI): the page that opened it reads the answer.
  '/auth/callback': () => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Connexion</title></head><body><p>Connexion…</p></body></html>`,
};

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://embed.invalid').pathname];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
  });
  server.listen(embedPort(), '127.0.0.1');
  await once(server, 'listening');
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('the embed script renders the card on another origin, in the page language', async ({ page, request }) => {
  const expected = await fetchCommune(request, 'dudelange', 'de');
  await page.goto(`${origin()}/embed-script.html`);
  const card = page.locator('gemeng-commune-card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(expected.name);
  await expect(card.getByRole('heading', { name: 'Nächste Veranstaltungen' })).toBeVisible();
  await expect(card.locator('[part="procedures"]')).toContainText(expected.procedures[0]!.title);
});

test("the card's module alone (no /embed.js) works with an endpoint attribute and its own lang", async ({
  page,
  request,
}) => {
  const expected = await fetchCommune(request, 'dudelange', 'fr');
  await page.goto(`${origin()}/widget-bundle.html`);
  const card = page.locator('gemeng-commune-card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(expected.name);
  await expect(card.locator('[part="procedures"]')).toContainText(expected.procedures[0]!.title);
});

test.describe('with a French browser', () => {
  test.use({ locale: 'fr-LU' });

  test('a citizen signs in and out from the widgets on a commune website, in a popup, and the page stays', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const name = 'Luc Wagner';
    const email = newEmail('luc');
    await registerAndVerify(page, request, name, email);

    await page.goto(`${origin()}/mon-compte.html`);
    const login = page.locator('gemeng-login');
    const account = page.locator('gemeng-account');
    await expect(account).toContainText('Vous n’êtes pas connecté.');
    const popupOpened = page.waitForEvent('popup');
    await login.getByRole('button', { name: 'Se connecter' }).click();
    const popup = await popupOpened;
    // Listen before acting: the page closes its popup as soon as the answer is back, maybe before the click returns.
    const popupClosed = popup.waitForEvent('close');
    await signInOnIdentity(popup, email);
    await popupClosed;

    await expect(page).toHaveURL(`${origin()}/mon-compte.html`);
    await expect(login.locator('[part="name"]')).toContainText(name);
    // The graph answers the widget on the commune's origin with the person's access token.
    await expect(account.getByTestId('account-email')).toHaveText(email);
    await expect(account.getByTestId('account-verified')).toHaveText('Oui');

    const logoutOpened = page.waitForEvent('popup');
    await login.getByRole('button', { name: 'Se déconnecter' }).click();
    const logout = await logoutOpened;
    const logoutClosed = logout.waitForEvent('close');
    await confirmLogout(logout);
    await logoutClosed;
    await expect(login.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await expect(account).toContainText('Vous n’êtes pas connecté.');
    await expect(page).toHaveURL(`${origin()}/mon-compte.html`);
  });
});

test('a widget whose endpoint attribute points elsewhere than the configured router never sends the token there', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const person = await createPerson(oidcStack(), { name: 'Tom Schiltz' });
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin === new URL(foreignRouter()).origin) foreign.push(request.url());
  });
  await page.goto(`${origin()}/compte-ailleurs.html`);
  const popupOpened = page.waitForEvent('popup');
  await page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' }).click();
  const popup = await popupOpened;
  const popupClosed = popup.waitForEvent('close');
  await popup.getByLabel(IDENTITY_FR.email, { exact: true }).fill(person.email);
  await popup.getByLabel(IDENTITY_FR.password, { exact: true }).fill(person.password);
  await popup.getByRole('button', { name: IDENTITY_FR.signIn }).click();
  await popupClosed;

  // Signed in on the page, but the account refuses to carry the token to that endpoint, and says why.
  await expect(page.locator('gemeng-login').locator('[part="name"]')).toContainText(person.name);
  const alert = page.locator('gemeng-account').getByRole('alert');
  await expect(alert).toContainText('La connexion n’est pas configurée sur cette page');
  await expect(alert).toContainText(foreignRouter());
  expect(foreign).toEqual([]);
});
