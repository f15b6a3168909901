// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Account } from './account.ts';
import { button, en, fx, ISSUER, mountAccount, settled, text, useAccountFixture } from './account-test-support.ts';

useAccountFixture();

describe('<gemeng-account>', () => {
  it('shows the profile and security sections with headings in order, tables with headers and labels', async () => {
    const { root } = await mountAccount();
    const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${text(h)}`);
    expect(headings).toEqual([
      'h3 My account',
      `h4 ${en.profile}`,
      `h5 ${en.emailChangeHeading}`,
      `h4 ${en.security}`,
      `h5 ${en.totpHeading}`,
      `h5 ${en.passkeysHeading}`,
      `h5 ${en.codeCardHeading}`,
      `h5 ${en.sessionsHeading}`,
      `h5 ${en.logHeading}`,
      `h4 ${en.appsHeading}`,
      `h5 ${en.appsListHeading}`,
      `h5 ${en.appRegisterHeading}`,
      `h4 ${en.dataHeading}`,
      `h5 ${en.exportHeading}`,
      `h5 ${en.eraseHeading}`,
    ]);
    const ids = [...root.querySelectorAll('[id]')].map((node) => node.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(fx.received[0]?.headers.authorization).toBe('Bearer token-1');
    expect(text(root.querySelector('[part="level"]'))).toBe(en.levelLow);
    expect(text(root.querySelector('[data-testid="account-name"]'))).toBe('Léa Muller');
    expect(text(root.querySelector('[data-testid="code-card-cells"]'))).toBe('38 of 40');

    // Every field has a label.
    for (const input of root.querySelectorAll('input, select')) {
      expect(root.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }
    expect((root.querySelector('#profile-communesOfResidence-0') as HTMLInputElement).checked).toBe(false); // Bettembourg first
    expect((root.querySelector('#profile-communesOfResidence-1') as HTMLInputElement).checked).toBe(true);

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
    const element = document.createElement('gemeng-account');
    element.setAttribute('lang', 'en');
    element.setAttribute('issuer', ISSUER);
    element.setAttribute('heading-level', 'h2');
    document.body.append(element);
    const root = await settled(element, (r) => Boolean(r.querySelector('[part~="attribute-problem"]')));
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
});
