import { accountsService } from '../accounts/service.ts';
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
      const outcome = await accountsService().requestEmailChange(ctx.caller?.sub ?? '', input.newEmail, input.password);
      if (outcome === 'emailInvalid') throw new ValidationError('newEmail', text('emailInvalid', ctx.lang));
      if (outcome === 'wrongPassword') throw new ValidationError('password', text('wrongPassword', ctx.lang));
      return true;
    },
  }),
);
