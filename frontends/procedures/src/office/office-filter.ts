import { type ApplicationState, isApplicationState, OPEN_STATES } from './office-messages.ts';
import type { OfficeFilterInput } from './office-operations.ts';

/** Whose applications the inbox shows. */
export const ASSIGNEE_CHOICES = ['anyone', 'me', 'unassigned'] as const;
export type AssigneeChoice = (typeof ASSIGNEE_CHOICES)[number];

/**
 * The inbox's filter as the agent sets it in the form (and as the page's address keeps it, so a filtered inbox
 * can be bookmarked, shared with a colleague and returned to from an application).
 */
export interface InboxFilter {
  /** `open` (submitted, in review, waiting for information), `all`, or one state. */
  readonly state: 'open' | 'all' | ApplicationState;
  /** A procedure's code, or empty for all. */
  readonly procedure: string;
  readonly assignee: AssigneeChoice;
  readonly overdue: boolean;
  /** A reference or a part of the applicant's name. */
  readonly search: string;
}

export const DEFAULT_FILTER: InboxFilter = Object.freeze({
  state: 'open',
  procedure: '',
  assignee: 'anyone',
  overdue: false,
  search: '',
});

/** How many applications one page shows. */
export const PAGE_SIZE = 25;

/**
 * The filter named by a query string or a submitted form (`state`, `procedure`, `assignee`, `overdue`, `q`);
 * an unknown value counts as the default, so a mistyped address still shows an inbox.
 */
export function filterFromParams(params: URLSearchParams | FormData): InboxFilter {
  const get = (name: string) => {
    const value = params.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const state = get('state');
  const assignee = get('assignee');
  return {
    state: state === 'all' || isApplicationState(state) ? state : 'open',
    procedure: /^[\w-]{1,64}$/.test(get('procedure')) ? get('procedure') : '',
    assignee: (ASSIGNEE_CHOICES as readonly string[]).includes(assignee) ? (assignee as AssigneeChoice) : 'anyone',
    overdue: ['yes', 'true', '1'].includes(get('overdue')),
    search: get('q').slice(0, 100),
  };
}

/** The query string of a filter: only what differs from the default, in a stable order. */
export function filterToParams(filter: InboxFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.state !== DEFAULT_FILTER.state) params.set('state', filter.state);
  if (filter.procedure) params.set('procedure', filter.procedure);
  if (filter.assignee !== DEFAULT_FILTER.assignee) params.set('assignee', filter.assignee);
  if (filter.overdue) params.set('overdue', 'yes');
  if (filter.search) params.set('q', filter.search);
  return params;
}

/** True when the filter narrows the inbox beyond the default (the "Clear filters" link shows then). */
export function isFiltered(filter: InboxFilter): boolean {
  return [...filterToParams(filter).keys()].length > 0;
}

/** The graph's `OfficeFilter` for a filter; `me` is the agent's own id (for "assigned to me"). */
export function filterToVariables(filter: InboxFilter, me: string): OfficeFilterInput {
  const variables: OfficeFilterInput = {};
  if (filter.state === 'open') variables.states = [...OPEN_STATES];
  else if (filter.state !== 'all') variables.states = [filter.state];
  if (filter.procedure) variables.procedureCode = filter.procedure;
  if (filter.assignee === 'me') variables.assigneeId = me;
  if (filter.assignee === 'unassigned') variables.unassigned = true;
  if (filter.overdue) variables.overdue = true;
  if (filter.search) variables.search = filter.search;
  return variables;
}
