import { accountsService } from '../accounts/service.ts';
import { builder, Language } from '../builder.ts';
import { requireRecentSecondFactor } from '../factors/second-factor.ts';
import { lockedError, text, ValidationError } from './errors.ts';
import { User, UUID } from './user.ts';

const ProfileUpdateInput = builder.inputType('ProfileUpdateInput', {
  description: 'What the signed-in person changes in their own account; fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ required: false, description: 'The name shown to agents, 1 to 100 characters.' }),
    preferredLanguage: t.field({
      type: Language,
      required: false,
      description: 'The language of mails and pages.',
    }),
    communesOfResidence: t.idList({
      required: false,
      description: 'The communes the person lives in (ids, at most 5): replaces the whole set; [] clears it.',
    }),
  }),
});

const MAX_RESIDENCES = 5;

builder.mutationField('profileUpdate', (t) =>
  t.field({
    type: User,
    description: 'Changes the name, the preferred language or the communes of residence of the signed-in person.',
    authScopes: { citizen: true },
    errors: {
      types: [ValidationError],
      union: { name: 'ProfileUpdateResult' },
      result: { name: 'ProfileUpdatePayload' },
      dataField: { name: 'user' },
    },
    args: { input: t.arg({ type: ProfileUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const name = input.name?.trim();
      if (name !== undefined && (name.length < 1 || [...name].length > 100)) {
        throw new ValidationError('name', text('nameLength', ctx.lang));
      }
      const communeIds = input.communesOfResidence && [...new Set(input.communesOfResidence.map(String))];
      if (communeIds && communeIds.length > MAX_RESIDENCES) {
        throw new ValidationError('communesOfResidence', text('communesOfResidenceTooMany', ctx.lang));
      }
      if (communeIds && !communeIds.every((id) => UUID.test(id))) {
        throw new ValidationError('communesOfResidence', text('communeOfResidenceUnknown', ctx.lang));
      }
      // The citizen scope guarantees a person's token: its subject is the account id.
      const userId = ctx.caller?.sub ?? '';
      return ctx.db.$transaction(async (tx) => {
        if (communeIds && (await tx.commune.count({ where: { id: { in: communeIds } } })) !== communeIds.length) {
          throw new ValidationError('communesOfResidence', text('communeOfResidenceUnknown', ctx.lang));
        }
        // Updating the person first locks their row: two updates of their communes run one after the other.
        const user = await tx.user.update({
          where: { id: userId },
          data: {
            ...(name !== undefined ? { name } : {}),
            ...(input.preferredLanguage ? { preferredLanguage: input.preferredLanguage } : {}),
          },
        });
        if (communeIds) {
          // The communes kept keep their `since`.
          await tx.residence.deleteMany({ where: { userId, communeId: { notIn: communeIds } } });
          await tx.residence.createMany({
            data: communeIds.map((communeId) => ({ userId, communeId })),
            skipDuplicates: true,
          });
        }
        return user;
      });
    },
  }),
);

const EmailChangeInput = builder.inputType('EmailChangeInput', {
  fields: (t) => ({
    newEmail: t.string({ required: true }),
    password: t.string({ required: true, description: 'The current password, to confirm it is the person.' }),
  }),
});

builder.mutationField('emailChange', (t) =>
  t.boolean({
    description:
      'Sends a confirmation link to the new address; the address changes when the link is opened, and the old address is told.',
    authScopes: { citizen: true },
    errors: {
      types: [ValidationError],
      union: { name: 'EmailChangeResult' },
      result: { name: 'EmailChangePayload' },
      dataField: { name: 'linkSent' },
    },
    args: { input: t.arg({ type: EmailChangeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await requireRecentSecondFactor(ctx, ctx.caller?.sub ?? '');
      const outcome = await accountsService().requestEmailChange(
        ctx.caller?.sub ?? '',
        input.newEmail,
        input.password,
        ctx.client,
      );
      if (outcome === 'emailInvalid') throw new ValidationError('newEmail', text('emailInvalid', ctx.lang));
      if (outcome === 'wrongPassword') throw new ValidationError('password', text('wrongPassword', ctx.lang));
      if (typeof outcome === 'object') throw lockedError(outcome, ctx.lang);
      return true;
    },
  }),
);
