/**
 * Bad input in the address (issue 10): an unknown route, an unknown commune and an unknown `?lang=` each show the
 * portal's "not found" page in the reader's language, with a link home that leads there; the server answers 404
 * where it can know (a path that is no route, a language that is none). At phone size, with the same checks as
 * the journeys' pages (no sideways scrolling, no serious axe violation, no wrong-language word).
 */
import { expect, type Page, test } from '@playwright/test';
import SHELL_FR from '../../shell/src/messages/shell/fr.json' with { type: 'json' };
import SHELL_LB from '../../shell/src/messages/shell/lb.json' with { type: 'json' };
import { shellUrl } from './env.ts';
import { expectFitsAndSpeaks } from './support/page-checks.ts';

const SHELL = { lb: SHELL_LB, fr: SHELL_FR } as const;

/** The not-found page in `lang`: its heading, explanation, title and a link home that works (no reload). */
async function expectNotFound(page: Page, lang: keyof typeof SHELL, where: string) {
  const t = SHELL[lang];
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFoundTitle);
  await expect(page.getByText(t.notFoundText)).toBeVisible();
  await expect(page).toHaveTitle(`${t.notFoundTitle} – Gemeng`);
  await expectFitsAndSpeaks(page, lang, where);
  await page.getByRole('link', { name: t.notFoundHome }).click();
  await expect(page).toHaveURL(new RegExp(`^${shellUrl()}/(\\?|$)`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
  await expect(page).toHaveTitle(`${t.title} – Gemeng`);
}

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

for (const lang of ['lb', 'fr'] as const) {
  test.describe(`not found (${lang})`, () => {
    test.use({ locale: `${lang}-LU` });

    test(`an unknown route: 404 and the not-found page (${lang})`, async ({ page }) => {
      const response = await page.goto(`${shellUrl()}/no/such/page?lang=${lang}`);
      expect(response?.status()).toBe(404);
      await expectNotFound(page, lang, `unknown route (${lang})`);
    });

    test(`an unknown commune: the not-found page (${lang})`, async ({ page }) => {
      await page.goto(`${shellUrl()}/communes/nowhere?lang=${lang}`);
      await expectNotFound(page, lang, `unknown commune (${lang})`);
    });

    test(`an unknown ?lang=: 404 and the not-found page in the browser's language (${lang})`, async ({ page }) => {
      const response = await page.goto(`${shellUrl()}/?lang=xx`);
      expect(response?.status()).toBe(404);
      await expectNotFound(page, lang, `unknown language (${lang})`);
    });
  });
}
