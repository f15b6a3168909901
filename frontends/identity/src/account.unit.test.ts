// @vitest-environment happy-dom
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, type AuthState, formMessages } from '@gemeng/frontend-kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const webauthn = vi.hoisted(() => ({
  supported: true,
  startRegistration: vi.fn<(options: { optionsJSON: unknown }) => Promise<unknown>>(),
}));
vi.mock('@simplewebauthn/browser', () => ({
  browserSupportsWebAuthn: () => webauthn.supported,
  startRegistration: webauthn.startRegistration,
}));

import './gemeng-account.ts';
import type { Account } from './account.ts';
import type { ApiClient, Me } from './account-data.ts';
import en from './messages/account/en.json' with { type: 'json' };

const ISSUER = 'http://id.test/oidc';
/** The kit's form pieces say "Error:" before a field's message (visually hidden). */
await formMessages.load('en');
const errorPrefix = formMessages.t('en', 'errorPrefix');

/** Stands in for the page's AuthClient (the element finds it in the page-wide registry). */
class FakeAuth {
  state: AuthState = { status: 'signed-in', user: { sub: 'u1', name: 'Léa', acr: 'low' }, expiresAt: Date.now() + 6e5 };
  readonly issuer = ISSUER;
  readonly issuerOrigin = 'http://id.test';
  /** What getAccessToken hands out; a step-up (signIn) in the tests renews it. */
  token = 'token-1';
  readonly signIn = vi.fn(async (_options: unknown) => {});
  readonly signOut = vi.fn(async (_options: unknown) => {});
  readonly refresh = vi.fn(async () => {});
  /** As the real client: the tokens leave this page at once, without a request to the provider. */
  readonly forget = vi.fn(() => this.set({ status: 'anonymous' }));
  #listeners = new Set<(state: AuthState) => void>();
  subscribe(listener: (state: AuthState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.state);
    return () => this.#listeners.delete(listener);
  }
  set(state: AuthState): void {
    this.state = state;
    for (const listener of this.#listeners) listener(state);
  }
  async getAccessToken(): Promise<string> {
    return this.token;
  }
}

function person(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    name: 'Léa Muller',
    email: 'lea@example.lu',
    emailVerified: true,
    preferredLanguage: 'fr',
    communesOfResidence: [{ id: 'c1', slug: 'dudelange', name: 'Dudelange' }],
    codeCard: { serial: 'DUD-0042', totalCells: 40, remainingCells: 38, issuedAt: '2026-11-02T09:00:00Z' },
    totpEnabled: false,
    passkeys: [
      { id: 'p1', name: 'Firefox on Linux', createdAt: '2026-11-20T10:00:00Z', lastUsedAt: null, backedUp: true },
    ],
    sessions: [
      {
        id: 's1',
        signedInAt: '2026-11-25T08:00:00Z',
        expiresAt: '2026-11-25T16:00:00Z',
        acr: 'low',
        applications: ['Gemeng'],
        current: true,
      },
      {
        id: 's2',
        signedInAt: '2026-11-24T08:00:00Z',
        expiresAt: '2026-11-24T16:00:00Z',
        acr: 'substantial',
        applications: ['Gemeng'],
        current: false,
      },
    ],
    securityLog: [
      { kind: 'login', at: '2026-11-25T08:00:00Z', ip: '192.0.2.1', byAnotherPerson: false },
      { kind: 'role-granted', at: '2026-11-24T08:00:00Z', ip: null, byAnotherPerson: true },
      { kind: 'brand-new-kind', at: '2026-11-23T08:00:00Z', ip: '2001:db8::1', byAnotherPerson: false },
    ],
    apiClients: [],
    ...overrides,
  };
}

const AGENDA: ApiClient = {
  clientId: 'gemeng-Ag3nda_app-1',
  name: 'Agenda app',
  scopes: ['graph.read'],
  createdAt: '2026-11-25T09:00:00Z',
  revokedAt: null,
};
const OLD_FEED: ApiClient = {
  clientId: 'gemeng-0ld-feed',
  name: 'Old feed',
  scopes: ['graph.read'],
  createdAt: '2026-10-01T09:00:00Z',
  revokedAt: '2026-11-01T09:00:00Z',
};

