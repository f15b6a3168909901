/**
 * What citizens (and agents, for one application) read of applications (`ctx.services.applications`): their
 * list, one application, and its history, messages and form, each batched over the request (kit loaders), so
 * a list of 50 applications with their histories costs the same few SQL statements as one.
 */
import { groupBy, isPerson, loader, notFound, type ServiceContext, stepUpRequired } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import type { Application, ApplicationHistory, ApplicationMessage } from '../generated/prisma/client.ts';
import { isApplicationId, type Viewer, viewerOf } from './access.ts';
import { citizenActions } from './citizen.ts';
import { applicationText } from './messages.ts';

const HISTORY = Symbol('applicationHistory');
const MESSAGES = Symbol('applicationMessages');
const FORMS = Symbol('applicationForms');
const BY_ID = Symbol('applicationsById');

/** The most applications one `myApplications` gives. */
export const MAX_MY_APPLICATIONS = 100;

export function applicationsService(ctx: ServiceContext<Db>) {
  const byId = (id: string) =>
    loader<string, Application | null>(
      ctx,
      BY_ID,
      async (ids) =>
        new Map((await ctx.db.application.findMany({ where: { id: { in: [...ids] } } })).map((row) => [row.id, row])),
      null,
    ).load(id);

  return {
    ...citizenActions(ctx),

    /** The caller's applications, drafts included, the most recently changed first. */
    async mine(first: number): Promise<Application[]> {
      if (!isPerson(ctx.caller)) return [];
      return ctx.db.application.findMany({
        where: { applicantId: ctx.caller.sub },
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        take: Math.max(0, Math.min(first, MAX_MY_APPLICATIONS)),
      });
    },

    /** The application if the caller may see it (its applicant, or an agent of its commune once submitted). */
    async visible(id: string): Promise<Application | null> {
      if (!isApplicationId(id)) return null;
      const application = await byId(id);
      return application && viewerOf(ctx.caller, application) ? application : null;
    },

    /**
     * `visible`, or the NOT_FOUND error the `application` query answers; an agent signed in with a password alone
     * is asked for the second factor first (the applicant's personal data, as in the back office).
     */
    async get(id: string): Promise<Application> {
      const application = await this.visible(id);
      if (!application) throw notFound(applicationText('notFound', ctx.lang));
      if (viewerOf(ctx.caller, application) === 'agent' && ctx.caller?.acr !== 'substantial') throw stepUpRequired();
      return application;
    },

    /** How the caller sees a row they were given (a field of an application already checked). */
    viewer(application: Application): Viewer | null {
      return viewerOf(ctx.caller, application);
    },

    /** The history, oldest first; one statement for all applications of a request. */
    history(applicationId: string): Promise<ApplicationHistory[]> {
      return loader<string, ApplicationHistory[]>(
        ctx,
        HISTORY,
        async (ids) =>
          groupBy(
            await ctx.db.applicationHistory.findMany({
              where: { applicationId: { in: [...ids] } },
              orderBy: [{ at: 'asc' }, { id: 'asc' }],
            }),
            (row) => row.applicationId,
          ),
        [],
      ).load(applicationId);
    },

    /** The messages, oldest first, internal notes only for agents; one statement for all of a request. */
    async messages(application: Application): Promise<ApplicationMessage[]> {
      const all = await loader<string, ApplicationMessage[]>(
        ctx,
        MESSAGES,
        async (ids) =>
          groupBy(
            await ctx.db.applicationMessage.findMany({
              where: { applicationId: { in: [...ids] } },
              orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            }),
            (row) => row.applicationId,
          ),
        [],
      ).load(application.id);
      return viewerOf(ctx.caller, application) === 'agent' ? all : all.filter((message) => !message.internal);
    },

    /** The form version the application was started with: its number and definition (never the current one). */
    form(formVersionId: string): Promise<{ version: number; definition: unknown }> {
      return loader<string, { version: number; definition: unknown }>(
        ctx,
        FORMS,
        async (ids) =>
          new Map(
            (
              await ctx.db.formVersion.findMany({
                where: { id: { in: [...ids] } },
                select: { id: true, version: true, definition: true },
              })
            ).map((row) => [row.id, { version: row.version, definition: row.definition }]),
          ),
        { version: 0, definition: { version: 0, fields: [] } },
      ).load(formVersionId);
    },
  };
}
