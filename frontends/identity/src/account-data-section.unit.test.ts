// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  button,
  count,
  en,
  errorPrefix,
  fx,
  mountAccount,
  settled,
  text,
  useAccountFixture,
} from './account-test-support.ts';

useAccountFixture();

describe('<gemeng-account>: your data', () => {
  it('downloads everything about the person as one JSON file, and says so when it cannot', async () => {
    const { element, root } = await mountAccount('data');
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
      fx.answers.PersonalDataExport = { errors: [{ message: 'culture is not available' }] };
      button(root, en.exportButton).click();
      await settled(element, (r) => Boolean(r.querySelector('#export-alert')));
      expect(text(root.querySelector('#export-alert'))).toBe(en.exportFailed);
      expect(root.querySelector('[part="data-export"]')?.getAttribute('aria-busy')).toBe('false');
      expect(clicked).toEqual([]);
      expect(logged).toHaveBeenCalledOnce();

      const section = (subgraph: string, data: unknown) => ({ subgraph, holds: [], exportedAt: 'x', data });
      fx.answers.PersonalDataExport = {
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
      expect(fx.received.at(-1)?.headers.authorization).toBe('Bearer token-1');
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

  it('deletes the account with the password and the confirmation, then says so and signs out here', async () => {
    const { element, root } = await mountAccount('data');
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
    fx.answers.AccountErase = {
      data: { accountErase: { __typename: 'ValidationError', field: 'password', message: 'Wrong password.' } },
    };
    button(root, en.eraseButton).click();
    await settled(element, (r) => Boolean(r.querySelector('#erase-password-error')));
    expect(fx.received.at(-1)?.variables).toEqual({ password: 'secret' });
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toBe('erase-password-hint erase-password-error');
    expect(text(root.querySelector('#erase-password-error'))).toBe(`${errorPrefix} Wrong password.`);
    expect(confirm.getAttribute('aria-invalid')).toBe('false');
    await element.updateComplete;
    expect(root.activeElement).toBe(password);

    fx.answers.AccountErase = { data: { accountErase: { __typename: 'AccountErasePayload', erasedUserId: 'u1' } } };
    button(root, en.eraseButton).click();
    await settled(element, (r) => text(r.querySelector('#account-notice')) === en.accountErased);
    await settled(element, (r) => text(r).includes('You are not signed in.'));
    expect(root.querySelector('[part="profile-section"]')).toBeNull();
    expect(root.querySelector('[part="data-section"]')).toBeNull();
    expect(root.querySelector('#account-notice')?.getAttribute('role')).toBe('status');
    expect(root.activeElement?.id).toBe('account-notice');
    // The tokens leave this page without a round trip: no refresh, no sign-out through the provider.
    expect(fx.auth.forget).toHaveBeenCalledTimes(1);
    expect(fx.auth.refresh).not.toHaveBeenCalled();
    expect(fx.auth.signOut).not.toHaveBeenCalled();

    // Someone signs in again on this page: the notice gives way to their account.
    fx.auth.set({ status: 'signed-in', user: { sub: 'u2', acr: 'low' }, expiresAt: Date.now() + 6e5 });
    await settled(element, (r) => Boolean(r.querySelector('[part="data-section"]')));
    expect(text(root.querySelector('#account-notice'))).toBe('');
  });
});
