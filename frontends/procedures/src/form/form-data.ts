import { graphql, type OperationResult } from '@gemeng/frontend-kit';

/**
 * The procedure as the form's intro shows it, public (no token): the commune's id is what `applicationStart`
 * needs, the definition is the one a new application starts with.
 */
export const PROCEDURE_QUERY = graphql(`query ProcedureForm($slug: String!, $code: String!) {
  commune(slug: $slug) {
    id
    slug
    name
    procedure(code: $code) {
      id code title summary needs next note assurance feeCents processingDays expectedDecisionOn channel
      attachments { key label required }
      formVersion
      form
    }
  }
}`);
export type ProcedureFormData = OperationResult<typeof PROCEDURE_QUERY>;
export type Procedure = NonNullable<NonNullable<ProcedureFormData['commune']>['procedure']>;

/** One application of the signed-in citizen (a NEEDS_INFO answer, or a reload after a conflict). */
export const APPLICATION_QUERY = graphql(`query ProcedureFormApplication($id: ID!) {
  application(id: $id) {
    id reference state answers formVersion form version updatedAt draftExpiresAt expectedDecisionOn
    attachments { id kind fileName mediaType size }
    procedure {
      id code title summary needs next note assurance feeCents processingDays expectedDecisionOn channel
      attachments { key label required }
      formVersion
      form
    }
    commune { id slug name }
  }
  me { id name email }
}`);
export type ApplicationData = NonNullable<OperationResult<typeof APPLICATION_QUERY>['application']>;

/** What prefill reads: the signed-in person's name and email, and where they live. */
export const ME_QUERY = graphql(`query ProcedureFormMe {
  me { id name email communesOfResidence { id slug name } }
}`);
export type Me = NonNullable<OperationResult<typeof ME_QUERY>['me']>;

/** Starts a draft, or returns the citizen's existing draft of this procedure (resume on any device). */
export const START_MUTATION = graphql(`mutation ApplicationStart($communeId: ID!, $procedureCode: String!) {
  applicationStart(input: { communeId: $communeId, procedureCode: $procedureCode }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
    ... on ApplicationStartPayload {
      application {
        id reference state answers formVersion form version createdAt updatedAt draftExpiresAt expectedDecisionOn
        attachments { id kind fileName mediaType size }
      }
    }
  }
}`);
export type StartResult = OperationResult<typeof START_MUTATION>['applicationStart'];

/** Autosave: the answers as they are (the server checks types only on a draft). */
export const SAVE_MUTATION = graphql(`mutation ApplicationSave($id: ID!, $version: Int!, $answers: JSON!) {
  applicationSave(input: { id: $id, version: $version, answers: $answers }) {
    __typename
    ... on Error { message }
    ... on ApplicationConflictError { currentVersion }
    ... on ApplicationSavePayload { application { id version updatedAt draftExpiresAt } }
  }
}`);
export type SaveResult = OperationResult<typeof SAVE_MUTATION>['applicationSave'];

/** Submission (or resubmission after a request for information): full validation on the server. */
export const SUBMIT_MUTATION = graphql(`mutation ApplicationSubmit($id: ID!, $version: Int!) {
  applicationSubmit(input: { id: $id, version: $version }) {
    __typename
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
    ... on ApplicationConflictError { currentVersion }
    ... on ApplicationSubmitPayload {
      application { id reference state version submittedAt expectedDecisionOn receiptUrl }
    }
  }
}`);
export type SubmitResult = OperationResult<typeof SUBMIT_MUTATION>['applicationSubmit'];

/** An attachment of the application, as the form lists it under its file field. */
export interface AttachmentInfo {
  readonly id: string;
  readonly kind: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
}

/** The application being filled in, whichever query or mutation brought it. */
export interface DraftState {
  readonly id: string;
  readonly state: string;
  readonly version: number;
  readonly answers: Record<string, unknown>;
  readonly form: unknown;
  readonly updatedAt: string;
  readonly attachments: readonly AttachmentInfo[];
}

/** Reads a JSON answers value defensively: anything but a plain object is an empty set of answers. */
export function answersOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

/** The application's attachments as the form lists them (entries without an id and a name are left out). */
export function attachmentsOf(value: unknown): AttachmentInfo[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is AttachmentInfo =>
      Boolean(entry) && typeof entry.id === 'string' && typeof entry.fileName === 'string',
  );
}
