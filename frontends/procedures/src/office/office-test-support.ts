/**
 * What the back office's unit tests share: a stand-in graph over real HTTP answering by operation name, the
 * page's auth client signed in as an agent of Dudelange (their token carries the role, as identity's does), a
 * page of applications, one application, and helpers to mount the element and wait for it.
 */
import { formMessages } from '@gemeng/frontend-kit';
import {
  FakeAuth,
  type GraphRequest,
  type StandInGraph,
  settled,
  standInGraph,
  text,
} from '@gemeng/frontend-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import '../gemeng-office.ts';
import en from '../messages/office/en.json' with { type: 'json' };
import type { Office } from './office.ts';
import type { InboxRow, OfficeApplicationDetail } from './office-operations.ts';

export { en, settled, text };
export const ISSUER = 'http://id.test/oidc';
export const AGENT = 'agent-1';
export const DUDELANGE = 'c-dud';
await formMessages.load('en');

/** An unsigned JWT with these claims: enough for the widget, which only reads `gemeng_roles`. */
export function token(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ sub: AGENT, ...claims })}.x`;
}

export function row(n: number, overrides: Partial<InboxRow> = {}): InboxRow {
  return {
    id: `app-${n}`,
    reference: `DUD-2026-${String(n).padStart(6, '0')}`,
    state: 'SUBMITTED',
    submittedAt: '2026-11-20T09:00:00Z',
    expectedDecisionOn: '2026-11-27',
    overdue: false,
    applicantName: `Léa Muller ${n}`,
    procedure: { code: 'residence-certificate', title: 'Residence certificate' },
    assignee: null,
    ...overrides,
  };
}

export function application(overrides: Partial<OfficeApplicationDetail> = {}): OfficeApplicationDetail {
  return {
    ...row(1),
    version: 3,
    formVersion: 1,
    form: {
      version: 1,
      fields: [
        {
          key: 'purpose',
          type: 'select',
          label: { en: 'Purpose', fr: 'Motif' },
          options: [{ value: 'work', label: { en: 'For an employer' } }],
        },
        { key: 'copies', type: 'number', label: { en: 'Copies' } },
        { key: 'proof', type: 'file', attachment: 'id', label: { en: 'Identity card' } },
        {
          key: 'dogs',
          type: 'group',
          repeatable: { max: 3 },
          label: { en: 'Dog' },
          fields: [{ key: 'name', type: 'text', label: { en: 'Name' } }],
        },
      ],
    },
    answers: { purpose: 'work', copies: 2, proof: ['att-1'], dogs: [{ name: 'Rex' }, { name: 'Bello' }] },
    decidedAt: null,
    procedure: {
      code: 'residence-certificate',
      title: 'Residence certificate',
      attachments: [{ key: 'id', label: 'Identity card' }],
    },
    commune: { id: DUDELANGE },
    history: [
      {
        at: '2026-11-20T09:00:00Z',
        actorName: 'Léa Muller',
        actorRole: 'citizen',
        fromState: 'DRAFT',
        toState: 'SUBMITTED',
        reason: null,
      },
    ],
    messages: [
      {
        id: 'm1',
        at: '2026-11-21T09:00:00Z',
        authorName: 'Jo Agent',
        authorRole: 'agent',
        body: 'Checked the register.',
        internal: true,
      },
      {
        id: 'm2',
        at: '2026-11-21T10:00:00Z',
        authorName: 'Léa Muller',
        authorRole: 'citizen',
        body: 'Thank you!',
        internal: false,
      },
    ],
    attachments: [
      {
        id: 'att-1',
        kind: 'id',
        fileName: 'id-card.pdf',
        mediaType: 'application/pdf',
        size: 123_456,
        url: '/files/attachments/att-1',
      },
    ],
    receiptUrl: null,
    ...overrides,
  };
}

export interface Received extends GraphRequest {
  readonly operation: string;
}

let graph: StandInGraph;

/** What a test reads and changes: set afresh before each test by {@link useOfficeFixture}. */
export const fx = {
  endpoint: '',
  received: [] as Received[],
  /** Answers per operation name (a body, or a function of the request). */
  answers: {} as Record<string, unknown>,
  auth: new FakeAuth(),
};

const COMMUNES = {
  data: {
    communes: [
      {
        id: DUDELANGE,
        slug: 'dudelange',
        name: 'Dudelange',
        procedures: [
          { code: 'residence-certificate', title: 'Residence certificate' },
          { code: 'dog', title: 'Dog registration' },
        ],
      },
      { id: 'c-esch', slug: 'esch', name: 'Esch-sur-Alzette', procedures: [] },
    ],
  },
};

export function useOfficeFixture(): void {
  beforeAll(async () => {
    graph = await standInGraph((request) => {
      const operation = /^(?:query|mutation)\s+(\w+)/.exec(request.query)?.[1] ?? '';
      const received = { ...request, operation };
      fx.received.push(received);
      const chosen = fx.answers[operation];
      if (typeof chosen === 'function') return (chosen as (r: Received) => unknown)(received);
      if (chosen) return chosen;
      if (operation === 'OfficeCommunes') return COMMUNES;
      return { errors: [{ message: `no answer for ${operation}` }] };
    });
    fx.endpoint = graph.endpoint;
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    fx.auth = new FakeAuth(
      { status: 'signed-in', user: { sub: AGENT, name: 'Jo Agent', acr: 'substantial' }, expiresAt: Date.now() + 6e5 },
      ISSUER,
    );
    fx.auth.token = token({ gemeng_roles: [{ communeId: DUDELANGE, role: 'agent' }] });
    (globalThis as Record<symbol, unknown>)[Symbol.for('gemeng.auth.clients')] = new Map([
      [`${ISSUER} gemeng-portal`, fx.auth],
    ]);
    fx.received = [];
    fx.answers = {};
    globalThis.gemengConfig = { graphqlEndpoint: fx.endpoint };
  });
  afterEach(() => {
    document.body.replaceChildren();
    globalThis.gemengConfig = undefined;
  });
}

export function mountOffice(attributes: Record<string, string> = {}): Office {
  const element = document.createElement('gemeng-office');
  for (const [name, value] of Object.entries({
    lang: 'en',
    issuer: ISSUER,
    mode: 'popup',
    endpoint: fx.endpoint,
    ...attributes,
  })) {
    element.setAttribute(name, value);
  }
  document.body.append(element);
  return element;
}

export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? text(b)) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export function sent(operation: string): Received[] {
  return fx.received.filter((r) => r.operation === operation);
}

/** An inbox page of `rows`, `total` in all, with a next page when `cursor` is given. */
export function inboxPage(rows: InboxRow[], total: number, cursor: string | null = null) {
  return {
    data: {
      officeApplications: {
        totalCount: total,
        pageInfo: { hasNextPage: Boolean(cursor), endCursor: cursor },
        edges: rows.map((node) => ({ node })),
      },
    },
  };
}
