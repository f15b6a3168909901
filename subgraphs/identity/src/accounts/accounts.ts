/**
 * Accounts: registration with email verification, sign-in with a password, password reset by email. Answers
 * to registration and reset never reveal whether an address has an account: the same page, after the same
 * work (a password hash on both paths), with the mails sent after the answer (see `later`).
 */
import type { ClientInfo, Language, Logger } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import type { User } from '../generated/prisma/client.ts';
import { attemptSucceeded, beginAttempt, lockedByThisFailure, minutesToWait } from '../security/attempts.ts';
import { logSecurityEvent } from '../security/log.ts';
import { mailToAllowed } from '../security/mail-limits.ts';
import { revokeSessionsOfAccount } from '../security/revocations.ts';
import type { MailName } from './mails.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { EMAIL, type FieldProblem, normaliseEmail, type Registration, registrationProblems } from './registration.ts';
import { consumeEmailChange, consumeToken, issueToken, peekToken, type TokenPurpose, tokenOwner } from './tokens.ts';

export { type FieldProblem, normaliseEmail, type Registration, registrationProblems } from './registration.ts';

export interface OutgoingMail {
  to: string;
  mail: MailName;
  lang: Language;
  vars: Record<string, string>;
}

export interface AccountsOptions {
  db: Db;
  /** Sends a transactional mail (rendered in its language). */
  send(mail: OutgoingMail): Promise<void>;
  /** Public base URL of the account pages, e.g. https://login.gemeng.lu */
  publicUrl: string;
  /** Where a mail that could not be sent is reported (it never fails the request that asked for it). */
  log?: Pick<Logger, 'error'>;
}

/** A password confirmation refused while the account is locked: the minutes left. */
export interface Locked {
  lockedMinutes: number;
}

