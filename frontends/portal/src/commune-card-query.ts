import {
  type ConfigurationError,
  type GemengElementOptions,
  type GraphQLRequestError,
  graphql,
  type OperationResult,
} from '@gemeng/frontend-kit';

/** The operation the card sends; the router localises `name` and `title` from `accept-language`. */
export const COMMUNE_CARD_QUERY = graphql(
  'query CommuneCard($slug: String!) { commune(slug: $slug) { slug name population procedures { code title } upcomingEvents(first: 3) { title startsAt } } }',
);

export type CommuneCardData = OperationResult<typeof COMMUNE_CARD_QUERY>;

export type Commune = NonNullable<CommuneCardData['commune']>;

export interface CommuneCardOptions extends GemengElementOptions {
  /** Level of the card's main heading, so the card fits the host page's outline (1–5). */
  readonly headingLevel: number;
}

export type LoadState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly previous: Commune | undefined }
  | { readonly status: 'loaded'; readonly commune: Commune }
  | { readonly status: 'not-found'; readonly slug: string }
  | { readonly status: 'error'; readonly error: GraphQLRequestError }
  | { readonly status: 'config-error'; readonly error: ConfigurationError };

/** Detail of the `gemeng-error` event. */
export interface CommuneCardErrorDetail {
  readonly error: Error;
  /** `not-found`, `config` or a GraphQLRequestError kind (`network`, `http`, `graphql`, `invalid-response`). */
  readonly kind: string;
}

/** The graph's answer for an unknown slug (an error naming it, and `commune: null`). */
export function isNotFound(error: GraphQLRequestError): boolean {
  if (error.kind !== 'graphql') return false;
  const data = error.data as CommuneCardData | undefined;
  return (
    data?.commune === null ||
    error.errors.some((e) => e.extensions?.code === 'NOT_FOUND' || /no commune with slug/i.test(e.message))
  );
}
