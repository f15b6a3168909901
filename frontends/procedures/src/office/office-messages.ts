import { defineMessages } from '@gemeng/frontend-kit';

/**
 * Every user-facing string of `<gemeng-office>`: ICU messages in `messages/office/<language>.json`, each language
 * loaded when first needed. Browser tests may import a language's JSON file to find controls by their names.
 */
export const officeMessages = defineMessages('office', {
  lb: () => import('../messages/office/lb.json'),
  fr: () => import('../messages/office/fr.json'),
  de: () => import('../messages/office/de.json'),
  en: () => import('../messages/office/en.json'),
});

export type OfficeMessageKey = Parameters<typeof officeMessages.t>[1];
export const to = officeMessages.t;

/** The applications' states, in the order of their life. */
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
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** The states an agent still has work on: the inbox's default. */
export const OPEN_STATES: readonly ApplicationState[] = ['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'];

/** Each state's label (its tag in the inbox and the detail). */
export const STATE_LABELS: Readonly<Record<ApplicationState, OfficeMessageKey>> = {
  DRAFT: 'stateDraft',
  SUBMITTED: 'stateSubmitted',
  IN_REVIEW: 'stateInReview',
  NEEDS_INFO: 'stateNeedsInfo',
  APPROVED: 'stateApproved',
  REJECTED: 'stateRejected',
  WITHDRAWN: 'stateWithdrawn',
  CLOSED: 'stateClosed',
};

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && (APPLICATION_STATES as readonly string[]).includes(value);
}
