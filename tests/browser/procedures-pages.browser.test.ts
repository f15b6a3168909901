/**
 * Issue 11's bar for every new page of the portal, at a phone's narrowest width (320 px): the catalogue, a
 * procedure (signed out and signed in, its form, the check of the answers and the receipt), my applications and
 * one of them, the back office's inbox and one application (an agent with two factors). In lb, fr, de and en
 * (the header's language switch, in place): axe finds no serious or critical WCAG 2.1 AA violation, nothing
 * scrolls sideways, and no word of another language is left (support/page-checks.ts). The main action of each
 * page is done with the keyboard alone: Tab to reach it, Enter or Space to use it, typing to fill in.
 */
import { expect, type Page, test } from '@playwright/test';
import { createPerson } from '../support/oidc.ts';
import { enrolSecondFactor } from '../support/second-factor.ts';
import { type Lang, oidcStack, shellUrl } from './env.ts';
import {
  answerSecondStep,
  BULKY_WASTE,
  BULKY_WASTE_ANSWERS,
  DUDELANGE,
  LANGS,
  procedureTexts,
  signInOnIdentity,
  submittedApplication,
  switchLanguage,
  tabTo,
} from './procedures-pages.ts';
import { expectFitsAndSpeaks } from './support/page-checks.ts';

test.use({ viewport: { width: 320, height: 800 } });
test.describe.configure({ mode: 'parallel' });

test.beforeEach(({ page }) => {
  test.setTimeout(180_000);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
});

const catalogue = (page: Page) => page.locator('gemeng-procedures');
const form = (page: Page) => page.locator('gemeng-procedure-form');
const mine = (page: Page) => page.locator('gemeng-my-applications');
const office = (page: Page) => page.locator('gemeng-office');
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Each language in turn, the page's own text in it first (`ready`), then the checks. */
async function inEveryLanguage(page: Page, where: string, ready: (lang: Lang) => Promise<void>) {
  for (const lang of LANGS) {
    await switchLanguage(page, lang);
    await ready(lang);
    await expectFitsAndSpeaks(page, lang, `${where} (${lang})`);
  }
}

