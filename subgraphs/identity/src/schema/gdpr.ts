/**
 * GDPR: a person downloads everything the platform holds about them, and erases their account.
 *
 * Export, through the graph: identity answers `personalDataExport` (this file); procedures, culture and
 * billing each extend `User` with `personalData<Subgraph>: JSON`, so the portal downloads it all at once:
 *   { personalDataExport me { personalDataProcedures personalDataCulture personalDataBilling } }
 *
 * Erasure: `accountErase` asks for the password again (a re-authentication every person can do: many have no
 * second factor, so `acr=substantial` would lock them out of their own right to erasure); wrong ones count toward
 * the sign-in lockout (`confirmPassword` in accounts/accounts.ts). In one transaction it
 * deletes the account (roles, factors, one-time links cascade), the OpenID Connect state of the person
 * (sessions, grants, refresh tokens: oidc_payload rows whose payload names the account), and writes
 * `identity.user-erased { userId }` to the outbox, which the other subgraphs handle (src/events.ts of each).
 * Access tokens already issued are JWTs: the router refuses them within a minute (the erased sessions are on
 * identity's revocation list, security/revocations.ts), and meanwhile they reach nothing: `me` is null, the
 * person's fields resolve nothing.
 *
 * The security log is kept: it is append-only and its entries keep the (now dangling) user id. Keeping it for one
 * year (detecting and investigating abuse of accounts) rests on GDPR art. 6(1)(e), a task in the public interest,
 * with art. 32's duty to keep processing secure, as the privacy notice says (portal `messages/privacy`,
 * `securityLogBasis`): a public body cannot rely on legitimate interest (art. 6(1)(f)) for its tasks.
 * Identity's housekeeping deletes older entries (src/maintenance.ts).
 */
import { addJsonScalar, type JsonValue, personalDataSection, publishInTransaction } from '@gemeng/subgraph-kit';
import { accountsService } from '../accounts/service.ts';
import { builder } from '../builder.ts';
import type { Db } from '../db.ts';
import { requireRecentSecondFactor } from '../factors/second-factor.ts';
import { revokeSessionsOfAccount } from '../security/revocations.ts';
import { lockedError, text, ValidationError } from './errors.ts';

export const Json = addJsonScalar(builder);

export const USER_ERASED = 'identity.user-erased';

/** Everything identity holds about a person, without secrets (hashes, TOTP secret, code-card cells). */
export async function identityPersonalData(db: Db, userId: string): Promise<JsonValue | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      roles: { include: { commune: { select: { slug: true } } } },
      residences: { include: { commune: { select: { slug: true } } }, orderBy: { since: 'asc' } },
      totp: true,
      recoveryCodes: true,
      codeCards: true,
      passkeys: true,
      tokens: true,
      apiClients: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!user) return null;
  const [securityLog, sessions] = await Promise.all([
    db.securityEvent.findMany({ where: { userId }, orderBy: { at: 'asc' } }),
    db.oidcPayload.count({ where: { model: 'Session', accountId: userId } }),
  ]);
  return personalDataSection('identity', {
    profile: {
      id: user.id,
      email: user.email,
      emailVerifiedAt: user.emailVerifiedAt,
      name: user.name,
      preferredLanguage: user.preferredLanguage,
      operator: user.operator,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    roles: user.roles.map((role) => ({
      communeId: role.communeId,
      commune: role.commune.slug,
      role: role.role,
      grantedAt: role.grantedAt,
      grantedBy: role.grantedBy,
    })),
    communesOfResidence: user.residences.map((residence) => ({
      communeId: residence.communeId,
      commune: residence.commune.slug,
      since: residence.since,
    })),
    factors: {
      totp: user.totp && { createdAt: user.totp.createdAt, confirmedAt: user.totp.confirmedAt },
      recoveryCodes: {
        total: user.recoveryCodes.length,
        used: user.recoveryCodes.filter((code) => code.usedAt !== null).length,
      },
      codeCards: user.codeCards.map((card) => ({
        serial: card.serial,
        communeId: card.communeId,
        issuedAt: card.issuedAt,
        revokedAt: card.revokedAt,
        cells: card.rows * card.columns,
        usedCells: card.usedCells.length,
      })),
      passkeys: user.passkeys.map((passkey) => ({
        name: passkey.name,
        transports: passkey.transports,
        createdAt: passkey.createdAt,
        lastUsedAt: passkey.lastUsedAt,
      })),
    },
    oneTimeLinks: user.tokens.map((token) => ({
      purpose: token.purpose,
      createdAt: token.createdAt,
      expiresAt: token.expiresAt,
      usedAt: token.usedAt,
    })),
    openSessions: sessions,
    securityLog: securityLog.map((entry) => ({
      kind: entry.kind,
      at: entry.at,
      ip: entry.ip,
      userAgent: entry.userAgent,
      byAnotherPerson: entry.actorId !== null && entry.actorId !== entry.userId,
      details: entry.details,
    })),
    // The applications the person registered as a developer: never their secrets (only a hash is kept anyway).
    apiClients: user.apiClients.map((client) => ({
      name: client.name,
      clientId: client.clientId,
      scopes: client.scopes,
      createdAt: client.createdAt,
      revokedAt: client.revokedAt,
    })),
  });
}

builder.queryField('personalDataExport', (t) =>
  t.field({
    type: Json,
    nullable: true,
    description:
      'Everything identity holds about the signed-in person, as JSON (null once the account is erased). The other ' +
      'subgraphs add theirs on User: personalDataProcedures, personalDataCulture, personalDataBilling.',
    authScopes: { citizen: true },
    resolve: (_root, _args, ctx) => identityPersonalData(ctx.db, ctx.caller?.sub ?? ''),
  }),
);

const AccountEraseInput = builder.inputType('AccountEraseInput', {
  description: 'Erasing the account asks for the password again.',
  fields: (t) => ({ password: t.string({ required: true, description: 'The current password.' }) }),
});

builder.mutationField('accountErase', (t) =>
  t.field({
    type: 'ID',
    description:
      'Erases the signed-in person’s account for good, with the password again: the account, its roles and ' +
      'factors and its sign-in sessions are deleted at once, and every other subgraph deletes or anonymises ' +
      'what it holds about the person within seconds. The security log keeps its entries for one year.',
    authScopes: { citizen: true },
    errors: {
      types: [ValidationError],
      union: { name: 'AccountEraseResult' },
      result: { name: 'AccountErasePayload' },
      dataField: { name: 'erasedUserId' },
    },
    args: { input: t.arg({ type: AccountEraseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = ctx.caller?.sub ?? '';
      await requireRecentSecondFactor(ctx, userId);
      const confirmed = await accountsService().confirmPassword(userId, input.password, 'account-erase', ctx.client);
      if (confirmed === 'wrongPassword') throw new ValidationError('password', text('erasePasswordWrong', ctx.lang));
      if ('lockedMinutes' in confirmed) throw lockedError(confirmed, ctx.lang);
      const eventId = await ctx.db.$transaction(async (tx) => {
        await revokeSessionsOfAccount(tx, userId); // its access tokens stop at the router within a minute
        await tx.oidcPayload.deleteMany({ where: { accountId: userId } });
        await tx.user.delete({ where: { id: userId } }); // roles, factors, one-time links cascade
        await tx.securityEvent.create({
          data: { userId, kind: 'account-erased', details: {}, ip: ctx.client.ip, userAgent: ctx.client.userAgent },
        });
        return publishInTransaction(tx, USER_ERASED, { userId });
      });
      ctx.log.info({ userId, eventId }, 'account erased');
      return userId;
    },
  }),
);
