/**
 * The revocation list: access tokens are JWTs that the router and the subgraphs check by signature alone, so
 * ending a session or revoking an API client would leave its tokens working until they expire (10 minutes).
 * identity records what was revoked — a session (the tokens' `sid`: the provider's session uid) or an API client
 * (`client_id`) — until the longest access-token lifetime has passed, and serves the list to the router alone
 * (`GET /internal/revocations`, with the router's secret), which polls it and refuses such tokens.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';

/** The longest access-token lifetime (10 minutes, provider.ts) and a minute of clock skew. */
export const REVOCATION_KEPT_SECONDS = 11 * 60;

export const REVOCATIONS_PATH = '/internal/revocations';

type Sql = Pick<Db, '$executeRaw'>;

/** Records the ended sessions (by uid) whose tokens must stop working. Run it in the transaction that ends them. */
export function revokeSessions(db: Sql, sids: string[]) {
  return db.$executeRaw`
    INSERT INTO token_revocation (kind, value, expires_at)
    SELECT 'sid', sid, now() + make_interval(secs => ${REVOCATION_KEPT_SECONDS}::int)
    FROM unnest(${sids}::text[]) AS sid
    ON CONFLICT (kind, value) DO UPDATE SET revoked_at = now(), expires_at = EXCLUDED.expires_at`;
}

/**
 * Records every open session of the person, before they are deleted (password reset, erasure). Returns a
 * Prisma promise, so that it can run in a batch transaction with the deletion.
 */
export function revokeSessionsOfAccount(db: Sql, userId: string) {
  return db.$executeRaw`
    INSERT INTO token_revocation (kind, value, expires_at)
    SELECT DISTINCT 'sid', uid, now() + make_interval(secs => ${REVOCATION_KEPT_SECONDS}::int)
    FROM oidc_payload WHERE model = 'Session' AND account_id = ${userId} AND uid IS NOT NULL
    ON CONFLICT (kind, value) DO UPDATE SET revoked_at = now(), expires_at = EXCLUDED.expires_at`;
}

/** Records a revoked API client, whose tokens must stop working. */
export function revokeClientTokens(db: Sql, clientId: string) {
  return db.$executeRaw`
    INSERT INTO token_revocation (kind, value, expires_at)
    VALUES ('client_id', ${clientId}, now() + make_interval(secs => ${REVOCATION_KEPT_SECONDS}::int))
    ON CONFLICT (kind, value) DO UPDATE SET revoked_at = now(), expires_at = EXCLUDED.expires_at`;
}

export interface RevocationList {
  /** The server's time of the answer: the next poll asks `since` a little before it. */
  now: string;
  sids: string[];
  clientIds: string[];
}

/** What is revoked and still matters, optionally only what was revoked at or after `since`. */
export async function revocationList(db: Db, since?: Date): Promise<RevocationList> {
  const rows = await db.$queryRaw<{ kind: string; value: string }[]>`
    SELECT kind, value FROM token_revocation
    WHERE expires_at > now() AND revoked_at >= ${since ?? new Date(0)}`;
  const [clock] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return {
    now: (clock?.now ?? new Date()).toISOString(),
    sids: rows.filter((row) => row.kind === 'sid').map((row) => row.value),
    clientIds: rows.filter((row) => row.kind === 'client_id').map((row) => row.value),
  };
}

/**
 * `GET /internal/revocations[?since=ISO instant]`: the list, for the router only (the kit's server checks its
 * secret before any /internal/ route); false for any other path.
 */
export function revocationsRoute(db: Db) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://identity');
    if (url.pathname !== REVOCATIONS_PATH) return false;
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      sendJson(res, 405, { errors: [{ message: 'Use GET.' }] });
      return true;
    }
    const raw = url.searchParams.get('since');
    const since = raw === null ? undefined : new Date(raw);
    if (since && Number.isNaN(since.getTime())) {
      sendJson(res, 400, { errors: [{ message: '"since" must be an ISO-8601 instant, e.g. 2026-11-30T05:00:00Z.' }] });
      return true;
    }
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, await revocationList(db, since));
    return true;
  };
}
