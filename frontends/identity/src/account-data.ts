/**
 * The operations of `<gemeng-account>` and the shapes of their answers, typed from the supergraph (ADR 9).
 * Mutation inputs are written inline with typed variables, so the documents name only scalars and enums.
 */
import { graphql, type OperationResult } from '@gemeng/frontend-kit';

/** How many entries of the security log the widget shows. */
export const SECURITY_LOG_SIZE = 50;
/** The most communes of residence a person may choose. */
export const MAX_COMMUNES_OF_RESIDENCE = 5;
/** The most active applications a person may have (identity's MAX_APPS_PER_DEVELOPER; operators have no limit). */
export const MAX_ACTIVE_API_CLIENTS = 5;
/** An application's name, trimmed, in UTF-16 code units as identity counts them. */
export const API_CLIENT_NAME_MIN = 3;
export const API_CLIENT_NAME_MAX = 100;
/** The scope applications ask for with the client credentials grant. */
export const API_CLIENT_SCOPE = 'graph.read';

/** The signed-in person, through the router with their access token, and the communes to choose from. */
export const ACCOUNT_QUERY = graphql(`query Account($securityLogSize: Int!) {
  me {
    id name email emailVerified preferredLanguage
    communesOfResidence { id slug name }
    codeCard { serial totalCells remainingCells issuedAt }
    totpEnabled
    passkeys { id name createdAt lastUsedAt backedUp }
    sessions { id signedInAt expiresAt acr applications current }
    securityLog(first: $securityLogSize) { kind at ip byAnotherPerson }
    apiClients { clientId name scopes createdAt revokedAt }
  }
  communes { id slug name }
}`);

export type AccountData = OperationResult<typeof ACCOUNT_QUERY>;
export type Me = NonNullable<AccountData['me']>;
export type CommuneRef = Me['communesOfResidence'][number];
export type CodeCardStatus = NonNullable<Me['codeCard']>;
export type Passkey = Me['passkeys'][number];
/** A sign-in session; `current` is the one this page is signed in with (the access token's `sid`). */
export type SignInSession = Me['sessions'][number];
export type SecurityEvent = Me['securityLog'][number];
/** An application the person registered for the client credentials grant (its secret is never readable). */
export type ApiClient = Me['apiClients'][number];

/** A mutation's expected failure, as its result union returns it. */
export type MutationFailure =
  | {
      readonly __typename: 'ValidationError';
      readonly message: string;
      readonly field: string;
      /** Every field in error: the form shows each at its field (the kit's MutationController.showFailure). */
      readonly problems: readonly { readonly field: string; readonly message: string }[];
    }
  | { readonly __typename: 'NotFoundError'; readonly message: string };

export const PROFILE_UPDATE = graphql(`mutation ProfileUpdate(
  $name: String, $preferredLanguage: Language, $communes: [ID!]
) {
  profileUpdate(input: { name: $name, preferredLanguage: $preferredLanguage, communesOfResidence: $communes }) {
    __typename
    ... on ValidationError { message field problems { field message } }
    ... on ProfileUpdatePayload { user { id } }
  }
}`);

export const EMAIL_CHANGE = graphql(`mutation EmailChange($newEmail: String!, $password: String!) {
  emailChange(input: { newEmail: $newEmail, password: $password }) {
    __typename
    ... on ValidationError { message field problems { field message } }
    ... on EmailChangePayload { linkSent }
  }
}`);

export const TOTP_ENROL_START = graphql('mutation TotpEnrolStart { totpEnrolStart { secret otpauthUri } }');

export const TOTP_ENROL_CONFIRM = graphql(`mutation TotpEnrolConfirm($code: String!) {
  totpEnrolConfirm(input: { code: $code }) {
    __typename
    ... on ValidationError { message field problems { field message } }
    ... on TotpEnrolConfirmPayload { recoveryCodes }
  }
}`);

