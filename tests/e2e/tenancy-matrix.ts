/**
 * The tenancy matrix's vocabulary, shared by the files that list operations (tenancy.int.test.ts for identity,
 * tenancy-procedures.ts for a commune's applications, …): the kinds of caller, the outcomes, and the outcome sets
 * that recur.
 */
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import type { GraphQLResult } from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();

export const A = demoCommuneId('dudelange');
export const B = demoCommuneId('hesperange');

export const CALLERS = [
  'anonymous',
  'citizen',
  'agent of A',
  'administrator of A',
  'administrator of B',
  'operator',
  'API client',
  // An administrator of A who has a second factor but signed in with the password alone.
  'administrator of A, password only',
] as const;
export type CallerName = (typeof CALLERS)[number];

/** What a caller gets: the data, a GraphQL error by code, or a typed error (its __typename) in the payload. */
export type Outcome =
  | 'data'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INSUFFICIENT_USER_AUTHENTICATION'
  | 'NOT_FOUND'
  | `typed ${string}`;

export interface Operation {
  name: string;
  /** Runs the operation with the caller's token; `check` then sees the state it left. */
  run(token: string | undefined): Promise<{ result: GraphQLResult; check?: (outcome: Outcome) => Promise<void> }>;
  expected: Record<CallerName, Outcome>;
}

/** Everyone who is not an administrator of A (or an operator) is refused; anonymous callers are told to sign in. */
export const administratorsOfA: Record<CallerName, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  citizen: 'FORBIDDEN',
  'agent of A': 'FORBIDDEN',
  'administrator of A': 'data',
  'administrator of B': 'FORBIDDEN',
  operator: 'data',
  'API client': 'FORBIDDEN',
  'administrator of A, password only': 'data',
};

/** Privileged acts in A (roles, code cards): as above, and a password alone gets the step-up challenge. */
export const privilegedInA: Record<CallerName, Outcome> = {
  ...administratorsOfA,
  'administrator of A, password only': 'INSUFFICIENT_USER_AUTHENTICATION',
};

/** Issuing code cards in A: its agents too. */
export const agentsOfA: Record<CallerName, Outcome> = { ...privilegedInA, 'agent of A': 'data' };

/**
 * A's back office: its own agents and administrators, signed in with two factors (applicants' personal data: a
 * password alone gets the step-up challenge); operators are refused, they see nothing personal of any commune.
 */
export const officeOfA: Record<CallerName, Outcome> = {
  ...privilegedInA,
  'agent of A': 'data',
  operator: 'FORBIDDEN',
};

export function outcomeOf(result: GraphQLResult, field: string): Outcome {
  const code = result.body.errors?.[0]?.extensions?.code;
  if (code) return code as Outcome;
  const value = result.body.data?.[field] as { __typename?: string } | undefined;
  if (value?.__typename?.endsWith('Error')) return `typed ${value.__typename}`;
  return 'data';
}

export async function roleOf(userId: string, communeId: string): Promise<string | null> {
  const db = createDb(stack.databaseUrls.identity);
  try {
    const row = await db.communeRole.findUnique({ where: { userId_communeId: { userId, communeId } } });
    return row?.role ?? null;
  } finally {
    await db.$disconnect();
  }
}

/** Runs the steps one after the other; their results in order, typed like Promise.all's. */
export async function inSequence<const T extends readonly (() => Promise<unknown>)[]>(
  steps: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
