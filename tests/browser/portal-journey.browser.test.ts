/**
 * Issue 10's "Done when": a new citizen's journey on a phone (390 × 844), once in Luxembourgish and once in French.
 * The home page, a commune chosen by typing in the chooser, its page; from the portal's sign-in to identity's
 * registration; the confirmation mail; signing in; a reload (still signed in); the account's pages (profile,
 * security, your data, and the developers' page only through its link); the privacy notice and the accessibility
 * statement from the footer; signing out. On every page: nothing scrolls sideways, axe finds no serious or
 * critical violation, and no German (or English) word is left in the page's language (support/page-checks.ts).
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import ACCOUNT_FR from '../../frontends/identity/src/messages/account/fr.json' with { type: 'json' };
import ACCOUNT_LB from '../../frontends/identity/src/messages/account/lb.json' with { type: 'json' };
import AUTH_FR from '../../frontends/identity/src/messages/auth/fr.json' with { type: 'json' };
import AUTH_LB from '../../frontends/identity/src/messages/auth/lb.json' with { type: 'json' };
import ACCESSIBILITY_FR from '../../frontends/portal/src/messages/accessibility/fr.json' with { type: 'json' };
import ACCESSIBILITY_LB from '../../frontends/portal/src/messages/accessibility/lb.json' with { type: 'json' };
import CHOOSER_FR from '../../frontends/portal/src/messages/commune-chooser/fr.json' with { type: 'json' };
import CHOOSER_LB from '../../frontends/portal/src/messages/commune-chooser/lb.json' with { type: 'json' };
import PRIVACY_FR from '../../frontends/portal/src/messages/privacy/fr.json' with { type: 'json' };
import PRIVACY_LB from '../../frontends/portal/src/messages/privacy/lb.json' with { type: 'json' };
import SHELL_FR from '../../shell/src/messages/shell/fr.json' with { type: 'json' };
import SHELL_LB from '../../shell/src/messages/shell/lb.json' with { type: 'json' };
import MAILS_FR from '../../subgraphs/identity/src/messages/mails/fr.json' with { type: 'json' };
import MAILS_LB from '../../subgraphs/identity/src/messages/mails/lb.json' with { type: 'json' };
import PAGES_FR from '../../subgraphs/identity/src/messages/pages/fr.json' with { type: 'json' };
import PAGES_LB from '../../subgraphs/identity/src/messages/pages/lb.json' with { type: 'json' };
import { fetchCommune, identityOrigin, newEmail, PASSWORD, shellUrl, waitForMail } from './env.ts';
import { expectFitsAndSpeaks } from './support/page-checks.ts';
import { escapeRegExp } from './support/wrong-language.ts';

/** Every text the journey looks for, from the message files the pages themselves use. */
const TEXTS = {
  lb: {
    shell: SHELL_LB,
    chooser: CHOOSER_LB,
    auth: AUTH_LB,
    account: ACCOUNT_LB,
    pages: PAGES_LB,
    mailSubject: MAILS_LB['verifyEmail.subject'],
    privacy: PRIVACY_LB.title,
    accessibility: ACCESSIBILITY_LB.title,
    person: 'Jhang Schmit-Majerus',
  },
  fr: {
    shell: SHELL_FR,
    chooser: CHOOSER_FR,
    auth: AUTH_FR,
    account: ACCOUNT_FR,
    pages: PAGES_FR,
    mailSubject: MAILS_FR['verifyEmail.subject'],
    privacy: PRIVACY_FR.title,
    accessibility: ACCESSIBILITY_FR.title,
    person: 'Élodie Da Silva Weber',
  },
} as const;

type Texts = (typeof TEXTS)[keyof typeof TEXTS];

/** The commune the citizen looks for (typed in the chooser's search). */
const COMMUNE = 'esch-sur-alzette';

/**
 * The portal's address as a pattern: the test stack serves it as localhost and as 127.0.0.1 on one port, and
 * identity's links back use the first of its portal origins (GEMENG_PORTAL_ORIGINS), which may be the other name.
 */
function portalPattern(): string {
  const port = new URL(shellUrl()).port;
  return `^http://(?:localhost|127\\.0\\.0\\.1):${port}`;
}

const heading = (where: Page | Locator) => where.getByRole('heading', { level: 1 });
const login = (page: Page) => page.locator('gemeng-login');

/** The account's pages, reached through its navigation (no reload): path, link, heading. */
function accountPages(t: Texts) {
  return [
    { path: '/account/security', link: t.account.security, heading: t.account.security },
    { path: '/account/data', link: t.account.dataHeading, heading: t.account.dataHeading },
    { path: '/account/developers', link: t.account.navDevelopers, heading: t.account.appsHeading },
  ] as const;
}

