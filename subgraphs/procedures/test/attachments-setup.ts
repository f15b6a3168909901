/**
 * The attachments' tests run the real path: the router's `/files/...` in front of the procedures subgraph with
 * its internal routes, a migrated database, access tokens from a test issuer, and the files on a temporary disk
 * store. `send` speaks raw HTTP (node:http) because a server may answer a refused upload before the body's end,
 * which a browser, curl and node:http read, but fetch does not.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createTokenVerifier, demoCommuneId, type RunningSubgraph, startSubgraph } from '@gemeng/subgraph-kit';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { prepareDatabase, subgraphProject } from '@gemeng/subgraph-kit/database';
import { createTestDatabase, type TestDatabase } from '@gemeng/subgraph-kit/testing';
import pino from 'pino';
import { inject } from 'vitest';
import { type RunningRouter, startRouter } from '../../../router/src/router.ts';
import { readSupergraph, subgraphUrls } from '../../../router/src/supergraph.ts';
import { DiskAttachmentStore } from '../src/attachments/disk-store.ts';
import { attachmentRoutes } from '../src/attachments/routes.ts';
import { createDb, type Db } from '../src/db.ts';
import { schema } from '../src/schema/index.ts';
import { createServices } from '../src/services.ts';

export const DUDELANGE = demoCommuneId('dudelange');
export const ESCH = demoCommuneId('esch-sur-alzette');
export const CITIZEN = 'citizen-anna';
export const OTHER_CITIZEN = 'citizen-ben';

/** A real, minimal PDF (one empty page). */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export interface Harness {
  db: Db;
  issuer: TestIssuer;
  router: RunningRouter;
  /** The router's origin (`http://127.0.0.1:<port>`). */
  origin: string;
  storeDir: string;
  /** The files the store holds (relative paths), temporary ones included. */
  storedFiles(): string[];
  /** A person's access token; people with a role signed in with two factors unless `acr` says otherwise. */
  token(
    sub: string,
    roles?: { communeId: string; role: 'agent' | 'administrator' }[],
    acr?: 'low' | 'substantial',
  ): Promise<string>;
  /** A new application of the test procedure; DRAFT unless said otherwise. */
  application(options?: {
    applicant?: string;
    communeId?: string;
    state?: string;
    reference?: string;
  }): Promise<string>;
  stop(): Promise<void>;
}

