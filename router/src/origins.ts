/**
 * The browser origins allowed to call the graph: the configured ones (the portal, GEMENG_CORS_ORIGINS), always,
 * and the website origins of the active communes, which identity owns and serves to the router alone
 * (`GET /internal/commune-origins` with the router's secret). The commune list is fetched at start and again
 * every `refreshMs`, so that a commune onboarded (or a website removed) takes effect without a restart; when
 * identity cannot be reached, the last list is kept.
 */
import { type Logger, ROUTER_SECRET_HEADER } from '@gemeng/service-kit';

export const COMMUNE_ORIGINS_PATH = '/internal/commune-origins';

export interface AllowedOrigins {
  allows(origin: string): boolean;
  /** Fetches the communes' origins now (the periodic refresh calls it too). */
  refresh(): Promise<void>;
  stop(): void;
}

export interface AllowedOriginsOptions {
  /** Always allowed, whatever identity says. */
  configured: string[];
  /** identity's commune-origins endpoint; unset: the configured origins only. */
  url?: string | undefined;
  routerSecret: string;
  refreshMs: number;
  log: Logger;
}

export async function startAllowedOrigins(options: AllowedOriginsOptions): Promise<AllowedOrigins> {
  const configured = new Set(options.configured);
  let communes = new Set<string>();
  let failing = false;

  async function refresh() {
    if (!options.url) return;
    try {
      const response = await fetch(options.url, {
        headers: { [ROUTER_SECRET_HEADER]: options.routerSecret },
        signal: AbortSignal.timeout(Math.min(5000, options.refreshMs)),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { origins?: unknown };
      if (!Array.isArray(body.origins)) throw new Error('no origins in the answer');
      communes = new Set(body.origins.filter((origin): origin is string => typeof origin === 'string'));
      if (failing) options.log.info({ origins: communes.size }, 'commune origins fetched again');
      failing = false;
    } catch (error) {
      // Logged once per outage, not at every refresh.
      if (!failing) {
        options.log.warn(
          { err: error, url: options.url },
          'commune origins not fetched: the last list stays (configured origins always work)',
        );
      }
      failing = true;
    }
  }

  await refresh();
  const timer = options.url ? setInterval(refresh, options.refreshMs) : undefined;
  timer?.unref();
  return {
    allows: (origin) => configured.has(origin) || communes.has(origin),
    refresh,
    stop: () => clearInterval(timer),
  };
}
