/**
 * The one table of who may move an application from which state to which: the subgraph enforces it on every
 * change (citizen and back office alike), so no screen or script can skip a step. `transition()` (below, with the
 * database) checks it together with the version the actor saw.
 */
import type { Language } from '@gemeng/subgraph-kit';
import type { Application, Prisma } from '../generated/prisma/client.ts';
import { ApplicationConflictError, type ApplicationStateName, ApplicationTransitionError } from './errors.ts';
import type { MailQueue, Tx } from './mail-queue.ts';

export {
  APPLICATION_STATES,
  ApplicationConflictError,
  ApplicationStateEnum,
  type ApplicationStateName,
  ApplicationTransitionError,
} from './errors.ts';
export { applicationTransaction, MailQueue } from './mail-queue.ts';

/** Who acts: the applicant, an agent of the commune, or the platform itself (housekeeping). */
export type ActorRole = 'citizen' | 'agent' | 'system';

export interface TransitionRule {
  from: ApplicationStateName;
  to: ApplicationStateName;
  by: readonly ActorRole[];
}

/**
 * Every allowed change. A draft is not withdrawn but deleted (`applicationDraftDelete`): the commune never saw it,
 * so there is nothing to withdraw from (and nothing it must keep).
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'DRAFT', to: 'SUBMITTED', by: ['citizen'] },
  { from: 'SUBMITTED', to: 'IN_REVIEW', by: ['agent'] },
  { from: 'SUBMITTED', to: 'NEEDS_INFO', by: ['agent'] },
  { from: 'IN_REVIEW', to: 'NEEDS_INFO', by: ['agent'] },
  { from: 'NEEDS_INFO', to: 'SUBMITTED', by: ['citizen'] },
  { from: 'SUBMITTED', to: 'APPROVED', by: ['agent'] },
  { from: 'SUBMITTED', to: 'REJECTED', by: ['agent'] },
  { from: 'IN_REVIEW', to: 'APPROVED', by: ['agent'] },
  { from: 'IN_REVIEW', to: 'REJECTED', by: ['agent'] },
  { from: 'SUBMITTED', to: 'WITHDRAWN', by: ['citizen'] },
  { from: 'IN_REVIEW', to: 'WITHDRAWN', by: ['citizen'] },
  { from: 'NEEDS_INFO', to: 'WITHDRAWN', by: ['citizen'] },
  { from: 'APPROVED', to: 'CLOSED', by: ['agent', 'system'] },
  { from: 'REJECTED', to: 'CLOSED', by: ['agent', 'system'] },
  { from: 'WITHDRAWN', to: 'CLOSED', by: ['agent', 'system'] },
];

/** States in which the commune has decided (or the citizen has left): no more answers, no more messages needed. */
export const FINAL_STATES: readonly ApplicationStateName[] = ['APPROVED', 'REJECTED', 'WITHDRAWN', 'CLOSED'];

/** States in which the citizen may change the answers and the attachments. */
export const EDITABLE_STATES: readonly ApplicationStateName[] = ['DRAFT', 'NEEDS_INFO'];

/** True when the table lets `role` move an application from `from` to `to`. */
export function canTransition(from: ApplicationStateName, to: ApplicationStateName, role: ActorRole): boolean {
  return TRANSITIONS.some((rule) => rule.from === from && rule.to === to && rule.by.includes(role));
}

/**
 * Throws the typed error a refused change gets: the version first (a stale screen must reload whatever it
 * asked), then the table.
 */
export function assertTransition(
  current: { state: ApplicationStateName; version: number },
  to: ApplicationStateName,
  role: ActorRole,
  expectedVersion: number | undefined,
  lang: Language,
): void {
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new ApplicationConflictError(current.version, expectedVersion, lang);
  }
  if (!canTransition(current.state, to, role)) throw new ApplicationTransitionError(current.state, to, lang);
}

/** Who acts, as the history records them (`id` null for the platform itself). */
export interface Actor {
  id: string | null;
  name: string;
  role: ActorRole;
}

export interface TransitionOptions {
  application: Application;
  to: ApplicationStateName;
  actor: Actor;
  reason?: string | null;
  /** The version the actor saw; a different current version is an `ApplicationConflictError`. */
  expectedVersion?: number;
  /** The language of the errors (the caller's). */
  lang: Language;
  /**
   * Where the applicant's mail about the change goes, sent after commit (`applicationTransaction` gives one).
   * Without it no mail is sent: only for changes the applicant is told about otherwise.
   */
  mails?: MailQueue;
  /** Other columns changed in the same update (reference, dates, answers of a submission). */
  data?: Prisma.ApplicationUpdateManyMutationInput;
}

const DECISIONS: readonly ApplicationStateName[] = ['APPROVED', 'REJECTED'];

/**
 * Moves an application along the table, in the caller's transaction: checks the version and the table, updates
 * the state and the version (guarded by the version, so a concurrent change that was not locked out still
 * conflicts), appends the history row and queues the applicant's mail (a receipt for a first submission).
 */
export async function transition(tx: Tx, options: TransitionOptions): Promise<Application> {
  const { application, to, actor, lang } = options;
  const from = application.state as ApplicationStateName;
  assertTransition({ state: from, version: application.version }, to, actor.role, options.expectedVersion, lang);
  const updated = await tx.application.updateMany({
    where: { id: application.id, version: application.version },
    data: {
      ...options.data,
      state: to,
      version: { increment: 1 },
      ...(DECISIONS.includes(to) ? { decidedAt: new Date() } : {}),
    },
  });
  if (updated.count === 0) {
    const current = await tx.application.findUnique({ where: { id: application.id }, select: { version: true } });
    throw new ApplicationConflictError(current?.version ?? application.version + 1, application.version, lang);
  }
  const reason = options.reason?.trim() || null;
  await tx.applicationHistory.create({
    data: {
      applicationId: application.id,
      actorId: actor.id,
      actorName: actor.name,
      actorRole: actor.role,
      fromState: from,
      toState: to,
      reason,
    },
  });
  options.mails?.add(
    from === 'DRAFT' && to === 'SUBMITTED'
      ? { kind: 'receipt', applicationId: application.id }
      : { kind: 'statusChanged', applicationId: application.id, state: to, reason },
  );
  return tx.application.findUniqueOrThrow({ where: { id: application.id } });
}
