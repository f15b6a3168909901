/**
 * The commune's code card in the graph: issued at the town hall by an agent of the commune to one of its
 * residents, revoked by its owner or by an agent of the commune that issued it.
 *
 * Issuing hands over a second factor and all its codes (in the PDF), so it is a privileged act: the agent signed
 * in with two factors (`substantial`), and the person lives in the agent's commune (they declared it in their
 * profile). An agent never revokes another commune's card silently: a new card replaces the person's active
 * one, and the person is mailed. The owner revokes their card with a recent second factor (a stolen password
 * alone must not remove it: that was the first step of an account takeover), and is mailed too.
 */
import { notFound, stepUpRequired } from '@gemeng/subgraph-kit';
import { normaliseEmail } from '../accounts/accounts.ts';
import { builder } from '../builder.ts';
import { activeCard, issueCodeCard } from '../factors/code-card.ts';
import { codeCardPdf } from '../factors/code-card-pdf.ts';
import { requireRecentSecondFactor } from '../factors/second-factor.ts';
import { logSecurityEvent } from '../security/log.ts';
import { mailCodeCardReplaced, mailFactorRemoved } from '../security/owner-mail.ts';
import { NoVerifiedAccountError } from './administration.ts';
import { ErrorInterface, NotFoundError, text } from './errors.ts';
import { self, User, UUID } from './user.ts';

/** The person does not live in the agent's commune (by their profile): cards go to residents only. */
export class NotResidentError extends Error {
  override name = 'NotResidentError';
  constructor(
    readonly email: string,
    message: string,
  ) {
    super(message);
  }
}

builder.objectType(NotResidentError, {
  name: 'NotResidentError',
  description:
    'The person has not declared this commune as a commune of residence in their profile: its agents issue cards to its residents only.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotResidentError,
  fields: (t) => ({ email: t.exposeString('email') }),
});

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

const cardInput = (name: string) =>
  builder.inputType(name, {
    fields: (f) => ({ communeId: f.id({ required: true }), email: f.string({ required: true }) }),
  });

builder.mutationFields((t) => ({
  codeCardIssue: t.field({
    type: IssuedCodeCard,
    description:
      "Issues a code card at the town hall, after checking the person's identity (agents of the commune, signed in with two factors), to a resident of the commune. A card the person holds already stops working, and they are mailed.",
    authScopes: (_root, args) => ({ $all: { agentOf: String(args.input.communeId), substantial: true } }),
    errors: {
      types: [NotResidentError, NoVerifiedAccountError, NotFoundError],
      union: { name: 'CodeCardIssueResult' },
      directResult: true,
    },
    args: { input: t.arg({ required: true, type: cardInput('CodeCardIssueInput') }) },
    resolve: async (_root, { input }, ctx) => {
      const communeId = String(input.communeId);
      const email = normaliseEmail(input.email);
      if (!UUID.test(communeId)) throw new NotFoundError(text('communeNotFound', ctx.lang));
      const [user, commune] = await Promise.all([
        email.length <= 254 ? ctx.db.user.findUnique({ where: { email } }) : null,
        ctx.db.commune.findUnique({ where: { id: communeId } }),
      ]);
      if (!commune) throw new NotFoundError(text('communeNotFound', ctx.lang));
      if (!user?.emailVerifiedAt)
        throw new NoVerifiedAccountError(email, text('noVerifiedAccount', ctx.lang, { email }));
      const resident = await ctx.db.residence.findUnique({
        where: { userId_communeId: { userId: user.id, communeId } },
      });
      if (!resident) {
        const name = { lb: commune.nameLb, fr: commune.nameFr, de: commune.nameDe, en: commune.nameEn }[ctx.lang];
        throw new NotResidentError(email, text('notResident', ctx.lang, { email, commune: name }));
      }
      const replaced = await activeCard(ctx.db, user.id);
      const card = await issueCodeCard(ctx.db, { userId: user.id, communeId, issuedBy: ctx.caller?.sub ?? '' });
      await logSecurityEvent(ctx.db, {
        userId: user.id,
        kind: 'factor-added',
        actorId: ctx.caller?.sub ?? null,
        ...ctx.client,
        details: {
          factor: 'code-card',
          serial: card.serial,
          communeId,
          ...(replaced ? { replaced: replaced.serial } : {}),
        },
      });
      if (replaced) {
        const oldCommune = await ctx.db.commune.findUnique({ where: { id: replaced.communeId } });
        await mailCodeCardReplaced(ctx, user.id, {
          serial: replaced.serial,
          oldCommune: oldCommune ?? commune,
          commune,
        });
      }
      const pdf = await codeCardPdf(card, { name: user.name, commune: commune.nameFr });
      return { serial: card.serial, pdfBase64: Buffer.from(pdf).toString('base64'), totalCells: card.codes.length };
    },
  }),
  codeCardRevoke: t.boolean({
    description:
      "Revokes a person's code card (lost or stolen): by the person (with a recent second factor once they have one), or by an agent of the commune that issued it (signed in with two factors). The person is mailed.",
    authScopes: (_root, args) => ({ $any: { agentOf: String(args.input.communeId), citizen: true } }),
    args: { input: t.arg({ required: true, type: cardInput('CodeCardRevokeInput') }) },
    resolve: async (_root, { input }, ctx) => {
      const communeId = String(input.communeId);
      const callerId = ctx.caller?.sub ?? '';
      const user = await ctx.db.user.findUnique({ where: { email: normaliseEmail(input.email) } });
      const own = user !== null && user.id === callerId;
      const isAgent =
        ctx.caller?.operator === true || (ctx.caller?.roles.some((role) => role.communeId === communeId) ?? false);
      const refused = () => notFound('No active code card of this commune for this person.');
      if (own) await requireRecentSecondFactor(ctx, callerId);
      else if (!isAgent) throw refused();
      else if (ctx.caller?.acr !== 'substantial') throw stepUpRequired();
      const card = user ? await activeCard(ctx.db, user.id) : null;
      // An agent revokes only the cards their commune issued; the person, their own card wherever it comes from.
      if (!user || !card || (!own && card.communeId !== communeId)) throw refused();
      const revoked = await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.codeCard.updateMany({
          where: { id: card.id, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        if (count === 1) {
          await logSecurityEvent(tx, {
            userId: user.id,
            kind: 'factor-removed',
            actorId: callerId || null,
            ...ctx.client,
            details: { factor: 'code-card', serial: card.serial, communeId: card.communeId },
          });
        }
        return count === 1;
      });
      if (!revoked) throw refused();
      await mailFactorRemoved(ctx, user.id, 'code-card');
      return true;
    },
  }),
}));
