/**
 * The back office's rules (`ctx.services.office`): the inbox of a commune's agents and what they do with an
 * application. Every act names the application by id only, so the commune comes from the row: an application of
 * another commune (or a draft, which is the citizen's alone) is "not found", never "forbidden", which would tell
 * that it exists. State changes go through the one transition table (../applications/transitions.ts), with the
 * version the agent saw, in a transaction that locks the row.
 */
import { badInput, NotFoundError, type ServiceContext, ValidationError } from '@gemeng/subgraph-kit';
import { isApplicationId } from '../applications/access.ts';
import type { Tx } from '../applications/mail-queue.ts';
import {
  ApplicationConflictError,
  type ApplicationStateName,
  applicationTransaction,
  transition,
} from '../applications/transitions.ts';
import type { Db } from '../db.ts';
import type { Application, ApplicationMessage } from '../generated/prisma/client.ts';
import { agentActor, worksIn } from './access.ts';
import { type InboxFilter, type InboxPage, InvalidCursorError, inboxPage, MAX_PAGE } from './inbox.ts';
import { officeText } from './messages.ts';

/** The longest search term: a reference is 15 characters, a name rarely more than 60. */
export const MAX_SEARCH = 100;

/** The longest text an agent writes to the applicant (request, reason) or to colleagues (note). */
export const MAX_TEXT = 4000;

/** A decision, request or closure: where it leads and why (the reason goes to the history the applicant reads). */
export interface OfficeAct {
  id: string;
  version: number;
  to: ApplicationStateName;
  reason?: string | null;
}

export function officeService(ctx: ServiceContext<Db>) {
  const notFound = () => new NotFoundError(officeText('notFound', ctx.lang));

  /** The application, locked for this transaction, if the caller works in its commune's office; else not found. */
  async function lockForAgent(tx: Tx, id: string): Promise<Application> {
    if (!isApplicationId(id)) throw notFound();
    await tx.$queryRaw`SELECT 1 FROM application WHERE id = ${id}::uuid FOR UPDATE`;
    const application = await tx.application.findUnique({ where: { id } });
    if (!application || application.state === 'DRAFT' || !worksIn(ctx.caller, application.communeId)) {
      throw notFound();
    }
    return application;
  }

  return {
    /** One page of a commune's inbox (the field's scope checked the role); bad arguments are BAD_USER_INPUT errors. */
    inbox(
      communeId: string,
      options: { filter?: InboxFilter | null; first: number; after?: string | null },
    ): Promise<InboxPage> {
      if (!Number.isInteger(options.first) || options.first < 1 || options.first > MAX_PAGE) {
        throw badInput(officeText('pageSize', ctx.lang, { max: MAX_PAGE }));
      }
      if ((options.filter?.search?.trim().length ?? 0) > MAX_SEARCH) {
        throw badInput(officeText('searchLength', ctx.lang, { max: MAX_SEARCH }));
      }
      return inboxPage(ctx.db, communeId, options).catch((error: unknown) => {
        if (error instanceof InvalidCursorError) {
          throw badInput(officeText('invalidCursor', ctx.lang));
        }
        throw error;
      });
    },

    /** Moves the application along the transition table as an agent; a request for information also writes it. */
    act(input: OfficeAct, message?: string): Promise<Application> {
      return applicationTransaction(ctx, async (tx, mails) => {
        const application = await lockForAgent(tx, input.id);
        const actor = { ...agentActor(ctx), role: 'agent' as const };
        const moved = await transition(tx, {
          application,
          to: input.to,
          actor,
          reason: input.reason?.trim() || null,
          expectedVersion: input.version,
          lang: ctx.lang,
          mails,
        });
        if (message) {
          await tx.applicationMessage.create({
            data: {
              applicationId: application.id,
              authorId: actor.id,
              authorName: actor.name,
              authorRole: 'agent',
              internal: false,
              body: message.trim(),
            },
          });
        }
        // Whoever takes a step on an unassigned application has taken it.
        if (moved.assigneeId === null && input.to === 'IN_REVIEW') {
          return tx.application.update({
            where: { id: moved.id },
            data: { assigneeId: actor.id, assigneeName: actor.name },
          });
        }
        return moved;
      });
    },

    /**
     * Gives the application to an agent: `undefined` the caller, `null` nobody. Another agent must have worked in
     * this commune's office already (a name is needed, and only their own token carries it).
     */
    assign(input: { id: string; version: number; assigneeId?: string | null }): Promise<Application> {
      return ctx.db.$transaction(async (tx) => {
        const application = await lockForAgent(tx, input.id);
        if (application.version !== input.version) {
          throw new ApplicationConflictError(application.version, input.version, ctx.lang);
        }
        const me = agentActor(ctx);
        let assignee: { id: string; name: string } | null = null;
        if (input.assigneeId === undefined || input.assigneeId === me.id) assignee = me;
        else if (input.assigneeId !== null) {
          assignee = await knownAgent(tx, application.communeId, input.assigneeId);
          if (!assignee) throw new ValidationError('assigneeId', officeText('assigneeUnknown', ctx.lang));
        }
        return tx.application.update({
          where: { id: application.id },
          data: { assigneeId: assignee?.id ?? null, assigneeName: assignee?.name ?? null, version: { increment: 1 } },
        });
      });
    },

    /** Adds an agents' note: never shown to the applicant, no new version (it changes nothing they decide on). */
    noteAdd(input: { id: string; body: string }): Promise<{ application: Application; note: ApplicationMessage }> {
      return ctx.db.$transaction(async (tx) => {
        const application = await lockForAgent(tx, input.id);
        const actor = agentActor(ctx);
        const note = await tx.applicationMessage.create({
          data: {
            applicationId: application.id,
            authorId: actor.id,
            authorName: actor.name,
            authorRole: 'agent',
            internal: true,
            body: input.body.trim(),
          },
        });
        return { application, note };
      });
    },
  };
}

/** An agent who has been assigned or has acted on an application of this commune: their latest name. */
async function knownAgent(tx: Tx, communeId: string, userId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await tx.$queryRaw<{ name: string }[]>`
    SELECT name FROM (
      SELECT a.assignee_name AS name, a.updated_at AS at FROM application a
      WHERE a.commune_id = ${communeId}::uuid AND a.assignee_id = ${userId} AND a.assignee_name IS NOT NULL
      UNION ALL
      SELECT h.actor_name, h.at FROM application_history h JOIN application a ON a.id = h.application_id
      WHERE a.commune_id = ${communeId}::uuid AND h.actor_id = ${userId} AND h.actor_role = 'agent'
    ) known ORDER BY at DESC LIMIT 1`;
  return row ? { id: userId, name: row.name } : null;
}
