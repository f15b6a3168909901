/**
 * The footer on every portal page (who runs the platform, how to reach them) and the two statements it links to:
 * the privacy notice (/privacy) and the accessibility statement (/accessibility), reached by keyboard-free clicks in
 * Luxembourgish and French, without serious or critical axe violations; the operator's settings appear as the
 * shell's server was given them.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_OPERATOR, type Operator } from '../../shell/src/server/operator.ts';
import { startShell } from '../../shell/src/server/server.ts';
import { routerUrl, shellUrl } from './env.ts';

/** Texts of the footer (shell/src/messages/shell) and the statements' headings (frontends/portal/src/messages). */
const TEXTS = {
  lb: {
    nav: 'Iwwer de Portal',
    privacy: 'Dateschutz',
    accessibility: 'Accessibilitéit',
    privacyTitle: 'Informatiounen zum Dateschutz',
    accessibilityTitle: 'Deklaratioun zur Accessibilitéit',
  },
  fr: {
    nav: 'À propos du portail',
    privacy: 'Protection des données',
    accessibility: 'Accessibilité',
    privacyTitle: 'Protection des données personnelles',
    accessibilityTitle: 'Déclaration d’accessibilité',
  },
} as const;

/** Serious and critical violations only (the bar of issue 10), printed readably when the assertion fails. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
}

/** The shell and the statement's code load on a shared, busy machine: the statement's heading may take a while. */
const SLOW = { timeout: 30_000 };

test.beforeEach(({ page }) => {
  test.setTimeout(120_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
});

function footer(page: Page) {
  return page.getByRole('contentinfo');
}

async function expectOperator(page: Page, operator: Operator): Promise<void> {
  const contact = footer(page).locator('address');
  await expect(contact).toContainText(operator.name);
  await expect(contact).toContainText(operator.address);
  await expect(contact.getByRole('link', { name: operator.email })).toHaveAttribute('href', `mailto:${operator.email}`);
}

for (const lang of ['lb', 'fr'] as const) {
  test(`the footer leads to the privacy notice and the accessibility statement (${lang})`, async ({ page }) => {
    const texts = TEXTS[lang];
    // Settled first: the sign-in's silent restore may still rewrite the address after the page's load.
    await page.goto(`${shellUrl()}/?lang=${lang}`, { waitUntil: 'networkidle' });
    await expectOperator(page, DEMO_OPERATOR);
    const nav = footer(page).getByRole('navigation', { name: texts.nav });

    await nav.getByRole('link', { name: texts.privacy, exact: true }).click();
    await expect(page).toHaveURL(/\/privacy$/);
    const statement = page.locator('gemeng-statement');
    await expect(statement.getByRole('heading', { level: 1 })).toHaveText(texts.privacyTitle, SLOW);
    // The statement names the page (gemeng-title): the shell makes it the document's title.
    await expect(page).toHaveTitle(`${texts.privacyTitle} – Gemeng`);
    // The operator's details and the data protection officer, from the page's <meta name="gemeng:operator">.
    await expect(statement.locator('address').first()).toContainText(DEMO_OPERATOR.name);
    await expect(statement.getByRole('link', { name: DEMO_OPERATOR.dpoEmail })).toHaveAttribute(
      'href',
      `mailto:${DEMO_OPERATOR.dpoEmail}`,
    );
    await expect(statement.getByRole('link', { name: 'cnpd.public.lu' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await nav.getByRole('link', { name: texts.accessibility, exact: true }).click();
    await expect(page).toHaveURL(/\/accessibility$/);
    await expect(statement.getByRole('heading', { level: 1 })).toHaveText(texts.accessibilityTitle, SLOW);
    await expect(page).toHaveTitle(`${texts.accessibilityTitle} – Gemeng`);
    await expect(statement.getByRole('link', { name: 'accessibilite.public.lu' })).toBeVisible();
    await expectOperator(page, DEMO_OPERATOR);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the statements open directly, and follow the language switcher', async ({ page }) => {
  await page.goto(`${shellUrl()}/accessibility?lang=fr`);
  const heading = page.locator('gemeng-statement').getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(TEXTS.fr.accessibilityTitle, SLOW);
  await page.getByRole('button', { name: 'Lëtzebuergesch' }).click();
  await expect(heading).toHaveText(TEXTS.lb.accessibilityTitle);
  await expect(footer(page).getByRole('link', { name: TEXTS.lb.privacy, exact: true })).toBeVisible();
});

test('the operator settings given to the shell appear in the footer and the statements', async ({ page }) => {
  const operator: Operator = {
    name: 'Syndicat intercommunal Minett',
    address: '2, rue du Nord, L-4000 Esch-sur-Alzette',
    email: 'contact@minett.example',
    phone: '+352 54 00 00',
    dpoEmail: 'dpo@minett.example',
  };
  const shell = await startShell({ port: 0, routerUrl: routerUrl(), operator, log: () => {} });
  try {
    await page.goto(`${shell.url}/privacy?lang=en`);
    await expectOperator(page, operator);
    await expect(footer(page).getByRole('link', { name: operator.phone })).toHaveAttribute('href', 'tel:+352540000');
    const statement = page.locator('gemeng-statement');
    await expect(statement.getByRole('heading', { level: 1 })).toHaveText('Privacy notice', SLOW);
    await expect(statement).toContainText(`${operator.name} runs the Gemeng portal`);
    await expect(statement.getByRole('link', { name: operator.dpoEmail })).toHaveAttribute(
      'href',
      `mailto:${operator.dpoEmail}`,
    );
  } finally {
    await shell.close();
  }
});
