/** Second factors in the graph: TOTP enrolment, the code card (issued by an agent), the security log. */
import { badInput, notFound } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import { activeCard, issueCodeCard, revokeCodeCard } from '../factors/code-card.ts';
import { codeCardPdf } from '../factors/code-card-pdf.ts';
import { requireSecondFactorIfEnrolled } from '../factors/second-factor.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../factors/totp.ts';
import { logSecurityEvent } from '../security/log.ts';
import { NotFoundError, text, ValidationError } from './errors.ts';
import { self, User } from './user.ts';

const CodeCardStatus = builder.objectRef<{ serial: string; total: number; remaining: number; issuedAt: Date }>(
  'CodeCardStatus',
);
CodeCardStatus.implement({
  description: 'The active code card of a person: which one, and how many of its cells are still unused.',
  fields: (t) => ({
    serial: t.exposeString('serial'),
    totalCells: t.exposeInt('total'),
    remainingCells: t.exposeInt('remaining'),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
  }),
});

const SecurityEvent = builder.prismaObject('SecurityEvent', {
  description: 'An entry of the security log: sign-ins, failures, factors and roles. It cannot be changed.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    at: t.expose('at', { type: 'DateTime' }),
    ip: t.exposeString('ip', { nullable: true }),
    byAnotherPerson: t.boolean({ resolve: (event) => event.actorId !== null && event.actorId !== event.userId }),
  }),
});

builder.prismaObjectField(User, 'codeCard', (t) =>
  t.field({
    type: CodeCardStatus,
    nullable: true,
    authScopes: self,
    resolve: async (user, _args, ctx) => {
      const card = await activeCard(ctx.db, user.id);
      if (!card) return null;
      const total = card.rows * card.columns;
      return { serial: card.serial, total, remaining: total - card.usedCells.length, issuedAt: card.issuedAt };
    },
  }),
);

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

const IssuedCodeCard = builder
  .objectRef<{ serial: string; pdfBase64: string; totalCells: number }>('CodeCardIssuePayload')
  .implement({
    description: 'The new card, to print and hand over now: the codes are not kept in clear anywhere.',
    fields: (t) => ({
      serial: t.exposeString('serial'),
      pdfBase64: t.exposeString('pdfBase64'),
      totalCells: t.exposeInt('totalCells'),
    }),
  });

builder.mutationFields((t) => ({
  totpEnrolStart: t.field({
    type: TotpEnrolment,
    description: 'Starts adding an authenticator app (replacing an unconfirmed one).',
    authScopes: { citizen: true },
    resolve: async (_root, _args, ctx) => {
      const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.caller?.sub ?? '' } });
      await requireSecondFactorIfEnrolled(ctx, user.id);
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
      await requireSecondFactorIfEnrolled(ctx, userId);
      const codes = await confirmTotpEnrolment(ctx.db, userId, input.code);
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
      await requireSecondFactorIfEnrolled(ctx, userId);
      const removed = await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.totpFactor.deleteMany({ where: { userId } });
        if (count !== 1) return false;
        await tx.recoveryCode.deleteMany({ where: { userId } });
        await logSecurityEvent(tx, { userId, kind: 'factor-removed', details: { factor: 'totp' } });
        return true;
      });
      if (!removed) throw new NotFoundError(text('totpNone', ctx.lang));
      return true;
    },
  }),
  codeCardIssue: t.field({
    type: IssuedCodeCard,
    description: "Issues a code card at the town hall, after checking the person's identity (agents of the commune).",
    authScopes: (_root, args) => ({ agentOf: String(args.input.communeId) }),
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('CodeCardIssueInput', {
          fields: (f) => ({ communeId: f.id({ required: true }), email: f.string({ required: true }) }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const communeId = String(input.communeId);
      const [user, commune] = await Promise.all([
        ctx.db.user.findUnique({ where: { email: input.email.trim().toLowerCase() } }),
        ctx.db.commune.findUnique({ where: { id: communeId } }),
      ]);
      if (!commune) throw notFound('No such commune.');
      if (!user?.emailVerifiedAt) throw notFound('No account with a confirmed address uses this email.');
      const card = await issueCodeCard(ctx.db, { userId: user.id, communeId, issuedBy: ctx.caller?.sub ?? '' });
      await logSecurityEvent(ctx.db, {
        userId: user.id,
        kind: 'factor-added',
        actorId: ctx.caller?.sub ?? null,
        details: { factor: 'code-card', serial: card.serial, communeId },
      });
      const pdf = await codeCardPdf(card, { name: user.name, commune: commune.nameFr });
      return { serial: card.serial, pdfBase64: Buffer.from(pdf).toString('base64'), totalCells: card.codes.length };
    },
  }),
  codeCardRevoke: t.boolean({
    description: "Revokes a person's code card (lost or stolen), by an agent of the commune or the person.",
    authScopes: (_root, args) => ({ $any: { agentOf: String(args.input.communeId), citizen: true } }),
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType('CodeCardRevokeInput', {
          fields: (f) => ({ communeId: f.id({ required: true }), email: f.string({ required: true }) }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const user = await ctx.db.user.findUnique({ where: { email: input.email.trim().toLowerCase() } });
      const card = user ? await activeCard(ctx.db, user.id) : null;
      const isAgent = ctx.caller?.roles.some((r) => r.communeId === String(input.communeId)) || ctx.caller?.operator;
      // A person revokes their own card; an agent revokes only cards of their commune.
      if (
        !user ||
        !card ||
        (!isAgent && user.id !== ctx.caller?.sub) ||
        (isAgent && card.communeId !== String(input.communeId) && user.id !== ctx.caller?.sub)
      ) {
        throw notFound('No active code card of this commune for this person.');
      }
      await revokeCodeCard(ctx.db, user.id);
      await logSecurityEvent(ctx.db, {
        userId: user.id,
        kind: 'factor-removed',
        actorId: ctx.caller?.sub ?? null,
        details: { factor: 'code-card', serial: card.serial },
      });
      return true;
    },
  }),
}));
