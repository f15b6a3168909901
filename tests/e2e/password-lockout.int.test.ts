/**
 * The password a signed-in person gives again to change their address or erase their account counts toward the
 * same per-account lockout as the sign-in page: five wrong ones lock the account, everywhere, and mail its owner.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { graphql, signedInPerson, signIn } from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();

const CHANGE = `mutation ($input: EmailChangeInput!) {
  emailChange(input: $input) {
    __typename
    ... on ValidationError { field message }
  }
}`;

const ERASE = `mutation ($input: AccountEraseInput!) {
  accountErase(input: $input) {
    __typename
    ... on ValidationError { field message }
  }
}`;

/** A new address each time: on the shared platform, mails to one address are limited (3 an hour). */
const elsewhere = () => `elsewhere.${randomBytes(4).toString('hex')}@example.lu`;

type Answer = { __typename: string; field?: string; message?: string };

describe('confirming a password', () => {
  it('locks the account after five wrong passwords in emailChange: the sign-in page too, and a mail', async () => {
    const person = await signedInPerson(stack);
    const change = async (password: string) =>
      (
        await graphql<{ emailChange: Answer }>(
          stack,
          CHANGE,
          { input: { newEmail: elsewhere(), password } },
          person.accessToken,
          { 'accept-language': 'en' },
        )
      ).body.data?.emailChange;
    for (let i = 0; i < 5; i++) {
      expect(await change(`wrong ${i}`)).toMatchObject({ field: 'password', message: 'The password is not correct.' });
    }
    // Locked: even the right password is refused, with the time to wait.
    expect(await change(person.password)).toEqual({
      __typename: 'ValidationError',
      field: 'password',
      message: 'Too many attempts: try again in 15 minutes.',
    });
    await expect(signIn(stack, person.email, person.password)).rejects.toThrow(/failed: 429/);
    await stack.mail.waitFor(person.email, (m) => m.subject === 'Votre compte est bloqué pendant 15 minutes');

    const db = createDb(stack.databaseUrls.identity);
    const log = await db.securityEvent
      .findMany({ where: { userId: person.id }, orderBy: { id: 'asc' } })
      .finally(() => db.$disconnect());
    expect(
      log.filter((e) => e.kind === 'login-failed' && (e.details as { during?: string }).during === 'email-change'),
    ).toHaveLength(5);
    expect(log.filter((e) => e.kind === 'lockout')).toHaveLength(1);
  });

  it('counts emailChange and accountErase together, and a right password clears the count', async () => {
    const person = await signedInPerson(stack);
    const change = (password: string) =>
      graphql<{ emailChange: Answer }>(
        stack,
        CHANGE,
        { input: { newEmail: elsewhere(), password } },
        person.accessToken,
      );
    const erase = async (password: string) =>
      (
        await graphql<{ accountErase: Answer }>(stack, ERASE, { input: { password } }, person.accessToken, {
          'accept-language': 'de',
        })
      ).body.data?.accountErase;
    for (let i = 0; i < 4; i++) await change(`wrong ${i}`);
    expect((await change(person.password)).body.data?.emailChange.__typename).toBe('EmailChangePayload');
    // Counting starts again: four more wrong ones do not lock; the fifth, in accountErase, does.
    for (let i = 0; i < 4; i++) await change(`wrong again ${i}`);
    expect(await erase('wrong')).toMatchObject({ field: 'password' });
    expect(await erase(person.password)).toEqual({
      __typename: 'ValidationError',
      field: 'password',
      message: 'Zu viele Versuche: Versuchen Sie es in 15 Minuten erneut.',
    });
  });
});