export function createAccounts(options: AccountsOptions) {
  const { db } = options;
  const pending = new Set<Promise<void>>();

  /**
   * Runs work after the answer: how long mail delivery takes (or whether the address has an account at all)
   * does not show in the response time, and an SMTP failure is logged, never answered with a 500.
   */
  function later(what: string, work: () => Promise<void>): void {
    const task = work()
      .catch((error: unknown) => options.log?.error({ err: error, what }, 'account mail work failed'))
      .finally(() => pending.delete(task));
    pending.add(task);
  }
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
    // No name: these mails may go to an address nobody has confirmed (see mails.ts).
    await options.send({
      to: newEmail ?? user.email,
      mail,
      lang: user.preferredLanguage as Language,
      vars: { url: link(path, token, user.preferredLanguage) },
    });
  }

  /** Tells the owner that their account was locked after failed sign-ins, with a link to reset the password. */
  async function notifyLockout(userId: string): Promise<void> {
    later('lockout mail', async () => {
      const user = await db.user.findUnique({ where: { id: userId } });
      if (user) await sendLink(user, 'lockout', 'reset-password', '/account/reset/confirm');
    });
  }

  /**
   * Someone tried to register an address that has an account: its owner gets a neutral notice with a link to
   * the reset page (no token a stranger could have a mail issued for, nothing from the form).
   */
  async function notifyAlreadyRegistered(user: { email: string; preferredLanguage: string }): Promise<void> {
    await options.send({
      to: user.email,
      mail: 'alreadyRegistered',
      lang: user.preferredLanguage as Language,
      vars: { url: `${options.publicUrl}/account/reset?lang=${user.preferredLanguage}` },
    });
  }

  /**
   * Checks the password a signed-in person gives again to confirm an action (`during`: address change,
   * erasure), under the same per-account lockout as the sign-in page: the attempt is counted before the
   * password is checked (security/attempts.ts), a wrong one is logged as login-failed, the failure that locks
   * the account is logged and mailed to the owner, a right one clears the count. While the account is locked
   * the password is not even checked.
   */
  async function confirmPassword(
    userId: string,
    password: string,
    during: string,
    client?: ClientInfo,
  ): Promise<{ user: User } | 'wrongPassword' | Locked> {
    const user = await db.user.findUnique({ where: { id: userId } });
    if (!user) return 'wrongPassword';
    const attempt = await beginAttempt(db, [{ kind: 'account', value: normaliseEmail(user.email) }]);
    if (!attempt.allowed) return { lockedMinutes: minutesToWait(attempt) };
    if (!(await verifyPassword(user.passwordHash, password))) {
      await logSecurityEvent(db, { userId, kind: 'login-failed', details: { during }, ...client });
      if (lockedByThisFailure(attempt)) {
        await logSecurityEvent(db, { userId, kind: 'lockout', details: { during }, ...client });
        await notifyLockout(userId);
      }
      return 'wrongPassword';
    }
    await attemptSucceeded(db, attempt);
    return { user };
  }

  return {
    /** Field problems, or null when the account was created (or the address already had one: same answer). */
    async register(input: Registration): Promise<Partial<Record<keyof Registration, FieldProblem>> | null> {
      const problems = registrationProblems(input);
      if (problems) return problems;
      const email = normaliseEmail(input.email);
      // Hashed on both paths, before the answer: an existing account must not answer faster.
      const passwordHash = await hashPassword(input.password);
      later('registration', async () => {
        const existing = await db.user.findUnique({ where: { email } });
        if (existing) return notifyAlreadyRegistered(existing);
        const user = await db.user
          .create({ data: { email, name: input.name.trim(), passwordHash, preferredLanguage: input.language } })
          .catch((error: { code?: string }) => {
            if (error.code === 'P2002') return null; // registered meanwhile
            throw error;
          });
        if (user) await sendLink(user, 'verifyEmail', 'verify-email', '/account/verify');
        else {
          const owner = await db.user.findUnique({ where: { email } });
          if (owner) await notifyAlreadyRegistered(owner);
        }
      });
      return null;
    },

    /**
     * Confirms the address of the link's account: `verified`, or `alreadyVerified` when the link was used
     * before and the address is confirmed (a second click reads as a success, not an error), else `invalid`.
     */
    async verifyEmail(token: string): Promise<'verified' | 'alreadyVerified' | 'invalid'> {
      const userId = await consumeToken(db, token, 'verify-email');
      if (userId) {
        await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
        return 'verified';
      }
      const owner = await tokenOwner(db, token, 'verify-email');
      const user = owner ? await db.user.findUnique({ where: { id: owner } }) : null;
      return user?.emailVerifiedAt ? 'alreadyVerified' : 'invalid';
    },

    /** A new verification link, after the answer, when the address has an account waiting for it: same answer either way. */
    resendVerification(emailInput: string): void {
      later('verification again', async () => {
        const user = await db.user.findUnique({ where: { email: normaliseEmail(emailInput) } });
        if (user && !user.emailVerifiedAt) await sendLink(user, 'verifyEmail', 'verify-email', '/account/verify');
      });
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
      client?: ClientInfo,
    ): Promise<'sent' | 'emailInvalid' | 'wrongPassword' | Locked> {
      const newEmail = normaliseEmail(newEmailInput);
      if (newEmail.length > 254 || !EMAIL.test(newEmail)) return 'emailInvalid';
      const confirmed = await confirmPassword(userId, password, 'email-change', client);
      if (confirmed === 'wrongPassword' || 'lockedMinutes' in confirmed) return confirmed;
      const { user } = confirmed;
      if (newEmail === user.email) return 'sent';
      later('address change', async () => {
        if (await db.user.findUnique({ where: { email: newEmail } })) return;
        // At most a few links an hour to one address, like the account pages; the answer stays the same.
        if (await mailToAllowed(db, newEmail)) return;
        await sendLink(user, 'changeEmail', 'change-email', '/account/email/confirm', newEmail);
      });
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
      later('address changed mail', () =>
        options.send({
          to: before.email,
          mail: 'emailChanged',
          lang: before.preferredLanguage as Language,
          vars: { name: before.name, email: change.newEmail },
        }),
      );
      return true;
    },

    /** Sends a reset link, after the answer, when the address has an account: the answer is the same either way. */
    requestPasswordReset(emailInput: string): void {
      later('password reset', async () => {
        const user = await db.user.findUnique({ where: { email: normaliseEmail(emailInput) } });
        if (user) await sendLink(user, 'resetPassword', 'reset-password', '/account/reset/confirm');
      });
    },

    /** Resolves when the mails asked for so far are sent (or failed): before closing the mailer. */
    async settled(): Promise<void> {
      while (pending.size) await Promise.all([...pending]);
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
