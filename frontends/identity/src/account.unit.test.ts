// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Account } from './account.ts';
import { accountPageOfPath } from './account-pages.ts';
import { button, en, fx, ISSUER, mountAccount, settled, text, useAccountFixture } from './account-test-support.ts';
import { keyGroups, spokenKey } from './account-totp.ts';

useAccountFixture();

/** The account with one attribute set to a value it does not accept: the message in its place. */
async function mountWithAttribute(attribute: string, value: string) {
  const element = document.createElement('gemeng-account');
  element.setAttribute('lang', 'en');
  element.setAttribute('issuer', ISSUER);
  element.setAttribute(attribute, value);
  document.body.append(element);
  const root = await settled(element, (r) => Boolean(r.querySelector('[part~="attribute-problem"]')));
  return { element, root };
}

describe('<gemeng-account>', () => {
  it('shows one page at a time with its own heading, and a navigation between the four pages', async () => {
    const headingsOf = (root: ShadowRoot) =>
      [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${text(h)}`);
    const profile = await mountAccount();
    expect(headingsOf(profile.root)).toEqual([`h3 ${en.profile}`, `h4 ${en.emailChangeHeading}`]);
    const commune = (index: number) =>
      profile.root.querySelector<HTMLInputElement>(`#profile-communesOfResidence-${index}`)?.checked;
    expect([commune(0), commune(1)]).toEqual([false, true]); // Bettembourg first
    expect(text(profile.root.querySelector('[data-testid="account-name"]'))).toBe('Léa Muller');
    const nav = profile.root.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe(en.accountPages);
    const links = [...nav.querySelectorAll('a')];
    expect(links.map((a) => [text(a), a.getAttribute('aria-current')])).toEqual([
      [en.profile, 'page'],
      [en.security, 'false'],
      [en.dataHeading, 'false'],
      [en.navDevelopers, 'false'],
    ]);
    // Off the portal (popup mode here) the links show the page in place, without leaving the page.
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#account-profile',
      '#account-security',
      '#account-data',
      '#account-developers',
    ]);
    expect(profile.root.querySelector('[part="apps-section"], [part="security-section"]')).toBeNull();
    links[1]!.click();
    const root = await settled(profile.element, (r) => Boolean(r.querySelector('[part="passkeys"]')));
    expect(profile.element.page).toBe('security');
    expect(root.activeElement?.id).toBe('account-heading');
    expect(root.querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe(en.security);
    expect(headingsOf(root)).toEqual([
      `h3 ${en.security}`,
      `h4 ${en.totpHeading}`,
      `h4 ${en.passkeysHeading}`,
      `h4 ${en.codeCardHeading}`,
      `h4 ${en.sessionsHeading}`,
      `h4 ${en.logHeading}`,
    ]);
    // The developers' section is on its own page only.
    expect(root.querySelector('[part="apps-section"]')).toBeNull();
    expect(text(root)).not.toContain(en.appsIntro.slice(0, 30));
    const ids = [...root.querySelectorAll('[id]')].map((node) => node.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(fx.received[0]?.headers.authorization).toBe('Bearer token-1');
    expect(text(root.querySelector('[part="level"]'))).toBe(en.levelLow);
    expect(text(root.querySelector('[data-testid="code-card-cells"]'))).toBe('38 of 40');

    // Every field has a label.
    for (const input of root.querySelectorAll('input, select')) {
      expect(root.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }

    const log = root.querySelector('[part~="security-log-table"]')!;
    expect([...log.querySelectorAll('thead th[scope="col"]')].map(text)).toEqual([
      en.logAt,
      en.logKind,
      en.logIp,
      en.logBy,
    ]);
    const rows = [...log.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map(text));
    expect(rows.map((cells) => cells[1])).toEqual([en.kindLogin, en.kindRoleGranted, 'brand-new-kind']);
    expect(rows[1]?.slice(2)).toEqual([en.unknownIp, en.byOther]);
    expect(log.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-25T08:00:00Z');

    expect(button(root, 'Remove').getAttribute('aria-label')).toBe(`${en.remove}: passkey “Firefox on Linux”`);
    expect(text(root.querySelector('[part~="sessions-table"] tbody th'))).not.toBe('');
    // "This browser" marks the session the page is signed in with, and only that one.
    const sessionRows = [...root.querySelectorAll('[part~="sessions-table"] tbody tr')];
    expect(sessionRows.map((row) => text(row.querySelector('th')).includes(en.thisBrowser))).toEqual([true, false]);
  });

  it('sends the token only to the page’s router, not to an fx.endpoint attribute pointing elsewhere', async () => {
    // The same test server under another origin (localhost instead of 127.0.0.1): a stranger's router.
    const foreign = fx.endpoint.replace('127.0.0.1', 'localhost');
    const element = document.createElement('gemeng-account');
    element.setAttribute('lang', 'en');
    element.setAttribute('issuer', ISSUER);
    element.setAttribute('endpoint', foreign);
    document.body.append(element);
    const root = await settled(element as Account, (r) => Boolean(r.querySelector('[part="alert"]')));
    expect(text(root.querySelector('[part="alert"]'))).toContain(foreign);
    // Nothing reached the foreign origin (by the Host it was called with), with or without the token.
    expect(fx.received.filter((r) => r.headers.host?.startsWith('localhost'))).toEqual([]);
  });

  it('shows a short message instead of the account for a heading level outside 1–6, and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { element, root } = await mountWithAttribute('heading-level', 'h2');
    expect(text(root)).toBe('This content cannot be shown: “h2” is not a valid value for “heading-level”.');
    expect(root.querySelector('[part="account"]')).toBeNull();
    element.requestUpdate();
    await element.updateComplete;
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '<gemeng-account>: unknown value "h2" for the attribute "heading-level". Allowed: 1–6.',
    ]);
    warn.mockRestore();
  });

  it('forgets what was shown when the person signs out', async () => {
    const { element, root } = await mountAccount();
    fx.auth.set({ status: 'anonymous' });
    await settled(element, (r) => !r.querySelector('[part="security-section"]'));
    expect(text(root)).toContain('You are not signed in.');
  });

  it('tells the page its title, with error while a form on it shows errors', async () => {
    const titles: unknown[] = [];
    document.addEventListener('gemeng-title', (event) => titles.push((event as CustomEvent).detail));
    const { element, root } = await mountAccount();
    expect(titles.at(-1)).toEqual({ title: `${en.profile} – My account` });
    root.querySelector<HTMLInputElement>('#profile-name')!.value = '';
    button(root, en.saveProfile).click();
    await settled(element, (r) => Boolean(r.querySelector('#profile-name-error')));
    expect(titles.at(-1)).toEqual({ title: `${en.profile} – My account`, error: true });
    element.page = 'data';
    await settled(element, (r) => Boolean(r.querySelector('[part="account-erase"]')));
    expect(titles.at(-1)).toEqual({ title: `${en.dataHeading} – My account` });
    // Sent again only when something changed.
    const sent = titles.length;
    element.requestUpdate();
    await element.updateComplete;
    expect(titles).toHaveLength(sent);
  });

  it('shows a short message for an unknown page, and no title', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const titles: unknown[] = [];
    document.addEventListener('gemeng-title', (event) => titles.push((event as CustomEvent).detail));
    const { root } = await mountWithAttribute('page', 'oauth');
    expect(text(root)).toBe('This content cannot be shown: “oauth” is not a valid value for “page”.');
    expect(warn.mock.calls[0]?.[0]).toContain('Allowed: profile, security, data, developers.');
    expect(titles).toEqual([]);
    warn.mockRestore();
  });
});

describe('the account’s pages on the portal', () => {
  it('takes the page from the address, and the TOTP key in groups', () => {
    expect(
      ['/account', '/account/', '/account/security', '/account/data', '/account/developers', '/accounts', '/'].map(
        accountPageOfPath,
      ),
    ).toEqual(['profile', 'profile', 'security', 'data', 'developers', undefined, undefined]);
    expect(keyGroups('JBSWY3DPEHPK3PXPX')).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'X']);
    expect(spokenKey('JBSW Y3DP')).toBe('J B S W, Y 3 D P');
  });
});
