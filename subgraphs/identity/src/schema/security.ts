/**
 * The security section of a person's own account: passkeys, sign-in sessions, and the rule that once a person
 * has a second factor, changing their factors or sessions needs a two-factor sign-in (so that a stolen
 * password alone cannot add the thief's authenticator or end the owner's sessions).
 */
import { createHash } from 'node:crypto';
import type { JsonValue } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import type { Db } from '../db.ts';
import { passkeysService } from '../factors/passkeys.ts';
import { requireRecentSecondFactor, type SessionPayload } from '../factors/second-factor.ts';
import { PORTAL_CLIENT_ID } from '../oidc/provider.ts';
import { logSecurityEvent } from '../security/log.ts';
import { mailFactorRemoved } from '../security/owner-mail.ts';
import { revokeSessions } from '../security/revocations.ts';
import { NotFoundError, text, ValidationError } from './errors.ts';
import { Json } from './gdpr.ts';
import { self, User } from './user.ts';

const Passkey = builder.prismaObject('Passkey', {
  description: 'A passkey of the signed-in person (a second factor, with the device’s PIN or biometrics).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    backedUp: t.exposeBoolean('backedUp', {
      description: 'Synced by the platform (for example a password manager), not bound to one device.',
    }),
  }),
});

builder.prismaObjectField(User, 'passkeys', (t) =>
  t.relation('passkeys', { authScopes: self, query: { orderBy: { createdAt: 'asc' } } }),
);

interface SessionRow {
  id: string;
  signedInAt: Date;
  expiresAt: Date;
  acr: string;
  applications: string[];
  current: boolean;
}

const Session = builder.objectRef<SessionRow>('Session').implement({
  description: 'A sign-in session of the person (one browser), until it expires or is ended.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Opaque: not the session cookie.' }),
    signedInAt: t.expose('signedInAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    acr: t.exposeString('acr', { description: '"low" (password) or "substantial" (with a second factor).' }),
    applications: t.exposeStringList('applications', { description: 'The applications signed in with it.' }),
    current: t.exposeBoolean('current', {
      description: 'The session of the access token of this request ("this browser").',
    }),
  }),
});

/** Sessions are exposed by a hash of their id: the id itself is the session cookie. */
const publicSessionId = (id: string) => createHash('sha256').update(id).digest('base64url').slice(0, 22);

/** The person's open sessions; `currentSid` (the caller's token's `sid`) marks the caller's own. */
async function activeSessions(db: Db, userId: string, currentSid?: string) {
  const rows = await db.oidcPayload.findMany({
    where: { model: 'Session', accountId: userId, expiresAt: { gt: new Date() } },
  });
  return rows
    .map((row) => {
      const payload = row.payload as SessionPayload;
      return {
        rowId: row.id,
        uid: payload.uid ?? row.uid,
        grants: Object.values(payload.authorizations ?? {}).flatMap((a) => (a.grantId ? [a.grantId] : [])),
        view: {
          id: publicSessionId(row.id),
          signedInAt: new Date((payload.loginTs ?? 0) * 1000),
          expiresAt: row.expiresAt ?? new Date(),
          acr: payload.acr === 'substantial' ? 'substantial' : 'low',
          applications: Object.keys(payload.authorizations ?? {}).map((client) =>
            client === PORTAL_CLIENT_ID ? 'Gemeng' : client,
          ),
          current: currentSid !== undefined && (payload.uid ?? row.uid) === currentSid,
        } satisfies SessionRow,
      };
    })
    .sort((a, b) => b.view.signedInAt.getTime() - a.view.signedInAt.getTime());
}

builder.prismaObjectField(User, 'sessions', (t) =>
  t.field({
    type: [Session],
    authScopes: self,
    description: 'The open sign-in sessions, newest first.',
    resolve: async (user, _args, ctx) =>
      (await activeSessions(ctx.db, user.id, ctx.caller?.sid)).map((session) => session.view),
  }),
);

const PasskeyRegistration = builder.objectRef<{ options: unknown }>('PasskeyRegistration').implement({
  description: 'Options for navigator.credentials.create() (PublicKeyCredentialCreationOptionsJSON), valid 5 minutes.',
  fields: (t) => ({ options: t.field({ type: Json, resolve: (registration) => registration.options as JsonValue }) }),
});

