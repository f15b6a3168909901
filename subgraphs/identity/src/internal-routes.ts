/**
 * What identity serves the router alone, under /internal/ (the kit's server checks the router's secret first).
 * `GET /internal/commune-origins`: the website origins of the active communes, which the router allows as
 * browser origins besides its own configuration, refreshed every few seconds, so that an onboarded commune's
 * website can embed the widgets without a restart. `GET /internal/revocations`: ended sessions and revoked API
 * clients, whose access tokens the router refuses (security/revocations.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '@gemeng/subgraph-kit';
import type { Db } from './db.ts';
import { revocationsRoute } from './security/revocations.ts';

export const COMMUNE_ORIGINS_PATH = '/internal/commune-origins';

/** `https://www.dudelange.lu/` → `https://www.dudelange.lu`, as browsers send it in `Origin`; else null. */
export function asOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

export async function communeOrigins(db: Db): Promise<string[]> {
  const communes = await db.commune.findMany({ where: { active: true }, select: { websiteOrigins: true } });
  const origins = communes.flatMap((commune) => commune.websiteOrigins.map(asOrigin));
  return [...new Set(origins.filter((origin): origin is string => origin !== null))].sort();
}

export function createInternalRoutes(db: Db) {
  const revocations = revocationsRoute(db);
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (await revocations(req, res)) return true;
    if (new URL(req.url ?? '/', 'http://identity').pathname !== COMMUNE_ORIGINS_PATH) return false;
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      sendJson(res, 405, { errors: [{ message: `GET ${COMMUNE_ORIGINS_PATH}` }] });
      return true;
    }
    sendJson(res, 200, { origins: await communeOrigins(db) });
    return true;
  };
}
