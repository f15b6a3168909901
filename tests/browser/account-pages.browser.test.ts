/**
 * The account's four pages on a phone (390 × 844, and 320 CSS px, WCAG 1.4.10's reflow width), in French: each
 * its own heading and title, reached through the account's navigation without a reload; the developers' page only
 * through its link; nothing scrolls sideways, not even with a long address or the TOTP key; the QR code has a text
 * alternative and the key comes in groups of four, spelt out for screen readers, with a copy button.
 */

import { expect, type Locator, type Page, test } from '@playwright/test';
import ACCOUNT_FR from '../../frontends/identity/src/messages/account/fr.json' with { type: 'json' };
import { createPerson } from '../support/oidc.ts';
import { openAccountPage, signInToAccount, watchErrors } from './citizen.ts';
import { oidcStack, shellUrl } from './env.ts';

test.use({ locale: 'fr-LU', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 640 };

/** What sticks out to the right: the page's own width, and every element of the account outside a scroll region. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const root = document.querySelector('gemeng-account')?.shadowRoot;
    const sticking = Array.from(root?.querySelectorAll('*') ?? [])
      .filter((element) => !element.closest('.table-wrap') && !element.closest('svg'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.localName}${element.id ? `#${element.id}` : ''}.${element.className}`);
    const account = root?.querySelector<HTMLElement>('[part="account"]');
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      account: account ? account.scrollWidth - account.clientWidth : undefined,
      sticking,
    };
  });
}

/** At the phone's width and at 320 px: nothing scrolls sideways. */
async function expectReflow(page: Page, what: string) {
  for (const size of [PHONE, NARROW]) {
    await page.setViewportSize(size);
    await expect
      .poll(() => overflow(page), { message: `${what} at ${size.width} px` })
      .toEqual({ page: 0, account: 0, sticking: [] });
  }
  await page.setViewportSize(PHONE);
}

async function expectPage(page: Page, account: Locator, heading: string, link: string) {
  await expect(account.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page).toHaveTitle(`${heading} – Mon compte – Gemeng`);
  const nav = account.getByRole('navigation', { name: ACCOUNT_FR.accountPages });
  await expect(nav.getByRole('link')).toHaveText([
    ACCOUNT_FR.profile,
    ACCOUNT_FR.security,
    ACCOUNT_FR.dataHeading,
    ACCOUNT_FR.navDevelopers,
  ]);
  await expect(nav.locator('[aria-current="page"]')).toHaveText(link);
}

test('the account’s pages fit a phone, each with its own title; the developers’ page only through its link', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // A long address (41 characters), as real ones can be.
  const suffix = Math.random().toString(36).slice(2, 8);
  const person = await createPerson(oidcStack(), {
    name: 'Jean-Marie Schmit-Weber',
    email: `jean-marie.schmit-weber.${suffix}@example.lu`,
  });
  const errors = watchErrors(page, shellUrl());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shellUrl() });
  const account = await signInToAccount(page, person.email, person.password);

  // Profile: the address wraps; the other pages' sections are not here.
  await expectPage(page, account, ACCOUNT_FR.profile, ACCOUNT_FR.profile);
  await expect(account.getByTestId('account-email')).toHaveText(person.email);
  await expect(
    account.locator('[part~="security-section"], [part~="apps-section"], [part~="data-section"]'),
  ).toHaveCount(0);
  await expectReflow(page, 'the profile');

  // A form in error: the title says so first (GOV.UK), and no longer once it is corrected.
  const name = account.getByLabel('Nom', { exact: true });
  await name.fill('');
  await account.getByRole('button', { name: ACCOUNT_FR.saveProfile }).click();
  await expect(page).toHaveTitle(`Erreur : ${ACCOUNT_FR.profile} – Mon compte – Gemeng`);
  await expectReflow(page, 'the profile with an error');
  await name.fill('Jean-Marie Schmit-Weber');
  await account.getByRole('button', { name: ACCOUNT_FR.saveProfile }).click();
  await expect(account.getByRole('status').filter({ hasText: ACCOUNT_FR.profileSaved })).toBeVisible();
  await expect(page).toHaveTitle(`${ACCOUNT_FR.profile} – Mon compte – Gemeng`);

  // Security: the QR code has a text alternative; the key comes in groups of four, heard spelt out, and copies.
  await openAccountPage(page, account, 'security');
  await expectPage(page, account, ACCOUNT_FR.security, ACCOUNT_FR.security);
  await expect(account.locator('[part~="apps-section"]')).toHaveCount(0);
  await expectReflow(page, 'security');
  await account.getByRole('button', { name: ACCOUNT_FR.totpSetUp }).click();
  await expect(account.getByRole('img', { name: ACCOUNT_FR.totpQrLabel })).toBeVisible();
  const key = account.locator('[part="totp-secret"]');
  await expect(key).toHaveText(/^(?:[A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const grouped = ((await key.textContent()) ?? '').trim();
  const spelt = grouped
    .split(' ')
    .map((group) => [...group].join(' '))
    .join(', ');
  await expect(account.getByText(ACCOUNT_FR.totpKeyLabel.replace('{groups}', spelt), { exact: true })).toBeAttached();
  await account.getByRole('button', { name: `${ACCOUNT_FR.copySecret}: ${ACCOUNT_FR.totpKey}` }).click();
  await expect(account.getByRole('status').filter({ hasText: ACCOUNT_FR.keyCopied })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(grouped.replaceAll(' ', ''));
  await expectReflow(page, 'the authenticator app’s set-up');

  // Your data.
  await openAccountPage(page, account, 'data');
  await expectPage(page, account, ACCOUNT_FR.dataHeading, ACCOUNT_FR.dataHeading);
  await expect(account.locator('[part~="apps-section"]')).toHaveCount(0);
  await expectReflow(page, 'your data');

  // The developers' page, through its link only.
  await openAccountPage(page, account, 'developers');
  await expectPage(page, account, ACCOUNT_FR.appsHeading, ACCOUNT_FR.navDevelopers);
  await expect(account.locator('[part~="apps-section"]')).toHaveCount(1);
  await expectReflow(page, 'the developers’ page');

  // Back with the browser: the previous page again, in place.
  await page.goBack();
  await expect(page).toHaveURL(`${shellUrl()}/account/data`);
  await expectPage(page, account, ACCOUNT_FR.dataHeading, ACCOUNT_FR.dataHeading);
  expect(errors).toEqual([]);
});