const withId = (name: string, description?: string) =>
  builder.inputType(name, {
    fields: (f) => ({ id: f.id({ required: true, ...(description ? { description } : {}) }) }),
  });

builder.mutationFields((t) => ({
  passkeyRegisterStart: t.field({
    type: PasskeyRegistration,
    description: 'Starts adding a passkey: the options for the browser. Needs a two-factor sign-in once one exists.',
    authScopes: { citizen: true },
    resolve: async (_root, _args, ctx) => {
      const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.caller?.sub ?? '' } });
      await requireRecentSecondFactor(ctx, user.id);
      return { options: await passkeysService().registrationOptions(user) };
    },
  }),
  passkeyRegisterFinish: t.field({
    type: Passkey,
    description: 'Checks the browser’s answer (RegistrationResponseJSON) and adds the passkey.',
    authScopes: { citizen: true },
    errors: {
      types: [ValidationError],
      union: { name: 'PasskeyRegisterResult' },
      result: { name: 'PasskeyRegisterPayload' },
      dataField: { name: 'passkey' },
    },
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('PasskeyRegisterFinishInput', {
          fields: (f) => ({
            name: f.string({ required: true, description: 'How the person recognises it, 1 to 60 characters.' }),
            response: f.field({ type: Json, required: true, description: 'What startRegistration() returned.' }),
          }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const userId = ctx.caller?.sub ?? '';
      await requireRecentSecondFactor(ctx, userId);
      const outcome = await passkeysService().register(userId, input.name, input.response, ctx.client);
      if (!outcome.passkey) {
        const problem = outcome.problem ?? 'passkeyInvalid';
        throw new ValidationError(problem === 'passkeyName' ? 'name' : 'response', text(problem, ctx.lang));
      }
      return outcome.passkey;
    },
  }),
  passkeyRemove: t.field({
    type: 'ID',
    description: 'Removes one of the person’s passkeys (with a two-factor sign-in).',
    authScopes: { citizen: true },
    errors: {
      types: [NotFoundError],
      union: { name: 'PasskeyRemoveResult' },
      result: { name: 'PasskeyRemovePayload' },
      dataField: { name: 'removedId' },
    },
    args: { input: t.arg({ required: true, type: withId('PasskeyRemoveInput') }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = ctx.caller?.sub ?? '';
      await requireRecentSecondFactor(ctx, userId);
      const id = String(input.id);
      const removed = await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.passkey.deleteMany({ where: { id, userId } });
        if (count === 1) {
          await logSecurityEvent(tx, { userId, kind: 'factor-removed', details: { factor: 'passkey' }, ...ctx.client });
        }
        return count === 1;
      });
      if (!removed) throw new NotFoundError(text('passkeyNotFound', ctx.lang));
      await mailFactorRemoved(ctx, userId, 'passkey');
      return id;
    },
  }),
  sessionRevoke: t.field({
    type: 'ID',
    description:
      'Ends a sign-in session and the refresh tokens given through it; the router refuses its access tokens within a minute.',
    authScopes: { citizen: true },
    errors: {
      types: [NotFoundError],
      union: { name: 'SessionRevokeResult' },
      result: { name: 'SessionRevokePayload' },
      dataField: { name: 'revokedId' },
    },
    args: { input: t.arg({ required: true, type: withId('SessionRevokeInput', 'Session.id') }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = ctx.caller?.sub ?? '';
      await requireRecentSecondFactor(ctx, userId);
      const session = (await activeSessions(ctx.db, userId)).find((s) => s.view.id === String(input.id));
      if (!session) throw new NotFoundError(text('sessionNotFound', ctx.lang));
      await ctx.db.$transaction(async (tx) => {
        await tx.oidcPayload.deleteMany({ where: { model: 'Session', id: session.rowId } });
        // Its access tokens stop at the router within a poll, not only when they expire.
        if (session.uid) await revokeSessions(tx, [session.uid]);
        await tx.oidcPayload.deleteMany({ where: { grantId: { in: session.grants } } });
        await tx.oidcPayload.deleteMany({ where: { model: 'Grant', id: { in: session.grants } } });
        await logSecurityEvent(tx, { userId, kind: 'session-revoked', ...ctx.client });
      });
      return session.view.id;
    },
  }),
}));
