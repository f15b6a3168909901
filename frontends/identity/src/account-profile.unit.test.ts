// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
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

describe('<gemeng-account>: profile', () => {
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
    fx.answers.ProfileUpdate = {
      data: {
        profileUpdate: { __typename: 'ValidationError', field: 'communesOfResidence', message: 'Not that one.' },
      },
    };
    button(root, en.saveProfile).click();
    await settled(element, (r) => Boolean(r.querySelector('#profile-communesOfResidence-error')));
    expect(fx.received.at(-1)?.variables).toEqual({
      name: 'Léa Schmit',
      preferredLanguage: 'de',
      communes: ['c3', 'c1'],
    });
    expect(name.getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelector('#profile-communesOfResidence')?.getAttribute('aria-describedby')).toContain(
      'profile-communesOfResidence-error',
    );

    fx.answers.ProfileUpdate = { data: { profileUpdate: { __typename: 'ProfileUpdatePayload', user: { id: 'u1' } } } };
    const loads = count('Account');
    button(root, en.saveProfile).click();
    await settled(
      element,
      (r) => text(r.querySelector('#profile-status')) === en.profileSaved && count('Account') > loads,
    );
    expect(root.querySelector('#profile-status')?.getAttribute('role')).toBe('status');
  });

  it('shows every problem the graph found at its field, with an error summary that takes the focus', async () => {
    const { element, root } = await mountAccount();
    fx.answers.ProfileUpdate = {
      data: {
        profileUpdate: {
          __typename: 'ValidationError',
          field: 'name',
          message: 'That name is reserved.',
          problems: [
            { field: 'name', message: 'That name is reserved.' },
            { field: 'communesOfResidence', message: 'Esch-sur-Alzette is not a member any more.' },
          ],
        },
      },
    };
    button(root, en.saveProfile).click();
    await settled(element, (r) => r.activeElement?.id === 'profile-error-summary');
    const summary = root.querySelector('#profile-error-summary')!;
    expect([...summary.querySelectorAll('a')].map((link) => [link.getAttribute('href'), text(link)])).toEqual([
      ['#profile-name', 'That name is reserved.'],
      ['#profile-communesOfResidence', 'Esch-sur-Alzette is not a member any more.'],
    ]);
    expect(root.querySelector('#profile-name')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(root.querySelector('#profile-communesOfResidence-error'))).toBe(
      `${errorPrefix} Esch-sur-Alzette is not a member any more.`,
    );
    summary.querySelectorAll('a')[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(root.activeElement?.id).toBe('profile-communesOfResidence-0');
  });

  it('changes the address with the password and tells the person to check the new mailbox', async () => {
    const { element, root } = await mountAccount();
    fx.answers.EmailChange = { data: { emailChange: { __typename: 'EmailChangePayload', linkSent: true } } };
    root.querySelector<HTMLInputElement>('#email-newEmail')!.value = 'lea@new.lu';
    root.querySelector<HTMLInputElement>('#email-password')!.value = 'secret';
    button(root, en.changeEmail).click();
    await settled(
      element,
      (r) =>
        text(r.querySelector('#email-status')).startsWith('We sent') && fx.received.at(-1)?.operation === 'Account',
    );
    expect(fx.received.find((r) => r.operation === 'EmailChange')?.variables).toEqual({
      newEmail: 'lea@new.lu',
      password: 'secret',
    });
    expect(root.querySelector<HTMLInputElement>('#email-password')!.value).toBe('');
    await element.updateComplete;
    expect(root.activeElement?.id).toBe('email-status');
  });
});
