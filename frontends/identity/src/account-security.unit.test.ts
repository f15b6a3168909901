// @vitest-environment happy-dom
import { AuthError } from '@gemeng/frontend-kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const webauthn = vi.hoisted(() => ({
  supported: true,
  startRegistration: vi.fn<(options: { optionsJSON: unknown }) => Promise<unknown>>(),
}));
vi.mock('@simplewebauthn/browser', () => ({
  browserSupportsWebAuthn: () => webauthn.supported,
  startRegistration: webauthn.startRegistration,
}));

import {
  afterStepUp,
  button,
  count,
  en,
  formsEn,
  fx,
  mountAccount,
  person,
  STEP_UP,
  SUDO,
  settled,
  text,
  useAccountFixture,
} from './account-test-support.ts';

useAccountFixture();

beforeEach(() => {
  webauthn.supported = true;
  webauthn.startRegistration.mockReset();
});

describe('<gemeng-account>: security', () => {
  it('asks for a second factor when the server wants one, then makes the change without a second click', async () => {
    const { element, root } = await mountAccount('security');
    fx.answers.PasskeyRemove = afterStepUp(STEP_UP, {
      data: { passkeyRemove: { __typename: 'PasskeyRemovePayload', id: 'p1' } },
    });
    button(root, en.remove).click();
    await settled(element, (r) => Boolean(r.querySelector('#passkeys-step-up')));
    const notice = root.querySelector('#passkeys-step-up')!;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(text(notice)).toContain(formsEn.stepUpNeeded);
    expect(fx.received.at(-1)?.variables).toEqual({ id: 'p1' });
    await element.updateComplete;
    expect(root.activeElement).toBe(notice);

    // The popup: the person confirms, the page gets new tokens.
    let finish: () => void = () => {};
    fx.auth.signIn.mockImplementationOnce(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            fx.auth.token = 'token-2';
            fx.auth.set({ status: 'signed-in', user: { sub: 'u1', acr: 'substantial' }, expiresAt: Date.now() + 6e5 });
            resolve();
          };
        }),
    );
    button(root, formsEn.stepUp).click();
    // Always a popup, even where signing in redirects: the change waits in this page.
    expect(fx.auth.signIn).toHaveBeenCalledWith({ mode: 'popup', language: 'en', acr: 'substantial' });
    await settled(element, (r) => text(r.querySelector('#passkeys-step-up')).includes(formsEn.stepUpWaiting));
    expect(count('PasskeyRemove')).toBe(1);
    fx.me = person({ passkeys: [] });
    finish();
    await settled(element, (r) => text(r.querySelector('#passkeys-status')) === en.passkeyRemoved);
    // The same mutation, sent again by the widget with the new token.
    const removals = fx.received.filter((r) => r.operation === 'PasskeyRemove');
    expect(removals.map((r) => [r.headers.authorization, r.variables])).toEqual([
      ['Bearer token-1', { id: 'p1' }],
      ['Bearer token-2', { id: 'p1' }],
    ]);
    expect(root.querySelector('#passkeys-step-up')).toBeNull();
    await settled(element, (r) => text(r.querySelector('[part="level"]')) === en.levelSubstantial);
  });

  it('asks again for a recent second factor (max_age), and nothing happens if the person gives up', async () => {
    fx.me = person({ totpEnabled: true });
    const { element, root } = await mountAccount('security');
    fx.answers.TotpRemove = afterStepUp(SUDO, { data: { totpRemove: { __typename: 'TotpRemovePayload', ok: true } } });
    button(root, en.totpRemove).click();
    await settled(element, (r) => Boolean(r.querySelector('#totp-step-up')));
    expect(text(root.querySelector('#totp-step-up'))).toContain(formsEn.stepUpRecent.replace('{minutes}', '10'));

    // The person closes the popup: the notice stays, says so, and the change has not been made.
    fx.auth.signIn.mockRejectedValueOnce(new AuthError('The sign-in window was closed.', 'cancelled'));
    button(root, formsEn.stepUp).click();
    expect(fx.auth.signIn).toHaveBeenLastCalledWith({ mode: 'popup', language: 'en', acr: 'substantial', maxAge: 600 });
    await settled(element, (r) => text(r.querySelector('#totp-step-up')).includes(formsEn.stepUpCancelled));
    expect(count('TotpRemove')).toBe(1);

    // Then gives up: the change is not made, and not sent again.
    button(root, en.cancel).click();
    await settled(element, (r) => text(r.querySelector('#totp-status')) === formsEn.stepUpCancelled);
    expect(root.querySelector('#totp-step-up')).toBeNull();
    expect(count('TotpRemove')).toBe(1);

    // Next time the person confirms, and the app is removed at once.
    button(root, en.totpRemove).click();
    await settled(element, (r) => Boolean(r.querySelector('#totp-step-up')));
    fx.auth.signIn.mockImplementationOnce(async () => {
      fx.auth.token = 'token-2';
    });
    button(root, formsEn.stepUp).click();
    await settled(element, (r) => text(r.querySelector('#totp-status')) === en.totpRemoved);
    expect(count('TotpRemove')).toBe(3);
  });

  it('sets up the authenticator app: QR code, key as text, first code, recovery codes once', async () => {
    const { element, root } = await mountAccount('security');
    fx.answers.TotpEnrolStart = {
      data: {
        totpEnrolStart: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Gemeng:lea?secret=JBSWY3DPEHPK3PXP' },
      },
    };
    button(root, en.totpSetUp).click();
    await settled(element, (r) => Boolean(r.querySelector('[part~="totp-secret"]')));
    // Seen in groups of four, heard spelt out group after group; the QR code says where the key is.
    expect(text(root.querySelector('[part~="totp-secret"]'))).toBe('JBSW Y3DP EHPK 3PXP');
    expect(root.querySelector('[part~="totp-secret"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(text(root.querySelector('.key .visually-hidden'))).toBe(
      en.totpKeyLabel.replace('{groups}', 'J B S W, Y 3 D P, E H P K, 3 P X P'),
    );
    const qr = root.querySelector('[part~="totp-qr"]')!;
    expect(qr.getAttribute('role')).toBe('img');
    expect(qr.getAttribute('aria-label')).toBe(en.totpQrLabel);
    expect(qr.querySelector('svg path')).not.toBeNull();
    expect(text(root.querySelector('label[for="totp-code"]'))).toBe(en.totpCode);

    const codes = Array.from({ length: 10 }, (_, i) => `abcd-${i}`);
    fx.answers.TotpEnrolConfirm = {
      data: { totpEnrolConfirm: { __typename: 'TotpEnrolConfirmPayload', recoveryCodes: codes } },
    };
    root.querySelector<HTMLInputElement>('#totp-code')!.value = '123 456';
    button(root, en.totpConfirm).click();
    await settled(element, (r) => Boolean(r.querySelector('[part~="recovery-codes"]')));
    expect(fx.received.at(-1)?.variables).toEqual({ code: '123456' });
    expect([...root.querySelectorAll('[part~="recovery-codes"] li')].map(text)).toEqual(codes);
    await element.updateComplete;
    expect(root.activeElement?.id).toBe('recovery-heading');

    button(root, en.recoveryDone).click();
    await settled(element, (r) => !r.querySelector('[part~="recovery-codes"]'));
  });

  it('adds a passkey with the chosen name, and says where to go when this website may not create one', async () => {
    const options = { challenge: 'abc', rp: { id: 'id.test', name: 'Gemeng' } };
    fx.answers.PasskeyRegisterStart = { data: { passkeyRegisterStart: { options } } };
    const { element, root } = await mountAccount('security');
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
    fx.answers.PasskeyRegisterFinish = {
      data: { passkeyRegisterFinish: { __typename: 'PasskeyRegisterPayload', passkey: { id: 'p2', name: 'My key' } } },
    };
    root.querySelector<HTMLInputElement>('#passkeys-name')!.value = '  My key ';
    button(root, en.addPasskey).click();
    await settled(element, (r) => text(r.querySelector('#passkeys-status')) === 'The passkey “My key” has been added.');
    expect(fx.received.find((r) => r.operation === 'PasskeyRegisterFinish')?.variables).toEqual({
      name: 'My key',
      response: { id: 'cred', response: {} },
    });

    root.querySelector<HTMLInputElement>('#passkeys-name')!.value = 'x'.repeat(61);
    button(root, en.addPasskey).click();
    await settled(element, (r) => Boolean(r.querySelector('#passkeys-name-error')));
  });

  it('when identity wants a second factor before handing out options, confirms it, then asks for one more click', async () => {
    const options = { challenge: 'xyz', rp: { id: 'id.test', name: 'Gemeng' } };
    fx.answers.PasskeyRegisterStart = afterStepUp(SUDO, { data: { passkeyRegisterStart: { options } } });
    const { element, root } = await mountAccount('security');
    await settled(element, (r) => r.querySelector('[part="passkeys"] form')?.getAttribute('data-options') === 'failed');
    button(root, en.addPasskey).click();
    expect(webauthn.startRegistration).not.toHaveBeenCalled();
    await settled(element, (r) => Boolean(r.querySelector('#passkeys-step-up')));
    fx.auth.signIn.mockImplementationOnce(async () => {
      fx.auth.token = 'token-2';
    });
    button(root, formsEn.stepUp).click();
    const ready = en.passkeyReady.replace('{button}', en.addPasskey);
    await settled(element, (r) => text(r.querySelector('#passkeys-status')) === ready);
    await element.updateComplete;
    expect(root.activeElement?.id).toBe('passkeys-add');
    webauthn.startRegistration.mockResolvedValueOnce({ id: 'cred', response: {} });
    fx.answers.PasskeyRegisterFinish = {
      data: { passkeyRegisterFinish: { __typename: 'PasskeyRegisterPayload', passkey: { id: 'p2', name: 'Key' } } },
    };
    const starts = count('PasskeyRegisterStart');
    button(root, en.addPasskey).click();
    expect(webauthn.startRegistration).toHaveBeenCalledExactlyOnceWith({ optionsJSON: options });
    expect(count('PasskeyRegisterStart')).toBe(starts);
    await settled(element, () => count('PasskeyRegisterFinish') === 1);
  });
});
