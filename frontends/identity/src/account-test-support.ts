/**
 * What the account's unit tests share (one file per section): a stand-in GraphQL server over real HTTP, the page's
 * auth client, a person, and helpers to mount the element and wait for it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { formMessages } from '@gemeng/frontend-kit';
import { FakeAuth, type StandInGraph, settled, standInGraph, text } from '@gemeng/frontend-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

import './gemeng-account.ts';
import formsEn from '../../kit/src/messages/forms/en.json' with { type: 'json' };
import type { Account } from './account.ts';
import type { ApiClient, Me } from './account-data.ts';
import type { AccountPage } from './account-pages.ts';
import en from './messages/account/en.json' with { type: 'json' };

/** The account's texts, and the kit's form texts (the step-up notice), in English. */
export { en, formsEn, settled, text };

export const ISSUER = 'http://id.test/oidc';
/** The kit's form pieces say "Error:" before a field's message (visually hidden). */
await formMessages.load('en');
export const errorPrefix = formMessages.t('en', 'errorPrefix');

/** The page's auth client (the kit's stand-in): Léa, signed in at the low level, her token `token-1`. */
function signedInAuth(): FakeAuth {
  return new FakeAuth(
    { status: 'signed-in', user: { sub: 'u1', name: 'Léa', acr: 'low' }, expiresAt: Date.now() + 6e5 },
    ISSUER,
  );
}

export function person(overrides: Partial<Me> = {}): Me {
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

export const AGENDA: ApiClient = {
  clientId: 'gemeng-Ag3nda_app-1',
  name: 'Agenda app',
  scopes: ['graph.read'],
  createdAt: '2026-11-25T09:00:00Z',
  revokedAt: null,
};
export const OLD_FEED: ApiClient = {
  clientId: 'gemeng-0ld-feed',
  name: 'Old feed',
  scopes: ['graph.read'],
  createdAt: '2026-10-01T09:00:00Z',
  revokedAt: '2026-11-01T09:00:00Z',
};

export interface Received {
  readonly operation: string;
  readonly variables: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

let graph: StandInGraph;

/** What a test reads and changes: set afresh before each test by {@link useAccountFixture}. */
export const fx = {
  /** The stand-in graph's address, the page's router. */
  endpoint: '',
  received: [] as Received[],
  /** What the account query answers. */
  me: person(),
  /** Answers per operation name (or a function of the request); `Account` answers with `me` unless set. */
  answers: {} as Record<string, unknown>,
  auth: signedInAuth(),
};

export const STEP_UP = {
  data: null,
  errors: [
    {
      message: 'A sign-in with two factors is required.',
      extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial' },
    },
  ],
};

/** "Sudo mode": a second factor entered in the last 10 minutes (RFC 9470 with max_age). */
export const SUDO = {
  data: null,
  errors: [
    {
      message: 'This needs a recent second factor.',
      extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial', max_age: 600 },
    },
  ],
};

/** Refuses the first token with `challenge`, answers `answer` once the widget comes back with a new one. */
export const afterStepUp =
  (challenge: unknown, answer: unknown) =>
  (request: Received): unknown =>
    request.headers.authorization === 'Bearer token-1' ? challenge : answer;

/** The stand-in graph over real HTTP, the page's auth client and a fresh account per test: call once per file. */
export function useAccountFixture(): void {
  beforeAll(async () => {
    graph = await standInGraph(({ headers, query, variables }) => {
      const operation = /^(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
      const request = { operation, variables, headers };
      fx.received.push(request);
      const chosen = fx.answers[operation];
      return (
        (typeof chosen === 'function' ? (chosen as (r: Received) => unknown)(request) : chosen) ??
        (operation === 'Account'
          ? {
              data: {
                me: fx.me,
                communes: [
                  { id: 'c1', slug: 'dudelange', name: 'Dudelange' },
                  { id: 'c2', slug: 'esch', name: 'Esch-sur-Alzette' },
                  { id: 'c3', slug: 'bettembourg', name: 'Bettembourg' },
                ],
              },
            }
          : { errors: [{ message: `no answer for ${operation}` }] })
      );
    });
    fx.endpoint = graph.endpoint;
  });

  afterAll(() => graph.close());

  beforeEach(() => {
    fx.auth = signedInAuth();
    const registry = new Map([[`${ISSUER} gemeng-portal`, fx.auth]]);
    (globalThis as Record<symbol, unknown>)[Symbol.for('gemeng.auth.clients')] = registry;
    fx.received = [];
    graph.requests.length = 0;
    fx.answers = {};
    // The page's router (as /embed.js or the shell configure it): the only origin the token goes to.
    globalThis.gemengConfig = { graphqlEndpoint: fx.endpoint };
    fx.me = person();
  });

  afterEach(() => {
    document.body.replaceChildren();
    globalThis.gemengConfig = undefined;
  });
}

/** What shows that a page's section (a chunk of its own; Security's passkeys one more inside) has loaded. */
const PAGE_LOADED: Readonly<Record<AccountPage, string>> = {
  profile: '[part="profile-section"] [part="email-change"]',
  security: '[part="security-section"] [part="passkeys"]',
  data: '[part="data-section"] [part="account-erase"]',
  developers: '[part="apps-section"] [part="app-register"]',
};

export async function mountAccount(page: AccountPage = 'profile'): Promise<{ element: Account; root: ShadowRoot }> {
  const element = document.createElement('gemeng-account');
  element.setAttribute('page', page);
  element.setAttribute('lang', 'en');
  element.setAttribute('issuer', ISSUER);
  element.setAttribute('endpoint', fx.endpoint);
  element.setAttribute('mode', 'popup');
  element.setAttribute('heading-level', '3');
  document.body.append(element);
  const root = await settled(element, (r) => Boolean(r.querySelector(PAGE_LOADED[page])));
  expect(root.querySelector('[part~="loading"]')).toBeNull();
  return { element, root };
}

export function button(root: ShadowRoot, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => text(b).startsWith(name));
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** A button by its accessible name: `aria-label` when it has one, else its text. */
export function named(root: ShadowRoot, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
}

export function count(operation: string): number {
  return fx.received.filter((r) => r.operation === operation).length;
}
