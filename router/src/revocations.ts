/**
 * Access tokens revoked before they expire: those of an ended sign-in session (their `sid`) and of a revoked
 * API client (their `client_id`). Access tokens are JWTs checked by signature alone, so identity keeps the list
 * (until the longest token lifetime has passed) and serves it to the router alone (`GET /internal/revocations`
 * with the router's secret); the router fetches it at start and every `pollMs`, asking only for what was
 * revoked since the previous answer (with a margin for transactions that committed late), and refuses such
 * tokens with the same 401 as any invalid token. When identity cannot be reached, the list it has stays.
 */
import { type Caller, ConfigError, type Logger, ROUTER_SECRET_HEADER, type Setting } from '@gemeng/service-kit';

export const REVOCATIONS_PATH = '/internal/revocations';

/** How long an entry is kept by the router: identity keeps it this long too (the token lifetime and a minute). */
const KEPT_MS = 11 * 60 * 1000;
/** Each poll asks again for what was revoked this long before the previous answer (late commits). */
const OVERLAP_MS = 60 * 1000;

export interface RevocationList {
  /** True when the caller's token belongs to an ended session or a revoked API client. */
  revoked(caller: Pick<Caller, 'sid' | 'clientId'>): boolean;
  /** Fetches what was revoked since the last answer (the poll calls it too). */
  refresh(): Promise<void>;
  stop(): void;
}

export interface RevocationListOptions {
  /** identity's revocation endpoint; unset: nothing is ever revoked early. */
  url?: string | undefined;
  routerSecret: string;
  pollMs: number;
  log: Logger;
}

export async function startRevocationList(options: RevocationListOptions): Promise<RevocationList> {
  /** Revoked values (`sid:<uid>`, `client:<client_id>`) and when the router may forget them. */
  const entries = new Map<string, number>();
  let since: string | undefined;
  let failing = false;

  async function refresh() {
    if (!options.url) return;
    try {
      const url = new URL(options.url);
      if (since) url.searchParams.set('since', since);
      const response = await fetch(url, {
        headers: { [ROUTER_SECRET_HEADER]: options.routerSecret },
        signal: AbortSignal.timeout(Math.min(5000, options.pollMs)),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { now?: unknown; sids?: unknown; clientIds?: unknown };
      if (typeof body.now !== 'string' || !Array.isArray(body.sids) || !Array.isArray(body.clientIds)) {
        throw new Error('not a revocation list');
      }
      const forgetAt = Date.now() + KEPT_MS;
      for (const sid of body.sids) if (typeof sid === 'string') entries.set(`sid:${sid}`, forgetAt);
      for (const id of body.clientIds) if (typeof id === 'string') entries.set(`client:${id}`, forgetAt);
      const now = Date.parse(body.now);
      since = Number.isNaN(now) ? undefined : new Date(now - OVERLAP_MS).toISOString();
      for (const [key, until] of entries) if (until < Date.now()) entries.delete(key);
      if (failing) options.log.info({ entries: entries.size }, 'revocation list fetched again');
      failing = false;
    } catch (error) {
      // Logged once per outage; tokens still expire within their 10 minutes.
      if (!failing) {
        options.log.warn({ err: error, url: options.url }, 'revocation list not fetched: the last one stays');
      }
      failing = true;
    }
  }

  await refresh();
  const timer = options.url ? setInterval(refresh, options.pollMs) : undefined;
  timer?.unref();
  return {
    revoked: (caller) =>
      (caller.sid !== undefined && entries.has(`sid:${caller.sid}`)) || entries.has(`client:${caller.clientId}`),
    refresh,
    stop: () => clearInterval(timer),
  };
}

/** GEMENG_REVOCATION_POLL_SECONDS: how often the list is fetched, 1 to 60 seconds (default 20). */
export function revocationPollSeconds(env: string, fallback = 20): Setting<number> {
  return {
    env,
    read(raw) {
      if (raw === undefined || raw.trim() === '') return fallback;
      if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > 60) {
        throw new ConfigError(`${env}="${raw}" is not a number of seconds between 1 and 60`);
      }
      return Number(raw);
    },
  };
}