/** identity's sign-in page (the interaction), filled in and sent. */
async function signIn(page: Page, t: Texts, lang: string, email: string) {
  await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
  await expect(heading(page)).toHaveText(t.pages.signInTitle);
  await page.getByLabel(t.pages.email, { exact: true }).fill(email);
  await page.getByLabel(t.pages.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: t.pages.signIn, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${portalPattern()}/account(\\?lang=${lang})?$`));
}

for (const lang of ['lb', 'fr'] as const) {
  test.describe(`a new citizen on a phone (${lang})`, () => {
    test.use({ locale: `${lang}-LU`, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test(`home, a commune, registration, confirmation, sign-in, reload, account, statements, sign-out (${lang})`, async ({
      page,
      request,
    }) => {
      test.setTimeout(240_000);
      const t = TEXTS[lang];
      const commune = await fetchCommune(request, COMMUNE, lang);
      const email = newEmail(`journey-${lang}`);

      // The home page: the shell's heading and the commune chooser (nothing chosen yet on this phone).
      await page.goto(`${shellUrl()}/?lang=${lang}`);
      await expect(heading(page)).toHaveText(t.shell.title);
      await expect(page).toHaveTitle(`${t.shell.title} – Gemeng`);
      const chooser = page.locator('gemeng-commune-chooser');
      await expect(chooser.locator('[part="chooser"]')).toHaveAttribute('aria-busy', 'false');
      const found = chooser.locator('[part="communes"]').getByRole('link');
      const all = await found.count();
      expect(all, 'the chooser lists the member communes').toBeGreaterThan(1);
      await expectFitsAndSpeaks(page, lang, 'home page');

      // Typing narrows the list; the commune's link opens its page.
      const search = chooser.getByRole('searchbox', { name: t.chooser.search });
      await search.pressSequentially(commune.name.slice(0, 6));
      await expect(found.filter({ hasText: commune.name })).toHaveCount(1);
      expect(await found.count()).toBeLessThan(all);
      await expect(chooser.locator('[part="status"]')).not.toBeEmpty();
      await found.filter({ hasText: commune.name }).click();
      await expect(page).toHaveURL(new RegExp(`/communes/${COMMUNE}(\\?|$)`));
      const card = page.locator('gemeng-commune-card');
      await expect(heading(card)).toHaveText(commune.name);
      await expect(page).toHaveTitle(`${commune.name} – Gemeng`);
      await expect(card.locator('[part="card"]')).toHaveAttribute('aria-busy', 'false');
      await expectFitsAndSpeaks(page, lang, 'commune page');

      // The portal's sign-in leads to identity's pages, which lead back to the portal and on to registering.
      await login(page).getByRole('button', { name: t.auth.signIn }).click();
      await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
      await expect(heading(page)).toHaveText(t.pages.signInTitle);
      await expect(page.getByRole('link', { name: t.pages.backToPortal })).toHaveAttribute(
        'href',
        new RegExp(`${portalPattern()}/`),
      );
      await expectFitsAndSpeaks(page, lang, 'sign-in page');
      await page.getByRole('link', { name: t.pages.register, exact: true }).click();
      await expect(heading(page)).toHaveText(t.pages.registerTitle);
      await expect(page.getByRole('link', { name: t.pages.privacyLink })).toHaveAttribute(
        'href',
        new RegExp(`${portalPattern()}/privacy`),
      );
      await expectFitsAndSpeaks(page, lang, 'registration page');
      await page.getByLabel(t.pages.name, { exact: true }).fill(t.person);
      await page.getByLabel(t.pages.email, { exact: true }).fill(email);
      await page.getByLabel(t.pages.password, { exact: true }).fill(PASSWORD);
      await page.getByLabel(t.pages.passwordConfirmation, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: t.pages.create, exact: true }).click();
      await expect(heading(page)).toHaveText(t.pages.checkInbox);
      await expectFitsAndSpeaks(page, lang, '"check your inbox" page');

      // The mail, in the registration's language; its link opens a page whose button confirms.
      const subject = new RegExp(`^${escapeRegExp(t.mailSubject)}`);
      const mail = await waitForMail(request, email, subject);
      const link = mail.text.match(/https?:\/\/\S+\/account\/verify\?token=[\w-]+\S*/)?.[0];
      expect(link, 'the mail carries a confirmation link').toBeDefined();
      await page.goto(link!);
      await expect(heading(page)).toHaveText(t.pages.confirmAddressTitle);
      await expectFitsAndSpeaks(page, lang, 'address confirmation page');
      await page.getByRole('button', { name: t.pages.confirmAddressButton }).click();
      await expect(heading(page)).toHaveText(t.pages.verifiedTitle);
      await expectFitsAndSpeaks(page, lang, '"address confirmed" page');

      // From there to the portal, and signed in (a password is all a new account needs: no second step).
      await page.getByRole('link', { name: t.pages.signInOnPortal }).click();
      await expect(page).toHaveURL(new RegExp(`${portalPattern()}/account\\?lang=${lang}$`));
      // The silent restore after a reload needs the portal on the issuer's site (a same-site frame, ADR 11): the
      // link must lead to the portal as the platform serves it (the stack's shell URL and issuer are on localhost;
      // identity links to the first of GEMENG_PORTAL_ORIGINS, scripts/stack.ts). Otherwise the journey goes on
      // there, so that the rest is still proven.
      expect
        .soft(new URL(page.url()).origin, 'identity links to the portal on the issuer’s site')
        .toBe(new URL(shellUrl()).origin);
      if (new URL(page.url()).origin !== new URL(shellUrl()).origin) {
        await page.goto(`${shellUrl()}/account?lang=${lang}`);
      }
      const account = page.locator('gemeng-account');
      await expect(account).toContainText(t.auth.anonymous);
      await expectFitsAndSpeaks(page, lang, 'account, signed out');
      await login(page).getByRole('button', { name: t.auth.signIn }).click();
      await signIn(page, t, lang, email);
      await expect(login(page).locator('[part="name"]')).toContainText(t.person);
      await expect(heading(account)).toHaveText(t.account.profile);
      await expect(account.getByTestId('account-email')).toHaveText(email, { ignoreCase: true });

      // A reload: still signed in (the session is restored silently).
      await page.reload();
      await expect(login(page).locator('[part="name"]')).toContainText(t.person);
      await expect(login(page).getByRole('button', { name: t.auth.signOut })).toBeVisible();
      await expect(heading(account)).toHaveText(t.account.profile);
      await expect(account.getByTestId('account-email')).toHaveText(email, { ignoreCase: true });
      await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(t.account.profile)} – `));
      await expect(account.locator('[part~="apps-section"]')).toHaveCount(0);
      await expectFitsAndSpeaks(page, lang, 'account: profile');

      // The other pages, through the account's navigation; the developers' section only on its own page.
      const nav = account.getByRole('navigation', { name: t.account.accountPages });
      for (const target of accountPages(t)) {
        await nav.getByRole('link', { name: target.link, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`${portalPattern()}${target.path}(\\?|$)`));
        await expect(heading(account)).toHaveText(target.heading);
        await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(target.heading)} – `));
        const developers = target.path === '/account/developers';
        await expect(account.locator('[part~="apps-section"]')).toHaveCount(developers ? 1 : 0);
        await expectFitsAndSpeaks(page, lang, `account: ${target.path}`);
      }

      // The footer's statements, still signed in (the portal changes the route, no reload).
      const footer = page.getByRole('contentinfo');
      const statement = page.locator('gemeng-statement');
      await footer.getByRole('link', { name: t.shell.privacy, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${portalPattern()}/privacy(\\?|$)`));
      await expect(heading(statement)).toHaveText(t.privacy);
      await expectFitsAndSpeaks(page, lang, 'privacy notice');
      await footer.getByRole('link', { name: t.shell.accessibility, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${portalPattern()}/accessibility(\\?|$)`));
      await expect(heading(statement)).toHaveText(t.accessibility);
      await expectFitsAndSpeaks(page, lang, 'accessibility statement');
      await expect(login(page).locator('[part="name"]')).toContainText(t.person);

      // Signing out: identity asks, in the page's language; back on the portal, signed out.
      await login(page).getByRole('button', { name: t.auth.signOut }).click();
      await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/`));
      await expect(heading(page)).toHaveText(t.pages.signOutTitle);
      await expect(page.getByText(t.pages.signOutText)).toBeVisible();
      await expectFitsAndSpeaks(page, lang, 'sign-out page');
      await page.getByRole('button', { name: t.pages.signOutConfirm }).click();
      await expect(page).toHaveURL(new RegExp(`${portalPattern()}/`));
      await expect(login(page).getByRole('button', { name: t.auth.signIn })).toHaveAttribute('aria-disabled', 'false');
      await expect(login(page).locator('[part="name"]')).toHaveCount(0);
      await expectFitsAndSpeaks(page, lang, 'portal after signing out');
    });
  });
}
