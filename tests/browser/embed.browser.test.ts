import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { embedPort, euros, fetchCommune, routerUrl, shellUrl, squash } from './env.ts';

/**
 * A commune's own website on another origin: it only adds the snippets documented in shell/README.md.
 * The router must allow this origin (startStack's corsOrigins).
 */
let server: Server;
const origin = () => `http://127.0.0.1:${embedPort()}`;

const pages: Record<string, () => string> = {
  '/embed-script.html': () => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Gemeinde Düdelingen</title>
<script type="module" src="${shellUrl()}/embed.js"></script></head>
<body><main><h1>Willkommen</h1><gemeng-commune-card commune="dudelange"></gemeng-commune-card></main></body></html>`,
  '/widget-bundle.html': () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dudelange</title>
<script type="module" src="${shellUrl()}/widgets/gemeng-identity.js"></script></head>
<body><main><h1>Welcome</h1>
<gemeng-commune-card commune="dudelange" lang="fr" endpoint="${routerUrl()}"></gemeng-commune-card>
</main></body></html>`,
};

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const page = pages[req.url ?? ''];
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
  expect(squash(await card.getByTestId('yearly-fee').textContent())).toBe(
    euros('de', expected.subscription!.yearlyFeeCents),
  );
});

test('the widget bundle alone works with an endpoint attribute and its own lang', async ({ page, request }) => {
  const expected = await fetchCommune(request, 'dudelange', 'fr');
  await page.goto(`${origin()}/widget-bundle.html`);
  const card = page.locator('gemeng-commune-card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(expected.name);
  await expect(card.locator('[part="procedures"]')).toContainText(expected.procedures[0]!.code);
});
