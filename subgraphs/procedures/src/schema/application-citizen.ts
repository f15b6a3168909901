/**
 * What the applicant does, as `<entity><Verb>` mutations with typed errors: start (or resume) an application,
 * save answers as they type, submit, withdraw, delete a draft, and write to the commune (agents of the commune
 * write with the same mutation). A stale `version` is an `ApplicationConflictError`, a move the table does not
 * allow an `ApplicationTransitionError`, bad answers a `ValidationError` naming `answers.<path>`.
 */
import { entityMutation, ForbiddenError, NotFoundError, problems } from '@gemeng/subgraph-kit';
import { MAX_MESSAGE } from '../applications/citizen.ts';
import { applicationText } from '../applications/messages.ts';
import { ApplicationConflictError, ApplicationTransitionError } from '../applications/transitions.ts';
import { builder } from '../builder.ts';
import { Application, ApplicationMessage } from './application.ts';

const ERRORS = [NotFoundError, ApplicationConflictError, ApplicationTransitionError];
const MAX_REASON = 2000;

const version = { required: true, description: 'The version the applicant saw (Application.version).' } as const;

entityMutation(builder, 'applicationStart', {
  description:
    'Starts an application for a commune’s procedure, or returns the caller’s draft for it (one draft per ' +
    'procedure, resumed on any device). A procedure that needs two factors asks a one-factor caller to step up ' +
    '(INSUFFICIENT_USER_AUTHENTICATION with acr_values, RFC 9470).',
  input: (t) => ({
    communeId: t.id({ required: true }),
    procedureCode: t.string({ required: true, description: 'e.g. "residence-certificate".' }),
  }),
  payload: { application: Application },
  errors: [NotFoundError],
  authScopes: { citizen: true },
  resolve: async (input, ctx) => ({
    application: await ctx.services.applications.start({
      communeId: String(input.communeId),
      procedureCode: input.procedureCode,
    }),
  }),
});

entityMutation(builder, 'applicationSave', {
  description:
    'Saves the answers of a draft (or of an application waiting for information). Only each answer’s type is ' +
    'checked: a half-filled form saves. The draft stays not submitted.',
  input: (t) => ({
    id: t.id({ required: true }),
    version: t.int(version),
    answers: t.field({ type: 'JSON', required: true, description: 'All answers, by field key.' }),
  }),
  payload: { application: Application },
  errors: ERRORS,
  authScopes: { citizen: true },
  resolve: async (input, ctx) => ({
    application: await ctx.services.applications.save({
      id: String(input.id),
      version: input.version,
      answers: input.answers,
    }),
  }),
});

entityMutation(builder, 'applicationSubmit', {
  description:
    'Submits the application (or sends it back after answering a request for information): every rule of the ' +
    'form and the required documents are checked; the first submission gives the reference and sends the receipt.',
  input: (t) => ({ id: t.id({ required: true }), version: t.int(version) }),
  payload: { application: Application },
  errors: ERRORS,
  authScopes: { citizen: true },
  resolve: async (input, ctx) => ({
    application: await ctx.services.applications.submit({ id: String(input.id), version: input.version }),
  }),
});

entityMutation(builder, 'applicationWithdraw', {
  description: 'Withdraws a submitted application before the decision; the commune keeps it, marked withdrawn.',
  input: (t) => ({
    id: t.id({ required: true }),
    version: t.int(version),
    reason: t.string({ required: false, description: 'Why (optional): the commune reads it in the history.' }),
  }),
  payload: { application: Application },
  errors: ERRORS,
  authScopes: { citizen: true },
  validate: (input, ctx) =>
    problems(
      (input.reason?.length ?? 0) > MAX_REASON && {
        field: 'reason',
        message: applicationText('reasonLength', ctx.lang, { max: MAX_REASON }),
      },
    ),
  resolve: async (input, ctx) => ({
    application: await ctx.services.applications.withdraw({
      id: String(input.id),
      version: input.version,
      reason: input.reason ?? null,
    }),
  }),
});

entityMutation(builder, 'applicationDraftDelete', {
  description: 'Deletes a draft (never submitted) with its documents; a submitted application is withdrawn instead.',
  input: (t) => ({ id: t.id({ required: true }) }),
  payload: { deletedId: 'ID' },
  errors: [NotFoundError],
  authScopes: { citizen: true },
  resolve: async (input, ctx) => ({ deletedId: await ctx.services.applications.draftDelete({ id: String(input.id) }) }),
});

entityMutation(builder, 'applicationMessageSend', {
  description: 'Writes to the other side of a submitted application: its applicant, or an agent of its commune.',
  input: (t) => ({ id: t.id({ required: true }), body: t.string({ required: true }) }),
  payload: { application: Application, message: ApplicationMessage },
  errors: [NotFoundError, ForbiddenError],
  authScopes: { citizen: true },
  validate: (input, ctx) =>
    problems(
      (input.body.trim().length === 0 || input.body.length > MAX_MESSAGE) && {
        field: 'body',
        message: applicationText('messageLength', ctx.lang, { max: MAX_MESSAGE }),
      },
    ),
  resolve: (input, ctx) => ctx.services.applications.messageSend({ id: String(input.id), body: input.body }),
});
