/**
 * Accounts: registration with email verification, sign-in with a password, password reset by email. Answers
 * to registration and reset never reveal whether an address has an account.
 */
import type { Language } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import type { User } from '../generated/prisma/client.ts';
import { type AttemptKey, clearFailures, lockedMinutes, recordFailure } from '../security/attempts.ts';
import { logSecurityEvent } from '../security/log.ts';
import { revokeSessionsOfAccount } from '../security/revocations.ts';
import type { MAILS } from './mails.ts';
import { hashPassword, type PasswordProblem, passwordProblem, verifyPassword } from './passwords.ts';
import { consumeEmailChange, consumeToken, issueToken, peekToken, type TokenPurpose } from './tokens.ts';

export interface OutgoingMail {
  to: string;
  mail: keyof typeof MAILS;
  lang: Language;
  vars: Record<string, string>;
}

export interface AccountsOptions {
  db: Db;
  /** Sends a transactional mail (rendered in its language). */
  send(mail: OutgoingMail): Promise<void>;
  /** Public base URL of the account pages, e.g. https://login.gemeng.lu */
  publicUrl: string;
}

/** A password confirmation refused while the account is locked: the minutes left. */
export interface Locked {
  lockedMinutes: number;
}

export type FieldProblem = 'emailInvalid' | 'nameInvalid' | PasswordProblem | 'passwordsDiffer';

export interface Registration {
  email: string;
  name: string;
  password: string;
  passwordConfirmation: string;
  language: Language;
}

