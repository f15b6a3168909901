/**
 * The operations of `<gemeng-account>` and the shapes of their answers (the identity subgraph's contract).
 * Mutation inputs are written inline with typed variables, so the documents name only scalars and enums.
 */

export interface CommuneRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

export interface CodeCardStatus {
  readonly serial: string;
  readonly totalCells: number;
  readonly remainingCells: number;
  readonly issuedAt: string;
}

export interface Passkey {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly backedUp: boolean;
}

export interface SignInSession {
  readonly id: string;
  readonly signedInAt: string;
  readonly expiresAt: string;
  readonly acr: string;
  readonly applications: readonly string[];
  /** The session this page is signed in with (the access token's `sid`). */
  readonly current: boolean;
}

export interface SecurityEvent {
  readonly kind: string;
  readonly at: string;
  readonly ip: string | null;
  readonly byAnotherPerson: boolean;
}

/** An application the person registered for the client credentials grant (its secret is never readable). */
export interface ApiClient {
  readonly clientId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface Me {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly emailVerified: boolean;
  readonly preferredLanguage: string;
  readonly communesOfResidence: readonly CommuneRef[];
  readonly codeCard: CodeCardStatus | null;
  readonly totpEnabled: boolean;
  readonly passkeys: readonly Passkey[];
  readonly sessions: readonly SignInSession[];
  readonly securityLog: readonly SecurityEvent[];
  /** The person's own applications, newest first, revoked ones included. */
  readonly apiClients: readonly ApiClient[];
}

export interface AccountData {
  me: Me | null;
  /** Every member commune, for the residence picker. */
  communes?: readonly CommuneRef[];
}

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
export const ACCOUNT_QUERY = `query Account {
  me {
    id name email emailVerified preferredLanguage
    communesOfResidence { id slug name }
    codeCard { serial totalCells remainingCells issuedAt }
    totpEnabled
    passkeys { id name createdAt lastUsedAt backedUp }
    sessions { id signedInAt expiresAt acr applications current }
    securityLog(first: ${SECURITY_LOG_SIZE}) { kind at ip byAnotherPerson }
    apiClients { clientId name scopes createdAt revokedAt }
  }
  communes { id slug name }
}`;

/** A mutation's expected failure, as its result union returns it. */
export type MutationFailure =
  | { readonly __typename: 'ValidationError'; readonly message: string; readonly field: string }
  | { readonly __typename: 'NotFoundError'; readonly message: string };

export const PROFILE_UPDATE = `mutation ProfileUpdate($name: String, $preferredLanguage: Language, $communes: [ID!]) {
  profileUpdate(input: { name: $name, preferredLanguage: $preferredLanguage, communesOfResidence: $communes }) {
    __typename
    ... on ValidationError { message field }
    ... on ProfileUpdatePayload { user { id } }
  }
}`;
export type ProfileUpdateResult = {
  profileUpdate: MutationFailure | { readonly __typename: 'ProfileUpdatePayload'; readonly user: { id: string } };
};

export const EMAIL_CHANGE = `mutation EmailChange($newEmail: String!, $password: String!) {
  emailChange(input: { newEmail: $newEmail, password: $password }) {
    __typename
    ... on ValidationError { message field }
    ... on EmailChangePayload { linkSent }
  }
}`;
export type EmailChangeResult = {
  emailChange: MutationFailure | { readonly __typename: 'EmailChangePayload'; readonly linkSent: boolean };
};

export const TOTP_ENROL_START = 'mutation TotpEnrolStart { totpEnrolStart { secret otpauthUri } }';
export type TotpEnrolStartResult = { totpEnrolStart: { secret: string; otpauthUri: string } };

export const TOTP_ENROL_CONFIRM = `mutation TotpEnrolConfirm($code: String!) {
  totpEnrolConfirm(input: { code: $code }) {
    __typename
    ... on ValidationError { message field }
    ... on TotpEnrolConfirmPayload { recoveryCodes }
  }
}`;
export type TotpEnrolConfirmResult = {
  totpEnrolConfirm:
    | MutationFailure
    | { readonly __typename: 'TotpEnrolConfirmPayload'; readonly recoveryCodes: readonly string[] };
};

export const TOTP_REMOVE = `mutation TotpRemove {
  totpRemove {
    __typename
    ... on NotFoundError { message }
    ... on TotpRemovePayload { removed }
  }
}`;
export type TotpRemoveResult = {
  totpRemove: MutationFailure | { readonly __typename: 'TotpRemovePayload'; readonly removed: boolean };
};

export const PASSKEY_REGISTER_START = 'mutation PasskeyRegisterStart { passkeyRegisterStart { options } }';
export type PasskeyRegisterStartResult = { passkeyRegisterStart: { options: unknown } };

export const PASSKEY_REGISTER_FINISH = `mutation PasskeyRegisterFinish($name: String!, $response: JSON!) {
  passkeyRegisterFinish(input: { name: $name, response: $response }) {
    __typename
    ... on ValidationError { message field }
    ... on PasskeyRegisterPayload { passkey { id name } }
  }
}`;
export type PasskeyRegisterFinishResult = {
  passkeyRegisterFinish:
    | MutationFailure
    | { readonly __typename: 'PasskeyRegisterPayload'; readonly passkey: { id: string; name: string } };
};

export const PASSKEY_REMOVE = `mutation PasskeyRemove($id: ID!) {
  passkeyRemove(input: { id: $id }) {
    __typename
    ... on NotFoundError { message }
    ... on PasskeyRemovePayload { removedId }
  }
}`;
export type PasskeyRemoveResult = {
  passkeyRemove: MutationFailure | { readonly __typename: 'PasskeyRemovePayload'; readonly removedId: string };
};

export const SESSION_REVOKE = `mutation SessionRevoke($id: ID!) {
  sessionRevoke(input: { id: $id }) {
    __typename
    ... on NotFoundError { message }
    ... on SessionRevokePayload { revokedId }
  }
}`;
export type SessionRevokeResult = {
  sessionRevoke: MutationFailure | { readonly __typename: 'SessionRevokePayload'; readonly revokedId: string };
};

const API_CLIENT_FIELDS = 'clientId name scopes createdAt revokedAt';

/** Registers an application; the payload has its secret, the only time it can be read. */
export const API_CLIENT_CREATE = `mutation ApiClientCreate($name: String!) {
  apiClientCreate(input: { name: $name }) {
    __typename
    ... on ValidationError { message field }
    ... on ApiClientCreatePayload { clientSecret apiClient { ${API_CLIENT_FIELDS} } }
  }
}`;
export type ApiClientCreateResult = {
  apiClientCreate:
    | MutationFailure
    | { readonly __typename: 'ApiClientCreatePayload'; readonly clientSecret: string; readonly apiClient: ApiClient };
};

/** A new secret for an active application (the old one stops working at once), shown only in this payload. */
export const API_CLIENT_ROTATE_SECRET = `mutation ApiClientRotateSecret($clientId: ID!) {
  apiClientRotateSecret(input: { clientId: $clientId }) {
    __typename
    ... on NotFoundError { message }
    ... on ApiClientRotateSecretPayload { clientSecret apiClient { ${API_CLIENT_FIELDS} } }
  }
}`;
export type ApiClientRotateSecretResult = {
  apiClientRotateSecret:
    | MutationFailure
    | {
        readonly __typename: 'ApiClientRotateSecretPayload';
        readonly clientSecret: string;
        readonly apiClient: ApiClient;
      };
};

/** Revokes an application: its next token request fails, its tokens expire within 10 minutes. */
export const API_CLIENT_REVOKE = `mutation ApiClientRevoke($clientId: ID!) {
  apiClientRevoke(input: { clientId: $clientId }) {
    __typename
    ... on NotFoundError { message }
    ... on ApiClientRevokePayload { apiClient { clientId revokedAt } }
  }
}`;
export type ApiClientRevokeResult = {
  apiClientRevoke:
    | MutationFailure
    | {
        readonly __typename: 'ApiClientRevokePayload';
        readonly apiClient: { readonly clientId: string; readonly revokedAt: string | null };
      };
};

/** True when a mutation's result is one of its expected failures. */
export function isFailure(result: { readonly __typename: string }): result is MutationFailure {
  return result.__typename === 'ValidationError' || result.__typename === 'NotFoundError';
}

/**
 * Everything the platform holds about the signed-in person, for "Download my data" (GDPR art. 15 and 20): identity
 * answers `personalDataExport`, the other subgraphs their `personalData<Subgraph>` field on `User`. Each is a JSON
 * section (`{ subgraph, holds, exportedAt, data }`), or null once the account is erased.
 */
export const PERSONAL_DATA_EXPORT = `query PersonalDataExport {
  personalDataExport
  me { id personalDataProcedures personalDataCulture personalDataBilling }
}`;
export interface PersonalDataExportResult {
  readonly personalDataExport: unknown;
  readonly me: {
    readonly id: string;
    readonly personalDataProcedures: unknown;
    readonly personalDataCulture: unknown;
    readonly personalDataBilling: unknown;
  } | null;
}

/** The file "Download my data" offers: every subgraph's section under one date. */
export interface PersonalDataDocument {
  readonly exportedAt: string;
  readonly identity: unknown;
  readonly procedures: unknown;
  readonly culture: unknown;
  readonly billing: unknown;
}

/** Erases the account for good, with the password again (no second factor: everyone must be able to). */
export const ACCOUNT_ERASE = `mutation AccountErase($password: String!) {
  accountErase(input: { password: $password }) {
    __typename
    ... on ValidationError { message field }
    ... on AccountErasePayload { erasedUserId }
  }
}`;
export type AccountEraseResult = {
  accountErase: MutationFailure | { readonly __typename: 'AccountErasePayload'; readonly erasedUserId: string };
};
