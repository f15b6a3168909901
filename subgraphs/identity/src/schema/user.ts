import { loader } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';
import type { User as UserRow } from '../generated/prisma/client.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only the person themselves reads their own account. */
export const self = (user: { id: string }, _args: unknown, ctx: { caller: { sub: string } | null }) =>
  ctx.caller?.sub === user.id;

export const User = builder.prismaObject('User', {
  description: 'A person with a Gemeng account. Other people, and applications, see only the id.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { authScopes: self }),
    email: t.exposeString('email', { authScopes: self }),
    emailVerified: t.boolean({ authScopes: self, resolve: (user) => user.emailVerifiedAt !== null }),
    preferredLanguage: t.field({
      type: Language,
      authScopes: self,
      resolve: (user) => user.preferredLanguage as 'lb' | 'fr' | 'de' | 'en',
    }),
    communesOfResidence: t.prismaField({
      type: ['Commune'],
      authScopes: self,
      description: 'The communes the person lives in, as they declare them in their profile, by French name.',
      // One statement: the communes with a residence of this person (EXISTS on the residence table).
      resolve: (query, user, _args, ctx) =>
        ctx.db.commune.findMany({
          ...query,
          where: { residents: { some: { userId: user.id } } },
          orderBy: { nameFr: 'asc' },
        }),
    }),
  }),
});

const byId = Symbol('userById');

builder.asEntity(User, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) =>
    UUID.test(ref.id)
      ? loader<string, UserRow | null>(
          ctx,
          byId,
          async (ids) =>
            new Map((await ctx.db.user.findMany({ where: { id: { in: [...ids] } } })).map((u) => [u.id, u])),
          null,
        ).load(ref.id)
      : null,
});

builder.queryField('me', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in person, or null for anonymous callers and applications.',
    resolve: (query, _root, _args, ctx) => {
      const sub = ctx.caller?.sub;
      if (!sub || !UUID.test(sub) || ctx.caller?.clientId === sub) return null;
      return ctx.db.user.findUnique({ ...query, where: { id: sub } });
    },
  }),
);
