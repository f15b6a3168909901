/**
 * The widget's step-up in the browser: a change answers INSUFFICIENT_USER_AUTHENTICATION, <gemeng-account> shows
 * its notice, and "Confirm with a second factor" opens identity's second-factor page in a popup (also on the
 * portal: the change waits in the page and carries on once the popup is done). Passkeys: Chromium's virtual
 * authenticator, which a popup (another tab) gets only when the test gives it one.
 */
import { type CDPSession, expect, type Locator, type Page } from '@playwright/test';
import ACCOUNT_FR from '../../frontends/identity/src/messages/account/fr.json' with { type: 'json' };
import FORMS_FR from '../../frontends/kit/src/messages/forms/fr.json' with { type: 'json' };
import { IDENTITY_FR } from './citizen.ts';
import { identityOrigin } from './env.ts';

/** The account page's texts in French, and the kit's form texts (the step-up notice); ICU messages: those with
 * arguments need formatting. */
export { ACCOUNT_FR, FORMS_FR };

/** The second-factor page in French (subgraphs/identity/src/web/texts.ts). */
export const SECOND_FACTOR_FR = {
  title: 'Deuxième étape',
  totp: 'Code de votre application d’authentification, ou un code de secours',
  passkey: 'Confirmer avec une clé d’accès',
} as const;

export interface VirtualAuthenticator {
  readonly cdp: CDPSession;
  readonly authenticatorId: string;
}

/** A platform authenticator with user verification (fingerprint, face or PIN), as on a phone or a laptop. */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** The same device in another tab (the popup): an authenticator holding copies of `from`'s passkeys. */
export async function sameAuthenticatorIn(page: Page, from: VirtualAuthenticator): Promise<VirtualAuthenticator> {
  const { credentials } = await from.cdp.send('WebAuthn.getCredentials', { authenticatorId: from.authenticatorId });
  const copy = await addVirtualAuthenticator(page);
  for (const credential of credentials) {
    await copy.cdp.send('WebAuthn.addCredential', { authenticatorId: copy.authenticatorId, credential });
  }
  return copy;
}

/**
 * The notice is there (`notice`: its text), "Confirm with a second factor" opens the popup, which shows identity's
 * second-factor page without asking for the password again. Returns the popup.
 */
export async function openStepUp(page: Page, account: Locator, notice: string | RegExp): Promise<Page> {
  await expect(account.locator('[part~="step-up"]').filter({ hasText: notice })).toBeVisible();
  const opened = page.waitForEvent('popup');
  await account.getByRole('button', { name: FORMS_FR.stepUp }).click();
  const popup = await opened;
  await expect(popup).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(SECOND_FACTOR_FR.title);
  await expect(popup.getByLabel(IDENTITY_FR.password, { exact: true })).toHaveCount(0);
  return popup;
}

/** Answers the popup with the authenticator app's code; the popup closes once the page has the new tokens. */
export async function answerWithTotp(popup: Page, code: string): Promise<void> {
  const closed = popup.waitForEvent('close');
  await popup.getByLabel(SECOND_FACTOR_FR.totp).fill(code);
  await popup.getByLabel(SECOND_FACTOR_FR.totp).press('Enter');
  await closed;
}
