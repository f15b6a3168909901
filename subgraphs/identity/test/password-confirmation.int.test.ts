/**
 * A password given again to confirm an act (`emailChange`, `accountErase`) is counted like a sign-in, before it
 * is checked: of 20 wrong ones sent at once, at most five reach the hash; the account locks and its owner is
 * mailed once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts, type OutgoingMail } from '../src/accounts/accounts.ts';
import { hashPassword } from '../src/accounts/passwords.ts';
import type { Db } from '../src/db.ts';
import { type IdentityTestDatabase, identityTestDatabase } from './database.ts';

let database: IdentityTestDatabase;
let db: Db;

beforeAll(async () => {
  database = await identityTestDatabase('identity_password_confirmation');
  db = database.db;
});
afterAll(() => database?.close());

describe('confirming a password', () => {
  it('lets at most five of 20 parallel wrong passwords be checked, locks the account and mails its owner once', async () => {
    const sent: OutgoingMail[] = [];
    const accounts = createAccounts({
      db,
      publicUrl: 'https://login.example.lu',
      send: async (m) => void sent.push(m),
    });
    const password = 'Rieslingspaschtéit 2026';
    const user = await db.user.create({
      data: {
        email: 'confirm@example.lu',
        name: 'Confirm',
        passwordHash: await hashPassword(password),
        emailVerifiedAt: new Date(),
      },
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => accounts.confirmPassword(user.id, `wrong ${i}`, 'account-erase')),
    );
    const checked = answers.filter((a) => a === 'wrongPassword');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => typeof a === 'object' && 'lockedMinutes' in a)).toHaveLength(20 - checked.length);
    // Locked: the right password is refused too, with the minutes to wait.
    expect(await accounts.confirmPassword(user.id, password, 'account-erase')).toEqual({ lockedMinutes: 15 });

    await accounts.settled();
    expect(sent.filter((m) => m.mail === 'lockout')).toHaveLength(1);
    const log = await db.securityEvent.findMany({ where: { userId: user.id } });
    expect(log.filter((e) => e.kind === 'login-failed')).toHaveLength(checked.length);
    expect(log.filter((e) => e.kind === 'lockout')).toHaveLength(1);
  });
});

describe('asking for an address change', () => {
  it('sends at most three links an hour to one new address, with no name in them', async () => {
    const sent: OutgoingMail[] = [];
    const accounts = createAccounts({
      db,
      publicUrl: 'https://login.example.lu',
      send: async (m) => void sent.push(m),
    });
    const password = 'Bouneschlupp mat Speck 2026';
    const user = await db.user.create({
      data: {
        email: 'mover@example.lu',
        name: 'Claim your prize',
        passwordHash: await hashPassword(password),
        emailVerifiedAt: new Date(),
      },
    });
    for (let i = 0; i < 5; i++) {
      expect(await accounts.requestEmailChange(user.id, 'someone.else@example.lu', password)).toBe('sent');
    }
    await accounts.settled();
    const links = sent.filter((m) => m.mail === 'changeEmail');
    expect(links).toHaveLength(3);
    expect(links.every((m) => m.to === 'someone.else@example.lu' && !('name' in m.vars))).toBe(true);
  });
});
