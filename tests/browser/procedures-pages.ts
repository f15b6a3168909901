/**
 * What tests/browser/procedures-pages.browser.test.ts needs besides the page checks: the widgets' texts per
 * language (from their message files), the language switch of the portal's header (no reload: the sign-in stays
 * in the page), a keyboard walk to a control (Tab only), identity's sign-in and second step in the page's
 * language, and a submitted application made through the graph as a citizen would.
 */
import { readFileSync } from 'node:fs';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { expect, type Locator, type Page } from '@playwright/test';
import { graphql, type Person, signedInPerson } from '../support/oidc.ts';
import { identityOrigin, type Lang, oidcStack } from './env.ts';

export const LANGS: readonly Lang[] = ['lb', 'fr', 'de', 'en'];
export const DUDELANGE = demoCommuneId('dudelange');
/** A procedure for one factor, with a fee: a citizen signs in with the password alone. */
export const BULKY_WASTE = 'bulky-waste-collection';

type Messages = Record<string, string>;
const read = (path: string): Messages => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Messages;

/** A widget's messages in `lang` (frontends/procedures/src/messages/<feature>/<lang>.json). */
export const procedureTexts = (feature: 'catalogue' | 'form' | 'mine' | 'office', lang: Lang): Messages =>
  read(`../../frontends/procedures/src/messages/${feature}/${lang}.json`);

/** identity's server-rendered pages in `lang`. */
export const identityTexts = (lang: Lang): Messages => read(`../../subgraphs/identity/src/messages/pages/${lang}.json`);

/** The portal's header language buttons change the page's language in place. */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  await page.locator(`header button[data-lang="${lang}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

const focused = (target: Locator) => target.evaluate((element) => element.matches(':focus'));

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus, as a keyboard user would; fails otherwise. */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}) {
  await expect(target).toBeVisible();
  const key = options.back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.max ?? 60) && !(await focused(target)); i++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

/** identity's password page, in `lang`, filled by keyboard (its own page: not one of this slice's). */
export async function signInOnIdentity(page: Page, lang: Lang, person: Pick<Person, 'email' | 'password'>) {
  const t = identityTexts(lang);
  await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
  await page.getByLabel(t.email!, { exact: true }).fill(person.email);
  await page.getByLabel(t.password!, { exact: true }).fill(person.password);
  await page.getByLabel(t.password!, { exact: true }).press('Enter');
}

/** identity's second step in a popup, answered with a recovery code; the popup closes once the page has tokens. */
export async function answerSecondStep(popup: Page, lang: Lang, code: string): Promise<void> {
  const t = identityTexts(lang);
  await expect(popup).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(t.secondFactorTitle!);
  const closed = popup.waitForEvent('close');
  await popup.getByLabel(t.totpLabel!).fill(code);
  await popup.getByLabel(t.totpLabel!).press('Enter');
  await closed;
}

/** Valid answers to the bulky waste collection's form. */
export const BULKY_WASTE_ANSWERS = {
  name: 'Paul Kieffer',
  email: 'paul.kieffer@example.lu',
  phone: '+352 621 123 456',
  address: { street: 'Rue du Parc', number: '7', postcode: '3542', locality: 'Dudelange', country: 'LU' },
  items: ['furniture', 'carpets'],
  volume: 2,
};

interface Payload {
  __typename: string;
  application?: { id: string; version: number; reference: string | null };
}

/** A new citizen's bulky waste collection, submitted through the graph: its reference and id. */
export async function submittedApplication(name: string): Promise<{ id: string; reference: string }> {
  const stack = oidcStack();
  const citizen = await signedInPerson(stack, { name, residences: [DUDELANGE] });
  const call = async (mutation: string, input: Record<string, unknown>) => {
    const type = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}`;
    const { body } = await graphql<Record<string, Payload>>(
      stack,
      `mutation ($input: ${type}Input!) { ${mutation}(input: $input) { __typename
        ... on ${type}Payload { application { id version reference } } } }`,
      { input },
      citizen.accessToken,
    );
    const application = body.data?.[mutation]?.application;
    if (!application) throw new Error(`${mutation}: ${JSON.stringify(body)}`);
    return application;
  };
  const draft = await call('applicationStart', { communeId: DUDELANGE, procedureCode: BULKY_WASTE });
  const saved = await call('applicationSave', {
    id: draft.id,
    version: draft.version,
    answers: { ...BULKY_WASTE_ANSWERS, name, email: citizen.email },
  });
  const submitted = await call('applicationSubmit', { id: saved.id, version: saved.version });
  return { id: submitted.id, reference: submitted.reference ?? '' };
}
