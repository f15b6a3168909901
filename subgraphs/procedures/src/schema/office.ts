/**
 * The agents' inbox: `officeApplications(communeId, filter, first, after)`, Relay-style (edges, pageInfo,
 * totalCount) over a keyset on (submittedAt, id). Only the commune's own agents and administrators read it
 * (operators do not: they see nothing personal); drafts never appear. The rules are in ../office/.
 */
import { ApplicationStateEnum, type ApplicationStateName } from '../applications/transitions.ts';
import { builder } from '../builder.ts';
import type { Application as ApplicationRow } from '../generated/prisma/client.ts';
import { worksIn } from '../office/access.ts';
import type { InboxPage } from '../office/inbox.ts';
import { Application } from './application.ts';

const OfficeFilter = builder.inputType('OfficeFilter', {
  description: 'What the inbox shows; every filter given must hold (absent or null: any).',
  fields: (t) => ({
    states: t.field({
      type: [ApplicationStateEnum],
      required: false,
      description: 'Any of these states (DRAFT is never in the inbox: a draft is the citizen’s alone).',
    }),
    procedureCode: t.string({ required: false, description: 'One procedure, by code ("residence-certificate").' }),
    assigneeId: t.id({ required: false, description: 'Assigned to this agent (their user id).' }),
    unassigned: t.boolean({ required: false, description: 'true: nobody’s yet; false: somebody’s.' }),
    overdue: t.boolean({
      required: false,
      description: 'true: not decided and past its expected decision date (Luxembourg time); false: the others.',
    }),
    search: t.string({
      required: false,
      description: 'Part of the reference ("DUD-2026-0001") or of the applicant’s name, accents and case ignored.',
    }),
  }),
});

const PageInfo = builder.objectRef<InboxPage['pageInfo']>('PageInfo').implement({
  description: 'Where a page of a list ends (Relay): pass `endCursor` as `after` for the next one.',
  shareable: true,
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.string({ nullable: true, resolve: (info) => info.endCursor }),
  }),
});

const ApplicationEdge = builder.objectRef<{ cursor: string; node: ApplicationRow }>('ApplicationEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Opaque: pass it as `after` to continue after this one.' }),
    node: t.field({ type: Application, resolve: (edge) => edge.node }),
  }),
});

const ApplicationConnection = builder.objectRef<InboxPage>('ApplicationConnection').implement({
  description: 'A page of applications, oldest submission first.',
  fields: (t) => ({
    edges: t.field({ type: [ApplicationEdge], resolve: (page) => page.edges }),
    pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
    totalCount: t.int({
      description: 'How many applications match the filter, on every page.',
      resolve: (page) => page.totalCount(),
    }),
  }),
});

builder.queryField('officeApplications', (t) =>
  t.field({
    type: ApplicationConnection,
    description:
      'A commune’s inbox for its agents and administrators: submitted applications (never drafts), filtered, ' +
      'oldest submission first, `first` (1 to 100) at a time after the cursor `after`.',
    args: {
      communeId: t.arg.id({ required: true }),
      filter: t.arg({ type: OfficeFilter, required: false }),
      first: t.arg.int({ required: false, defaultValue: 25 }),
      after: t.arg.string({ required: false }),
    },
    // Anonymous callers are told to sign in; anyone without a role in this commune (operators included) is refused;
    // an agent signed in with a password alone is asked for the second factor (applicants' personal data).
    authScopes: (_root, args, ctx) =>
      ctx.caller === null ? { authenticated: true } : worksIn(ctx.caller, `${args.communeId}`) && { substantial: true },
    resolve: (_root, args, ctx) =>
      ctx.services.office.inbox(String(args.communeId), {
        filter: args.filter && {
          ...args.filter,
          states: args.filter.states as ApplicationStateName[] | null | undefined,
          assigneeId:
            args.filter.assigneeId === null || args.filter.assigneeId === undefined
              ? null
              : String(args.filter.assigneeId),
        },
        first: args.first ?? 25,
        after: args.after ?? null,
      }),
  }),
);
