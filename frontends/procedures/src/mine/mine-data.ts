import { graphql, type OperationResult } from '@gemeng/frontend-kit';

/** The signed-in citizen's applications, the latest change first (drafts included: they are marked). */
export const MY_APPLICATIONS_QUERY = graphql(`query MyApplications {
  myApplications(first: 50) {
    id
    reference
    state
    updatedAt
    submittedAt
    draftExpiresAt
    expectedDecisionOn
    overdue
    procedure { code title }
    commune { slug name }
  }
}`);

/** One application of the signed-in citizen, with everything its page shows. */
export const MY_APPLICATION_QUERY = graphql(`query MyApplication($id: ID!) {
  application(id: $id) {
    id
    reference
    state
    version
    answers
    form
    createdAt
    updatedAt
    submittedAt
    decidedAt
    draftExpiresAt
    expectedDecisionOn
    overdue
    procedure { code title }
    commune { slug name }
    history { at actorName actorRole fromState toState reason }
    messages { id at authorName authorRole body }
    attachments { id kind fileName mediaType size url }
    receiptUrl
  }
}`);

/** A message of the citizen to the commune's agents on one application. */
export const MESSAGE_SEND_MUTATION = graphql(`mutation MyApplicationMessageSend($id: ID!, $body: String!) {
  applicationMessageSend(input: { id: $id, body: $body }) {
    __typename
    ... on ValidationError { message field problems { field message } }
    ... on Error { message }
  }
}`);

export type MyApplicationsData = OperationResult<typeof MY_APPLICATIONS_QUERY>;
export type ApplicationSummary = MyApplicationsData['myApplications'][number];
export type ApplicationDetail = NonNullable<OperationResult<typeof MY_APPLICATION_QUERY>['application']>;
export type ApplicationState = ApplicationSummary['state'];

/** The portal's form route; `{application}` lets the form open that application (a NEEDS_INFO answer). */
export const DEFAULT_FORM_HREF = '/communes/{commune}/procedures/{procedure}?application={application}';

/** Where a draft is continued or an information request answered: the procedure's form, for this application. */
export function applicationFormHref(template: string | undefined, application: ApplicationSummary): string {
  return (template || DEFAULT_FORM_HREF)
    .replaceAll('{commune}', encodeURIComponent(application.commune.slug))
    .replaceAll('{procedure}', encodeURIComponent(application.procedure.code))
    .replaceAll('{application}', encodeURIComponent(application.id));
}

/** Where an application's page is: the portal's `/applications/<id>` unless `detail-href` says otherwise. */
export function applicationHref(template: string | undefined, id: string): string {
  return (template || '/applications/{application}').replaceAll('{application}', encodeURIComponent(id));
}

/** The tag's colour class per state (GOV.UK tags: grey for drafts and closed, blue in progress, …). */
export const STATE_TAG: Readonly<Record<ApplicationState, string>> = {
  DRAFT: 'tag grey',
  SUBMITTED: 'tag blue',
  IN_REVIEW: 'tag blue',
  NEEDS_INFO: 'tag orange',
  APPROVED: 'tag green',
  REJECTED: 'tag red',
  WITHDRAWN: 'tag grey',
  CLOSED: 'tag grey',
};
