import { GraphQLRequestError, INSUFFICIENT_USER_AUTHENTICATION } from '../graphql-client.ts';

/** One field's problem, as the graph's `FieldProblem` (see the subgraph kit's `ValidationError.problems`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The expected failures the graph returns in mutation payloads (the subgraph kit's error types). */
export type PayloadError =
  | {
      readonly __typename: 'ValidationError';
      readonly message: string;
      readonly field: string;
      /** Every field in error, when the operation asks for them (`problems { field message }`). */
      readonly problems?: readonly FieldProblem[];
    }
  | { readonly __typename: 'NotFoundError' | 'ForbiddenError'; readonly message: string }
  | {
      readonly __typename: 'InsufficientAssuranceError';
      readonly message: string;
      readonly acrValues?: string;
      readonly maxAge?: number | null;
    };

const PAYLOAD_ERRORS = new Set(['ValidationError', 'NotFoundError', 'ForbiddenError', 'InsufficientAssuranceError']);

/** True when a mutation's payload is one of the graph's expected failures. */
export function isPayloadError(payload: { readonly __typename: string } | null | undefined): payload is PayloadError {
  return Boolean(payload && PAYLOAD_ERRORS.has(payload.__typename));
}

/** An `InsufficientAssuranceError` payload, thrown as the step-up challenge the GraphQL error would carry. */
export function payloadChallenge<T>(
  answer: T,
  payload: (answer: T) => { readonly __typename: string } | null | undefined,
): T {
  const found = payload(answer);
  if (found?.__typename !== 'InsufficientAssuranceError') return answer;
  const error = found as Extract<PayloadError, { __typename: 'InsufficientAssuranceError' }>;
  throw new GraphQLRequestError(error.message, {
    kind: 'graphql',
    errors: [
      {
        message: error.message,
        extensions: {
          code: INSUFFICIENT_USER_AUTHENTICATION,
          acr_values: error.acrValues ?? 'substantial',
          ...(error.maxAge == null ? {} : { max_age: error.maxAge }),
        },
      },
    ],
  });
}
