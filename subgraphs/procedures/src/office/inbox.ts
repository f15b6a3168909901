/**
 * The agents' inbox: a commune's applications (never drafts, which are the citizen's alone) filtered by state,
 * procedure, assignee and lateness, searched by reference or applicant name without regard to accents, oldest
 * submission first (first come, first served, and the late ones on top), one keyset page at a time.
 *
 * A page costs the same SQL statements whatever its size and whatever page it is: the ids of the page (one
 * statement, riding the (commune_id, state, submitted_at, id) index), their rows (one), the total only when asked
 * (one); what the rows point to comes through the kit's loaders.
 */
import { todayInLuxembourg } from '../catalogue/working-days.ts';
import type { Db } from '../db.ts';
import { type Application, type ApplicationState, Prisma } from '../generated/prisma/client.ts';
import {
  ACCENTED,
  decodeCursor,
  encodeCursor,
  type InboxPosition,
  likeContaining,
  PLAIN,
  searchKey,
} from './cursor.ts';

/** States an agent still has to decide on: past its due date in one of them, an application is overdue (as
 * `Application.overdue` says). */
export const OPEN_STATES: readonly ApplicationState[] = ['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'];

/** The inbox's filters, as `OfficeFilter` gives them (absent and null mean "any"). */
export interface InboxFilter {
  states?: readonly ApplicationState[] | null;
  procedureCode?: string | null;
  assigneeId?: string | null;
  unassigned?: boolean | null;
  overdue?: boolean | null;
  search?: string | null;
}

export interface InboxPage {
  edges: { cursor: string; node: Application }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only if the client asks for it: the count reads every matching row. */
  totalCount: () => Promise<number>;
}

/** The largest page a client may ask for. */
export const MAX_PAGE = 100;

/** The WHERE clause of the inbox for these filters, drafts always excluded. */
function conditions(communeId: string, filter: InboxFilter, today: string): Prisma.Sql[] {
  const where: Prisma.Sql[] = [
    Prisma.sql`a.commune_id = ${communeId}::uuid`,
    Prisma.sql`a.state <> 'DRAFT'`,
    Prisma.sql`a.submitted_at IS NOT NULL`,
  ];
  if (filter.states && filter.states.length > 0) {
    const states = filter.states.filter((state) => state !== 'DRAFT');
    where.push(states.length > 0 ? Prisma.sql`a.state::text = ANY(${states}::text[])` : Prisma.sql`false`);
  }
  if (filter.procedureCode) {
    where.push(Prisma.sql`a.commune_procedure_id IN (
      SELECT cp.id FROM commune_procedure cp JOIN procedure_template t ON t.id = cp.template_id
      WHERE cp.commune_id = ${communeId}::uuid AND t.code = ${filter.procedureCode})`);
  }
  if (filter.assigneeId) where.push(Prisma.sql`a.assignee_id = ${filter.assigneeId}`);
  if (filter.unassigned === true) where.push(Prisma.sql`a.assignee_id IS NULL`);
  if (filter.unassigned === false) where.push(Prisma.sql`a.assignee_id IS NOT NULL`);
  const late = Prisma.sql`(a.due_on < ${today}::date AND a.state::text = ANY(${[...OPEN_STATES]}::text[]))`;
  if (filter.overdue === true) where.push(late);
  if (filter.overdue === false) where.push(Prisma.sql`NOT coalesce(${late}, false)`);
  const term = filter.search ? searchKey(filter.search) : '';
  if (term) {
    const pattern = likeContaining(term);
    where.push(Prisma.sql`(lower(a.reference) LIKE ${pattern}
      OR translate(lower(a.applicant_name), ${ACCENTED}, ${PLAIN}) LIKE ${pattern})`);
  }
  return where;
}

/**
 * One page of a commune's inbox after `after` (an opaque cursor from a previous page), `first` rows at most.
 * The caller has checked that the reader is an agent of the commune; a bad cursor throws `InvalidCursorError`.
 */
export async function inboxPage(
  db: Db,
  communeId: string,
  options: { filter?: InboxFilter | null; first: number; after?: string | null; today?: string },
): Promise<InboxPage> {
  const where = conditions(communeId, options.filter ?? {}, options.today ?? todayInLuxembourg());
  const position: InboxPosition | null = options.after ? decodeCursor(options.after) : null;
  if (options.after && !position) throw new InvalidCursorError();
  const keyset = position
    ? [Prisma.sql`(a.submitted_at, a.id) > (${position.submittedAt}::timestamptz, ${position.id}::uuid)`]
    : [];
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM application a
    WHERE ${Prisma.join([...where, ...keyset], ' AND ')}
    ORDER BY a.submitted_at ASC, a.id ASC
    LIMIT ${options.first + 1}`;
  const hasNextPage = ids.length > options.first;
  const pageIds = ids.slice(0, options.first).map((row) => row.id);
  const rows = pageIds.length > 0 ? await db.application.findMany({ where: { id: { in: pageIds } } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const edges = pageIds.flatMap((id) => {
    const node = byId.get(id);
    // Submitted applications always have submittedAt; a row deleted between the two statements is skipped.
    return node?.submittedAt ? [{ cursor: encodeCursor({ submittedAt: node.submittedAt, id }), node }] : [];
  });
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () => {
      const [row] = await db.$queryRaw<{ total: bigint }[]>`
        SELECT count(*) AS total FROM application a WHERE ${Prisma.join(where, ' AND ')}`;
      return Number(row?.total ?? 0);
    },
  };
}

/** `after` is not a cursor of this inbox. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}
