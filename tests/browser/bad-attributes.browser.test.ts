import { expect, test } from '@playwright/test';
import de from '../../frontends/kit/src/messages/forms/de.json' with { type: 'json' };
import en from '../../frontends/kit/src/messages/forms/en.json' with { type: 'json' };
import { NOT_FOUND, shellUrl } from './env.ts';
import { openForeignPage } from './foreign-page.ts';

/** The kit's "cannot be shown" message, formatted as the widget does. */
const invalid = (messages: typeof en, attribute: string, value: string) =>
  messages.invalidAttribute.replace('{attribute}', attribute).replace('{value}', value);

/**
 * A webmaster's typo: a widget with an unknown attribute value shows a short message in the reader's language in
 * place of its content, and the console names the attribute once.
 */
test('widgets with unknown attribute values say so in place, and warn once in the console', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await openForeignPage(page, '/fautes.html', {
    title: 'Gemeinde Düdelingen',
    lang: 'de',
    head: `<script type="module" src="${shellUrl()}/embed.js"></script>`,
    main: `<div id="level"><gemeng-commune-card commune="dudelange" heading-level="9"></gemeng-commune-card></div>
<div id="commune" lang="fr"><gemeng-commune-card commune="atlantis"></gemeng-commune-card></div>
<div id="language"><gemeng-commune-card commune="dudelange" lang="xx"></gemeng-commune-card></div>`,
  });

  // heading-level="9": the German page's language.
  const level = page.locator('#level gemeng-commune-card').getByRole('alert');
  await expect(level).toHaveText(invalid(de, 'heading-level', '9'));
  // An unknown commune: the not-found message, in French (the closest lang).
  const commune = page.locator('#commune gemeng-commune-card').getByRole('alert');
  await expect(commune).toContainText(NOT_FOUND.fr);
  await expect(commune).toContainText('atlantis');
  // lang="xx": the language falls back to the browser's (en-GB in these tests).
  const language = page.locator('#language gemeng-commune-card').getByRole('alert');
  await expect(language).toHaveText(invalid(en, 'lang', 'xx'));

  await page.waitForLoadState('networkidle');
  const naming = (attribute: string, value: string) =>
    warnings.filter((text) => text.includes(`"${attribute}"`) && text.includes(`"${value}"`));
  expect(naming('heading-level', '9')).toHaveLength(1);
  expect(naming('commune', 'atlantis')).toHaveLength(1);
  expect(naming('lang', 'xx')).toHaveLength(1);
  // Never a raw message key.
  await expect(page.locator('body')).not.toContainText('invalidAttribute');
});
