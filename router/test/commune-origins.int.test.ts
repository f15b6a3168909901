/**
 * A commune's website may call the graph as soon as identity lists its origin, without restarting the router:
 * the router fetches the active communes' origins from identity (its internal route, router secret only) at
 * every refresh, and a removed origin, or an inactive commune's, is refused again. Real identity database,
 * real identity route, real router.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { demoCommuneId, ROUTER_SECRET_HEADER, type RunningSubgraph, startSubgraph } from '@gemeng/subgraph-kit';
import { prepareDatabase, subgraphProject } from '@gemeng/subgraph-kit/database';
import { createTestDatabase, type TestDatabase } from '@gemeng/subgraph-kit/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createInternalRoutes } from '../../subgraphs/identity/src/internal-routes.ts';
import { schema } from '../../subgraphs/identity/src/schema/index.ts';
import { type RunningRouter, startRouter } from '../src/router.ts';
import { readSupergraph, subgraphUrls } from '../src/supergraph.ts';

const SECRET = randomBytes(32).toString('base64url');
const PORTAL = 'http://portal.gemeng.test';
const DUDELANGE = 'https://www.dudelange.lu';
const NEW_SITE = 'https://www.gemeng-test-site.lu';
const REFRESH_MS = 200;
const log = pino({ level: 'silent' });

let database: TestDatabase;
let db: ReturnType<typeof createDb>;
let identity: RunningSubgraph;
let router: RunningRouter;

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresUrl'), 'router_origins');
  await prepareDatabase(
    subgraphProject(fileURLToPath(new URL('../../subgraphs/identity', import.meta.url))),
    database.url,
    {
      seed: true,
    },
  );
  db = createDb(database.url);
  identity = await startSubgraph({
    name: 'identity',
    schema,
    db,
    port: 0,
    routerSecret: SECRET,
    internalRoutes: createInternalRoutes(db),
    log,
  });
  const supergraphSdl = readSupergraph();
  router = await startRouter({
    supergraphSdl,
    runtime: 'hive-rust',
    port: 0,
    host: '127.0.0.1',
    routerSecret: SECRET,
    subgraphUrls: Object.fromEntries(Object.keys(subgraphUrls(supergraphSdl)).map((name) => [name, identity.url])),
    corsOrigins: [PORTAL],
    originsRefreshMs: REFRESH_MS,
    log,
  });
});

afterAll(async () => {
  await router?.stop();
  await identity?.stop(); // disconnects db
  await database?.drop();
});

/** The preflight a browser sends before a cross-origin POST: 204 when the origin may call, else 403. */
async function preflight(origin: string): Promise<number> {
  const response = await fetch(router.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  await response.body?.cancel();
  return response.status;
}

/** Waits (a few refresh intervals at most) for the router to answer `status` to `origin`. */
async function eventually(origin: string, status: number): Promise<number> {
  const deadline = Date.now() + 10 * REFRESH_MS;
  let last = await preflight(origin);
  while (last !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, REFRESH_MS / 4));
    last = await preflight(origin);
  }
  return last;
}

describe("the router's browser origins", () => {
  it("allows the portal and the communes' websites, and nothing else", async () => {
    expect(await preflight(PORTAL)).toBe(204);
    expect(await preflight(DUDELANGE)).toBe(204);
    expect(await preflight(NEW_SITE)).toBe(403);
    const response = await fetch(router.url, {
      method: 'POST',
      headers: { origin: DUDELANGE, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ communes { slug } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(DUDELANGE);
    expect(((await response.json()) as { data: { communes: unknown[] } }).data.communes.length).toBeGreaterThan(0);
  });

  it("follows identity's communes without a restart: an origin added, removed, a commune set inactive", async () => {
    const esch = demoCommuneId('esch-sur-alzette');
    const dudelange = demoCommuneId('dudelange');
    await db.commune.update({ where: { id: esch }, data: { websiteOrigins: { push: `${NEW_SITE}/` } } });
    expect(await eventually(NEW_SITE, 204)).toBe(204);

    await db.commune.update({ where: { id: esch }, data: { websiteOrigins: [] } });
    expect(await eventually(NEW_SITE, 403)).toBe(403);

    await db.commune.update({ where: { id: dudelange }, data: { active: false } });
    expect(await eventually(DUDELANGE, 403)).toBe(403);
    // the configured origins stay, whatever identity says
    expect(await preflight(PORTAL)).toBe(204);
    await db.commune.update({ where: { id: dudelange }, data: { active: true } });
    expect(await eventually(DUDELANGE, 204)).toBe(204);
  });

  it("keeps identity's list for the router alone", async () => {
    const url = new URL('/internal/commune-origins', identity.url);
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { [ROUTER_SECRET_HEADER]: `${SECRET}x` } })).status).toBe(403);
    const answer = await fetch(url, { headers: { [ROUTER_SECRET_HEADER]: SECRET } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { origins: string[] }).origins).toContain(DUDELANGE);
  });
});
