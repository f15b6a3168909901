import {
  bearerOf,
  DEEP_PAGE,
  FILTERED_COUNT,
  INBOX_COMMUNE_ID,
  INBOX_FILTER,
  INBOX_SIZE,
  inboxCursorBefore,
  MANY,
  PAGE_SIZE,
} from '../lib/procedures-data.ts';
import type { Comparison, Target, TargetResult } from '../lib/types.ts';

export const name = 'procedures';

export const description =
  'A citizen’s applications with their histories and messages (1 against 50), and an agent’s inbox over 10,000 ' +
  'submitted applications (first page, filtered and searched, page 100 of the keyset), through the router and ' +
  'straight from the procedures subgraph (its SQL statements per request), with two-factor access tokens.';

/** Seeds 10,000 applications and signs three people in with two factors: only when named. */
export const optIn = true;

/** What the citizen's list and detail show together: each application with its history and messages. */
export const MINE_QUERY = `{ myApplications(first: ${MANY}) { id reference state updatedAt submittedAt expectedDecisionOn overdue procedure { code title } history { at actorName actorRole fromState toState reason } messages { id at authorName authorRole body } } }`;

/** The back office's inbox query (frontends/procedures/src/office/office-operations.ts), with `args` added. */
export const inboxQuery = (args: string) =>
  `{ officeApplications(communeId: "${INBOX_COMMUNE_ID}", first: ${PAGE_SIZE}${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id reference state submittedAt expectedDecisionOn overdue applicantName procedure { code title } assignee { id name } } } } }`;

const INBOX_FIRST = inboxQuery('');
const INBOX_DEEP = inboxQuery(`, after: "${inboxCursorBefore(DEEP_PAGE)}"`);
const INBOX_FILTERED = inboxQuery(`, filter: ${INBOX_FILTER}`);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The citizen's `count` applications, each with its four history entries and two messages (no agents' note). */
function checkMine(count: number) {
  return (data: unknown): string | undefined => {
    const list = isObject(data) ? data.myApplications : undefined;
    if (!Array.isArray(list)) return 'myApplications is missing';
    if (list.length !== count) return `myApplications has ${list.length} entries, not ${count}`;
    for (const application of list) {
      if (!isObject(application) || !isObject(application.procedure)) return 'an application has no procedure';
      if (!Array.isArray(application.history) || application.history.length !== 4) return 'a history is not whole';
      if (!Array.isArray(application.messages) || application.messages.length !== 2) {
        return 'an application does not have its two messages (or shows an internal note)';
      }
    }
    return undefined;
  };
}

/** A full inbox page of `total` matches; unfiltered, the page starts at the `first`-th submission. */
function checkInbox(total: number, first?: number) {
  return (data: unknown): string | undefined => {
    const page = isObject(data) ? data.officeApplications : undefined;
    if (!isObject(page) || !Array.isArray(page.edges)) return 'officeApplications is missing';
    if (page.totalCount !== total) return `totalCount is ${String(page.totalCount)}, not ${total}`;
    if (page.edges.length !== PAGE_SIZE) return `the page has ${page.edges.length} applications, not ${PAGE_SIZE}`;
    const nodes = page.edges.map((edge) => (isObject(edge) && isObject(edge.node) ? edge.node : undefined));
    if (!nodes.every((node) => node && isObject(node.procedure) && typeof node.reference === 'string')) {
      return 'an inbox row is incomplete';
    }
    const reference = String(nodes[0]?.reference);
    if (first !== undefined && !reference.endsWith(`-${String(first).padStart(6, '0')}`)) {
      return `the page starts at ${reference}, not at submission ${first}`;
    }
    if (
      first === undefined &&
      !nodes.every((node) => node?.state === 'SUBMITTED' && node.applicantName === 'Léa Müller')
    ) {
      return 'the filtered page holds applications that do not match the filter';
    }
    return undefined;
  };
}

const DEEP_FIRST = (DEEP_PAGE - 1) * PAGE_SIZE + 1;

/** Each measurement through the router (RPS, latencies) and straight from the subgraph (SQL statements). */
function both(
  id: string,
  label: string,
  query: string,
  check: Target['check'],
  who: Parameters<typeof bearerOf>[1],
): Target[] {
  const headers: Target['headers'] = (context) => bearerOf(context.stack, who);
  return [
    { id: `procedures/${id}`, label, via: { kind: 'router' }, query, check, headers, needsStack: true },
    {
      id: `procedures/${id}-direct`,
      label: `${label}, subgraph direct`,
      via: { kind: 'subgraph', subgraph: 'procedures' },
      query,
      check,
      headers,
    },
  ];
}

export const targets: Target[] = [
  ...both('mine-1', 'my applications: 1', MINE_QUERY, checkMine(1), 'citizenOne'),
  ...both('mine-50', `my applications: ${MANY}`, MINE_QUERY, checkMine(MANY), 'citizenMany'),
  ...both('inbox', `inbox page 1 of ${INBOX_SIZE}`, INBOX_FIRST, checkInbox(INBOX_SIZE, 1), 'agent'),
  ...both('inbox-deep', `inbox page ${DEEP_PAGE}`, INBOX_DEEP, checkInbox(INBOX_SIZE, DEEP_FIRST), 'agent'),
  ...both('inbox-filtered', 'inbox filtered + search', INBOX_FILTERED, checkInbox(FILTERED_COUNT), 'agent'),
];

export const comparisons: Comparison[] = [
  { label: `my applications: ${MANY} / 1`, a: 'procedures/mine-50', b: 'procedures/mine-1' },
  { label: `inbox: page ${DEEP_PAGE} / page 1`, a: 'procedures/inbox-deep', b: 'procedures/inbox' },
  { label: 'inbox: filtered + search / page 1', a: 'procedures/inbox-filtered', b: 'procedures/inbox' },
  { label: `my applications: ${MANY} / 1 (direct)`, a: 'procedures/mine-50-direct', b: 'procedures/mine-1-direct' },
  {
    label: `inbox: page ${DEEP_PAGE} / page 1 (direct)`,
    a: 'procedures/inbox-deep-direct',
    b: 'procedures/inbox-direct',
  },
];

/** SQL statements per request side by side: constant in the number of rows when the ratios are 1. */
export function summary({ targets: results }: { targets: TargetResult[] }): string[] {
  const sql = (id: string) => results.find((r) => r.id === `procedures/${id}-direct`)?.sqlStatementsPerRequest ?? null;
  const line = (label: string, a: [string, string], b: [string, string]) => {
    const [x, y] = [sql(a[1]), sql(b[1])];
    if (x === null || y === null) return `${label}: not measured`;
    return `${label}: ${a[0]} ${x}, ${b[0]} ${y} (ratio ${(y / x).toFixed(2)}${y === x ? ', constant' : ''})`;
  };
  return [
    'SQL statements per request (x-gemeng-sql-statements of the procedures subgraph):',
    line('  my applications', ['1 application', 'mine-1'], [`${MANY} applications`, 'mine-50']),
    line('  inbox', ['page 1', 'inbox'], [`page ${DEEP_PAGE}`, 'inbox-deep']),
    line('  inbox', ['page 1', 'inbox'], ['filtered + searched', 'inbox-filtered']),
  ];
}
