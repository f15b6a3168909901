// @vitest-environment happy-dom
import type { AuthState } from '@gemeng/frontend-kit';
import { FakeAuth, mountElement, type StandInGraph, settled, standInGraph, text } from '@gemeng/frontend-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import '../gemeng-my-applications.ts';

const ISSUER = 'http://id.test/oidc';
const SIGNED_IN = { status: 'signed-in', user: { sub: 'c1', name: 'Léa' }, expiresAt: Date.now() + 6e5 } as AuthState;

const FORM = {
  version: 1,
  fields: [
    {
      key: 'purpose',
      type: 'select',
      label: { lb: 'Zweck', fr: 'Motif', de: 'Zweck', en: 'Purpose' },
      options: [{ value: 'bank', label: { lb: 'Bank', fr: 'Banque', de: 'Bank', en: 'Bank' } }],
    },
    { key: 'copies', type: 'number', label: { lb: 'Exemplaren', fr: 'Exemplaires', de: 'Exemplare', en: 'Copies' } },
    { key: 'note', type: 'longText', label: { lb: 'Notiz', fr: 'Remarque', de: 'Notiz', en: 'Note' } },
    {
      key: 'proof',
      type: 'file',
      attachment: 'id',
      label: { lb: 'Beweis', fr: 'Justificatif', de: 'Nachweis', en: 'Proof' },
    },
    {
      key: 'secret',
      type: 'text',
      visibleIf: { field: 'copies', equals: 99 },
      label: { lb: 'Geheim', fr: 'Secret', de: 'Geheim', en: 'Secret' },
    },
  ],
};

const summary = (id: string, state: string, extra: Record<string, unknown> = {}) => ({
  id,
  reference: state === 'DRAFT' ? null : 'DUD-2026-000001',
  state,
  updatedAt: '2026-03-04T09:30:00Z',
  submittedAt: state === 'DRAFT' ? null : '2026-03-04T09:30:00Z',
  draftExpiresAt: state === 'DRAFT' ? '2026-04-03T09:30:00Z' : null,
  expectedDecisionOn: state === 'DRAFT' ? null : '2026-03-06',
  overdue: false,
  procedure: { code: 'residence-certificate', title: 'Residence certificate' },
  commune: { slug: 'dudelange', name: 'Dudelange' },
  ...extra,
});

const detail = {
  ...summary('a2', 'NEEDS_INFO'),
  version: 3,
  answers: { purpose: 'bank', copies: 2, proof: ['f1'], secret: 'hidden' },
  form: FORM,
  createdAt: '2026-03-01T08:00:00Z',
  decidedAt: null,
  history: [
    {
      at: '2026-03-01T08:00:00Z',
      actorName: 'Léa',
      actorRole: 'citizen',
      fromState: null,
      toState: 'DRAFT',
      reason: null,
    },
    {
      at: '2026-03-02T08:00:00Z',
      actorName: 'Léa',
      actorRole: 'citizen',
      fromState: 'DRAFT',
      toState: 'SUBMITTED',
      reason: null,
    },
    {
      at: '2026-03-03T08:00:00Z',
      actorName: 'Marc',
      actorRole: 'agent',
      fromState: 'SUBMITTED',
      toState: 'NEEDS_INFO',
      reason: 'Please add your lease.',
    },
  ],
  messages: [{ id: 'm1', at: '2026-03-03T08:00:00Z', authorName: 'Marc', authorRole: 'agent', body: 'Hello' }],
  attachments: [
    {
      id: 'f1',
      kind: 'id',
      fileName: 'passport.pdf',
      mediaType: 'application/pdf',
      size: 120_000,
      url: '/files/attachments/f1',
    },
  ],
  receiptUrl: '/files/applications/a2/receipt.pdf',
};

let graph: StandInGraph;
let auth: FakeAuth;

beforeAll(async () => {
  graph = await standInGraph(({ query, variables, headers }) => {
    if (!query) return { file: true };
    if (headers.authorization !== 'Bearer token-1') return { errors: [{ message: 'unauthenticated' }] };
    if (query.includes('query MyApplications')) {
      return { data: { myApplications: [summary('a1', 'DRAFT'), summary('a2', 'NEEDS_INFO')] } };
    }
    if (query.includes('query MyApplication(')) {
      return variables.id === 'a2'
        ? { data: { application: detail } }
        : { data: { application: null }, errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] };
    }
    if (query.includes('MyApplicationMessageSend')) {
      return { data: { applicationMessageSend: { __typename: 'ApplicationMessageSendPayload' } } };
    }
    return undefined;
  });
});

afterAll(() => graph.close());

beforeEach(() => {
  auth = new FakeAuth({ status: 'anonymous' }, ISSUER);
  (globalThis as Record<symbol, unknown>)[Symbol.for('gemeng.auth.clients')] = new Map([
    [`${ISSUER} gemeng-portal`, auth],
  ]);
  globalThis.gemengConfig = { graphqlEndpoint: graph.endpoint, oidcIssuer: ISSUER };
});

