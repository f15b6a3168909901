/** A citizen changes the address of their account: a link to the new address confirms it, the old one is told. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { graphql, signedInPerson, signIn } from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();

const CHANGE = `mutation ($input: EmailChangeInput!) {
  emailChange(input: $input) {
    __typename
    ... on EmailChangePayload { linkSent }
    ... on ValidationError { field message }
  }
}`;

describe('changing the address of an account', () => {
  it('refuses a malformed address and a wrong password, saying which field is wrong', async () => {
    const person = await signedInPerson(stack);
    const malformed = await graphql(
      stack,
      CHANGE,
      { input: { newEmail: 'not an address', password: person.password } },
      person.accessToken,
    );
    expect(malformed.body.data?.emailChange).toMatchObject({ __typename: 'ValidationError', field: 'newEmail' });
    const wrong = await graphql(
      stack,
      CHANGE,
      { input: { newEmail: 'new@example.lu', password: 'not it' } },
      person.accessToken,
      {
        'accept-language': 'de',
      },
    );
    expect(wrong.body.data?.emailChange).toEqual({
      __typename: 'ValidationError',
      field: 'password',
      message: 'Das Passwort ist nicht korrekt.',
    });
  });

  it('changes it once the link sent to the new address is opened, and tells the old address', async () => {
    const person = await signedInPerson(stack);
    const newEmail = `new.${randomBytes(3).toString('hex')}@example.lu`;
    const sent = await graphql(stack, CHANGE, { input: { newEmail, password: person.password } }, person.accessToken);
    expect(sent.body.data?.emailChange).toEqual({ __typename: 'EmailChangePayload', linkSent: true });

    const mail = await stack.mail.waitFor(
      newEmail,
      (m) => m.subject === 'Confirmez votre nouvelle adresse électronique',
    );
    expect(mail.text).not.toContain(person.name); // the new address is not confirmed yet
    const link = mail.text.match(/http\S+\/account\/email\/confirm\?token=[\w-]+&lang=fr/)?.[0] ?? '';
    // Opening the link shows a button; a scanner fetching it changes nothing.
    const page = await fetch(link);
    expect(await page.text()).toContain('Confirmer l’adresse');
    expect(
      (await graphql<{ me: { email: string } }>(stack, '{ me { email } }', undefined, person.accessToken)).body,
    ).toEqual({ data: { me: { email: person.email } } });
    const press = () =>
      fetch(new URL('/account/email/confirm?lang=fr', link), {
        method: 'POST',
        headers: { origin: new URL(link).origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: new URL(link).searchParams.get('token') ?? '' }),
      });
    expect(await (await press()).text()).toContain('Adresse confirmée');
    expect((await press()).status).toBe(410); // once

    await stack.mail.waitFor(person.email, (m) => m.subject === 'L’adresse de votre compte Gemeng a changé');
    const tokens = await signIn(stack, newEmail, person.password);
    const me = await graphql<{ me: { email: string } }>(stack, '{ me { email } }', undefined, tokens.access_token);
    expect(me.body.data?.me.email).toBe(newEmail);
    await expect(signIn(stack, person.email, person.password)).rejects.toThrow(/sign-in of .* failed/);
  });
});
