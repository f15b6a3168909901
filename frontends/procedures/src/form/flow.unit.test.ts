// @vitest-environment happy-dom

import { VERDICT_VALID_ANSWERS } from '@gemeng/forms/verdicts';
import { formMessages } from '@gemeng/frontend-kit';
import { describe, expect, it } from 'vitest';
import {
  application,
  button,
  count,
  en,
  fx,
  mount,
  mountOnApplication,
  PROCEDURE,
  settled,
  text,
  useFormFixture,
} from './form-test-support.ts';

useFormFixture();

const formsEn = (key: Parameters<typeof formMessages.t>[1]) => formMessages.t('en', key);
const STEP_UP = {
  data: null,
  errors: [
    {
      message: 'This procedure needs a sign-in with two factors.',
      extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial' },
    },
  ],
};

describe('<gemeng-procedure-form>: from the intro to the receipt', () => {
  it('shows the intro; signed out, the start button signs in with two factors when the procedure needs them', async () => {
    fx.auth.set({ status: 'anonymous' });
    fx.answers.ProcedureForm = {
      data: {
        commune: {
          id: 'c1',
          slug: 'dudelange',
          name: 'Dudelange',
          procedure: { ...PROCEDURE, assurance: 'SUBSTANTIAL' },
        },
      },
    };
    const element = mount({ commune: 'dudelange', procedure: 'dog-registration' });
    const root = await settled(element, (r) => Boolean(r.querySelector('[part="intro"]')));
    expect(text(root.querySelector('[part="intro"]'))).toContain(en.needsHeading);
    expect(text(root.querySelector('[part="facts"]'))).toContain('50');
    expect(text(root.querySelector('[part="facts"]'))).toContain(en.assuranceSubstantial);
    // a public query: no token
    expect(fx.received[0]?.headers.authorization).toBeUndefined();
    button(root, en.signInSubstantial).click();
    expect(fx.auth.signIn).toHaveBeenCalledWith(expect.objectContaining({ acr: 'substantial' }));
  });

  it('reads the procedure from ?procedure= on a commune website', async () => {
    history.replaceState(null, '', '/services?procedure=dog-registration');
    const element = mount({ commune: 'dudelange' });
    await settled(element, (r) => Boolean(r.querySelector('[part="intro"]')));
    expect(fx.received[0]?.variables).toEqual({ slug: 'dudelange', code: 'dog-registration' });
    history.replaceState(null, '', '/');
  });

  it('starts after a step-up, prefills a new draft from the profile and saves it', async () => {
    fx.answers.ApplicationStart = (request: { headers: { authorization?: string } }) =>
      request.headers.authorization === 'Bearer token-1'
        ? STEP_UP
        : { data: { applicationStart: { __typename: 'ApplicationStartPayload', application: application() } } };
    fx.auth.signIn.mockImplementation(async () => {
      fx.auth.token = 'token-2';
    });
    const element = mount({ commune: 'dudelange', procedure: 'dog-registration' });
    let root = await settled(element, (r) => Boolean(r.querySelector('[part~="start"]')));
    button(root, en.start).click();
    root = await settled(element, (r) => Boolean(r.querySelector('#start-step-up')));
    button(root, formsEn('stepUp')).click();
    root = await settled(element, (r) => Boolean(r.querySelector('#answers-ownerName')));
    expect(fx.auth.signIn).toHaveBeenCalledWith(expect.objectContaining({ acr: 'substantial', mode: 'popup' }));
    expect(root.querySelector<HTMLInputElement>('#answers-ownerName')!.value).toBe('Léa Muller');
    expect(root.querySelector<HTMLInputElement>('#answers-email')!.value).toBe('lea@example.lu');
    await settled(element, () => count('ApplicationSave') === 1 && element.draft.status === 'saved');
    expect(fx.received.find((r) => r.operation === 'ApplicationSave')?.variables.answers).toEqual({
      ownerName: 'Léa Muller',
      email: 'lea@example.lu',
      dogs: [{}],
    });
  });

  it('resumes an existing draft and says since when', async () => {
    fx.answers.ApplicationStart = {
      data: {
        applicationStart: { __typename: 'ApplicationStartPayload', application: application({ ownerName: 'Léa' }) },
      },
    };
    const element = mount({ commune: 'dudelange', procedure: 'dog-registration' });
    let root = await settled(element, (r) => Boolean(r.querySelector('[part~="start"]')));
    button(root, en.start).click();
    root = await settled(element, (r) => Boolean(r.querySelector('#answers-ownerName')));
    expect(root.querySelector<HTMLInputElement>('#answers-ownerName')!.value).toBe('Léa');
    expect(text(root.querySelector('[part="note"]'))).toMatch(/^You are continuing the draft you last changed on/);
    expect(count('ProcedureFormMe')).toBe(0);
  });

  it('checks, summarises with change links, submits and shows the receipt', async () => {
    fx.answers.ProcedureFormApplication = {
      data: { application: application({ ...VERDICT_VALID_ANSWERS, collection: undefined }), me: null },
    };
    fx.answers.ApplicationSubmit = {
      data: {
        applicationSubmit: {
          __typename: 'ApplicationSubmitPayload',
          application: {
            id: 'a1',
            reference: 'DUD-2026-000123',
            state: 'SUBMITTED',
            version: 5,
            submittedAt: '2026-03-27T10:00:00.000Z',
            expectedDecisionOn: '2026-04-03',
            receiptUrl: '/files/applications/a1/receipt.pdf',
          },
        },
      },
    };
    const { element, root } = await mountOnApplication();
    button(root, en.continue).click();
    await settled(element, (r) => r.activeElement?.id === 'summary-heading');
    expect(text(root.querySelector('[part="summary"]'))).toContain('Direct debit');
    expect(text(root.querySelector('[part="summary"]'))).toContain('pass.pdf');
    // "Change" goes back to the question
    (root.querySelector('a[href="#answers-iban"]') as HTMLAnchorElement).click();
    await settled(element, (r) => r.activeElement?.id === 'answers-iban');
    button(root, en.continue).click();
    await settled(element, () => element.flow.view === 'summary');
    button(root, en.submit).click();
    await settled(element, (r) => r.activeElement?.id === 'receipt-heading');
    expect(text(root.querySelector('[part="reference"]'))).toBe('DUD-2026-000123');
    expect(text(root.querySelector('[part="receipt"]'))).toContain(en.receiptMail);
    expect(root.querySelector('[part="receipt"] a')?.getAttribute('href')).toBe('/applications/a1');
    expect(fx.received.find((r) => r.operation === 'ApplicationSubmit')?.variables).toEqual({ id: 'a1', version: 3 });
  });

  it("puts the server's problems at their fields, back on the form", async () => {
    fx.answers.ProcedureFormApplication = {
      data: { application: application({ ...VERDICT_VALID_ANSWERS, collection: undefined }), me: null },
    };
    fx.answers.ApplicationSubmit = {
      data: {
        applicationSubmit: {
          __typename: 'ValidationError',
          field: 'answers.dogs.0.chip',
          message: 'This chip is registered in another commune.',
          problems: [{ field: 'answers.dogs.0.chip', message: 'This chip is registered in another commune.' }],
        },
      },
    };
    const { element, root } = await mountOnApplication();
    button(root, en.continue).click();
    await settled(element, () => element.flow.view === 'summary');
    button(root, en.submit).click();
    await settled(element, (r) => r.activeElement?.id === 'answers-dogs-0-chip');
    expect(text(root.querySelector('#answers-dogs-0-chip-error'))).toContain(
      'This chip is registered in another commune.',
    );
  });

  it('opens an application waiting for information to change and send it again', async () => {
    fx.answers.ProcedureFormApplication = {
      data: {
        application: application({ ...VERDICT_VALID_ANSWERS, collection: undefined }, { state: 'NEEDS_INFO' }),
        me: null,
      },
    };
    const { element, root } = await mountOnApplication();
    expect(text(root.querySelector('[part="note"]'))).toBe(en.needsInfoIntro);
    expect(text(root.querySelector('#draft-status'))).toMatch(/not sent to the commune yet$/);
    button(root, en.continue).click();
    await settled(element, () => element.flow.view === 'summary');
    expect(button(root, en.resubmit)).toBeTruthy();
  });

  it('asks a one-factor sign-in for the second before it opens an application of a procedure that needs two', async () => {
    fx.answers.ProcedureFormApplication = {
      data: { application: application({}, { procedure: { ...PROCEDURE, assurance: 'SUBSTANTIAL' } }), me: null },
    };
    const element = mount({ application: 'a1' });
    const root = await settled(element, (r) => Boolean(r.querySelector('[part="intro"]')));
    expect(root.querySelector('form [part="button"][type="submit"]')).toBeNull();
    button(root, en.signInSubstantial).click();
    expect(fx.auth.signIn).toHaveBeenCalledWith(expect.objectContaining({ acr: 'substantial' }));
  });
});