export async function startHarness(name: string): Promise<Harness> {
  const log = pino({ level: 'silent' });
  const secret = randomBytes(32).toString('base64url');
  const database: TestDatabase = await createTestDatabase(inject('postgresUrl'), name);
  await prepareDatabase(subgraphProject(fileURLToPath(new URL('..', import.meta.url))), database.url, { seed: false });
  const db = createDb(database.url);
  const issuer = await startTestIssuer();
  const storeDir = mkdtempSync(join(tmpdir(), 'gemeng-attachments-'));
  let procedures: RunningSubgraph | undefined;
  let router: RunningRouter | undefined;
  try {
    procedures = await startSubgraph({
      name: 'procedures',
      schema,
      db,
      services: createServices,
      port: 0,
      routerSecret: secret,
      auth: issuer.auth,
      internalRoutes: attachmentRoutes(db, {
        store: new DiskAttachmentStore(storeDir),
        verifier: createTokenVerifier({ ...issuer.auth, log }),
        log,
      }),
      log,
    });
    const supergraphSdl = readSupergraph();
    const url = procedures.url;
    router = await startRouter({
      supergraphSdl,
      runtime: 'hive-rust',
      port: 0,
      host: '127.0.0.1',
      routerSecret: secret,
      subgraphUrls: Object.fromEntries(Object.keys(subgraphUrls(supergraphSdl)).map((sub) => [sub, url])),
      corsOrigins: ['http://portal.gemeng.test'],
      communeOriginsUrl: false,
      revocationsUrl: false,
      auth: issuer.auth,
      log,
    });
  } catch (error) {
    await procedures?.stop();
    throw error;
  }
  const procedureIds = await seedProcedure(db);
  const running = router;
  const subgraph = procedures;
  return {
    db,
    issuer,
    router: running,
    origin: new URL(running.url).origin,
    storeDir,
    storedFiles: () =>
      readdirSync(storeDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(storeDir.length + 1)),
    token: (sub, roles = [], acr = roles.length > 0 ? 'substantial' : 'low') =>
      issuer.mint({ sub, gemeng_roles: roles, acr }),
    async application({ applicant = CITIZEN, communeId = DUDELANGE, state = 'DRAFT', reference } = {}) {
      const created = await db.application.create({
        data: {
          communeId,
          communeProcedureId: procedureIds[communeId] as string,
          formVersionId: procedureIds.formVersion as string,
          applicantId: applicant,
          applicantName: 'Anna Muller',
          state: state as 'DRAFT',
          ...(reference ? { reference, submittedAt: new Date() } : {}),
        },
      });
      return created.id;
    },
    async stop() {
      await running.stop();
      await subgraph.stop(); // disconnects db
      await issuer.stop();
      await database.drop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

/** One procedure asking for an identity document and a proof of address, enabled in Dudelange and Esch. */
async function seedProcedure(db: Db): Promise<Record<string, string>> {
  const code = `test-${randomUUID().slice(0, 8)}`;
  const text = (value: string) => ({ Lb: value, Fr: value, De: value, En: value });
  const columns = (prefix: string, value: string) =>
    Object.fromEntries(Object.entries(text(value)).map(([lang, v]) => [`${prefix}${lang}`, v]));
  const label = { lb: 'Dokument', fr: 'Document', de: 'Dokument', en: 'Document' };
  const template = await db.procedureTemplate.create({
    data: {
      code,
      category: 'certificates',
      ...(columns('title', 'Residence certificate') as {
        titleLb: string;
        titleFr: string;
        titleDe: string;
        titleEn: string;
      }),
      ...(columns('summary', 'Summary') as {
        summaryLb: string;
        summaryFr: string;
        summaryDe: string;
        summaryEn: string;
      }),
      ...(columns('needs', 'Needs') as { needsLb: string; needsFr: string; needsDe: string; needsEn: string }),
      ...(columns('next', 'Next') as { nextLb: string; nextFr: string; nextDe: string; nextEn: string }),
      processingDays: 3,
      attachments: [
        { key: 'identity-document', required: true, label },
        { key: 'proof-of-address', required: false, label },
      ],
    },
  });
  const formVersion = await db.formVersion.create({
    data: { templateId: template.id, version: 1, definition: { version: 1, fields: [] } },
  });
  const ids: Record<string, string> = { formVersion: formVersion.id };
  for (const [communeId, slug, prefix] of [
    [DUDELANGE, 'dudelange', 'DUD'],
    [ESCH, 'esch-sur-alzette', 'ESC'],
  ] as const) {
    await db.procedureCommune.upsert({
      where: { communeId },
      create: { communeId, slug, referencePrefix: prefix },
      update: {},
    });
    const procedure = await db.communeProcedure.create({ data: { communeId, templateId: template.id } });
    ids[communeId] = procedure.id;
  }
  return ids;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json<T = { error: { code: string; message: string } }>(): T;
}

/**
 * One HTTP request to the router: the body as a buffer (with its content-length) or a stream (chunked, no
 * length). The answer is read even when the server closes while the body is still being sent.
 */
export function send(
  origin: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | Readable } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (Buffer.isBuffer(options.body)) headers['content-length'] = String(options.body.length);
    const outgoing = request(new URL(path, origin), { method, headers });
    let answered = false;
    outgoing.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body,
          json: () => JSON.parse(body.toString('utf8')),
        });
      });
      response.on('error', reject);
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (!options.body) outgoing.end();
    else if (Buffer.isBuffer(options.body)) outgoing.end(options.body);
    else {
      options.body.on('error', () => outgoing.destroy());
      options.body.pipe(outgoing);
    }
  });
}
