/**
 * What the procedure form's unit tests share: a stand-in graph over real HTTP answering the form's operations,
 * the page's auth client (signed in at the low level), the shared verdict form as the procedure's definition, and
 * helpers to mount the element and wait for it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Answers } from '@gemeng/forms';
import { VERDICT_FORM } from '@gemeng/forms/verdicts';
import { formMessages } from '@gemeng/frontend-kit';
import { FakeAuth, type StandInGraph, settled, standInGraph, text } from '@gemeng/frontend-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import '../gemeng-procedure-form.ts';
import en from '../messages/form/en.json' with { type: 'json' };
import { ProcedureForm } from './procedure-form.ts';

export { en, settled, text };
export const ISSUER = 'http://id.test/oidc';
await formMessages.load('en');
/** The kit's field pieces say "Error:" (visually hidden) before a field's message. */
export const errorPrefix = formMessages.t('en', 'errorPrefix');

export interface Received {
  readonly operation: string;
  readonly variables: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

export const PROCEDURE = {
  id: 'p1',
  code: 'dog-registration',
  title: 'Register a dog',
  summary: 'Every dog in the commune is registered, and its tax paid.',
  needs: 'The dog’s chip number.\n\nIts vaccination passport.',
  next: 'The commune checks your answers and sends the tax invoice.',
  note: null,
  assurance: 'LOW',
  feeCents: 5000,
  processingDays: 5,
  expectedDecisionOn: '2026-04-03',
  channel: 'ONLINE',
  attachments: [{ key: 'vaccination', label: 'Vaccination passport', required: true }],
  formVersion: 1,
  form: VERDICT_FORM,
};

/** An application of the citizen, as the graph answers it. */
export function application(answers: Answers = {}, overrides: Record<string, unknown> = {}) {
  return {
    id: 'a1',
    reference: null,
    state: 'DRAFT',
    answers,
    formVersion: 1,
    form: VERDICT_FORM,
    version: 3,
    createdAt: '2026-03-26T09:00:00.000Z',
    updatedAt: '2026-03-26T13:32:00.000Z',
    draftExpiresAt: '2026-04-25T13:32:00.000Z',
    expectedDecisionOn: null,
    attachments: [
      {
        id: '5b0b6f1e-2f57-4a8e-9a43-0c8e7c2f0d11',
        kind: 'vaccination',
        fileName: 'pass.pdf',
        mediaType: 'application/pdf',
        size: 340_000,
      },
    ],
    procedure: PROCEDURE,
    commune: { id: 'c1', slug: 'dudelange', name: 'Dudelange' },
    ...overrides,
  };
}

let graph: StandInGraph;

/** What a test reads and changes: set afresh before each test by {@link useFormFixture}. */
export const fx = {
  endpoint: '',
  received: [] as Received[],
  /** Answers per operation name (or a function of the request). */
  answers: {} as Record<string, unknown>,
  auth: new FakeAuth(),
};

let version = 3;
const DEFAULTS: Record<string, (request: Received) => unknown> = {
  ProcedureForm: () => ({
    data: { commune: { id: 'c1', slug: 'dudelange', name: 'Dudelange', procedure: PROCEDURE } },
  }),
  ProcedureFormMe: () => ({
    data: { me: { id: 'u1', name: 'Léa Muller', email: 'lea@example.lu', communesOfResidence: [] } },
  }),
  ProcedureFormApplication: () => ({
    data: { application: application(), me: { id: 'u1', name: 'Léa Muller', email: 'lea@example.lu' } },
  }),
  ApplicationStart: () => ({
    data: { applicationStart: { __typename: 'ApplicationStartPayload', application: application() } },
  }),
  ApplicationSave: () => {
    version += 1;
    return {
      data: {
        applicationSave: {
          __typename: 'ApplicationSavePayload',
          application: { id: 'a1', version, updatedAt: '2026-03-27T13:32:00.000Z', draftExpiresAt: null },
        },
      },
    };
  },
};

/** The stand-in graph and a signed-in page per test: call once per file. */
export function useFormFixture(): void {
  beforeAll(async () => {
    graph = await standInGraph(({ headers, query, variables }) => {
      const operation = /^(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
      const request = { operation, variables, headers };
      fx.received.push(request);
      const chosen = fx.answers[operation] ?? DEFAULTS[operation];
      return typeof chosen === 'function' ? (chosen as (r: Received) => unknown)(request) : chosen;
    });
    fx.endpoint = graph.endpoint;
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    version = 3;
    ProcedureForm.saveDelay = 40;
    fx.auth = new FakeAuth(
      { status: 'signed-in', user: { sub: 'u1', name: 'Léa', acr: 'low' }, expiresAt: Date.now() + 6e5 },
      ISSUER,
    );
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

/** How many requests of `operation` the graph received. */
export const count = (operation: string) => fx.received.filter((r) => r.operation === operation).length;

/** Mounts the element on the form of application `a1` (as a NEEDS_INFO link opens it), in `lang`. */
export async function mountOnApplication(lang = 'en'): Promise<{ element: ProcedureForm; root: ShadowRoot }> {
  const element = mount({ application: 'a1', lang });
  const root = await settled(element, (r) => Boolean(r.querySelector('form [part="button"][type="submit"]')));
  return { element, root };
}

export function mount(attributes: Record<string, string>): ProcedureForm {
  const element = document.createElement('gemeng-procedure-form');
  for (const [name, value] of Object.entries({
    lang: 'en',
    issuer: ISSUER,
    endpoint: fx.endpoint,
    mode: 'popup',
    ...attributes,
  })) {
    element.setAttribute(name, value);
  }
  document.body.append(element);
  return element;
}

export function button(root: ShadowRoot, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => text(b).startsWith(label));
  if (!found) expect.fail(`no button "${label}" in: ${text(root)}`);
  return found;
}

/** Types into a control as a person does: the value, then an input event that bubbles out of it. */
export function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function tick(control: HTMLInputElement, checked = true): void {
  control.checked = checked;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
