/**
 * The journeys' page checks (support/) find what they look for, so that their passing means something: German
 * words on a Luxembourgish page, a shadow root's element sticking out at phone width (even when clipped), text
 * marked as another language, and an axe violation; and they leave a clean page, a language switcher and a
 * scrolling table alone.
 */
import { expect, type Page, test } from '@playwright/test';
import { shellUrl } from './env.ts';
import { seriousViolations } from './support/axe.ts';
import { horizontalOverflow } from './support/reflow.ts';
import { visibleText } from './support/visible-text.ts';
import { wrongWords } from './support/wrong-language.ts';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true });

/** A page whose `<x-widget>` draws `shadow` in an open shadow root. */
async function pageWith(page: Page, lang: string, body: string, shadow = ''): Promise<void> {
  await page.setContent(
    `<!doctype html><html lang="${lang}"><head><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Test</title><style>x-widget { display: block }</style></head><body style="margin:0">${body}<x-widget></x-widget></body></html>`,
  );
  await page.evaluate((html) => {
    const host = document.querySelector('x-widget')!;
    host.attachShadow({ mode: 'open' }).innerHTML = html;
  }, shadow);
}

test('German words are found in Luxembourgish text, shadow roots included; hidden and autonyms are not', async ({
  page,
}) => {
  await pageWith(
    page,
    'lb',
    `<main><h1>Wëllkomm</h1><p hidden>Sie haben ein Passwort</p>
      <nav><button lang="de">Deutsch</button></nav><p lang="de">Willkommen und danke</p></main>`,
    '<p>Bitte Ihre Daten eingeben. Dënschdeg, de 3. März</p><span style="display:none">Fehler</span>',
  );
  const pieces = await visibleText(page);
  expect(wrongWords(pieces, 'lb').map((found) => found.word)).toEqual(['Ihre', 'Bitte', 'März']);
  expect(pieces.filter((piece) => piece.lang === 'de').map((piece) => piece.text)).toEqual([
    'Deutsch',
    'Willkommen und danke',
  ]);
  // Whole words only: "Sieben" is no "Sie", "Gemeinderot" no "Gemeinde".
  expect(wrongWords([{ lang: 'lb', text: 'Sieben Gemeinderot' }], 'lb')).toEqual([]);
  expect(wrongWords([{ lang: 'fr', text: 'Sign in to your account' }], 'fr').map((found) => found.word)).toEqual([
    'Sign in',
    'your',
  ]);
});

test('the portal in German fails the Luxembourgish check: widgets’ shadow roots are read', async ({ page }) => {
  await page.goto(`${shellUrl()}/account?lang=de`);
  // The account widget's own text (in its shadow root), signed out.
  await expect(page.locator('gemeng-account')).toContainText('Sie sind nicht eingeloggt.');
  const pieces = await visibleText(page);
  expect(pieces.filter((piece) => piece.text.includes('Sie sind nicht eingeloggt.'))).toEqual([
    expect.objectContaining({ lang: 'de' }),
  ]);
  // Read as if it claimed to be Luxembourgish (and so does text marked as German on an lb page: page-checks.ts
  // allows only language names there).
  const asLuxembourgish = pieces.map((piece) => ({ ...piece, lang: 'lb' }));
  expect(wrongWords(asLuxembourgish, 'lb').map((hit) => hit.word)).toEqual(expect.arrayContaining(['Sie', 'nicht']));
});

test('what sticks out at phone width is found, in shadow roots and when clipped; a scrolling table is allowed', async ({
  page,
}) => {
  await pageWith(
    page,
    'fr',
    '<p>Bonjour</p>',
    '<div style="overflow-x:auto"><table style="width:900px"><tr><td>x</td></tr></table></div>',
  );
  expect(await horizontalOverflow(page)).toEqual({ page: 0, sticking: [] });

  await pageWith(page, 'fr', '<p>Bonjour</p>', '<p part="address" style="width:600px">adresse.tres.longue</p>');
  const wide = await horizontalOverflow(page);
  expect(wide.page).toBeGreaterThan(0);
  expect(wide.sticking).toEqual(['x-widget › p[part=address]']);

  // Clipped by the page (no scroll bar), but cut off all the same.
  await pageWith(page, 'fr', '', '<div style="overflow:hidden"><p style="width:600px">coupé</p></div>');
  await page.evaluate(() => {
    document.body.style.overflowX = 'hidden';
    document.querySelector('x-widget')!.shadowRoot!.querySelector('div')!.style.overflow = 'visible';
  });
  expect((await horizontalOverflow(page)).sticking).toEqual(['x-widget › p']);
});

test('axe reports a serious violation (a button without a name), and none on a clean page', async ({ page }) => {
  await pageWith(page, 'fr', '<main><h1>Bonjour</h1></main>', '<button></button>');
  expect((await seriousViolations(page)).map((violation) => violation.id)).toContain('button-name');
  await pageWith(page, 'fr', '<main><h1>Bonjour</h1><p>Texte</p></main>');
  expect(await seriousViolations(page)).toEqual([]);
});