interface Received {
  readonly operation: string;
  readonly variables: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

let server: Server;
let endpoint: string;
let received: Received[] = [];
let me: Me = person();
/** Answers per operation name (or a function of the request); `Account` answers with `me` unless set. */
let answers: Record<string, unknown> = {};

const STEP_UP = {
  data: null,
  errors: [
    {
      message: 'A sign-in with two factors is required.',
      extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial' },
    },
  ],
};

/** "Sudo mode": a second factor entered in the last 10 minutes (RFC 9470 with max_age). */
const SUDO = {
  data: null,
  errors: [
    {
      message: 'This needs a recent second factor.',
      extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial', max_age: 600 },
    },
  ],
};

/** Refuses the first token with `challenge`, answers `answer` once the widget comes back with a new one. */
const afterStepUp =
  (challenge: unknown, answer: unknown) =>
  (request: Received): unknown =>
    request.headers.authorization === 'Bearer token-1' ? challenge : answer;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, accept-language, authorization',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as { query: string; variables: Record<string, unknown> };
    const operation = /^(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const request = { operation, variables: body.variables, headers: req.headers };
    received.push(request);
    const chosen = answers[operation];
    const answer =
      (typeof chosen === 'function' ? (chosen as (r: Received) => unknown)(request) : chosen) ??
      (operation === 'Account'
        ? {
            data: {
              me,
              communes: [
                { id: 'c1', slug: 'dudelange', name: 'Dudelange' },
                { id: 'c2', slug: 'esch', name: 'Esch-sur-Alzette' },
                { id: 'c3', slug: 'bettembourg', name: 'Bettembourg' },
              ],
            },
          }
        : { errors: [{ message: `no answer for ${operation}` }] });
    res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

let auth: FakeAuth;

beforeEach(() => {
  auth = new FakeAuth();
  const registry = new Map([[`${ISSUER} gemeng-portal`, auth]]);
  (globalThis as Record<symbol, unknown>)[Symbol.for('gemeng.auth.clients')] = registry;
  received = [];
  answers = {};
  // The page's router (as /embed.js or the shell configure it): the only origin the token goes to.
  globalThis.gemengConfig = { graphqlEndpoint: endpoint };
  me = person();
  webauthn.supported = true;
  webauthn.startRegistration.mockReset();
});

afterEach(() => {
  document.body.replaceChildren();
  globalThis.gemengConfig = undefined;
});

async function mountAccount(): Promise<{ element: Account; root: ShadowRoot }> {
  const element = document.createElement('gemeng-account');
  element.setAttribute('lang', 'en');
  element.setAttribute('issuer', ISSUER);
  element.setAttribute('endpoint', endpoint);
  element.setAttribute('mode', 'popup');
  element.setAttribute('heading-level', '3');
  document.body.append(element);
  // Every section (each a chunk of its own, the passkeys one inside Security) has loaded.
  const root = await settled(element, (r) =>
    Boolean(r.querySelector('[part="data-section"] [part="account-erase"]') && r.querySelector('[part="passkeys"]')),
  );
  expect(root.querySelector('[part~="loading"]')).toBeNull();
  return { element, root };
}

async function settled(element: Account, predicate: (root: ShadowRoot) => boolean): Promise<ShadowRoot> {
  const root = element.shadowRoot!;
  // Long enough for the sections' first import on a loaded machine.
  for (let i = 0; i < 1000; i++) {
    await element.updateComplete;
    if (predicate(root)) return root;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never settled: ${root.innerHTML.slice(0, 2000)}`);
}

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function button(root: ShadowRoot, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => text(b).startsWith(name));
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** A button by its accessible name: `aria-label` when it has one, else its text. */
function named(root: ShadowRoot, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
}

function count(operation: string): number {
  return received.filter((r) => r.operation === operation).length;
}

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
    expect(received[0]?.headers.authorization).toBe('Bearer token-1');
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

  it('checks the profile, shows field errors next to the fields, saves and loads again', async () => {
    const { element, root } = await mountAccount();
    const name = root.querySelector<HTMLInputElement>('#profile-name')!;
    name.value = '   ';
    button(root, en.saveProfile).click();
    await settled(element, (r) => Boolean(r.querySelector('#profile-name-error')));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe('profile-name-hint profile-name-error');
    expect(text(root.querySelector('#profile-name-error'))).toBe(`${errorPrefix} ${en.nameRequired}`);
    expect(root.activeElement).toBe(name);
    expect(count('ProfileUpdate')).toBe(0);

    name.value = 'Léa Schmit';
    root.querySelector<HTMLSelectElement>('#profile-preferredLanguage')!.value = 'de';
    root.querySelector<HTMLInputElement>('#profile-communesOfResidence-0')!.checked = true;
    answers.ProfileUpdate = {
      data: {
        profileUpdate: { __typename: 'ValidationError', field: 'communesOfResidence', message: 'Not that one.' },
      },
    };
    button(root, en.saveProfile).click();
    await settled(element, (r) => Boolean(r.querySelector('#profile-communesOfResidence-error')));
    expect(received.at(-1)?.variables).toEqual({
      name: 'Léa Schmit',
      preferredLanguage: 'de',
      communes: ['c3', 'c1'],
    });
    expect(name.getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelector('#profile-communesOfResidence')?.getAttribute('aria-describedby')).toContain(
      'profile-communesOfResidence-error',
    );

    answers.ProfileUpdate = { data: { profileUpdate: { __typename: 'ProfileUpdatePayload', user: { id: 'u1' } } } };
    const loads = count('Account');
    button(root, en.saveProfile).click();
    await settled(
      element,
      (r) => text(r.querySelector('#profile-status')) === en.profileSaved && count('Account') > loads,
    );
    expect(root.querySelector('#profile-status')?.getAttribute('role')).toBe('status');
  });

  it('asks for a second factor when the server wants one, then makes the change without a second click', async () => {
    const { element, root } = await mountAccount();
    answers.PasskeyRemove = afterStepUp(STEP_UP, {
      data: { passkeyRemove: { __typename: 'PasskeyRemovePayload', id: 'p1' } },
    });
    button(root, en.remove).click();
    await settled(element, (r) => Boolean(r.querySelector('#passkeys-step-up')));
    const notice = root.querySelector('#passkeys-step-up')!;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(text(notice)).toContain(en.stepUpNeeded);
    expect(received.at(-1)?.variables).toEqual({ id: 'p1' });
    await element.updateComplete;
    expect(root.activeElement).toBe(notice);

    // The popup: the person confirms, the page gets new tokens.
    let finish: () => void = () => {};
    auth.signIn.mockImplementationOnce(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            auth.token = 'token-2';
            auth.set({ status: 'signed-in', user: { sub: 'u1', acr: 'substantial' }, expiresAt: Date.now() + 6e5 });
            resolve();
          };
        }),
    );
    button(root, en.stepUp).click();
    // Always a popup, even where signing in redirects: the change waits in this page.
    expect(auth.signIn).toHaveBeenCalledWith({ mode: 'popup', language: 'en', acr: 'substantial' });
    await settled(element, (r) => text(r.querySelector('#passkeys-step-up')).includes(en.stepUpWaiting));
    expect(count('PasskeyRemove')).toBe(1);
    me = person({ passkeys: [] });
    finish();
    await settled(element, (r) => text(r.querySelector('#passkeys-status')) === en.passkeyRemoved);
    // The same mutation, sent again by the widget with the new token.
    const removals = received.filter((r) => r.operation === 'PasskeyRemove');
    expect(removals.map((r) => [r.headers.authorization, r.variables])).toEqual([
      ['Bearer token-1', { id: 'p1' }],
      ['Bearer token-2', { id: 'p1' }],
    ]);
    expect(root.querySelector('#passkeys-step-up')).toBeNull();
    await settled(element, (r) => text(r.querySelector('[part="level"]')) === en.levelSubstantial);
  });

  it('asks again for a recent second factor (max_age), and nothing happens if the person gives up', async () => {
    me = person({ totpEnabled: true });
    const { element, root } = await mountAccount();
    answers.TotpRemove = afterStepUp(SUDO, { data: { totpRemove: { __typename: 'TotpRemovePayload', ok: true } } });
    button(root, en.totpRemove).click();
    await settled(element, (r) => Boolean(r.querySelector('#totp-step-up')));
    expect(text(root.querySelector('#totp-step-up'))).toContain(en.stepUpRecent.replace('{minutes}', '10'));

    // The person closes the popup: the notice stays, says so, and the change has not been made.
    auth.signIn.mockRejectedValueOnce(new AuthError('The sign-in window was closed.', 'cancelled'));
    button(root, en.stepUp).click();
    expect(auth.signIn).toHaveBeenLastCalledWith({ mode: 'popup', language: 'en', acr: 'substantial', maxAge: 600 });
    await settled(element, (r) => text(r.querySelector('#totp-step-up')).includes(en.stepUpCancelled));
    expect(count('TotpRemove')).toBe(1);

    // Then gives up: the change is not made, and not sent again.
    button(root, en.cancel).click();
    await settled(element, (r) => text(r.querySelector('#totp-status')) === en.stepUpCancelled);
    expect(root.querySelector('#totp-step-up')).toBeNull();
    expect(count('TotpRemove')).toBe(1);

    // Next time the person confirms, and the app is removed at once.
    button(root, en.totpRemove).click();
    await settled(element, (r) => Boolean(r.querySelector('#totp-step-up')));
    auth.signIn.mockImplementationOnce(async () => {
      auth.token = 'token-2';
    });
    button(root, en.stepUp).click();
    await settled(element, (r) => text(r.querySelector('#totp-status')) === en.totpRemoved);
    expect(count('TotpRemove')).toBe(3);
  });

  it('sends the token only to the page’s router, not to an endpoint attribute pointing elsewhere', async () => {
    // The same test server under another origin (localhost instead of 127.0.0.1): a stranger's router.
    const foreign = endpoint.replace('127.0.0.1', 'localhost');
    const element = document.createElement('gemeng-account');
    element.setAttribute('lang', 'en');
    element.setAttribute('issuer', ISSUER);
    element.setAttribute('endpoint', foreign);
    document.body.append(element);
    const root = await settled(element as Account, (r) => Boolean(r.querySelector('[part="alert"]')));
    expect(text(root.querySelector('[part="alert"]'))).toContain(foreign);
    // Nothing reached the foreign origin (by the Host it was called with), with or without the token.
    expect(received.filter((r) => r.headers.host?.startsWith('localhost'))).toEqual([]);
  });

  it('sets up the authenticator app: QR code, key as text, first code, recovery codes once', async () => {
    const { element, root } = await mountAccount();
    answers.TotpEnrolStart = {
      data: {
        totpEnrolStart: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Gemeng:lea?secret=JBSWY3DPEHPK3PXP' },
      },
    };
    button(root, en.totpSetUp).click();
    await settled(element, (r) => Boolean(r.querySelector('[part~="totp-secret"]')));
    expect(text(root.querySelector('[part~="totp-secret"]'))).toBe('JBSWY3DPEHPK3PXP');
    const qr = root.querySelector('[part~="totp-qr"]')!;
    expect(qr.getAttribute('role')).toBe('img');
    expect(qr.getAttribute('aria-label')).toBe(en.totpQrLabel);
    expect(qr.querySelector('svg path')).not.toBeNull();
    expect(text(root.querySelector('label[for="totp-code"]'))).toBe(en.totpCode);

    const codes = Array.from({ length: 10 }, (_, i) => `abcd-${i}`);
    answers.TotpEnrolConfirm = {
      data: { totpEnrolConfirm: { __typename: 'TotpEnrolConfirmPayload', recoveryCodes: codes } },
    };
    root.querySelector<HTMLInputElement>('#totp-code')!.value = '123 456';
    button(root, en.totpConfirm).click();
    await settled(element, (r) => Boolean(r.querySelector('[part~="recovery-codes"]')));
    expect(received.at(-1)?.variables).toEqual({ code: '123456' });
    expect([...root.querySelectorAll('[part~="recovery-codes"] li')].map(text)).toEqual(codes);
    await element.updateComplete;
    expect(root.activeElement?.id).toBe('recovery-heading');

    button(root, en.recoveryDone).click();
    await settled(element, (r) => !r.querySelector('[part~="recovery-codes"]'));
  });

  it('adds a passkey with the chosen name, and says where to go when this website may not create one', async () => {
    const options = { challenge: 'abc', rp: { id: 'id.test', name: 'Gemeng' } };
    answers.PasskeyRegisterStart = { data: { passkeyRegisterStart: { options } } };
    const { element, root } = await mountAccount();
    const form = () => root.querySelector('[part="passkeys"] form')?.getAttribute('data-options');
    await settled(element, () => form() === 'ready');
    expect(count('PasskeyRegisterStart')).toBe(1);
    webauthn.startRegistration.mockRejectedValueOnce(Object.assign(new Error('origin'), { name: 'SecurityError' }));
    button(root, en.addPasskey).click();
    // Within the click, before anything is awaited (Safari allows the ceremony only there): no request first.
    expect(webauthn.startRegistration).toHaveBeenCalledWith({ optionsJSON: options });
    expect(count('PasskeyRegisterStart')).toBe(1);
    await settled(element, (r) => Boolean(r.querySelector('#passkeys-alert')));
    expect(text(root.querySelector('#passkeys-alert'))).toContain('Passkeys can be added on the Gemeng portal.');
    expect(count('PasskeyRegisterFinish')).toBe(0);
    // A new challenge for the next attempt, again before the click.
    await settled(element, () => count('PasskeyRegisterStart') === 2 && form() === 'ready');

    webauthn.startRegistration.mockResolvedValueOnce({ id: 'cred', response: {} });
    answers.PasskeyRegisterFinish = {
      data: { passkeyRegisterFinish: { __typename: 'PasskeyRegisterPayload', passkey: { id: 'p2', name: 'My key' } } },
    };
    root.querySelector<HTMLInputElement>('#passkeys-name')!.value = '  My key ';
    button(root, en.addPasskey).click();
    await settled(element, (r) => text(r.querySelector('#passkeys-status')) === 'The passkey “My key” has been added.');
    expect(received.find((r) => r.operation === 'PasskeyRegisterFinish')?.variables).toEqual({
      name: 'My key',
      response: { id: 'cred', response: {} },
    });

    root.querySelector<HTMLInputElement>('#passkeys-name')!.value = 'x'.repeat(61);
    button(root, en.addPasskey).click();
    await settled(element, (r) => Boolean(r.querySelector('#passkeys-name-error')));
  });

  it('when identity wants a second factor before handing out options, confirms it, then asks for one more click', async () => {
    const options = { challenge: 'xyz', rp: { id: 'id.test', name: 'Gemeng' } };
    answers.PasskeyRegisterStart = afterStepUp(SUDO, { data: { passkeyRegisterStart: { options } } });
    const { element, root } = await mountAccount();
    await settled(element, (r) => r.querySelector('[part="passkeys"] form')?.getAttribute('data-options') === 'failed');
    button(root, en.addPasskey).click();
    expect(webauthn.startRegistration).not.toHaveBeenCalled();
    await settled(element, (r) => Boolean(r.querySelector('#passkeys-step-up')));
    auth.signIn.mockImplementationOnce(async () => {
      auth.token = 'token-2';
    });
    button(root, en.stepUp).click();
    const ready = en.passkeyReady.replace('{button}', en.addPasskey);
    await settled(element, (r) => text(r.querySelector('#passkeys-status')) === ready);
    await element.updateComplete;
    expect(root.activeElement?.id).toBe('passkeys-add');
    webauthn.startRegistration.mockResolvedValueOnce({ id: 'cred', response: {} });
    answers.PasskeyRegisterFinish = {
      data: { passkeyRegisterFinish: { __typename: 'PasskeyRegisterPayload', passkey: { id: 'p2', name: 'Key' } } },
    };
    const starts = count('PasskeyRegisterStart');
    button(root, en.addPasskey).click();
    expect(webauthn.startRegistration).toHaveBeenCalledExactlyOnceWith({ optionsJSON: options });
    expect(count('PasskeyRegisterStart')).toBe(starts);
    await settled(element, () => count('PasskeyRegisterFinish') === 1);
  });

  it('changes the address with the password and tells the person to check the new mailbox', async () => {
    const { element, root } = await mountAccount();
    answers.EmailChange = { data: { emailChange: { __typename: 'EmailChangePayload', linkSent: true } } };
    root.querySelector<HTMLInputElement>('#email-newEmail')!.value = 'lea@new.lu';
    root.querySelector<HTMLInputElement>('#email-password')!.value = 'secret';
    button(root, en.changeEmail).click();
    await settled(
      element,
      (r) => text(r.querySelector('#email-status')).startsWith('We sent') && received.at(-1)?.operation === 'Account',
    );
    expect(received.find((r) => r.operation === 'EmailChange')?.variables).toEqual({
      newEmail: 'lea@new.lu',
      password: 'secret',
    });
    expect(root.querySelector<HTMLInputElement>('#email-password')!.value).toBe('');
    await element.updateComplete;
    expect(root.activeElement?.id).toBe('email-status');
  });

  it('downloads everything about the person as one JSON file, and says so when it cannot', async () => {
    const { element, root } = await mountAccount();
    const blobs: Blob[] = [];
    const clicked: { download: string; href: string }[] = [];
    const createObjectURL = URL.createObjectURL;
    const revokeObjectURL = URL.revokeObjectURL;
    URL.createObjectURL = (blob: Blob) => `blob:test/${blobs.push(blob)}`;
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      answers.PersonalDataExport = { errors: [{ message: 'culture is not available' }] };
      button(root, en.exportButton).click();
      await settled(element, (r) => Boolean(r.querySelector('#export-alert')));
      expect(text(root.querySelector('#export-alert'))).toBe(en.exportFailed);
      expect(root.querySelector('[part="data-export"]')?.getAttribute('aria-busy')).toBe('false');
      expect(clicked).toEqual([]);
      expect(logged).toHaveBeenCalledOnce();

      const section = (subgraph: string, data: unknown) => ({ subgraph, holds: [], exportedAt: 'x', data });
      answers.PersonalDataExport = {
        data: {
          personalDataExport: section('identity', { profile: { email: 'lea@example.lu' } }),
          me: {
            id: 'u1',
            personalDataProcedures: section('procedures', {}),
            personalDataCulture: section('culture', {}),
            personalDataBilling: section('billing', {}),
          },
        },
      };
      button(root, en.exportButton).click();
      await settled(element, (r) => text(r.querySelector('#export-status')).startsWith('Your browser'));
      expect(received.at(-1)?.headers.authorization).toBe('Bearer token-1');
      expect(clicked).toHaveLength(1);
      expect(clicked[0]?.download).toMatch(/^gemeng-data-\d{4}-\d{2}-\d{2}\.json$/);
      expect(text(root.querySelector('#export-status'))).toBe(
        en.exportDone.replace('{file}', clicked[0]?.download ?? ''),
      );
      expect(blobs[0]?.type).toBe('application/json');
      const file = JSON.parse(await blobs[0]!.text()) as Record<string, { subgraph: string }>;
      expect(Object.keys(file)).toEqual(['exportedAt', 'identity', 'procedures', 'culture', 'billing']);
      expect(file.identity).toEqual(section('identity', { profile: { email: 'lea@example.lu' } }));
      expect(file.billing?.subgraph).toBe('billing');
      expect(root.querySelector('a[download]')).toBeNull();
    } finally {
      logged.mockRestore();
      click.mockRestore();
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    }
  });

  it('registers an application and shows its client id and secret once, until the person has stored it', async () => {
    const { element, root } = await mountAccount();
    const section = root.querySelector('[part="apps-section"]')!;
    expect(section.getAttribute('aria-labelledby')).toBe('apps-heading');
    expect(text(section.querySelector('[data-testid="token-endpoint"]'))).toBe(`${ISSUER}/token`);
    expect(text(section.querySelector('[part="apps-endpoints"]'))).toContain('graph.read');
    expect(text(section.querySelector('[part="apps-endpoints"]'))).toContain(endpoint);
    expect(text(section.querySelector('[part="apps"]'))).toContain(en.appsNone);
    const name = root.querySelector<HTMLInputElement>('#app-register-name')!;
    expect(text(root.querySelector('label[for="app-register-name"]'))).toBe(en.appNameLabel);
    expect(name.getAttribute('aria-describedby')).toBe('app-register-name-hint');

    // Too short: the widget says so at the field and sends nothing.
    name.value = '  ab ';
    named(root, en.appRegister).click();
    await settled(element, (r) => Boolean(r.querySelector('#app-register-name-error')));
    expect(text(root.querySelector('#app-register-name-error'))).toBe(`${errorPrefix} ${en.appNameLength}`);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(root.activeElement).toBe(name);
    expect(count('ApiClientCreate')).toBe(0);

    answers.ApiClientCreate = {
      data: {
        apiClientCreate: { __typename: 'ApiClientCreatePayload', clientSecret: 'S3cr3t-shown-once', apiClient: AGENDA },
      },
    };
    me = person({ apiClients: [AGENDA] }); // what the reload after the registration answers
    const loads = count('Account');
    name.value = '  Agenda app ';
    named(root, en.appRegister).click();
    await settled(element, (r) =>
      Boolean(r.querySelector('[part="client-secret"]') && r.querySelector('[part~="apps-table"]')),
    );
    await settled(element, () => count('Account') > loads);
    expect(received.find((r) => r.operation === 'ApiClientCreate')?.variables).toEqual({ name: 'Agenda app' });
    const box = root.querySelector('[part="client-secret"]')!;
    expect(text(box.querySelector('[data-testid="issued-client-id"]'))).toBe(AGENDA.clientId);
    expect(text(box.querySelector('[data-testid="issued-client-secret"]'))).toBe('S3cr3t-shown-once');
    expect(text(box)).toContain(en.secretWarning);
    expect(text(root.querySelector('#apps-secret-heading'))).toBe('Credentials of “Agenda app”');
    expect(root.activeElement?.id).toBe('apps-secret-heading');
    expect(text(root.querySelector('#app-register-status'))).toBe('The application “Agenda app” has been registered.');
    expect(name.value).toBe('');
    expect(name.getAttribute('aria-invalid')).toBe('false');

    // The table: name, client id, date, status, and the buttons named after the application.
    const table = root.querySelector('[part~="apps-table"]')!;
    expect(table.getAttribute('aria-labelledby')).toBe('apps-list-heading');
    expect([...table.querySelectorAll('thead th[scope="col"]')].map(text)).toEqual([
      'Name',
      en.clientId,
      en.appCreatedAt,
      en.appStatus,
      en.action,
    ]);
    const cells = [...table.querySelectorAll('tbody tr:first-child > *')];
    expect(cells.map(text).slice(0, 2)).toEqual(['Agenda app', AGENDA.clientId]);
    expect(cells[1]?.querySelector('code')).not.toBeNull();
    expect(cells[2]?.querySelector('time')?.getAttribute('datetime')).toBe(AGENDA.createdAt);
    expect(text(cells[3])).toBe(en.appActive);
    expect(text(named(root, 'Revoke: Agenda app'))).toBe(en.appRevoke);
    expect(text(named(root, 'Rotate secret: Agenda app'))).toBe(en.appRotate);

    // "Copy" puts the secret on the clipboard and says so in the box.
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    try {
      named(root, `${en.copySecret}: ${en.clientSecret}`).click();
      await settled(element, (r) => text(r.querySelector('#apps-copy-status')) === en.secretCopied);
      expect(write).toHaveBeenCalledWith('S3cr3t-shown-once');
    } finally {
      write.mockRestore();
    }

    // Another load keeps it on screen; "I have stored the secret" makes it go for good.
    await element.reload();
    expect(text(root.querySelector('[data-testid="issued-client-secret"]'))).toBe('S3cr3t-shown-once');
    named(root, en.secretStored).click();
    await settled(element, (r) => !r.querySelector('[part="client-secret"]'));
    expect(root.activeElement?.id).toBe('apps-list-heading');
    await element.reload();
    expect(text(root)).not.toContain('S3cr3t-shown-once');
  });

  it('shows the limit of active applications next to the name field', async () => {
    me = person({ apiClients: [AGENDA] });
    const { element, root } = await mountAccount();
    answers.ApiClientCreate = {
      data: {
        apiClientCreate: {
          __typename: 'ValidationError',
          field: 'name',
          message: 'You already have 5 active applications: revoke one you no longer need first.',
        },
      },
    };
    const name = root.querySelector<HTMLInputElement>('#app-register-name')!;
    name.value = 'Sixth app';
    named(root, en.appRegister).click();
    await settled(element, (r) => Boolean(r.querySelector('#app-register-name-error')));
    expect(received.at(-1)?.variables).toEqual({ name: 'Sixth app' });
    expect(text(root.querySelector('#app-register-name-error'))).toBe(
      `${errorPrefix} You already have 5 active applications: revoke one you no longer need first.`,
    );
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe('app-register-name-hint app-register-name-error');
    await element.updateComplete;
    expect(root.activeElement).toBe(name);
    expect(name.value).toBe('Sixth app');
    expect(root.querySelector('[part="client-secret"]')).toBeNull();
    expect(text(root.querySelector('#app-register-status'))).toBe('');
  });

  it('rotates a secret, and revokes an application only once the person confirms', async () => {
    me = person({ apiClients: [AGENDA, OLD_FEED] });
    const { element, root } = await mountAccount();
    const rows = [...root.querySelectorAll('[part~="apps-table"] tbody tr')];
    expect(rows).toHaveLength(2);
    expect(text(rows[1]?.querySelector('td:nth-of-type(3)'))).toMatch(/^Revoked on /);
    expect(rows[1]?.querySelectorAll('button')).toHaveLength(0);

    // Rotate: the new secret, once.
    answers.ApiClientRotateSecret = {
      data: {
        apiClientRotateSecret: {
          __typename: 'ApiClientRotateSecretPayload',
          clientSecret: 'N3w-secret',
          apiClient: AGENDA,
        },
      },
    };
    named(root, 'Rotate secret: Agenda app').click();
    await settled(element, (r) => Boolean(r.querySelector('[part="client-secret"]')));
    expect(received.at(-1)).toMatchObject({
      operation: 'ApiClientRotateSecret',
      variables: { clientId: AGENDA.clientId },
    });
    expect(text(root.querySelector('[data-testid="issued-client-secret"]'))).toBe('N3w-secret');
    expect(text(root.querySelector('#apps-status'))).toBe(
      'The application “Agenda app” has a new secret: the old one no longer works.',
    );

    // Revoke asks first; "Cancel" sends nothing and gives the focus back.
    named(root, 'Revoke: Agenda app').click();
    await settled(element, (r) => Boolean(r.querySelector('[part~="app-revoke-confirm"]')));
    const confirm = root.querySelector('[part~="app-revoke-confirm"]')!;
    expect(confirm.getAttribute('role')).toBe('group');
    expect(text(root.querySelector('#apps-confirm-question'))).toContain('Revoke “Agenda app”?');
    expect(root.activeElement?.id).toBe('apps-confirm-question');
    named(root, 'Cancel: Agenda app').click();
    await settled(element, (r) => !r.querySelector('[part~="app-revoke-confirm"]'));
    expect(root.activeElement).toBe(named(root, 'Revoke: Agenda app'));
    expect(count('ApiClientRevoke')).toBe(0);

    named(root, 'Revoke: Agenda app').click();
    await settled(element, (r) => Boolean(r.querySelector('[part~="app-revoke-confirm"]')));
    answers.ApiClientRevoke = {
      data: {
        apiClientRevoke: {
          __typename: 'ApiClientRevokePayload',
          apiClient: { clientId: AGENDA.clientId, revokedAt: '2026-11-25T10:00:00Z' },
        },
      },
    };
    me = person({ apiClients: [{ ...AGENDA, revokedAt: '2026-11-25T10:00:00Z' }, OLD_FEED] });
    const loads = count('Account');
    named(root, 'Yes, revoke: Agenda app').click();
    await settled(
      element,
      (r) =>
        text(r.querySelector('#apps-status')) === 'The application “Agenda app” has been revoked.' &&
        count('Account') > loads,
    );
    await settled(element, (r) => r.querySelectorAll('[part~="apps-table"] button').length === 0);
    expect(received.find((r) => r.operation === 'ApiClientRevoke')?.variables).toEqual({ clientId: AGENDA.clientId });
    expect(root.querySelector('[part~="app-revoke-confirm"]')).toBeNull();
    // Its secret no longer works: the box is gone with it.
    expect(root.querySelector('[part="client-secret"]')).toBeNull();
    expect(root.activeElement?.id).toBe('apps-status');
    expect(text(root.querySelector('[part~="apps-table"] tbody tr td:nth-of-type(3)'))).toMatch(/^Revoked on /);
  });

  it('deletes the account with the password and the confirmation, then says so and signs out here', async () => {
    const { element, root } = await mountAccount();
    const password = root.querySelector<HTMLInputElement>('#erase-password')!;
    const confirm = root.querySelector<HTMLInputElement>('#erase-confirm')!;
    expect(text(root.querySelector('label[for="erase-password"]'))).toBe(en.currentPassword);
    expect(text(root.querySelector('label[for="erase-confirm"]'))).toBe(en.eraseConfirm);

    password.value = 'secret';
    button(root, en.eraseButton).click();
    await settled(element, (r) => Boolean(r.querySelector('#erase-confirm-error')));
    expect(confirm.getAttribute('aria-invalid')).toBe('true');
    expect(confirm.getAttribute('aria-describedby')).toBe('erase-confirm-error');
    expect(root.activeElement).toBe(confirm);
    expect(count('AccountErase')).toBe(0);

    confirm.checked = true;
    answers.AccountErase = {
      data: { accountErase: { __typename: 'ValidationError', field: 'password', message: 'Wrong password.' } },
    };
    button(root, en.eraseButton).click();
    await settled(element, (r) => Boolean(r.querySelector('#erase-password-error')));
    expect(received.at(-1)?.variables).toEqual({ password: 'secret' });
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toBe('erase-password-hint erase-password-error');
    expect(text(root.querySelector('#erase-password-error'))).toBe(`${errorPrefix} Wrong password.`);
    expect(confirm.getAttribute('aria-invalid')).toBe('false');
    await element.updateComplete;
    expect(root.activeElement).toBe(password);

    answers.AccountErase = { data: { accountErase: { __typename: 'AccountErasePayload', erasedUserId: 'u1' } } };
    button(root, en.eraseButton).click();
    await settled(element, (r) => text(r.querySelector('#account-notice')) === en.accountErased);
    await settled(element, (r) => text(r).includes('You are not signed in.'));
    expect(root.querySelector('[part="profile-section"]')).toBeNull();
    expect(root.querySelector('[part="data-section"]')).toBeNull();
    expect(root.querySelector('#account-notice')?.getAttribute('role')).toBe('status');
    expect(root.activeElement?.id).toBe('account-notice');
    // The tokens leave this page without a round trip: no refresh, no sign-out through the provider.
    expect(auth.forget).toHaveBeenCalledTimes(1);
    expect(auth.refresh).not.toHaveBeenCalled();
    expect(auth.signOut).not.toHaveBeenCalled();

    // Someone signs in again on this page: the notice gives way to their account.
    auth.set({ status: 'signed-in', user: { sub: 'u2', acr: 'low' }, expiresAt: Date.now() + 6e5 });
    await settled(element, (r) => Boolean(r.querySelector('[part="data-section"]')));
    expect(text(root.querySelector('#account-notice'))).toBe('');
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
    auth.set({ status: 'anonymous' });
    await settled(element, (r) => !r.querySelector('[part="security-section"]'));
    expect(text(root)).toContain('You are not signed in.');
  });
});