const EMAIL =
  /^[^\s@"<>()[\]\\,;:]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createAccounts(options: AccountsOptions) {
  const { db } = options;
  // The page the link opens speaks the language of the mail.
  const link = (path: string, token: string, lang: string) =>
    `${options.publicUrl}${path}?token=${encodeURIComponent(token)}&lang=${lang}`;

  /** Issues a one-time link for the person and mails it, in their language (to `to`, else their address). */
  async function sendLink(
    user: { id: string; email: string; name: string; preferredLanguage: string },
    mail: OutgoingMail['mail'],
    purpose: TokenPurpose,
    path: string,
    newEmail?: string,
  ) {
    const token = await issueToken(db, user.id, purpose, newEmail);
    await options.send({
      to: newEmail ?? user.email,
      mail,
      lang: user.preferredLanguage as Language,
      vars: { name: user.name, url: link(path, token, user.preferredLanguage) },
    });
  }

  /** Tells the owner that their account was locked after failed sign-ins, with a link to reset the password. */
  async function notifyLockout(userId: string): Promise<void> {
    const user = await db.user.findUnique({ where: { id: userId } });
    if (user) await sendLink(user, 'lockout', 'reset-password', '/account/reset/confirm');
  }

  /**
   * Checks the password a signed-in person gives again to confirm an action (`during`: address change,
   * erasure), under the same per-account lockout as the sign-in page: a wrong one counts a failure and is
   * logged as login-failed; the failure that locks the account is logged and mailed to the owner; a right
   * one clears the count. While the account is locked the password is not even checked.
   */
  async function confirmPassword(
    userId: string,
    password: string,
    during: string,
  ): Promise<{ user: User } | 'wrongPassword' | Locked> {
    const user = await db.user.findUnique({ where: { id: userId } });
    if (!user) return 'wrongPassword';
    const key: AttemptKey = { kind: 'account', value: normaliseEmail(user.email) };
    const minutes = await lockedMinutes(db, [key]);
    if (minutes > 0) return { lockedMinutes: minutes };
    if (!(await verifyPassword(user.passwordHash, password))) {
      const locked = await recordFailure(db, [key]);
      await logSecurityEvent(db, { userId, kind: 'login-failed', details: { during } });
      if (locked.length) {
        await logSecurityEvent(db, { userId, kind: 'lockout', details: { during } });
        await notifyLockout(userId);
      }
      return 'wrongPassword';
    }
    await clearFailures(db, key);
    return { user };
  }

  return {
    /** Field problems, or null when the account was created (or the address already had one: same answer). */
    async register(input: Registration): Promise<Partial<Record<keyof Registration, FieldProblem>> | null> {
      const email = normaliseEmail(input.email);
      const name = input.name.trim();
      const problems: Partial<Record<keyof Registration, FieldProblem>> = {};
      if (email.length > 254 || !EMAIL.test(email)) problems.email = 'emailInvalid';
      if (name.length < 1 || name.length > 100) problems.name = 'nameInvalid';
      const weak = passwordProblem(input.password, email);
      if (weak) problems.password = weak;
      else if (input.password !== input.passwordConfirmation) problems.passwordConfirmation = 'passwordsDiffer';
      if (Object.keys(problems).length) return problems;

      const existing = await db.user.findUnique({ where: { email } });
      if (existing) {
        await sendLink(existing, 'alreadyRegistered', 'reset-password', '/account/reset/confirm');
        return null;
      }
      const passwordHash = await hashPassword(input.password);
      const user = await db.user
        .create({ data: { email, name, passwordHash, preferredLanguage: input.language } })
        .catch((error: { code?: string }) => {
          if (error.code === 'P2002') return null; // registered meanwhile: same answer
          throw error;
        });
      if (!user) return null;
      await sendLink(user, 'verifyEmail', 'verify-email', '/account/verify');
      return null;
    },

    /** Confirms the address of the link's account; false when the link is unknown, used or expired. */
    async verifyEmail(token: string): Promise<boolean> {
      const userId = await consumeToken(db, token, 'verify-email');
      if (!userId) return false;
      await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
      return true;
    },

    /** The account for a correct email and password; `unverified` when its address is not confirmed yet. */
    async authenticate(emailInput: string, password: string) {
      const user = await db.user.findUnique({ where: { email: normaliseEmail(emailInput) } });
      const correct = await verifyPassword(user?.passwordHash, password);
      if (!user || !correct) return { ok: false as const, reason: 'invalid' as const, userId: user?.id };
      if (!user.emailVerifiedAt) return { ok: false as const, reason: 'unverified' as const };
      return { ok: true as const, user };
    },

    notifyLockout,
    confirmPassword,

    /**
     * Starts changing the address of a signed-in person, who confirms with their password: a link goes to the
     * new address. When that address already has an account nothing is sent, and the answer is the same.
     */
    async requestEmailChange(
      userId: string,
      newEmailInput: string,
      password: string,
    ): Promise<'sent' | 'emailInvalid' | 'wrongPassword' | Locked> {
      const newEmail = normaliseEmail(newEmailInput);
      if (newEmail.length > 254 || !EMAIL.test(newEmail)) return 'emailInvalid';
      const confirmed = await confirmPassword(userId, password, 'email-change');
      if (confirmed === 'wrongPassword' || 'lockedMinutes' in confirmed) return confirmed;
      const { user } = confirmed;
      if (newEmail === user.email || (await db.user.findUnique({ where: { email: newEmail } }))) return 'sent';
      await sendLink(user, 'changeEmail', 'change-email', '/account/email/confirm', newEmail);
      return 'sent';
    },

    /** Confirms a new address with its link; the old address is told. False when the link is not valid. */
    async confirmEmailChange(token: string): Promise<boolean> {
      const change = await consumeEmailChange(db, token);
      if (!change) return false;
      const before = await db.user.findUniqueOrThrow({ where: { id: change.userId } });
      const updated = await db.user
        .update({ where: { id: change.userId }, data: { email: change.newEmail, emailVerifiedAt: new Date() } })
        .catch((error: { code?: string }) => {
          if (error.code === 'P2002') return null; // taken meanwhile by another account
          throw error;
        });
      if (!updated) return false;
      await logSecurityEvent(db, { userId: change.userId, kind: 'email-changed' });
      await options.send({
        to: before.email,
        mail: 'emailChanged',
        lang: before.preferredLanguage as Language,
        vars: { name: before.name, email: change.newEmail },
      });
      return true;
    },

    /** Sends a reset link when the address has an account; the caller answers the same either way. */
    async requestPasswordReset(emailInput: string): Promise<void> {
      const user = await db.user.findUnique({ where: { email: normaliseEmail(emailInput) } });
      if (user) await sendLink(user, 'resetPassword', 'reset-password', '/account/reset/confirm');
    },

    /** Sets a new password with a reset link; a reset also confirms the address (the link came by mail). */
    async resetPassword(
      token: string,
      password: string,
      confirmation: string,
    ): Promise<'done' | 'invalidLink' | FieldProblem> {
      if (password !== confirmation) return 'passwordsDiffer';
      const weak = passwordProblem(password);
      if (weak) return weak;
      const owner = await peekToken(db, token, 'reset-password');
      if (!owner) return 'invalidLink';
      const user = await db.user.findUniqueOrThrow({ where: { id: owner } });
      const containsEmail = passwordProblem(password, user.email);
      if (containsEmail) return containsEmail;
      const userId = await consumeToken(db, token, 'reset-password');
      if (userId !== owner) return 'invalidLink'; // used meanwhile
      await db.$transaction([
        db.user.update({
          where: { id: userId },
          data: { passwordHash: await hashPassword(password), emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
        }),
        db.securityEvent.create({ data: { userId, kind: 'password-changed', details: { by: 'reset-link' } } }),
        // Whoever knew the old password is signed out everywhere: sessions, grants and refresh tokens go, and the
        // router refuses the sessions' access tokens within a minute (the revocation list).
        revokeSessionsOfAccount(db, userId),
        db.oidcPayload.deleteMany({ where: { accountId: userId } }),
      ]);
      return 'done';
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
