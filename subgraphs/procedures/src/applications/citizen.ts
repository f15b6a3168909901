/**
 * What the applicant does (`ctx.services.applications.<act>`): start (or resume) an application, save the answers
 * as they type, submit, withdraw, delete a draft, and write to the commune. Each act locks the row, checks the
 * version the applicant saw and the transition table, and writes everything in one transaction: bad answers
 * leave nothing half-written. Someone else's application is "not found".
 */
import { type Answers, cleanAnswers, type FormDefinition, prefillAnswers } from '@gemeng/forms';
import {
  type Caller,
  isPerson,
  NotFoundError,
  type ServiceContext,
  stepUpRequired,
  ValidationError,
} from '@gemeng/subgraph-kit';
import { attachmentStoreFromEnv } from '../attachments/store.ts';
import { catalogueService } from '../catalogue/service.ts';
import { expectedDecisionOn, todayInLuxembourg } from '../catalogue/working-days.ts';
import type { Db } from '../db.ts';
import type { Application, ApplicationMessage, Prisma } from '../generated/prisma/client.ts';
import { applicantOf, isApplicationId, viewerOf } from './access.ts';
import { applicationTransaction, type Tx } from './mail-queue.ts';
import { applicationText } from './messages.ts';
import { answerProblems, missingAttachments, nextReference, publishFeeDue } from './submission.ts';
import { ApplicationConflictError, EDITABLE_STATES, transition } from './transitions.ts';

/** Drafts are deleted this many days after their last change (the reminder goes 7 days before). */
export const DRAFT_DAYS = 30;
/** The longest message, like the back office's texts. */
export const MAX_MESSAGE = 4000;

const draftExpiry = (now = new Date()) => new Date(now.getTime() + DRAFT_DAYS * 86_400_000);

