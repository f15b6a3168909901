/**
 * The applications' own typed errors, returned in mutation payloads next to the kit's (`ValidationError`,
 * `NotFoundError`, …): a refused state change and a stale version. Both implement the kit's `Error` interface and
 * carry a message in the caller's language, so a widget can show it and an agent's screen can offer "reload".
 */
import { errorTypes, type Language } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import { applicationText, stateName } from './messages.ts';

/** The transition table has no row from `from` to `to` for this actor (e.g. approving a draft). */
export class ApplicationTransitionError extends Error {
  override name = 'ApplicationTransitionError';
  constructor(
    readonly from: string,
    readonly to: string,
    lang: Language,
  ) {
    super(applicationText('transitionRefused', lang, { from: stateName(from, lang), to: stateName(to, lang) }));
  }
}

/** The caller acted on a version of the application someone else has changed since: never a silent overwrite. */
export class ApplicationConflictError extends Error {
  override name = 'ApplicationConflictError';
  constructor(
    readonly currentVersion: number,
    readonly expectedVersion: number,
    lang: Language,
  ) {
    super(applicationText('conflict', lang, { current: currentVersion, expected: expectedVersion }));
  }
}

const { ErrorInterface } = errorTypes(builder);

/** The GraphQL state names, in the order an application goes through them. */
export const APPLICATION_STATES = [
  'DRAFT',
  'SUBMITTED',
  'IN_REVIEW',
  'NEEDS_INFO',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
  'CLOSED',
] as const;

export type ApplicationStateName = (typeof APPLICATION_STATES)[number];

/** `enum ApplicationState`: defined here so that the errors below (and every application type) share it. */
export const ApplicationStateEnum = builder.enumType('ApplicationState', {
  description: 'Where an application stands: a DRAFT is not submitted; WITHDRAWN is the citizen’s, CLOSED is archived.',
  values: Object.fromEntries(APPLICATION_STATES.map((state) => [state, { value: state }])) as Record<
    ApplicationStateName,
    { value: ApplicationStateName }
  >,
});

builder.objectType(ApplicationTransitionError, {
  name: 'ApplicationTransitionError',
  description: 'The application cannot go from its state to the one asked for (e.g. approve a draft).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ApplicationTransitionError,
  fields: (t) => ({
    from: t.field({ type: ApplicationStateEnum, resolve: (error) => error.from as ApplicationStateName }),
    to: t.field({ type: ApplicationStateEnum, resolve: (error) => error.to as ApplicationStateName }),
  }),
});

builder.objectType(ApplicationConflictError, {
  name: 'ApplicationConflictError',
  description: 'Someone changed the application since the version given: reload it and decide again.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ApplicationConflictError,
  fields: (t) => ({ currentVersion: t.exposeInt('currentVersion') }),
});