afterEach(() => {
  document.body.replaceChildren();
  graph.requests.length = 0;
  globalThis.gemengConfig = undefined;
});

describe('<gemeng-my-applications>', () => {
  it('asks an anonymous person to sign in', async () => {
    const element = mountElement('gemeng-my-applications', { lang: 'lb' });
    const root = await settled(element, (r) => r.querySelector('button') !== null);
    expect(text(root.querySelector('button'))).toBe('Aloggen');
    root.querySelector('button')!.click();
    expect(auth.signIn).toHaveBeenCalled();
    expect(graph.requests).toHaveLength(0);
  });

  it('lists the applications with their state, drafts marked not submitted with their deletion day', async () => {
    auth.set(SIGNED_IN);
    const element = mountElement('gemeng-my-applications', { lang: 'en', 'heading-level': '1' });
    const root = await settled(element, (r) => r.querySelectorAll('[part="list"] > li').length === 2);
    expect(text(root.querySelector('h1'))).toBe('Your applications');
    const [draft, needsInfo] = [...root.querySelectorAll('[part="list"] > li')];
    expect(text(draft?.querySelector('[part="state"]'))).toBe('Not submitted');
    expect(text(draft)).toMatch(/Draft, deleted on (3 April|April 3,) 2026/);
    expect(text(draft)).toContain('None yet (not submitted)');
    expect(draft?.querySelector('h2 a')?.getAttribute('href')).toBe('/applications/a1');
    expect(text(needsInfo?.querySelector('[part="state"]'))).toBe('Information needed');
    const answer = [...(needsInfo?.querySelectorAll('a') ?? [])].find((a) => text(a) === 'Answer and submit again');
    expect(answer?.getAttribute('href')).toBe('/communes/dudelange/procedures/residence-certificate?application=a2');
  });

  it('shows one application: facts, the information request, answers, documents, messages and history', async () => {
    auth.set(SIGNED_IN);
    const element = mountElement('gemeng-my-applications', { lang: 'fr', application: 'a2' });
    const root = await settled(element, (r) => r.querySelector('[part="answers"]') !== null);
    expect(text(root.querySelector('h2'))).toBe('Residence certificate');
    expect(text(root.querySelector('[part="facts"]'))).toContain('DUD-2026-000001');
    expect(text(root.querySelector('[part="needs-info"]'))).toContain('Please add your lease.');
    const answers = text(root.querySelector('[part="answers"]'));
    expect(answers).toContain('Motif Banque');
    expect(answers).toContain('Exemplaires 2');
    expect(answers).toContain('Remarque Sans réponse');
    expect(answers).toContain('Justificatif passport.pdf');
    expect(answers).not.toContain('Secret');
    expect(text(root.querySelector('[part="documents"]'))).toContain('Accusé de réception (PDF)');
    expect(text(root.querySelector('[part="history"]'))).toContain('Envoyée → Informations demandées');
    expect(text(root.querySelector('[part="messages"]'))).toContain('Hello');
  });

  it('sends a message and checks it is not empty first', async () => {
    auth.set(SIGNED_IN);
    const element = mountElement('gemeng-my-applications', { lang: 'en', application: 'a2' });
    const root = await settled(element, (r) => r.querySelector('textarea') !== null);
    const form = root.querySelector('textarea')!.closest('form')!;
    form.requestSubmit();
    await settled(element, (r) => text(r).includes('Write a message.'));
    root.querySelector('textarea')!.value = 'Here is my lease.';
    form.requestSubmit();
    await settled(element, (r) => text(r).includes('Your message was sent.'));
    const sent = graph.requests.find((r) => r.query.includes('MyApplicationMessageSend'));
    expect(sent?.variables).toEqual({ id: 'a2', body: 'Here is my lease.' });
  });

  it('downloads a document with the bearer token from the router', async () => {
    auth.set(SIGNED_IN);
    const element = mountElement('gemeng-my-applications', { lang: 'en', application: 'a2' });
    const root = await settled(element, (r) => r.querySelector('[part="documents"] button') !== null);
    root.querySelector<HTMLButtonElement>('[part="documents"] button')!.click();
    for (let i = 0; i < 100 && !graph.requests.some((r) => !r.query); i++) await new Promise((r) => setTimeout(r, 10));
    const download = graph.requests.find((r) => !r.query);
    expect(download?.headers.authorization).toBe('Bearer token-1');
  });

  it('says when the application is not found (another person’s)', async () => {
    auth.set(SIGNED_IN);
    const element = mountElement('gemeng-my-applications', { lang: 'de', application: 'zz' });
    const root = await settled(element, (r) => r.querySelector('[role="alert"]') !== null);
    expect(text(root.querySelector('[role="alert"]'))).toContain('Zu diesem Link gibt es keinen Antrag');
  });
});
