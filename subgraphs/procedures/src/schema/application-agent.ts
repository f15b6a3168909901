/**
 * What an agent does with an application: take it (or give it), start the review, ask the applicant for
 * information, approve, reject with a reason, close, and write internal notes. Each names the version the agent
 * saw (a stale one gets `ApplicationConflictError`, never a silent overwrite) and moves the application only
 * along the transition table (`ApplicationTransitionError` otherwise). Anyone without a role in the
 * application's commune gets `NotFoundError`, as if it did not exist. The rules are in ../office/service.ts.
 */
import { entityMutation, type Language, NotFoundError, problems } from '@gemeng/subgraph-kit';
import { ApplicationConflictError, ApplicationTransitionError } from '../applications/transitions.ts';
import { builder } from '../builder.ts';
import type { ApplicationState } from '../generated/prisma/client.ts';
import { worksInSomeCommune } from '../office/access.ts';
import { officeText } from '../office/messages.ts';
import { MAX_TEXT } from '../office/service.ts';
import { Application, ApplicationMessage } from './application.ts';

const ERRORS = [NotFoundError, ApplicationConflictError, ApplicationTransitionError];

/**
 * People with a role in some commune, signed in with two factors (anonymous callers are told to sign in, agents
 * with a password alone to step up, others refused whatever the id); the application's own commune is checked
 * against the row: not found otherwise.
 */
function officeWorkers(_input: unknown, ctx: { caller: Parameters<typeof worksInSomeCommune>[0] }) {
  return ctx.caller === null ? { authenticated: true } : worksInSomeCommune(ctx.caller) && { substantial: true };
}

/** 1 to MAX_TEXT characters, or (optional) nothing but at most MAX_TEXT. */
function text(field: string, value: string | null | undefined, required: boolean, key: TextKey, lang: Language) {
  const length = value?.trim().length ?? 0;
  if ((required && length === 0) || length > MAX_TEXT)
    return { field, message: officeText(key, lang, { max: MAX_TEXT }) };
  return undefined;
}
type TextKey = 'infoMessageLength' | 'rejectReason' | 'reasonLength' | 'noteLength';

/** A state change with an optional or required reason (shown to the applicant in the history and the mail). */
function stateMutation(
  name: string,
  to: ApplicationState,
  description: string,
  reason: { required: boolean; key: TextKey } | null,
) {
  entityMutation(builder, name, {
    description,
    input: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true, description: 'The version the agent saw (Application.version).' }),
      reason: t.string({
        required: reason?.required ?? false,
        description: reason ? 'Why: the applicant reads it in the history and the mail.' : 'Not used.',
      }),
    }),
    payload: { application: Application },
    errors: ERRORS,
    authScopes: officeWorkers,
    validate: (input, ctx) => problems(reason && text('reason', input.reason, reason.required, reason.key, ctx.lang)),
    resolve: async (input, ctx) => ({
      application: await ctx.services.office.act({
        id: String(input.id),
        version: input.version,
        to,
        reason: reason ? input.reason : null,
      }),
    }),
  });
}

stateMutation(
  'applicationReviewStart',
  'IN_REVIEW',
  'Starts the review of a submitted application; an agent who starts it takes it if nobody has.',
  null,
);
stateMutation(
  'applicationApprove',
  'APPROVED',
  'Approves the application (submitted or in review); the applicant gets a mail, with the reason if given.',
  { required: false, key: 'reasonLength' },
);
stateMutation(
  'applicationReject',
  'REJECTED',
  'Rejects the application (submitted or in review) with a reason, which the applicant gets by mail.',
  { required: true, key: 'rejectReason' },
);
stateMutation('applicationClose', 'CLOSED', 'Archives a decided or withdrawn application.', {
  required: false,
  key: 'reasonLength',
});

entityMutation(builder, 'applicationInfoRequest', {
  description:
    'Asks the applicant for information (state NEEDS_INFO): the message goes to them on the application and by ' +
    'mail; they change their answers or attachments and submit again.',
  input: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: 'The version the agent saw (Application.version).' }),
    message: t.string({ required: true, description: 'What the applicant should add or correct.' }),
  }),
  payload: { application: Application },
  errors: ERRORS,
  authScopes: officeWorkers,
  validate: (input, ctx) => problems(text('message', input.message, true, 'infoMessageLength', ctx.lang)),
  resolve: async (input, ctx) => ({
    application: await ctx.services.office.act(
      { id: String(input.id), version: input.version, to: 'NEEDS_INFO', reason: input.message },
      input.message,
    ),
  }),
});

entityMutation(builder, 'applicationAssign', {
  description:
    'Gives the application to an agent of its commune: the caller when `assigneeId` is absent, nobody when it ' +
    'is null, or a colleague who has already worked in this commune’s office.',
  input: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: 'The version the agent saw (Application.version).' }),
    assigneeId: t.id({ required: false, description: 'Absent: me; null: unassign; else a colleague’s user id.' }),
  }),
  payload: { application: Application },
  errors: [NotFoundError, ApplicationConflictError],
  authScopes: officeWorkers,
  resolve: async (input, ctx) => ({
    application: await ctx.services.office.assign({
      id: String(input.id),
      version: input.version,
      assigneeId:
        input.assigneeId === undefined || input.assigneeId === null ? input.assigneeId : String(input.assigneeId),
    }),
  }),
});

entityMutation(builder, 'applicationNoteAdd', {
  description: 'Adds an internal note for the commune’s agents: the applicant never sees it. No new version.',
  input: (t) => ({ id: t.id({ required: true }), body: t.string({ required: true }) }),
  payload: { application: Application, note: ApplicationMessage },
  errors: [NotFoundError],
  authScopes: officeWorkers,
  validate: (input, ctx) => problems(text('body', input.body, true, 'noteLength', ctx.lang)),
  resolve: (input, ctx) => ctx.services.office.noteAdd({ id: String(input.id), body: input.body }),
});
