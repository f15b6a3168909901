/**
 * Commune onboarding through the graph, for the syndicate's operators signed in with two factors:
 * `communeCreate` adds a commune (and announces it with `identity.commune-joined`), `communeUpdate` changes it
 * or sets it inactive. The rules are in ../communes/onboarding.ts.
 */
import { builder } from '../builder.ts';
import { type CommuneChanges, CommuneSlugTakenError, createCommune, updateCommune } from '../communes/onboarding.ts';
import { Commune } from './commune.ts';
import { ErrorInterface, NotFoundError, text, ValidationError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Operators only, with a two-factor sign-in: a new tenant changes who the platform serves and bills. */
const operatorWithTwoFactors = { $all: { operator: true, substantial: true } } as const;

builder.objectType(CommuneSlugTakenError, {
  name: 'CommuneSlugTakenError',
  description: 'Another commune already has this slug (slugs are never reused, even of inactive communes).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof CommuneSlugTakenError,
  fields: (t) => ({ slug: t.exposeString('slug') }),
});

const CommuneNamesInput = builder.inputType('CommuneNamesInput', {
  description: 'The official name in each of the four languages, 1 to 100 characters each.',
  fields: (t) => ({
    lb: t.string({ required: true }),
    fr: t.string({ required: true }),
    de: t.string({ required: true }),
    en: t.string({ required: true }),
  }),
});

const CommuneCreateInput = builder.inputType('CommuneCreateInput', {
  fields: (t) => ({
    slug: t.string({
      required: true,
      description: 'Its name in URLs, for good: 2 to 64 lower-case letters, digits and hyphens ("esch-sur-alzette").',
    }),
    names: t.field({ type: CommuneNamesInput, required: true }),
    population: t.int({ required: true, description: 'Inhabitants on the reference date (STATEC).' }),
    populationReferenceDate: t.string({ required: true, description: 'YYYY-MM-DD, usually 1 January.' }),
    websiteOrigins: t.stringList({
      required: true,
      description: 'Origins of its websites that embed widgets, e.g. "https://www.dudelange.lu" (no path).',
    }),
    joinsOn: t.string({ required: true, description: 'YYYY-MM-DD: the day it joins the syndicate.' }),
  }),
});

const CommuneUpdateInput = builder.inputType('CommuneUpdateInput', {
  description: 'Only the fields given change. A population comes with its reference date.',
  fields: (t) => ({
    communeId: t.id({ required: true }),
    names: t.field({ type: CommuneNamesInput, required: false }),
    population: t.int({ required: false }),
    populationReferenceDate: t.string({ required: false, description: 'YYYY-MM-DD' }),
    websiteOrigins: t.stringList({ required: false, description: 'Replaces the list.' }),
    joinsOn: t.string({ required: false, description: 'YYYY-MM-DD' }),
    active: t.boolean({
      required: false,
      description: 'false: the commune leaves `communes` (its data and references stay); true: it is back.',
    }),
  }),
});

builder.mutationFields((t) => ({
  communeCreate: t.field({
    type: Commune,
    description:
      'Adds a member commune (operators, with two factors). It is in `communes` at once; the other subgraphs ' +
      'get `identity.commune-joined` and set it up within seconds.',
    authScopes: operatorWithTwoFactors,
    errors: {
      types: [ValidationError, CommuneSlugTakenError],
      union: { name: 'CommuneCreateResult' },
      result: { name: 'CommuneCreatePayload' },
      dataField: { name: 'commune' },
    },
    args: { input: t.arg({ type: CommuneCreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const commune = await createCommune(ctx.db, input, ctx.caller?.sub ?? '', ctx.lang, ctx.client);
      ctx.log.info({ communeId: commune.id, slug: commune.slug }, 'commune created');
      return commune;
    },
  }),
  communeUpdate: t.field({
    type: Commune,
    description:
      'Changes a commune’s names, population (with its reference date: every figure is kept), website ' +
      'origins or joining date, or sets it inactive / active again (operators, with two factors).',
    authScopes: operatorWithTwoFactors,
    errors: {
      types: [ValidationError, NotFoundError],
      union: { name: 'CommuneUpdateResult' },
      result: { name: 'CommuneUpdatePayload' },
      dataField: { name: 'commune' },
    },
    args: { input: t.arg({ type: CommuneUpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const communeId = String(input.communeId);
      if (!UUID.test(communeId)) throw new NotFoundError(text('communeNotFound', ctx.lang));
      const { communeId: _id, ...changes } = input;
      const commune = await updateCommune(
        ctx.db,
        communeId,
        changes as CommuneChanges,
        ctx.caller?.sub ?? '',
        ctx.lang,
        ctx.client,
      );
      if (!commune) throw new NotFoundError(text('communeNotFound', ctx.lang));
      return commune;
    },
  }),
}));
