// @vitest-environment happy-dom
import type { AuthState } from '@gemeng/frontend-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './gemeng-login.ts';
import type { Login } from './login.ts';

const ISSUER = 'http://id.test/oidc';

/** Stands in for the page's AuthClient (the element finds it in the page-wide registry). */
const fakeAuth = {
  issuer: ISSUER,
  issuerOrigin: 'http://id.test',
  state: { status: 'anonymous' } as AuthState,
  subscribe(listener: (state: AuthState) => void) {
    listener(this.state);
    return () => {};
  },
};

beforeEach(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('gemeng.auth.clients')] = new Map([
    [`${ISSUER} gemeng-portal`, fakeAuth],
  ]);
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function mount(attributes: Record<string, string>): Promise<Login> {
  const login = document.createElement('gemeng-login');
  login.setAttribute('issuer', ISSUER);
  for (const [name, value] of Object.entries(attributes)) login.setAttribute(name, value);
  document.body.append(login);
  for (let i = 0; i < 200 && !login.shadowRoot?.textContent?.trim(); i++) {
    await login.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return login;
}

const shown = (login: Login) => (login.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<gemeng-login> with bad input', () => {
  it('shows the sign-in button when its attributes are fine', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const login = await mount({ lang: 'de', mode: 'popup' });
    expect(login.shadowRoot?.querySelector('button')).not.toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('says in place that a mode is unknown, in the page’s language, and warns once with the allowed values', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const login = await mount({ lang: 'lb', mode: 'sideways' });
    expect(login.shadowRoot?.querySelector('button')).toBeNull();
    expect(shown(login)).toBe('Dësen Inhalt kann net gewise ginn: „sideways“ ass kee gültege Wäert fir „mode“.');
    login.requestUpdate();
    await login.updateComplete;
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '<gemeng-login>: unknown value "sideways" for the attribute "mode". Allowed: redirect, popup.',
    ]);
  });

  it('names a lang outside lb, fr, de and en', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const login = await mount({ lang: 'pt-BR' });
    expect(login.shadowRoot?.querySelector('[part~="attribute-problem"]')).not.toBeNull();
    expect(shown(login)).toContain('pt-BR');
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '<gemeng-login>: unknown value "pt-BR" for the attribute "lang". Allowed: lb, fr, de, en.',
    ]);
  });
});