export const TOTP_REMOVE = graphql(`mutation TotpRemove {
  totpRemove {
    __typename
    ... on NotFoundError { message }
    ... on TotpRemovePayload { removed }
  }
}`);

export const PASSKEY_REGISTER_START = graphql('mutation PasskeyRegisterStart { passkeyRegisterStart { options } }');

export const PASSKEY_REGISTER_FINISH = graphql(`mutation PasskeyRegisterFinish($name: String!, $response: JSON!) {
  passkeyRegisterFinish(input: { name: $name, response: $response }) {
    __typename
    ... on ValidationError { message field problems { field message } }
    ... on PasskeyRegisterPayload { passkey { id name } }
  }
}`);

export const PASSKEY_REMOVE = graphql(`mutation PasskeyRemove($id: ID!) {
  passkeyRemove(input: { id: $id }) {
    __typename
    ... on NotFoundError { message }
    ... on PasskeyRemovePayload { removedId }
  }
}`);

export const SESSION_REVOKE = graphql(`mutation SessionRevoke($id: ID!) {
  sessionRevoke(input: { id: $id }) {
    __typename
    ... on NotFoundError { message }
    ... on SessionRevokePayload { revokedId }
  }
}`);

/** Registers an application; the payload has its secret, the only time it can be read. */
export const API_CLIENT_CREATE = graphql(`mutation ApiClientCreate($name: String!) {
  apiClientCreate(input: { name: $name }) {
    __typename
    ... on ValidationError { message field problems { field message } }
    ... on ApiClientCreatePayload { clientSecret apiClient { clientId name scopes createdAt revokedAt } }
  }
}`);

/** A new secret for an active application (the old one stops working at once), shown only in this payload. */
export const API_CLIENT_ROTATE_SECRET = graphql(`mutation ApiClientRotateSecret($clientId: ID!) {
  apiClientRotateSecret(input: { clientId: $clientId }) {
    __typename
    ... on NotFoundError { message }
    ... on ApiClientRotateSecretPayload { clientSecret apiClient { clientId name scopes createdAt revokedAt } }
  }
}`);

/** Revokes an application: its next token request fails, its tokens expire within 10 minutes. */
export const API_CLIENT_REVOKE = graphql(`mutation ApiClientRevoke($clientId: ID!) {
  apiClientRevoke(input: { clientId: $clientId }) {
    __typename
    ... on NotFoundError { message }
    ... on ApiClientRevokePayload { apiClient { clientId revokedAt } }
  }
}`);

/** True when a mutation's result is one of its expected failures. */
export function isFailure(result: { readonly __typename: string }): result is MutationFailure {
  return result.__typename === 'ValidationError' || result.__typename === 'NotFoundError';
}

/**
 * Everything the platform holds about the signed-in person, for "Download my data" (GDPR art. 15 and 20): identity
 * answers `personalDataExport`, the other subgraphs their `personalData<Subgraph>` field on `User`. Each is a JSON
 * section (`{ subgraph, holds, exportedAt, data }`), or null once the account is erased.
 */
export const PERSONAL_DATA_EXPORT = graphql(`query PersonalDataExport {
  personalDataExport
  me { id personalDataProcedures personalDataCulture personalDataBilling }
}`);
export type PersonalDataExportResult = OperationResult<typeof PERSONAL_DATA_EXPORT>;

/** The file "Download my data" offers: every subgraph's section under one date. */
export interface PersonalDataDocument {
  readonly exportedAt: string;
  readonly identity: unknown;
  readonly procedures: unknown;
  readonly culture: unknown;
  readonly billing: unknown;
}

/** Erases the account for good, with the password again (no second factor: everyone must be able to). */
export const ACCOUNT_ERASE = graphql(`mutation AccountErase($password: String!) {
  accountErase(input: { password: $password }) {
    __typename
    ... on ValidationError { message field problems { field message } }
    ... on AccountErasePayload { erasedUserId }
  }
}`);
