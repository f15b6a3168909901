// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  AGENDA,
  count,
  en,
  errorPrefix,
  fx,
  ISSUER,
  mountAccount,
  named,
  OLD_FEED,
  person,
  settled,
  text,
  useAccountFixture,
} from './account-test-support.ts';

useAccountFixture();

describe('<gemeng-account>: applications', () => {
  it('registers an application and shows its client id and secret once, until the person has stored it', async () => {
    const { element, root } = await mountAccount('developers');
    const section = root.querySelector('[part="apps-section"]')!;
    expect(text(root.querySelector('h3#account-heading'))).toBe(en.appsHeading);
    expect(text(section.querySelector('[data-testid="token-endpoint"]'))).toBe(`${ISSUER}/token`);
    expect(text(section.querySelector('[part="apps-endpoints"]'))).toContain('graph.read');
    expect(text(section.querySelector('[part="apps-endpoints"]'))).toContain(fx.endpoint);
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

    fx.answers.ApiClientCreate = {
      data: {
        apiClientCreate: { __typename: 'ApiClientCreatePayload', clientSecret: 'S3cr3t-shown-once', apiClient: AGENDA },
      },
    };
    fx.me = person({ apiClients: [AGENDA] }); // what the reload after the registration fx.answers
    const loads = count('Account');
    name.value = '  Agenda app ';
    named(root, en.appRegister).click();
    await settled(element, (r) =>
      Boolean(r.querySelector('[part="client-secret"]') && r.querySelector('[part~="apps-table"]')),
    );
    await settled(element, () => count('Account') > loads);
    expect(fx.received.find((r) => r.operation === 'ApiClientCreate')?.variables).toEqual({ name: 'Agenda app' });
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
    fx.me = person({ apiClients: [AGENDA] });
    const { element, root } = await mountAccount('developers');
    fx.answers.ApiClientCreate = {
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
    expect(fx.received.at(-1)?.variables).toEqual({ name: 'Sixth app' });
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
    fx.me = person({ apiClients: [AGENDA, OLD_FEED] });
    const { element, root } = await mountAccount('developers');
    const rows = [...root.querySelectorAll('[part~="apps-table"] tbody tr')];
    expect(rows).toHaveLength(2);
    expect(text(rows[1]?.querySelector('td:nth-of-type(3)'))).toMatch(/^Revoked on /);
    expect(rows[1]?.querySelectorAll('button')).toHaveLength(0);

    // Rotate: the new secret, once.
    fx.answers.ApiClientRotateSecret = {
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
    expect(fx.received.at(-1)).toMatchObject({
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
    fx.answers.ApiClientRevoke = {
      data: {
        apiClientRevoke: {
          __typename: 'ApiClientRevokePayload',
          apiClient: { clientId: AGENDA.clientId, revokedAt: '2026-11-25T10:00:00Z' },
        },
      },
    };
    fx.me = person({ apiClients: [{ ...AGENDA, revokedAt: '2026-11-25T10:00:00Z' }, OLD_FEED] });
    const loads = count('Account');
    named(root, 'Yes, revoke: Agenda app').click();
    await settled(
      element,
      (r) =>
        text(r.querySelector('#apps-status')) === 'The application “Agenda app” has been revoked.' &&
        count('Account') > loads,
    );
    await settled(element, (r) => r.querySelectorAll('[part~="apps-table"] button').length === 0);
    expect(fx.received.find((r) => r.operation === 'ApiClientRevoke')?.variables).toEqual({
      clientId: AGENDA.clientId,
    });
    expect(root.querySelector('[part~="app-revoke-confirm"]')).toBeNull();
    // Its secret no longer works: the box is gone with it.
    expect(root.querySelector('[part="client-secret"]')).toBeNull();
    expect(root.activeElement?.id).toBe('apps-status');
    expect(text(root.querySelector('[part~="apps-table"] tbody tr td:nth-of-type(3)'))).toMatch(/^Revoked on /);
  });
});
