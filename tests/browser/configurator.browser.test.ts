import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import en from '../../frontends/portal/src/messages/configurator/en.json' with { type: 'json' };
import { fetchCommune, LABELS, shellUrl } from './env.ts';
import { openForeignPage, servedManifest } from './foreign-page.ts';

/** The webmaster configurator at the portal's /embed, in English; its snippet pasted into a commune's page. */
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const configurator = (page: Page) => page.locator('gemeng-embed-configurator');

/** The custom elements of every frontends/<package>/dist/manifest.json on disk. */
function builtWidgetTags(): string[] {
  const frontends = fileURLToPath(new URL('../../frontends/', import.meta.url));
  return readdirSync(frontends)
    .map((name) => join(frontends, name, 'dist', 'manifest.json'))
    .filter((path) => existsSync(path))
    .flatMap((path) => (JSON.parse(readFileSync(path, 'utf8')) as { widgets?: { tag: string }[] }).widgets ?? [])
    .map((widget) => widget.tag);
}

/** Presses Tab until `target` has the focus (inside its shadow root), at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)) return;
  }
  throw new Error(`Tab did not reach ${target} in ${limit} steps.`);
}

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
}

test('the configurator offers every widget of the manifest, by keyboard, and its snippet works on another origin', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const manifest = await servedManifest(request);
  // Every widget of every built frontend package is in the served manifest, so in the configurator.
  for (const tag of builtWidgetTags()) expect(manifest.widgets.map((widget) => widget.tag)).toContain(tag);
  const offered = manifest.widgets
    .filter((widget) => widget.tag !== 'gemeng-embed-configurator')
    .sort((a, b) => a.package.localeCompare(b.package) || a.tag.localeCompare(b.tag))
    .map((widget) => `<${widget.tag}>`);
  expect(offered.length).toBeGreaterThan(2);
  const esch = await fetchCommune(request, 'esch-sur-alzette', 'de');

  await page.goto(`${shellUrl()}/embed?lang=en`);
  const root = configurator(page);
  // The configurator's own heading (the live preview below it has a heading of its own once the card loads).
  await expect(root.locator('h2#title')).toHaveText(en.title);
  const widget = root.getByLabel(en.widget, { exact: true });
  await expect(widget.locator('option')).toHaveText(offered);

  // Keyboard only: the widget, the commune, the heading level, the language.
  await tabTo(page, widget);
  await page.keyboard.type('<gemeng-commune-card>');
  await expect(widget).toHaveValue('gemeng-commune-card');
  const commune = root.getByLabel(en.commune, { exact: true });
  await tabTo(page, commune);
  await page.keyboard.type('Esch');
  await expect(commune).toHaveValue('esch-sur-alzette');
  const headingLevel = root.getByLabel('heading-level', { exact: true });
  await tabTo(page, headingLevel);
  await page.keyboard.type('3');
  const language = root.getByLabel(en.language, { exact: true });
  await tabTo(page, language);
  await page.keyboard.type('Deutsch');
  await expect(language).toHaveValue('de');

  // A pale accent is flagged below 4.5:1; a dark one passes.
  const accent = root.getByLabel('Headings and buttons', { exact: true });
  await accent.fill('#7fb2d9');
  await expect(root.locator('.contrast')).toContainText('below 4.5:1');
  await accent.fill('#8a1538');
  await expect(root.locator('.contrast')).toHaveText(en.contrastOk);

  // The preview is the real widget, with the chosen options.
  const preview = root.locator('[part="preview"] gemeng-commune-card');
  await expect(preview).toHaveAttribute('commune', 'esch-sur-alzette');
  await expect(preview.getByRole('heading', { level: 3 })).toHaveText(esch.name);
  await expect(preview.getByRole('heading', { name: LABELS.de.events })).toBeVisible();
  await expect(preview.locator('[part="card"]')).toHaveAttribute('aria-busy', 'false');
  expect(await axe(page)).toEqual([]);

  const copy = root.getByRole('button', { name: en.copy });
  await tabTo(page, copy);
  await page.keyboard.press('Enter');
  await expect(root.getByRole('status').filter({ hasText: en.copied })).toBeVisible();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toBe(await root.getByLabel(en.codeLabel).inputValue());
  const pinned = new URL(manifest.loader.pinned, shellUrl()).href;
  expect(code).toContain(
    `<script type="module" src="${pinned}" integrity="${manifest.loader.integrity}" crossorigin="anonymous"></script>`,
  );
  expect(code).toContain(
    '<gemeng-commune-card commune="esch-sur-alzette" heading-level="3" lang="de"></gemeng-commune-card>',
  );
  expect(code).toContain('--gemeng-color-accent: #8a1538;');

  // Pasted into a commune's page on another origin: the browser checks the loader's SRI hash and the widget works.
  const errors: string[] = [];
  const foreign = await page.context().newPage();
  foreign.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  foreign.on('pageerror', (error) => errors.push(error.message));
  await openForeignPage(foreign, '/esch.html', { title: 'Esch-sur-Alzette', lang: 'fr', main: code });
  const card = foreign.locator('gemeng-commune-card');
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(esch.name);
  await expect(card.getByRole('heading', { name: LABELS.de.events })).toBeVisible();
  await expect(card.getByRole('heading', { level: 3 })).toHaveCSS('color', 'rgb(138, 21, 56)');
  expect(errors).toEqual([]);
});

test('a snippet whose loader does not match its SRI hash is refused by the browser', async ({ page, request }) => {
  const manifest = await servedManifest(request);
  const pinned = new URL(manifest.loader.pinned, shellUrl()).href;
  // Any other sha384 digest: the file the portal serves is not this one.
  const wrong = 'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb';
  expect(manifest.loader.integrity).not.toBe(wrong);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await openForeignPage(page, '/falsch.html', {
    title: 'Commune de Dudelange',
    main: `<script type="module" src="${pinned}" integrity="${wrong}" crossorigin="anonymous"></script>
<gemeng-commune-card commune="dudelange"></gemeng-commune-card>`,
  });
  await expect.poll(() => errors.join('\n')).toMatch(/integrity/i);
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => customElements.get('gemeng-commune-card') === undefined)).toBe(true);
});

test('the configurator in Luxembourgish, French and German has no axe violations', async ({ page }) => {
  for (const lang of ['lb', 'fr', 'de'] as const) {
    await page.goto(`${shellUrl()}/embed?lang=${lang}`);
    await expect(configurator(page).locator('[part="preview"] [part="card"]')).toHaveAttribute('aria-busy', 'false');
    await expect(configurator(page).locator('section:has(h2#title)')).toHaveAttribute('lang', lang);
    expect(await axe(page)).toEqual([]);
  }
});