export function citizenActions(ctx: ServiceContext<Db>) {
  const lang = ctx.lang;
  const catalogue = catalogueService(ctx);
  const notFound = () => new NotFoundError(applicationText('notFound', lang));
  const me = (): Caller => {
    if (!isPerson(ctx.caller)) throw notFound();
    return ctx.caller;
  };
  const actor = (caller: Caller) => ({
    id: caller.sub,
    name: applicantOf(caller, lang).applicantName,
    role: 'citizen' as const,
  });

  /** The caller's own application, locked until the transaction ends; anyone else's is not found. */
  async function lockOwn(tx: Tx, id: string, expectedVersion?: number): Promise<Application> {
    const caller = me();
    if (!isApplicationId(id)) throw notFound();
    await tx.$queryRaw`SELECT 1 FROM application WHERE id = ${id}::uuid FOR UPDATE`;
    const application = await tx.application.findUnique({ where: { id } });
    if (!application || application.applicantId !== caller.sub) throw notFound();
    if (expectedVersion !== undefined && expectedVersion !== application.version) {
      throw new ApplicationConflictError(application.version, expectedVersion, lang);
    }
    return application;
  }

  /**
   * The procedure of the caller's application, read before the transaction (which must not wait for a second
   * connection). One that needs two factors answers a caller who signed in with one with the RFC 9470 step-up
   * error, for every act on the application, not only at its start.
   */
  async function assuredProcedure(id: string) {
    const caller = me();
    const row = isApplicationId(id)
      ? await ctx.db.application.findUnique({ where: { id }, select: { communeProcedureId: true, applicantId: true } })
      : null;
    const procedure = row?.applicantId === caller.sub ? await catalogue.byId(row.communeProcedureId) : null;
    if (!procedure) throw notFound();
    if (procedure.assurance === 'substantial' && caller.acr !== 'substantial') throw stepUpRequired();
    return procedure;
  }

  async function formOf(tx: Tx, application: Application): Promise<FormDefinition> {
    const form = await tx.formVersion.findUniqueOrThrow({ where: { id: application.formVersionId } });
    return form.definition as unknown as FormDefinition;
  }

  return {
    /**
     * Starts an application for a commune's procedure, or gives back the caller's draft for it (one draft per
     * person and procedure, resumed on any device). A procedure needing two factors answers a one-factor caller
     * with the RFC 9470 step-up error.
     */
    async start(input: { communeId: string; procedureCode: string }): Promise<Application> {
      const caller = me();
      const procedure = isApplicationId(input.communeId)
        ? await catalogue.byCode(input.communeId, input.procedureCode)
        : null;
      if (procedure?.channel !== 'online') {
        throw new NotFoundError(applicationText('procedureNotFound', lang));
      }
      if (procedure.assurance === 'substantial' && caller.acr !== 'substantial') throw stepUpRequired();
      const applicant = applicantOf(caller, lang);
      return ctx.db.$transaction(async (tx) => {
        // One draft per person and procedure, also when two devices start at once.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${caller.sub}|${procedure.id}`}))`;
        const draft = await tx.application.findFirst({
          where: { applicantId: caller.sub, communeProcedureId: procedure.id, state: 'DRAFT' },
          orderBy: { updatedAt: 'desc' },
        });
        if (draft) return draft;
        const answers = prefillAnswers(procedure.form as FormDefinition, { name: caller.name, email: caller.email });
        const created = await tx.application.create({
          data: {
            communeId: procedure.communeId,
            communeProcedureId: procedure.id,
            formVersionId: procedure.formVersionId,
            applicantId: caller.sub,
            ...applicant,
            answers: answers as Prisma.InputJsonValue,
            draftExpiresAt: draftExpiry(),
          },
        });
        await tx.applicationHistory.create({
          data: { applicationId: created.id, ...historyActor(actor(caller)), fromState: null, toState: 'DRAFT' },
        });
        return created;
      });
    },

    /** Saves the answers of a draft (or of an application waiting for information): only their shapes are checked. */
    async save(input: { id: string; version: number; answers: unknown }): Promise<Application> {
      await assuredProcedure(input.id);
      return ctx.db.$transaction(async (tx) => {
        const application = await lockOwn(tx, input.id, input.version);
        if (!EDITABLE_STATES.includes(application.state)) {
          throw new ValidationError('id', applicationText('notEditable', lang));
        }
        const answers = answersObject(input.answers, lang);
        const problems = answerProblems(await formOf(tx, application), answers, 'draft', lang);
        if (problems.length > 0) throw ValidationError.of(problems);
        return tx.application.update({
          where: { id: application.id },
          data: {
            answers: answers as Prisma.InputJsonValue,
            version: { increment: 1 },
            ...(application.state === 'DRAFT' ? { draftExpiresAt: draftExpiry(), reminderSentAt: null } : {}),
          },
        });
      });
    },

    /**
     * Submits: every rule of the form and the required documents, then (first time) the reference, the expected
     * decision date and the fee event, the history row and the receipt mail, all or nothing.
     */
    async submit(input: { id: string; version: number }): Promise<Application> {
      const caller = me();
      const procedure = await assuredProcedure(input.id);
      return applicationTransaction(ctx, async (tx, mails) => {
        const application = await lockOwn(tx, input.id, input.version);
        const definition = await formOf(tx, application);
        const answers = answersObject(application.answers, lang);
        const problems = EDITABLE_STATES.includes(application.state)
          ? [
              ...answerProblems(definition, answers, 'submit', lang),
              ...(await missingAttachments(tx, application.id, procedure.attachments, lang)),
            ]
          : [];
        if (problems.length > 0) throw ValidationError.of(problems);
        const first = application.state === 'DRAFT';
        const data: Prisma.ApplicationUpdateManyMutationInput = {
          answers: cleanAnswers(definition, answers) as Prisma.InputJsonValue,
          ...applicantOf(caller, lang),
          draftExpiresAt: null,
        };
        if (first) {
          const commune = await tx.procedureCommune.findUniqueOrThrow({ where: { communeId: application.communeId } });
          const year = Number(todayInLuxembourg().slice(0, 4));
          data.reference = await nextReference(tx, application.communeId, commune.referencePrefix, year);
          data.submittedAt = new Date();
          data.dueOn = new Date(`${expectedDecisionOn(procedure.processingDays)}T00:00:00Z`);
        }
        const submitted = await transition(tx, {
          application,
          to: 'SUBMITTED',
          actor: actor(caller),
          lang,
          mails,
          data,
        });
        if (first)
          await publishFeeDue(tx, submitted, { procedureCode: procedure.code, amountCents: procedure.feeCents });
        return submitted;
      });
    },

    /** Withdraws a submitted application before the decision (the commune keeps it, marked withdrawn). */
    async withdraw(input: { id: string; version: number; reason?: string | null }): Promise<Application> {
      const caller = me();
      await assuredProcedure(input.id);
      return applicationTransaction(ctx, async (tx, mails) => {
        const application = await lockOwn(tx, input.id, input.version);
        return transition(tx, {
          application,
          to: 'WITHDRAWN',
          actor: actor(caller),
          reason: input.reason,
          lang,
          mails,
        });
      });
    },

    /** Deletes a draft with its documents: the commune never saw it, nothing of it is kept. */
    async draftDelete(input: { id: string }): Promise<string> {
      const keys = await ctx.db.$transaction(async (tx) => {
        const application = await lockOwn(tx, input.id);
        if (application.state !== 'DRAFT') throw new ValidationError('id', applicationText('notDraft', lang));
        const files = await tx.attachment.findMany({
          where: { applicationId: application.id },
          select: { storageKey: true },
        });
        await tx.application.delete({ where: { id: application.id } });
        return files.map((file) => file.storageKey);
      });
      await deleteFiles(keys, ctx);
      return input.id;
    },

    /** A message from the applicant or an agent of the commune, on a submitted application. */
    messageSend(input: {
      id: string;
      body: string;
    }): Promise<{ application: Application; message: ApplicationMessage }> {
      const caller = me();
      return ctx.db.$transaction(async (tx) => {
        if (!isApplicationId(input.id)) throw notFound();
        await tx.$queryRaw`SELECT 1 FROM application WHERE id = ${input.id}::uuid FOR UPDATE`;
        const application = await tx.application.findUnique({ where: { id: input.id } });
        const viewer = application && viewerOf(caller, application);
        if (!application || !viewer) throw notFound();
        if (viewer === 'agent' && caller.acr !== 'substantial') throw stepUpRequired();
        if (application.state === 'DRAFT') throw new ValidationError('id', applicationText('draftNoMessages', lang));
        const message = await tx.applicationMessage.create({
          data: {
            applicationId: application.id,
            authorId: caller.sub,
            authorName: applicantOf(caller, lang).applicantName,
            authorRole: viewer === 'applicant' ? 'citizen' : 'agent',
            internal: false,
            body: input.body.trim(),
          },
        });
        return { application, message };
      });
    },
  };
}

function historyActor(actor: { id: string; name: string; role: string }) {
  return { actorId: actor.id, actorName: actor.name, actorRole: actor.role };
}

/** The answers as an object (a JSON value of another shape is a problem of `answers`). */
function answersObject(value: unknown, lang: ServiceContext<Db>['lang']): Answers {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('answers', applicationText('answersObject', lang));
  }
  return value as Answers;
}

/** Removes stored files once their rows are gone; a failure is logged (the housekeeping of D retries orphans). */
async function deleteFiles(keys: readonly string[], ctx: ServiceContext<Db>): Promise<void> {
  if (keys.length === 0) return;
  const store = attachmentStoreFromEnv();
  for (const key of keys) {
    await store.delete(key).catch((error: unknown) => ctx.log.warn({ err: error, key }, 'attachment file not deleted'));
  }
}
