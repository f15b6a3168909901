/** What went wrong, so that callers can choose a message (retry for `network`/`http`, not for `graphql`). */
export type GraphQLRequestErrorKind = 'network' | 'http' | 'graphql' | 'aborted' | 'invalid-response';

export interface GraphQLErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface GraphQLRequestErrorOptions {
  readonly kind: GraphQLRequestErrorKind;
  readonly status?: number;
  readonly errors?: readonly GraphQLErrorEntry[];
  /** Partial data returned next to errors (GraphQL allows both). */
  readonly data?: unknown;
  readonly cause?: unknown;
}

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  readonly kind: GraphQLRequestErrorKind;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  readonly errors: readonly GraphQLErrorEntry[];
  readonly data: unknown;

  constructor(message: string, options: GraphQLRequestErrorOptions) {
    super(message, { cause: options.cause });
    this.kind = options.kind;
    this.status = options.status;
    this.errors = options.errors ?? [];
    this.data = options.data;
  }

  /** `error` as a GraphQLRequestError: itself, or anything else thrown while reading a response. */
  static from(error: unknown): GraphQLRequestError {
    return error instanceof GraphQLRequestError
      ? error
      : new GraphQLRequestError(String(error), { kind: 'invalid-response', cause: error });
  }

  /** True when trying again may help (the server or the network failed, not the query). */
  get retryable(): boolean {
    return this.kind === 'network' || (this.kind === 'http' && (this.status ?? 500) >= 500);
  }
}

/** The error code of a field that asks for a stronger sign-in (RFC 9470's step-up, in GraphQL errors). */
export const INSUFFICIENT_USER_AUTHENTICATION = 'INSUFFICIENT_USER_AUTHENTICATION';

/** What a step-up challenge asks for: sign in again with `acr_values` = `acrValues`. */
export interface StepUpChallenge {
  readonly acrValues: string;
}

/**
 * The step-up challenge carried by a failed request (`extensions.code` = INSUFFICIENT_USER_AUTHENTICATION, with
 * `extensions.acr_values`), or undefined for any other failure. The caller signs in again with that level
 * (`AuthClient.signIn({ acr })`) and repeats the operation.
 */
export function stepUpChallenge(error: unknown): StepUpChallenge | undefined {
  if (!(error instanceof GraphQLRequestError) || error.kind !== 'graphql') return undefined;
  const entry = error.errors.find((e) => e.extensions?.code === INSUFFICIENT_USER_AUTHENTICATION);
  if (!entry) return undefined;
  const acrValues = entry.extensions?.acr_values;
  return { acrValues: typeof acrValues === 'string' && acrValues ? acrValues : 'substantial' };
}

export interface GraphQLRequestOptions {
  /** Sent as `accept-language`: the server localises names and titles from it. */
  readonly lang?: string;
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
  /** Injected for tests and non-browser callers; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /**
   * Signs the request as the person: the token (an `AuthClient`'s `getAccessToken`) is sent as
   * `authorization: Bearer …`; undefined means anonymous.
   */
  readonly accessToken?: () => Promise<string | undefined>;
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: GraphQLErrorEntry[];
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/**
 * POSTs one GraphQL operation and returns its `data`. Throws a {@link GraphQLRequestError} for network and
 * HTTP failures, unreadable responses and any GraphQL `errors` (with the partial `data` attached), so that a
 * caller only handles one error type.
 */
export async function graphqlRequest<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
  endpoint: string,
  query: string,
  variables?: TVariables,
  options: GraphQLRequestOptions = {},
): Promise<TData> {
  const { lang, signal, headers = {}, fetch: fetchImpl = globalThis.fetch, accessToken } = options;
  const token = accessToken ? await accessToken() : undefined;
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(lang ? { 'accept-language': lang } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables: variables ?? {} }),
      signal: signal ?? null,
      credentials: 'omit',
    });
  } catch (error) {
    if (isAbort(error, signal)) {
      throw new GraphQLRequestError('The request was aborted.', { kind: 'aborted', cause: error });
    }
    throw new GraphQLRequestError(`Could not reach ${endpoint}: ${(error as Error).message}`, {
      kind: 'network',
      cause: error,
    });
  }

  let body: GraphQLResponseBody<TData> | undefined;
  try {
    body = (await response.json()) as GraphQLResponseBody<TData>;
  } catch (error) {
    if (isAbort(error, signal)) {
      throw new GraphQLRequestError('The request was aborted.', { kind: 'aborted', cause: error });
    }
    // A proxy error page or an empty body: report the HTTP status when there is one worth reporting.
    if (!response.ok) {
      throw new GraphQLRequestError(`HTTP ${response.status} from ${endpoint}`, {
        kind: 'http',
        status: response.status,
      });
    }
    throw new GraphQLRequestError(`The response from ${endpoint} is not JSON.`, {
      kind: 'invalid-response',
      status: response.status,
      cause: error,
    });
  }

  if (body === null || typeof body !== 'object') {
    throw new GraphQLRequestError(`The response from ${endpoint} is not a GraphQL response.`, {
      kind: 'invalid-response',
      status: response.status,
    });
  }
  const errors = Array.isArray(body.errors) ? body.errors : [];
  // GraphQL-over-HTTP servers answer 4xx with a GraphQL body for invalid requests: prefer its messages.
  if (errors.length > 0) {
    throw new GraphQLRequestError(errors.map((e) => e.message).join('; '), {
      kind: 'graphql',
      status: response.status,
      errors,
      data: body.data ?? undefined,
    });
  }
  if (!response.ok) {
    throw new GraphQLRequestError(`HTTP ${response.status} from ${endpoint}`, {
      kind: 'http',
      status: response.status,
    });
  }
  if (body.data === undefined || body.data === null) {
    throw new GraphQLRequestError(`The response from ${endpoint} has no data.`, {
      kind: 'invalid-response',
      status: response.status,
    });
  }
  return body.data;
}
