import { graphql } from '@gemeng/frontend-kit';

/*
 * The agent's changes to an application. Each carries the version the agent saw: a stale one answers
 * ApplicationConflictError (someone changed it meanwhile), never a silent overwrite.
 */

export const APPLICATION_ASSIGN = graphql(`mutation OfficeAssign($id: ID!, $version: Int!, $assigneeId: ID) {
  applicationAssign(input: { id: $id, version: $version, assigneeId: $assigneeId }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
    ... on ApplicationConflictError { currentVersion }
  }
}`);

export const APPLICATION_REVIEW_START = graphql(`mutation OfficeReviewStart($id: ID!, $version: Int!) {
  applicationReviewStart(input: { id: $id, version: $version }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
    ... on ApplicationConflictError { currentVersion }
  }
}`);

export const APPLICATION_INFO_REQUEST =
  graphql(`mutation OfficeInfoRequest($id: ID!, $version: Int!, $message: String!) {
  applicationInfoRequest(input: { id: $id, version: $version, message: $message }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
    ... on ApplicationConflictError { currentVersion }
  }
}`);

export const APPLICATION_APPROVE = graphql(`mutation OfficeApprove($id: ID!, $version: Int!, $reason: String) {
  applicationApprove(input: { id: $id, version: $version, reason: $reason }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
    ... on ApplicationConflictError { currentVersion }
  }
}`);

export const APPLICATION_REJECT = graphql(`mutation OfficeReject($id: ID!, $version: Int!, $reason: String!) {
  applicationReject(input: { id: $id, version: $version, reason: $reason }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
    ... on ApplicationConflictError { currentVersion }
  }
}`);

export const APPLICATION_CLOSE = graphql(`mutation OfficeClose($id: ID!, $version: Int!, $reason: String) {
  applicationClose(input: { id: $id, version: $version, reason: $reason }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
    ... on ApplicationConflictError { currentVersion }
  }
}`);

/** An internal note: the citizen never sees it. */
export const APPLICATION_NOTE_ADD = graphql(`mutation OfficeNoteAdd($id: ID!, $body: String!) {
  applicationNoteAdd(input: { id: $id, body: $body }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
  }
}`);

/** A message to the citizen (they read it on their application and get a mail). */
export const APPLICATION_MESSAGE_SEND = graphql(`mutation OfficeMessageSend($id: ID!, $body: String!) {
  applicationMessageSend(input: { id: $id, body: $body }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
  }
}`);

/** What every mutation's payload looks like to the back office: a success, or an error with its message. */
export interface OfficePayload {
  readonly __typename: string;
  readonly message?: string;
  readonly field?: string;
  readonly problems?: readonly { readonly field: string; readonly message: string }[];
  readonly currentVersion?: number;
}
