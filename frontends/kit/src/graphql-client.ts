import { accessTokenRejected } from './auth/page.ts';
import { assertTokenEndpoint } from './config.ts';
import type { Operation } from './graphql.ts';

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

/**
 * What a step-up challenge asks for: sign in again with `acr_values` = `acrValues` and, when the change needs a
 * recent second factor ("sudo mode"), `max_age` = `maxAge` seconds (RFC 9470 §3).
 */
export interface StepUpChallenge {
  readonly acrValues: string;
  readonly maxAge?: number;
}

/** RFC 9470 sends `max_age` as a number; a numeric string is accepted too, anything else ignored. */
function maxAgeOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/**
 * The step-up challenge carried by a failed request (`extensions.code` = INSUFFICIENT_USER_AUTHENTICATION, with
 * `extensions.acr_values` and, for changes that need a recent second factor, `extensions.max_age`), or undefined
 * for any other failure. The caller signs in again with that level and age (`AuthClient.signIn({ acr, maxAge })`)
 * and repeats the operation.
 */
export function stepUpChallenge(error: unknown): StepUpChallenge | undefined {
  if (!(error instanceof GraphQLRequestError) || error.kind !== 'graphql') return undefined;
  const entry = error.errors.find((e) => e.extensions?.code === INSUFFICIENT_USER_AUTHENTICATION);
  if (!entry) return undefined;
  const acrValues = entry.extensions?.acr_values;
  const maxAge = maxAgeOf(entry.extensions?.max_age);
  return {
    acrValues: typeof acrValues === 'string' && acrValues.trim() ? acrValues.trim() : 'substantial',
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

/**
 * Runs `operation`; when it fails with a step-up challenge, waits for `stepUp(challenge)` (the person signs in
 * again: true once done, false when they gave up) and runs it again with the new token, so that the change the
 * person asked for carries on. Every new challenge asks again; any other failure, or giving up, ends it (giving
 * up resolves to undefined).
 */
export async function withStepUp<T>(
  operation: () => Promise<T>,
  stepUp: (challenge: StepUpChallenge) => Promise<boolean>,
): Promise<T | undefined> {
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      const challenge = stepUpChallenge(error);
      if (!challenge) throw error;
      if (!(await stepUp(challenge))) return undefined;
    }
  }
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
   * `authorization: Bearer …`; undefined means anonymous. Only to an endpoint on `tokenOrigins`.
   */
  readonly accessToken?: () => Promise<string | undefined>;
  /**
   * The origins the token may go to; default: the routers the page configured ({@link tokenOrigins}). Another
   * endpoint gets no request at all: a {@link ConfigurationError} is thrown before the token is read.
   */
  readonly tokenOrigins?: readonly string[];
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: GraphQLErrorEntry[];
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/** Longer GET URLs may be cut by proxies and servers (8 KB is a common limit): such queries go as POST. */
export const MAX_GET_URL_LENGTH = 4_000;

/**
 * True when the document's first definition is a query (`query …` or the shorthand `{ … }`; comments and commas
 * skipped): what may go as GET and be kept. A document starting with a fragment counts as not a query.
 */
export function isQueryDocument(query: string): boolean {
  return /^(?:\s|,|#[^\n\r]*)*(?:query\b|\{)/.test(query);
}

/**
 * The GraphQL-over-HTTP GET URL of a public query (`?query=…&variables=…`), or undefined when it must go as POST:
 * a mutation (or any document that does not start with a query), an endpoint that is not an absolute http(s)
 * URL once resolved against the page, or a URL longer than {@link MAX_GET_URL_LENGTH}. A GET can be kept by the
 * browser and by the portal's service worker (last-seen public data offline); a signed request never goes as GET.
 */
export function publicQueryUrl(
  endpoint: string,
  query: string,
  variables?: Record<string, unknown>,
): string | undefined {
  if (!isQueryDocument(query)) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint, globalThis.location?.href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.searchParams.set('query', query);
  if (variables && Object.keys(variables).length > 0) url.searchParams.set('variables', JSON.stringify(variables));
  return url.href.length <= MAX_GET_URL_LENGTH ? url.href : undefined;
}

/**
 * Sends one GraphQL operation and returns its `data`: a public query (no access token) as GET
 * ({@link publicQueryUrl}), anything else — a mutation, a signed request — as POST. Throws a {@link GraphQLRequestError} for network and
 * HTTP failures, unreadable responses and any GraphQL `errors` (with the partial `data` attached), so that a
 * caller only handles one error type — and a {@link ConfigurationError}, without sending anything, when it should
 * carry the access token to an endpoint that is not the page's router.
 */
export async function graphqlRequest<TData, TVariables extends Record<string, unknown> = Record<string, unknown>>(
  endpoint: string,
  query: Operation<TData, TVariables>,
  variables?: TVariables,
  options: GraphQLRequestOptions = {},
): Promise<TData> {
  const { lang, signal, headers = {}, fetch: fetchImpl = globalThis.fetch, accessToken } = options;
  if (accessToken) assertTokenEndpoint(endpoint, options.tokenOrigins);
  const token = accessToken ? await accessToken() : undefined;
  const signed = Boolean(token) || Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  const getUrl = signed ? undefined : publicQueryUrl(endpoint, query, variables);
  let response: Response;
  try {
    response = await fetchImpl(getUrl ?? endpoint, {
      method: getUrl ? 'GET' : 'POST',
      headers: {
        // On a GET too: a non-simple content type is what the router's CSRF prevention asks of a query sent
        // without a body (Apollo Server's csrfPrevention), and the router allows it in its CORS answers.
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(lang ? { 'accept-language': lang } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(getUrl ? {} : { body: JSON.stringify({ query, variables: variables ?? {} }) }),
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
  // The router refuses a token of an ended session (signed out elsewhere): the page's client checks and signs out.
  if (token && response.status === 401) accessTokenRejected(token);

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
