/**
 * A commune's catalogue of procedures (`<gemeng-procedures>`, frontends/procedures) on the portal's
 * `/communes/<slug>/procedures` and on a commune website of another origin: what the graph serves, in the four
 * languages, searched and followed by keyboard alone, without serious or critical axe violations.
 */
import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { type Lang, routerUrl, shellUrl, squash } from './env.ts';
import { openForeignPage } from './foreign-page.ts';
import { seriousViolations } from './support/axe.ts';

const LANGS: readonly Lang[] = ['lb', 'fr', 'de', 'en'];

/** The widget's own texts, so the test reads what a person reads. */
const messages = (lang: Lang) =>
  JSON.parse(
    readFileSync(new URL(`../../frontends/procedures/src/messages/catalogue/${lang}.json`, import.meta.url), 'utf8'),
  ) as Record<string, string>;

interface Catalogue {
  name: string;
  procedures: { code: string; title: string; feeCents: number; channel: string }[];
}

/** What the router serves, asked as the widget asks (the same fields), in `lang`. */
async function catalogue(request: APIRequestContext, lang: Lang, search?: string): Promise<Catalogue> {
  const response = await request.post(routerUrl(), {
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    data: {
      query: `query($slug: String!, $search: String) { commune(slug: $slug) { name
        procedures(search: $search) { code title feeCents channel } } }`,
      variables: { slug: 'dudelange', ...(search ? { search } : {}) },
    },
  });
  const body = (await response.json()) as { data?: { commune: Catalogue | null } };
  if (!body.data?.commune?.procedures.length) throw new Error(`No catalogue for dudelange: ${JSON.stringify(body)}`);
  return body.data.commune;
}

const widget = (page: Page) => page.locator('gemeng-procedures');

test.beforeEach(({ page }) => {
  test.setTimeout(120_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
});

for (const lang of LANGS) {
  test(`the portal's catalogue reads in ${lang} and passes axe`, async ({ page, request }) => {
    const expected = await catalogue(request, lang);
    await page.goto(`${shellUrl()}/communes/dudelange/procedures?lang=${lang}`);
    const heading = messages(lang).heading!.replace('{commune}', expected.name);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading, { timeout: 30_000 });
    await expect(page).toHaveTitle(new RegExp(`^${heading}`));
    const first = expected.procedures[0]!;
    const link = widget(page).getByRole('link', { name: first.title, exact: true });
    await expect(link).toHaveAttribute('href', `/communes/dudelange/procedures/${first.code}`);
    await expect(widget(page).locator('[part="procedure"]')).toHaveCount(expected.procedures.length);
    const status = squash(await widget(page).locator('[part="status"]').textContent());
    expect(status).toMatch(new RegExp(`${expected.procedures.length}`));
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the catalogue is searched and followed by keyboard alone', async ({ page, request }) => {
  const all = await catalogue(request, 'en');
  const target = all.procedures.find((p) => /residence/i.test(p.title)) ?? all.procedures[0]!;
  const word = target.title.split(/\s+/).find((w) => w.length > 4) ?? target.title;
  const found = await catalogue(request, 'en', word);
  await page.goto(`${shellUrl()}/communes/dudelange/procedures?lang=en`);
  const search = widget(page).getByRole('searchbox', { name: messages('en').search });
  await expect(search).toBeVisible({ timeout: 30_000 });
  // From the page's heading (where the portal puts the focus), Tab reaches the search field.
  for (let i = 0; i < 10 && !(await search.evaluate((el) => el.matches(':focus'))); i++)
    await page.keyboard.press('Tab');
  await expect(search).toBeFocused();
  await page.keyboard.type(word);
  await expect(widget(page).locator('[part="procedure"]')).toHaveCount(found.procedures.length);
  await expect(widget(page).getByRole('status')).toContainText(String(found.procedures.length));
  const link = widget(page).getByRole('link', { name: target.title, exact: true });
  for (let i = 0; i < 10 && !(await link.evaluate((el) => el.matches(':focus'))); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${shellUrl()}/communes/dudelange/procedures/${target.code}`);
});

test('a commune website of another origin shows the catalogue, its links following form-href', async ({
  page,
  request,
}) => {
  const expected = await catalogue(request, 'de');
  await openForeignPage(page, '/behoerdengaenge.html', {
    title: 'Gemeinde Düdelingen – Behördengänge',
    lang: 'de',
    head: `<script type="module" src="${shellUrl()}/embed.js"></script>`,
    main: '<gemeng-procedures commune="dudelange" form-href="?procedure={procedure}"></gemeng-procedures>',
  });
  const first = expected.procedures[0]!;
  const link = widget(page).getByRole('link', { name: first.title, exact: true });
  await expect(link).toHaveAttribute('href', `?procedure=${first.code}`, { timeout: 30_000 });
  await expect(widget(page).getByRole('heading', { level: 2 })).toHaveText(
    messages('de').heading!.replace('{commune}', expected.name),
  );
  expect(await seriousViolations(page)).toEqual([]);
});