test('signed out: the catalogue and a procedure read in four languages; a procedure is chosen by keyboard', async ({
  page,
}) => {
  await page.goto(`${shellUrl()}/communes/dudelange/procedures?lang=lb`);
  await inEveryLanguage(page, 'catalogue', async (lang) => {
    await expect(
      catalogue(page).getByRole('searchbox', { name: procedureTexts('catalogue', lang).search }),
    ).toBeVisible();
    await expect(catalogue(page).locator('[part="procedure"]').first()).toBeVisible();
    // the list is dimmed while it loads in the new language: axe would measure the fading colours
    await expect(catalogue(page).locator('[part="catalogue"]')).toHaveAttribute('aria-busy', 'false');
  });

  // Keyboard: from the top of the page to the procedure's link, and Enter follows it.
  const bulky = catalogue(page).locator(`a[href$="/procedures/${BULKY_WASTE}"]`);
  await tabTo(page, bulky);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/communes/dudelange/procedures/${BULKY_WASTE}(\\?|$)`));

  await inEveryLanguage(page, 'procedure, signed out', async (lang) => {
    await expect(form(page).getByRole('button', { name: procedureTexts('form', lang).signIn })).toBeVisible();
  });
});

test('a citizen signs in, fills a procedure, checks and submits it, and reads it in my applications, by keyboard', async ({
  page,
}) => {
  const citizen = await createPerson(oidcStack(), { name: 'Paul Kieffer', residences: [DUDELANGE] });
  await page.goto(`${shellUrl()}/communes/dudelange/procedures/${BULKY_WASTE}?lang=de`);
  await tabTo(page, form(page).getByRole('button', { name: procedureTexts('form', 'de').signIn }));
  await page.keyboard.press('Enter');
  await signInOnIdentity(page, 'de', citizen);
  await expect(page).toHaveURL(new RegExp(`/communes/dudelange/procedures/${BULKY_WASTE}(\\?|$)`));

  await inEveryLanguage(page, 'procedure, signed in', async (lang) => {
    await expect(form(page).getByRole('button', { name: procedureTexts('form', lang).start })).toBeVisible();
  });

  // English now. Start, fill in and continue: Tab to each field, type; Space ticks a box; Enter sends.
  const t = procedureTexts('form', 'en');
  await tabTo(page, form(page).getByRole('button', { name: t.start }), { back: true });
  await page.keyboard.press('Enter');
  const phone = form(page).getByRole('textbox', { name: /^Phone number/ });
  await expect(phone).toBeVisible();
  await inEveryLanguage(page, 'procedure form', async (lang) => {
    await expect(form(page).getByText(procedureTexts('form', lang).draftNew!.split(' — ')[0]!).first()).toBeVisible();
  });
  await switchLanguage(page, 'en');
  const fill = async (name: RegExp, value: string) => {
    await tabTo(page, form(page).getByRole('textbox', { name }));
    await page.keyboard.type(value);
  };
  await fill(/^Phone number/, BULKY_WASTE_ANSWERS.phone);
  await fill(new RegExp(`^${t.street}`), BULKY_WASTE_ANSWERS.address.street);
  await fill(new RegExp(`^${t.houseNumber}`), BULKY_WASTE_ANSWERS.address.number);
  await fill(new RegExp(`^${t.postcode}`), BULKY_WASTE_ANSWERS.address.postcode);
  await fill(new RegExp(`^${t.locality}`), BULKY_WASTE_ANSWERS.address.locality);
  await fill(new RegExp(`^${t.country}`), BULKY_WASTE_ANSWERS.address.country);
  await tabTo(page, form(page).getByRole('checkbox', { name: 'Furniture' }));
  await page.keyboard.press('Space');
  await expect(form(page).getByRole('checkbox', { name: 'Furniture' })).toBeChecked();
  await tabTo(
    page,
    form(page)
      .getByRole('spinbutton', { name: /^Volume/ })
      .or(form(page).getByRole('textbox', { name: /^Volume/ })),
  );
  await page.keyboard.type('2');
  await tabTo(page, form(page).getByRole('button', { name: t.continue }));
  await page.keyboard.press('Enter');

  // The check of the answers, then Enter on "Submit".
  await expect(form(page).getByRole('heading', { name: t.checkHeading })).toBeVisible();
  await inEveryLanguage(page, 'procedure, check your answers', async (lang) => {
    await expect(form(page).getByRole('heading', { name: procedureTexts('form', lang).checkHeading })).toBeVisible();
  });
  await tabTo(page, form(page).getByRole('button', { name: procedureTexts('form', 'en').submit }));
  await page.keyboard.press('Enter');
  await expect(form(page).getByRole('heading', { name: procedureTexts('form', 'en').receiptHeading })).toBeVisible({
    timeout: 20_000,
  });
  await inEveryLanguage(page, 'procedure, receipt', async (lang) => {
    await expect(form(page).getByRole('heading', { name: procedureTexts('form', lang).receiptHeading })).toBeVisible();
  });

  // The receipt's link to the application, by keyboard.
  await tabTo(page, form(page).getByRole('link', { name: procedureTexts('form', 'en').receiptLink }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/applications\/[\w-]+(\?|$)/);
  await inEveryLanguage(page, 'my application', async (lang) => {
    await expect(mine(page).getByRole('heading', { name: procedureTexts('mine', lang).history })).toBeVisible();
  });

  // Its main action: a message to the commune.
  const m = procedureTexts('mine', 'en');
  await tabTo(page, mine(page).getByRole('textbox', { name: m.messageLabel }));
  await page.keyboard.type('Can you come in the morning?');
  await tabTo(page, mine(page).getByRole('button', { name: m.send }));
  await page.keyboard.press('Enter');
  await expect(mine(page).getByRole('status').filter({ hasText: m.sent! })).toBeVisible();

  // Back to the list, and by keyboard to the application again.
  await tabTo(page, mine(page).getByRole('link', { name: m.back }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/applications(\?|$)/);
  await inEveryLanguage(page, 'my applications', async (lang) => {
    await expect(h1(page)).toHaveText(procedureTexts('mine', lang).heading!);
  });
  await switchLanguage(page, 'en');
  await tabTo(page, mine(page).getByRole('link', { name: 'Bulky waste collection', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/applications\/[\w-]+(\?|$)/);
});

test('an agent with two factors reads the inbox and an application and starts its review, by keyboard', async ({
  page,
}) => {
  const application = await submittedApplication('Nathalie Wagner');
  const agent = await createPerson(oidcStack(), {
    name: 'Claude Hoffmann',
    roles: [{ communeId: DUDELANGE, role: 'agent' }],
  });
  const [code] = await enrolSecondFactor(oidcStack(), agent.id);

  await page.goto(`${shellUrl()}/office?lang=fr`);
  const o = procedureTexts('office', 'fr');
  await tabTo(page, office(page).getByRole('button', { name: o.signIn, exact: true }));
  await page.keyboard.press('Enter');
  await signInOnIdentity(page, 'fr', agent);
  await expect(page).toHaveURL(/\/office(\?|$)/);
  // The back office asks for the second factor: its button opens identity's second step in a window.
  const popup = page.waitForEvent('popup');
  await tabTo(page, office(page).getByRole('button', { name: o.stepUp }));
  await page.keyboard.press('Enter');
  await answerSecondStep(await popup, 'fr', code!);

  await inEveryLanguage(page, 'back office inbox', async (lang) => {
    await expect(
      office(page)
        .getByRole('searchbox', { name: procedureTexts('office', lang).searchLabel })
        .or(office(page).getByRole('textbox', { name: procedureTexts('office', lang).searchLabel })),
    ).toBeVisible();
    await expect(office(page).locator('[part~="inbox"]')).toBeVisible();
  });

  // Search for the reference and open the application, by keyboard.
  const search = office(page)
    .getByRole('searchbox', { name: procedureTexts('office', 'en').searchLabel })
    .or(office(page).getByRole('textbox', { name: procedureTexts('office', 'en').searchLabel }));
  await tabTo(page, search);
  await page.keyboard.type(application.reference);
  await page.keyboard.press('Enter');
  const link = office(page).getByRole('link', { name: application.reference });
  await expect(link).toHaveCount(1);
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/office/applications/${application.id}(\\?|$)`));

  await inEveryLanguage(page, 'back office application', async (lang) => {
    await expect(
      office(page).getByRole('heading', { name: procedureTexts('office', lang).actionsHeading }),
    ).toBeVisible();
  });

  // Its main actions: take it, and start the review.
  const e = procedureTexts('office', 'en');
  await tabTo(page, office(page).getByRole('button', { name: e.assignToMe }));
  await page.keyboard.press('Enter');
  await expect(office(page).getByText(e.assignedToYou!)).toBeVisible();
  await tabTo(page, office(page).getByRole('button', { name: e.startReview }));
  await page.keyboard.press('Enter');
  await expect(office(page).getByText(e.reviewStarted!)).toBeVisible();
  await expectFitsAndSpeaks(page, 'en', 'back office application, in review (en)');
});
