// @vitest-environment happy-dom
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../auth.ts';
import { GraphQLRequestError } from '../graphql-client.ts';
import { MutationController } from './mutation-controller.ts';
import type { PayloadError } from './payload-errors.ts';
import { mountHost, type PiecesHost, text, texts, until } from './test-host.ts';

const en = texts.en;

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A form with two fields and its controller, as a domain widget would write it. */
async function mountForm(): Promise<{ host: PiecesHost; root: ShadowRoot; form: MutationController }> {
  const { host, root } = await mountHost();
  const form = new MutationController(host, { key: 'booking' });
  host.view = () => html`<form part="form" class="form" aria-busy=${form.ariaBusy()}>
    ${form.errorSummary()} ${form.field({ name: 'name', label: 'Name', hint: 'As on your card.' })}
    ${form.field({ name: 'seats', label: 'Seats', type: 'number' })}
    <button type="submit" aria-disabled=${form.disabled()}>Book</button>
    ${form.renderFeedback()}
  </form>`;
  host.requestUpdate();
  await host.updateComplete;
  return { host, root, form };
}

/** The GraphQL error a router sends for a field that needs two factors (RFC 9470). */
function stepUpError(maxAge?: number): GraphQLRequestError {
  return new GraphQLRequestError('A sign-in with two factors is required.', {
    kind: 'graphql',
    errors: [
      {
        message: 'A sign-in with two factors is required.',
        extensions: {
          code: 'INSUFFICIENT_USER_AUTHENTICATION',
          acr_values: 'substantial',
          ...(maxAge ? { max_age: maxAge } : {}),
        },
      },
    ],
  });
}

