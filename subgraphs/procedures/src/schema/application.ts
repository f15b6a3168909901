/**
 * The `Application` type (an entity: other subgraphs may extend it, e.g. billing's invoice), its history and
 * messages, and the citizen's queries. Rows reach these fields only through checked paths (the applicant's own,
 * or an agent of its commune), and messages drop agents' internal notes for everyone but agents.
 */
import { communeRef, isPerson } from '@gemeng/subgraph-kit';
import { ApplicationStateEnum, type ApplicationStateName } from '../applications/transitions.ts';
import { builder } from '../builder.ts';
import { todayInLuxembourg } from '../catalogue/working-days.ts';
import type { Application as ApplicationRow } from '../generated/prisma/client.ts';
import { Procedure } from './procedure.ts';

/** States in which the commune owes a decision: past `dueOn` in one of them, the application is overdue. */
const AWAITING_DECISION: readonly string[] = ['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'];

const ActorRole = builder.enumType('ApplicationActorRole', {
  description: 'Who acted: the applicant, an agent of the commune, or the platform (housekeeping).',
  values: { citizen: { value: 'citizen' }, agent: { value: 'agent' }, system: { value: 'system' } } as const,
});

export const ApplicationHistoryEntry = builder.prismaObject('ApplicationHistory', {
  name: 'ApplicationHistoryEntry',
  description: 'One change of an application: who, when, from which state to which, and why. Never rewritten.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actorName: t.exposeString('actorName'),
    actorRole: t.field({ type: ActorRole, resolve: (entry) => entry.actorRole as 'citizen' | 'agent' | 'system' }),
    fromState: t.field({
      type: ApplicationStateEnum,
      nullable: true,
      description: 'Null for the first entry (the draft was started).',
      resolve: (entry) => entry.fromState as ApplicationStateName | null,
    }),
    toState: t.field({ type: ApplicationStateEnum, resolve: (entry) => entry.toState as ApplicationStateName }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

export const ApplicationMessage = builder.prismaObject('ApplicationMessage', {
  description: 'A message between the applicant and the commune’s agents, or (internal) an agents’ note.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('createdAt', { type: 'DateTime' }),
    authorName: t.exposeString('authorName'),
    authorRole: t.field({ type: ActorRole, resolve: (message) => message.authorRole as 'citizen' | 'agent' }),
    body: t.exposeString('body'),
    internal: t.exposeBoolean('internal', { description: 'An agents’ note: the applicant never sees it.' }),
  }),
});

const ApplicationAssignee = builder.objectRef<{ id: string; name: string }>('ApplicationAssignee').implement({
  description: 'The agent handling the application.',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

export const Application = builder.prismaObject('Application', {
  description: 'A citizen’s application for one commune procedure, from draft (not submitted) to decision.',
  fields: (t) => ({
    id: t.exposeID('id'),
    reference: t.exposeString('reference', {
      nullable: true,
      description: 'e.g. DUD-2026-000123, given at submission; null while a draft (not submitted).',
    }),
    state: t.field({ type: ApplicationStateEnum, resolve: (row) => row.state as ApplicationStateName }),
    procedure: t.field({
      type: Procedure,
      resolve: async (row, _args, ctx) => {
        const procedure = await ctx.services.catalogue.byId(row.communeProcedureId);
        if (!procedure) throw new Error(`commune procedure ${row.communeProcedureId} is missing`);
        return procedure;
      },
    }),
    commune: t.field({ type: communeRef(builder), resolve: (row) => ({ id: row.communeId }) }),
    answers: t.field({ type: 'JSON', resolve: (row) => row.answers }),
    formVersion: t.int({
      description: 'The form version the application was started with (kept when the procedure’s form changes).',
      resolve: async (row, _args, ctx) => (await ctx.services.applications.form(row.formVersionId)).version,
    }),
    form: t.field({
      type: 'JSON',
      description: 'The FormDefinition (@gemeng/forms) of formVersion.',
      resolve: async (row, _args, ctx) => (await ctx.services.applications.form(row.formVersionId)).definition,
    }),
    version: t.exposeInt('version', { description: 'Give it back with every change: a stale one is a conflict.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    expectedDecisionOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day the commune expects to decide by (working days from submission).',
      resolve: (row) => row.dueOn,
    }),
    overdue: t.boolean({
      description: 'Past its expected decision day and still undecided.',
      resolve: (row) => isOverdue(row),
    }),
    draftExpiresAt: t.expose('draftExpiresAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'When the draft is deleted if not changed again (30 days after its last change); null once submitted.',
    }),
    applicantName: t.exposeString('applicantName'),
    assignee: t.field({
      type: ApplicationAssignee,
      nullable: true,
      resolve: (row) => (row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null),
    }),
    history: t.field({
      type: [ApplicationHistoryEntry],
      description: 'Every change, oldest first.',
      resolve: (row, _args, ctx) => ctx.services.applications.history(row.id),
    }),
    messages: t.field({
      type: [ApplicationMessage],
      description: 'Messages, oldest first; agents’ internal notes only for agents.',
      resolve: (row, _args, ctx) => ctx.services.applications.messages(row),
    }),
  }),
});

/** Past its expected decision day (in Luxembourg) and still awaiting the commune. */
export function isOverdue(row: Pick<ApplicationRow, 'dueOn' | 'state'>, today = todayInLuxembourg()): boolean {
  return row.dueOn !== null && AWAITING_DECISION.includes(row.state) && row.dueOn.toISOString().slice(0, 10) < today;
}

builder.asEntity(Application, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => ctx.services.applications.visible(ref.id),
});

builder.queryFields((t) => ({
  myApplications: t.field({
    type: [Application],
    description: 'The signed-in person’s applications, drafts (not submitted) included, the latest change first.',
    authScopes: { citizen: true },
    args: { first: t.arg.int({ defaultValue: 50, description: 'At most 100.' }) },
    resolve: (_root, args, ctx) => ctx.services.applications.mine(args.first ?? 50),
  }),
  application: t.field({
    type: Application,
    nullable: true,
    description: 'One application: its applicant’s, or (once submitted) for an agent of its commune; else NOT_FOUND.',
    authScopes: { citizen: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      isPerson(ctx.caller) ? ctx.services.applications.get(String(args.id)) : Promise.resolve(null),
  }),
}));
