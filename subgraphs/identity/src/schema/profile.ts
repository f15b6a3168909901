import { builder, Language } from '../builder.ts';
import { text, ValidationError } from './errors.ts';
import { User } from './user.ts';

const ProfileUpdateInput = builder.inputType('ProfileUpdateInput', {
  description: 'What the signed-in person changes in their own account; fields left out stay as they are.',
  fields: (t) => ({
    name: t.string({ required: false, description: 'The name shown to agents, 1 to 100 characters.' }),
    preferredLanguage: t.field({
      type: Language,
      required: false,
      description: 'The language of mails and pages.',
    }),
  }),
});

builder.mutationField('profileUpdate', (t) =>
  t.field({
    type: User,
    description: 'Changes the name or the preferred language of the signed-in person.',
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
      // The citizen scope guarantees a person's token: its subject is the account id.
      return ctx.db.user.update({
        where: { id: ctx.caller?.sub ?? '' },
        data: {
          ...(name !== undefined ? { name } : {}),
          ...(input.preferredLanguage ? { preferredLanguage: input.preferredLanguage } : {}),
        },
      });
    },
  }),
);
