/**
 * Second factors in the graph: the authenticator app (TOTP) and the security log; the code card is in
 * code-card.ts, passkeys in security.ts. Adding or removing one needs a recent second factor once the person has
 * one (factors/second-factor.ts); a removal is mailed to the owner.
 */
import { badInput } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import { requireRecentSecondFactor } from '../factors/second-factor.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../factors/totp.ts';
import { logSecurityEvent } from '../security/log.ts';
import { mailFactorRemoved } from '../security/owner-mail.ts';
import { NotFoundError, text, ValidationError } from './errors.ts';
import { self, User } from './user.ts';

const SecurityEvent = builder.prismaObject('SecurityEvent', {
  description: 'An entry of the security log: sign-ins, failures, factors and roles. It cannot be changed.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    at: t.expose('at', { type: 'DateTime' }),
    ip: t.exposeString('ip', { nullable: true }),
    byAnotherPerson: t.boolean({ resolve: (event) => event.actorId !== null && event.actorId !== event.userId }),
  }),
});

builder.prismaObjectField(User, 'totpEnabled', (t) =>
  t.boolean({
    authScopes: self,
    resolve: async (user, _args, ctx) =>
      Boolean(await ctx.db.totpFactor.findFirst({ where: { userId: user.id, confirmedAt: { not: null } } })),
  }),
);

builder.prismaObjectField(User, 'securityLog', (t) =>
  t.prismaField({
    type: [SecurityEvent],
    authScopes: self,
    args: { first: t.arg.int({ required: false, defaultValue: 50 }) },
    description: 'The newest entries first (at most 200).',
    resolve: (query, user, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 1 || first > 200) throw badInput('securityLog(first:) takes 1 to 200 entries.');
      return ctx.db.securityEvent.findMany({
        ...query,
        where: { userId: user.id },
        orderBy: { at: 'desc' },
        take: first,
      });
    },
  }),
);

const TotpEnrolment = builder.objectRef<{ secret: string; otpauthUri: string }>('TotpEnrolment').implement({
  description: 'A new authenticator to confirm: scan the URI as a QR code, or type the secret.',
  fields: (t) => ({ secret: t.exposeString('secret'), otpauthUri: t.exposeString('otpauthUri') }),
});

const RecoveryCodes = builder.objectRef<{ recoveryCodes: string[] }>('TotpEnrolConfirmPayload').implement({
  description: 'The recovery codes, shown this once: each replaces an authenticator code one time.',
  fields: (t) => ({ recoveryCodes: t.exposeStringList('recoveryCodes') }),
});

builder.mutationFields((t) => ({
  totpEnrolStart: t.field({
    type: TotpEnrolment,
    description: 'Starts adding an authenticator app (replacing an unconfirmed one).',
    authScopes: { citizen: true },
    resolve: async (_root, _args, ctx) => {
      const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.caller?.sub ?? '' } });
      await requireRecentSecondFactor(ctx, user.id);
      const { secret, uri } = await startTotpEnrolment(ctx.db, user.id, user.email);
      return { secret, otpauthUri: uri };
    },
  }),
  totpEnrolConfirm: t.field({
    type: RecoveryCodes,
    description: 'Confirms the authenticator with a first code from it.',
    authScopes: { citizen: true },
    errors: { types: [ValidationError], union: { name: 'TotpEnrolConfirmResult' }, directResult: true },
    args: {
      input: t.arg({
        type: builder.inputType('TotpEnrolConfirmInput', { fields: (f) => ({ code: f.string({ required: true }) }) }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const userId = ctx.caller?.sub ?? '';
      await requireRecentSecondFactor(ctx, userId);
      const codes = await confirmTotpEnrolment(ctx.db, userId, input.code, ctx.client);
      if (!codes) throw new ValidationError('code', text('totpCodeWrong', ctx.lang));
      return { recoveryCodes: codes };
    },
  }),
  totpRemove: t.field({
    type: 'Boolean',
    description: 'Removes the authenticator app and its recovery codes (with a two-factor sign-in).',
    authScopes: { citizen: true },
    errors: {
      types: [NotFoundError],
      union: { name: 'TotpRemoveResult' },
      result: { name: 'TotpRemovePayload' },
      dataField: { name: 'removed' },
    },
    resolve: async (_root, _args, ctx) => {
      const userId = ctx.caller?.sub ?? '';
      await requireRecentSecondFactor(ctx, userId);
      const removed = await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.totpFactor.deleteMany({ where: { userId } });
        if (count !== 1) return false;
        await tx.recoveryCode.deleteMany({ where: { userId } });
        await logSecurityEvent(tx, { userId, kind: 'factor-removed', details: { factor: 'totp' }, ...ctx.client });
        return true;
      });
      if (!removed) throw new NotFoundError(text('totpNone', ctx.lang));
      await mailFactorRemoved(ctx, userId, 'totp');
      return true;
    },
  }),
}));
