/**
 * The one table of who may move an application from which state to which: the subgraph enforces it on every
 * change (citizen and back office alike), so no screen or script can skip a step. `transition()` (below, with the
 * database) checks it together with the version the actor saw.
 */
import type { Language } from '@gemeng/subgraph-kit';
import { ApplicationConflictError, type ApplicationStateName, ApplicationTransitionError } from './errors.ts';

export {
  APPLICATION_STATES,
  ApplicationConflictError,
  ApplicationStateEnum,
  type ApplicationStateName,
  ApplicationTransitionError,
} from './errors.ts';

/** Who acts: the applicant, an agent of the commune, or the platform itself (housekeeping). */
export type ActorRole = 'citizen' | 'agent' | 'system';

export interface TransitionRule {
  from: ApplicationStateName;
  to: ApplicationStateName;
  by: readonly ActorRole[];
}

/**
 * Every allowed change. A draft is never withdrawn by the citizen: it is deleted (`applicationDraftDelete`), so the
 * commune never sees it; DRAFT→WITHDRAWN stays in the table for completeness of "before a decision" but the
 * citizen's mutation deletes drafts instead.
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
  { from: 'DRAFT', to: 'WITHDRAWN', by: ['citizen'] },
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
