/**
 * Third-party applications that read the graph with the client credentials grant. Developers register their
 * own (a signed-in person, up to MAX_APPS_PER_DEVELOPER active ones) and change only those; the syndicate's
 * operators see and change all. The secret is shown once, in the payload of the mutation that makes it.
 */
import { builder } from '../builder.ts';
import { requireRecentSecondFactor } from '../factors/second-factor.ts';
import type { ApiClient as ApiClientRow } from '../generated/prisma/client.ts';
import {
  type ClientScope,
  createApiClient,
  MAX_APPS_PER_DEVELOPER,
  revokeApiClient,
  rotateApiClientSecret,
} from '../oidc/api-clients.ts';
import { logSecurityEvent } from '../security/log.ts';
import { NotFoundError, text, ValidationError } from './errors.ts';
import { User } from './user.ts';

/** What the caller may change: an operator any application, a developer their own. */
const scopeOf = (caller: { sub: string; operator: boolean } | null): ClientScope =>
  caller?.operator ? { any: true } : { ownerId: caller?.sub ?? '' };

const developer = { $any: { operator: true, citizen: true } } as const;

const ApiClient = builder.prismaObject('ApiClient', {
  description: 'A registered third-party application. Its secret is never readable: rotate it to get a new one.',
  fields: (t) => ({
    clientId: t.exposeID('clientId', { description: 'The OAuth client_id.' }),
    name: t.exposeString('name'),
    scopes: t.exposeStringList('scopes', { description: 'The OAuth scopes it may ask for.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

interface IssuedSecret {
  apiClient: ApiClientRow;
  clientSecret: string;
}

/** A client with its secret in clear: only in the payload of the mutation that made the secret. */
const secretPayload = (name: string) =>
  builder.objectRef<IssuedSecret>(name).implement({
    description: 'The application and its new secret, shown only now: keep it in the application, never in a browser.',
    fields: (t) => ({
      apiClient: t.field({ type: ApiClient, resolve: (issued) => issued.apiClient }),
      clientSecret: t.exposeString('clientSecret'),
    }),
  });

const ApiClientCreatePayload = secretPayload('ApiClientCreatePayload');
const ApiClientRotateSecretPayload = secretPayload('ApiClientRotateSecretPayload');

const ApiClientCreateInput = builder.inputType('ApiClientCreateInput', {
  fields: (t) => ({ name: t.string({ required: true, description: 'The application, 3 to 100 characters.' }) }),
});

const ApiClientRotateSecretInput = builder.inputType('ApiClientRotateSecretInput', {
  fields: (t) => ({ clientId: t.id({ required: true }) }),
});

const ApiClientRevokeInput = builder.inputType('ApiClientRevokeInput', {
  fields: (t) => ({ clientId: t.id({ required: true }) }),
});

builder.queryField('apiClients', (t) =>
  t.prismaField({
    type: [ApiClient],
    description: 'All registered applications, newest first, revoked ones included (operators).',
    authScopes: { operator: true },
    resolve: (query, _root, _args, ctx) => ctx.db.apiClient.findMany({ ...query, orderBy: { createdAt: 'desc' } }),
  }),
);

builder.prismaObjectField(User, 'apiClients', (t) =>
  t.relation('apiClients', {
    description: 'The applications this person registered as a developer, newest first, revoked ones included.',
    authScopes: (user, _args, ctx) => ctx.caller?.sub === user.id,
    query: { orderBy: { createdAt: 'desc' } },
  }),
);

builder.mutationFields((t) => ({
  apiClientCreate: t.field({
    type: ApiClientCreatePayload,
    description: `Registers an application for the client credentials grant; the payload has its secret, once. Any signed-in person (a developer) may have ${MAX_APPS_PER_DEVELOPER} active applications.`,
    authScopes: developer,
    errors: {
      types: [ValidationError],
      directResult: true,
      union: { name: 'ApiClientCreateResult' },
    },
    args: { input: t.arg({ type: ApiClientCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const name = input.name.trim();
      if (name.length < 3 || name.length > 100) {
        throw new ValidationError('name', text('apiClientNameLength', ctx.lang));
      }
      const owner = { id: ctx.caller?.sub ?? '', unlimited: ctx.caller?.operator === true };
      // A secret that reads the graph is a credential: with a stolen password alone, no one makes one.
      await requireRecentSecondFactor(ctx, owner.id);
      const created = await createApiClient(ctx.db, name, owner);
      if (!created) {
        throw new ValidationError('name', text('apiClientLimit', ctx.lang, { max: String(MAX_APPS_PER_DEVELOPER) }));
      }
      const { clientId, secret } = created;
      const apiClient = await ctx.db.apiClient.findUniqueOrThrow({ where: { clientId } });
      await logSecurityEvent(ctx.db, {
        userId: owner.id,
        kind: 'api-client-created',
        details: { clientId },
        ...ctx.client,
      });
      ctx.log.info({ clientId, actorId: ctx.caller?.sub }, 'api client created');
      return { apiClient, clientSecret: secret };
    },
  }),
  apiClientRotateSecret: t.field({
    type: ApiClientRotateSecretPayload,
    description:
      'Replaces the secret of an active application (its owner, operators): the old one stops working at once.',
    authScopes: developer,
    errors: {
      types: [NotFoundError],
      directResult: true,
      union: { name: 'ApiClientRotateSecretResult' },
    },
    args: { input: t.arg({ type: ApiClientRotateSecretInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const clientId = String(input.clientId);
      await requireRecentSecondFactor(ctx, ctx.caller?.sub ?? '');
      const secret = await rotateApiClientSecret(ctx.db, clientId, scopeOf(ctx.caller));
      if (!secret) throw new NotFoundError(text('apiClientNotFound', ctx.lang));
      const apiClient = await ctx.db.apiClient.findUniqueOrThrow({ where: { clientId } });
      ctx.log.info({ clientId, actorId: ctx.caller?.sub }, 'api client secret rotated');
      return { apiClient, clientSecret: secret };
    },
  }),
  apiClientRevoke: t.field({
    type: ApiClient,
    description:
      'Revokes an application (its owner, operators): its next token request fails, its tokens expire within 10 minutes.',
    authScopes: developer,
    errors: {
      types: [NotFoundError],
      union: { name: 'ApiClientRevokeResult' },
      result: { name: 'ApiClientRevokePayload' },
      dataField: { name: 'apiClient' },
    },
    args: { input: t.arg({ type: ApiClientRevokeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const clientId = String(input.clientId);
      if (!(await revokeApiClient(ctx.db, clientId, scopeOf(ctx.caller)))) {
        throw new NotFoundError(text('apiClientNotFound', ctx.lang));
      }
      ctx.log.info({ clientId, actorId: ctx.caller?.sub }, 'api client revoked');
      return ctx.db.apiClient.findUniqueOrThrow({ where: { clientId } });
    },
  }),
}));
