/**
 * Commune administration: the administrators of a commune (and the syndicate's operators) see who holds a role
 * in it and grant or revoke roles. Each change is written to the security log in the same transaction.
 */
import { badInput, type RequestContext } from '@gemeng/subgraph-kit';
import { normaliseEmail } from '../accounts/accounts.ts';
import { builder } from '../builder.ts';
import type { Db } from '../db.ts';
import { logSecurityEvent } from '../security/log.ts';
import { ErrorInterface, NotFoundError, text, ValidationError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Role = 'agent' | 'administrator';
type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** A role row with the person's name and address: what an administrator sees of the people of the commune. */
interface CommuneRoleRow {
  userId: string;
  communeId: string;
  role: string;
  grantedAt: Date;
  user: { name: string; email: string };
}

const withUser = { user: { select: { name: true, email: true } } } as const;

const CommuneRole = builder.enumType('CommuneRole', {
  description:
    'A role in one commune: an agent processes its applications and events, an administrator also manages its agents.',
  values: { agent: { value: 'agent' }, administrator: { value: 'administrator' } } as const,
});

/** The person may not be left without an administrator: they must first make someone else one. */
export class LastAdministratorError extends Error {
  override name = 'LastAdministratorError';
}

/** Roles go only to people with an account whose address is confirmed. */
export class NoVerifiedAccountError extends Error {
  override name = 'NoVerifiedAccountError';
  constructor(
    readonly email: string,
    message: string,
  ) {
    super(message);
  }
}

builder.objectType(LastAdministratorError, {
  name: 'LastAdministratorError',
  description: 'The change would leave the commune without an administrator.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof LastAdministratorError,
  fields: () => ({}),
});

builder.objectType(NoVerifiedAccountError, {
  name: 'NoVerifiedAccountError',
  description: 'No account with a confirmed address uses this email: the person must register first.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NoVerifiedAccountError,
  fields: (t) => ({ email: t.exposeString('email') }),
});

const CommuneAgent = builder.objectRef<CommuneRoleRow>('CommuneAgent').implement({
  description: 'A person with a role in a commune, as its administrators see them.',
  // Defense in depth: whatever field returns it, only the commune's administrators (and operators) read it.
  authScopes: (row) => ({ administratorOf: row.communeId }),
  fields: (t) => ({
    userId: t.exposeID('userId'),
    communeId: t.exposeID('communeId'),
    name: t.string({ resolve: (row) => row.user.name }),
    email: t.string({ resolve: (row) => row.user.email }),
    role: t.field({ type: CommuneRole, resolve: (row) => row.role as Role }),
    grantedAt: t.expose('grantedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('communeAgents', (t) =>
  t.field({
    type: [CommuneAgent],
    description: 'The agents and administrators of a commune, administrators first (its administrators and operators).',
    args: { communeId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ administratorOf: String(args.communeId) }),
    resolve: (_root, args, ctx) => {
      const communeId = String(args.communeId);
      if (!UUID.test(communeId)) throw badInput(`"${communeId}" is not a commune id: { communes { id } } lists them.`);
      // One statement for the roles and their people (a join, or at most a second statement for the people).
      return ctx.db.communeRole.findMany({
        where: { communeId },
        include: withUser,
        orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
      });
    },
  }),
);

const CommuneRoleGrantInput = builder.inputType('CommuneRoleGrantInput', {
  fields: (t) => ({
    communeId: t.id({ required: true }),
    email: t.string({ required: true, description: 'The confirmed address of the person’s Gemeng account.' }),
    role: t.field({ type: CommuneRole, required: true }),
  }),
});

const CommuneRoleRevokeInput = builder.inputType('CommuneRoleRevokeInput', {
  fields: (t) => ({ communeId: t.id({ required: true }), userId: t.id({ required: true }) }),
});

/**
 * Locks the commune's row for the rest of the transaction, so that two concurrent changes cannot both remove
 * "the other" administrator; false when the commune does not exist.
 */
async function lockCommune(tx: Tx, communeId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM commune WHERE id = ${communeId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

/** Refuses a change that takes away the commune's last administrator, unless an operator makes it. */
async function keepAnAdministrator(tx: Tx, ctx: RequestContext<Db>, communeId: string): Promise<void> {
  if (ctx.caller?.operator) return;
  const administrators = await tx.communeRole.count({ where: { communeId, role: 'administrator' } });
  if (administrators <= 1) throw new LastAdministratorError(text('lastAdministrator', ctx.lang));
}

/**
 * Granting and revoking roles hands out or takes away power over a commune's data: a password alone is not
 * enough, the administrator (or operator) signed in with two factors. The role is checked first, so that only a
 * caller whom a second factor would let through gets the step-up challenge.
 */
const privileged = (_root: unknown, args: { input: { communeId: string | number } }) => ({
  $all: { administratorOf: String(args.input.communeId), substantial: true },
});

builder.mutationFields((t) => ({
  communeRoleGrant: t.field({
    type: CommuneAgent,
    description:
      'Gives a person (by the confirmed address of their account) a role in the commune, or changes it (administrators signed in with two factors). It counts from their next access token (10 minutes at most).',
    authScopes: privileged,
    errors: {
      types: [ValidationError, NotFoundError, NoVerifiedAccountError, LastAdministratorError],
      union: { name: 'CommuneRoleGrantResult' },
      result: { name: 'CommuneRoleGrantPayload' },
      dataField: { name: 'agent' },
    },
    args: { input: t.arg({ type: CommuneRoleGrantInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const communeId = String(input.communeId);
      const role = input.role as Role;
      if (!UUID.test(communeId)) throw new NotFoundError(text('communeNotFound', ctx.lang));
      const email = normaliseEmail(input.email);
      const user = email.length <= 254 ? await ctx.db.user.findUnique({ where: { email } }) : null;
      if (!user?.emailVerifiedAt) {
        throw new NoVerifiedAccountError(email, text('noVerifiedAccount', ctx.lang, { email }));
      }
      const actorId = ctx.caller?.sub ?? null;
      return ctx.db.$transaction(async (tx) => {
        if (!(await lockCommune(tx, communeId))) throw new NotFoundError(text('communeNotFound', ctx.lang));
        const key = { userId_communeId: { userId: user.id, communeId } };
        const existing = await tx.communeRole.findUnique({ where: key, include: withUser });
        if (existing?.role === role) return existing;
        if (existing?.role === 'administrator') await keepAnAdministrator(tx, ctx, communeId);
        const granted = await tx.communeRole.upsert({
          where: key,
          create: { userId: user.id, communeId, role, grantedBy: actorId },
          update: { role, grantedBy: actorId, grantedAt: new Date() },
          include: withUser,
        });
        await logSecurityEvent(tx, {
          userId: user.id,
          kind: 'role-granted',
          actorId,
          details: { communeId, role },
          ...ctx.client,
        });
        return granted;
      });
    },
  }),
  communeRoleRevoke: t.field({
    type: CommuneAgent,
    description:
      'Takes a person’s role in the commune away (administrators signed in with two factors); the payload is the role they had.',
    authScopes: privileged,
    errors: {
      types: [NotFoundError, LastAdministratorError],
      union: { name: 'CommuneRoleRevokeResult' },
      result: { name: 'CommuneRoleRevokePayload' },
      dataField: { name: 'agent' },
    },
    args: { input: t.arg({ type: CommuneRoleRevokeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const communeId = String(input.communeId);
      const userId = String(input.userId);
      if (!UUID.test(communeId) || !UUID.test(userId)) throw new NotFoundError(text('roleNotFound', ctx.lang));
      const actorId = ctx.caller?.sub ?? null;
      return ctx.db.$transaction(async (tx) => {
        if (!(await lockCommune(tx, communeId))) throw new NotFoundError(text('communeNotFound', ctx.lang));
        const key = { userId_communeId: { userId, communeId } };
        const existing = await tx.communeRole.findUnique({ where: key });
        if (!existing) throw new NotFoundError(text('roleNotFound', ctx.lang));
        if (existing.role === 'administrator') await keepAnAdministrator(tx, ctx, communeId);
        const revoked = await tx.communeRole.delete({ where: key, include: withUser });
        await logSecurityEvent(tx, {
          userId,
          kind: 'role-revoked',
          actorId,
          details: { communeId, role: existing.role },
          ...ctx.client,
        });
        return revoked;
      });
    },
  }),
}));