describe('MutationController', () => {
  it('is busy while the mutation runs (aria-busy, aria-disabled, a second run ignored), then says it worked', async () => {
    const { host, root, form } = await mountForm();
    let finish: (value: string) => void = () => {};
    const operation = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const running = form.run('book', operation);
    await host.updateComplete;
    expect(root.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('button')?.getAttribute('aria-disabled')).toBe('true');
    expect(text(root.querySelector('#booking-status'))).toBe(en.working);
    expect(await form.run('book', operation)).toBeUndefined();
    expect(operation).toHaveBeenCalledTimes(1);

    finish('booked');
    expect(await running).toBe('booked');
    form.succeed('Your seats are booked.');
    await host.updateComplete;
    expect(root.querySelector('form')?.getAttribute('aria-busy')).toBe('false');
    expect(root.querySelector('#booking-status')?.getAttribute('role')).toBe('status');
    expect(text(root.querySelector('#booking-status'))).toBe('Your seats are booked.');
  });

  it('maps a ValidationError’s problems to the fields (summary and focus), others to an alert', async () => {
    const { host, root, form } = await mountForm();
    const failure: PayloadError = {
      __typename: 'ValidationError',
      field: 'name',
      message: 'Enter a name.',
      problems: [
        { field: 'name', message: 'Enter a name.' },
        { field: 'seats', message: 'Enter 1 to 4.' },
      ],
    };
    form.showFailure(failure, ['name', 'seats']);
    await until(host, () => root.activeElement?.id === 'booking-error-summary');
    expect(root.querySelector('#booking-name')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#booking-seats')?.getAttribute('aria-describedby')).toBe('booking-seats-error');
    expect([...root.querySelectorAll('#booking-error-summary a')].map(text)).toEqual([
      'Enter a name.',
      'Enter 1 to 4.',
    ]);

    form.showFailure({ __typename: 'ValidationError', field: 'name', message: 'Enter a name.' }, ['name']);
    await until(host, () => root.activeElement?.id === 'booking-name');
    expect(root.querySelector('#booking-error-summary')).toBeNull();

    form.showFailure({ __typename: 'ValidationError', field: 'coupon', message: 'Unknown coupon.' }, ['name']);
    await until(host, () => root.activeElement?.id === 'booking-alert');
    expect(text(root.querySelector('#booking-alert'))).toBe('Unknown coupon.');
    expect(root.querySelector('#booking-alert')?.getAttribute('role')).toBe('alert');
    expect(root.querySelector('#booking-name')?.getAttribute('aria-invalid')).toBe('false');
  });

  it('asks for a second factor on a step-up challenge, then runs the same mutation again', async () => {
    const { host, root, form } = await mountForm();
    let calls = 0;
    const running = form.run('book', async () => {
      calls += 1;
      if (calls === 1) throw stepUpError(600);
      return 'booked';
    });
    await until(host, () => root.activeElement?.id === 'booking-step-up');
    const notice = root.querySelector('#booking-step-up')!;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(text(notice)).toContain(en.stepUpRecent.replace('{minutes}', '10'));
    [...notice.querySelectorAll('button')].find((b) => text(b) === en.stepUp)!.click();
    expect(await running).toBe('booked');
    expect(host.challenges).toEqual([{ acrValues: 'substantial', maxAge: 600 }]);
    expect(calls).toBe(2);
  });

  it('treats an InsufficientAssuranceError payload as the same challenge', async () => {
    const { host, root, form } = await mountForm();
    const answers = [
      { booking: { __typename: 'InsufficientAssuranceError', message: 'Two factors.', acrValues: 'substantial' } },
      { booking: { __typename: 'BookingPayload', id: 'b1' } },
    ];
    const running = form.run('book', async () => answers.shift()!, { payload: (answer) => answer.booking });
    await until(host, () => Boolean(root.querySelector('#booking-step-up')));
    expect(text(root.querySelector('#booking-step-up'))).toContain(en.stepUpNeeded);
    [...root.querySelectorAll<HTMLButtonElement>('#booking-step-up button')]
      .find((b) => text(b) === en.stepUp)!
      .click();
    expect(await running).toEqual({ booking: { __typename: 'BookingPayload', id: 'b1' } });
    expect(host.challenges).toEqual([{ acrValues: 'substantial' }]);
  });

  it('keeps the notice when the popup was blocked, and makes no change when the person gives up', async () => {
    const { host, root, form } = await mountForm();
    host.stepUpAnswer = async () => new AuthError('blocked', 'popup-blocked');
    const operation = vi.fn(async () => {
      throw stepUpError();
    });
    const running = form.run('book', operation);
    await until(host, () => Boolean(root.querySelector('#booking-step-up')));
    [...root.querySelectorAll<HTMLButtonElement>('#booking-step-up button')]
      .find((b) => text(b) === en.stepUp)!
      .click();
    await until(host, () => text(root.querySelector('#booking-step-up')).includes(en.stepUpPopupBlocked));
    [...root.querySelectorAll<HTMLButtonElement>('#booking-step-up button')]
      .find((b) => text(b) === en.cancel)!
      .click();
    expect(await running).toBeUndefined();
    expect(operation).toHaveBeenCalledTimes(1);
    await until(host, () => root.activeElement?.id === 'booking-status');
    expect(text(root.querySelector('#booking-status'))).toBe(en.stepUpCancelled);
  });

  it('shows one step-up notice per element: a second one replaces the first, which gives up', async () => {
    const { host, root, form } = await mountForm();
    const other = new MutationController(host, { key: 'other' });
    host.view = () => html`${form.renderFeedback()} ${other.renderFeedback()}`;
    const first = form.run('book', async () => {
      throw stepUpError();
    });
    await until(host, () => Boolean(root.querySelector('#booking-step-up')));
    const second = other.run('pay', async () => {
      throw stepUpError();
    });
    expect(await first).toBeUndefined();
    await until(host, () => Boolean(root.querySelector('#other-step-up')));
    expect(root.querySelector('#booking-step-up')).toBeNull();
    other.reset();
    expect(await second).toBeUndefined();
  });

  it('says a failure in an alert, and nothing when the request was aborted', async () => {
    const { host, root, form } = await mountForm();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await form.run('book', async () => {
      throw new GraphQLRequestError('down', { kind: 'network' });
    });
    await until(host, () => root.activeElement?.id === 'booking-alert');
    expect(text(root.querySelector('#booking-alert'))).toBe(en.actionFailed);
    await form.run(
      'book',
      async () => {
        throw new GraphQLRequestError('aborted', { kind: 'aborted' });
      },
      { failed: 'Not booked.' },
    );
    await host.updateComplete;
    expect(root.querySelector('#booking-alert')).toBeNull();
    expect(text(root.querySelector('#booking-status'))).toBe('');
  });
});
