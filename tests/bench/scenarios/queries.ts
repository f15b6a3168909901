/** The queries of the benchmarks, and checks of the data they return (a null where data belongs fails a target). */

export const SLICE_QUERY =
  '{ commune(slug: "dudelange") { slug name population procedures { code title } upcomingEvents(first: 3) { title startsAt } subscription { ratePerInhabitantCents yearlyFeeCents } } }';

/** The identity-owned part of the slice: one subgraph fetch through the router, or the identity subgraph itself. */
export const IDENTITY_QUERY = '{ commune(slug: "dudelange") { slug name population } }';

/** Every commune with data from the three other subgraphs (17 communes × 3 subgraphs). */
export const NESTED_QUERY =
  '{ communes { slug name population procedures { code title } upcomingEvents(first: 5) { title startsAt } subscription { yearlyFeeCents } } }';

/** The nested query without Commune.subscription (no @requires): the one all three gateway runtimes answer. */
export const NESTED_NO_REQUIRES_QUERY =
  '{ communes { slug name population procedures { code title } upcomingEvents(first: 5) { title startsAt } } }';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** What is wrong with the identity fields of a commune, or undefined. */
function identityProblem(commune: unknown, where: string): string | undefined {
  if (!isObject(commune)) return `${where} is ${commune === null ? 'null' : 'missing'}`;
  if (typeof commune.slug !== 'string') return `${where}.slug is missing`;
  if (typeof commune.name !== 'string') return `${where}.name is missing`;
  if (typeof commune.population !== 'number') return `${where}.population is missing`;
  return undefined;
}

/** What is wrong with the fields the other subgraphs add to a commune, or undefined. */
function federatedProblem(commune: Json, where: string, subscriptionFields: string[] | null): string | undefined {
  const procedures = commune.procedures;
  if (!Array.isArray(procedures) || procedures.length === 0) return `${where}.procedures is missing or empty`;
  if (!procedures.every((p) => isObject(p) && typeof p.code === 'string' && typeof p.title === 'string')) {
    return `${where}.procedures has incomplete entries`;
  }
  const events = commune.upcomingEvents;
  if (!Array.isArray(events)) return `${where}.upcomingEvents is missing`;
  if (!events.every((e) => isObject(e) && typeof e.title === 'string' && typeof e.startsAt === 'string')) {
    return `${where}.upcomingEvents has incomplete entries`;
  }
  if (subscriptionFields === null) return undefined;
  const subscription = commune.subscription;
  if (!isObject(subscription)) return `${where}.subscription is missing`;
  for (const field of subscriptionFields) {
    if (typeof subscription[field] !== 'number') return `${where}.subscription.${field} is missing`;
  }
  return undefined;
}

export function checkSlice(data: unknown): string | undefined {
  const commune = isObject(data) ? data.commune : undefined;
  const problem = identityProblem(commune, 'commune');
  if (problem || !isObject(commune)) return problem;
  if (commune.slug !== 'dudelange') return `commune.slug is ${String(commune.slug)}, not dudelange`;
  return federatedProblem(commune, 'commune', ['ratePerInhabitantCents', 'yearlyFeeCents']);
}

export function checkIdentity(data: unknown): string | undefined {
  const commune = isObject(data) ? data.commune : undefined;
  const problem = identityProblem(commune, 'commune');
  if (problem || !isObject(commune)) return problem;
  if (commune.slug !== 'dudelange') return `commune.slug is ${String(commune.slug)}, not dudelange`;
  return undefined;
}

export const checkNested = (data: unknown) => checkCommunes(data, ['yearlyFeeCents']);
export const checkNestedNoRequires = (data: unknown) => checkCommunes(data, null);

function checkCommunes(data: unknown, subscriptionFields: string[] | null): string | undefined {
  const communes = isObject(data) ? data.communes : undefined;
  if (!Array.isArray(communes) || communes.length === 0) return 'communes is missing or empty';
  for (const [index, commune] of communes.entries()) {
    const where = `communes[${index}]`;
    const problem =
      identityProblem(commune, where) ??
      (isObject(commune) ? federatedProblem(commune, where, subscriptionFields) : '');
    if (problem) return problem;
  }
  return undefined;
}
