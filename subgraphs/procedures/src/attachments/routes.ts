/**
 * procedures' side of `/files/...`: the router forwards each request, body streamed, to
 * `/internal/attachments/...` with its secret (the kit's server checks it before this code runs), and the
 * caller's `Authorization`, which is verified here again like every subgraph does for `/graphql`.
 *
 *   POST   /internal/attachments/applications/<id>/attachments?kind=<key>&name=<file name>   raw body → 201
 *   GET    /internal/attachments/attachments/<id>                                            the file
 *   DELETE /internal/attachments/attachments/<id>                                            204
 *   GET    /internal/attachments/applications/<id>/receipt.pdf                               the receipt
 *
 * Refusals are `{ error: { code, message } }` in the caller's Accept-Language.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  authFromEnv,
  type Caller,
  createLogger,
  InvalidTokenError,
  type Language,
  type Logger,
  negotiateLanguage,
  requestIdFrom,
  TokenVerificationUnavailableError,
  type TokenVerifier,
  tokenVerifierFor,
} from '@gemeng/subgraph-kit';
import { renderReceipt } from '../applications/receipt.ts';
import type { Db } from '../db.ts';
import { requirePerson } from './access.ts';
import { type ReceiptRenderer, sendAttachment, sendReceipt } from './download.ts';
import { AttachmentError } from './errors.ts';
import { type AttachmentStore, attachmentStoreFromEnv } from './store.ts';
import { deleteAttachment, uploadAttachment } from './upload.ts';

export const ATTACHMENTS_PATH = '/internal/attachments';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UPLOAD = new RegExp(`^${ATTACHMENTS_PATH}/applications/(${UUID})/attachments$`);
const ONE = new RegExp(`^${ATTACHMENTS_PATH}/attachments/(${UUID})$`);
const RECEIPT = new RegExp(`^${ATTACHMENTS_PATH}/applications/(${UUID})/receipt\\.pdf$`);

export interface AttachmentRoutesOptions {
  store: AttachmentStore;
  verifier: TokenVerifier;
  log: Logger;
  /** The receipt PDF; default `applications/receipt.ts`'s `renderReceipt`. */
  renderReceipt?: ReceiptRenderer;
}

/** The handler the kit's server calls for `/internal/*` (true when it answered). */
export function attachmentRoutes(db: Db, options: AttachmentRoutesOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://procedures');
    if (!url.pathname.startsWith(`${ATTACHMENTS_PATH}/`)) return false;
    const lang = negotiateLanguage(req.headers['accept-language']);
    const log = options.log.child({ requestId: requestIdFrom(req.headers) });
    const started = process.hrtime.bigint();
    try {
      await route(db, options, req, res, url, lang);
    } catch (error) {
      refuse(req, res, error, lang, log);
    }
    log.info(
      {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      'attachments request',
    );
    return true;
  };
}

async function route(
  db: Db,
  options: AttachmentRoutesOptions,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  lang: Language,
): Promise<void> {
  const path = url.pathname.toLowerCase();
  const upload = UPLOAD.exec(path);
  const one = ONE.exec(path);
  const receipt = RECEIPT.exec(path);
  const allowed = upload ? ['POST'] : one ? ['GET', 'DELETE'] : receipt ? ['GET'] : [];
  if (allowed.length === 0) throw new AttachmentError('NOT_FOUND');
  if (!allowed.includes(req.method ?? '')) {
    res.setHeader('allow', allowed.join(', '));
    throw new AttachmentError('BAD_REQUEST', { detail: `${req.method} ≠ ${allowed.join(', ')}` });
  }
  const caller = requirePerson(await verify(options.verifier, req, res));

  if (upload?.[1]) {
    const length = req.headers['content-length'];
    const attachment = await uploadAttachment(db, options.store, {
      caller,
      applicationId: upload[1],
      kind: url.searchParams.get('kind') ?? '',
      fileName: url.searchParams.get('name') ?? '',
      contentType: req.headers['content-type'],
      declaredLength: length === undefined ? undefined : Number(length),
      body: req,
    });
    return json(res, 201, { attachment });
  }
  if (one?.[1] && req.method === 'DELETE') {
    await deleteAttachment(db, options.store, caller, one[1]);
    res.writeHead(204, { 'cache-control': 'no-store' });
    return void res.end();
  }
  if (one?.[1]) return sendAttachment(db, options.store, caller, one[1], res);
  if (receipt?.[1]) return sendReceipt(db, options.renderReceipt ?? renderReceipt, caller, receipt[1], lang, res);
  throw new AttachmentError('NOT_FOUND');
}

async function verify(verifier: TokenVerifier, req: IncomingMessage, res: ServerResponse): Promise<Caller | null> {
  try {
    return await verifier.verify(req.headers.authorization);
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      throw new AttachmentError('UNAUTHENTICATED');
    }
    if (error instanceof TokenVerificationUnavailableError) {
      res.setHeader('retry-after', '5');
      throw new AttachmentError('SERVICE_UNAVAILABLE');
    }
    throw error;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Answers a refusal. A body not read to its end (refused before or midway) is not read further: the connection
 * closes after the answer, so a client cannot keep the service busy discarding megabytes.
 */
function refuse(req: IncomingMessage, res: ServerResponse, error: unknown, lang: Language, log: Logger): void {
  const refusal = error instanceof AttachmentError ? error : new AttachmentError('INTERNAL');
  if (!(error instanceof AttachmentError)) log.error({ err: error }, 'attachments request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (refusal.code === 'UNAUTHENTICATED' && !res.hasHeader('www-authenticate'))
    res.setHeader('www-authenticate', 'Bearer');
  if (refusal.code === 'STEP_UP') {
    res.setHeader(
      'www-authenticate',
      'Bearer error="insufficient_user_authentication", error_description="A second factor is required", acr_values="substantial"',
    );
  }
  if (!req.readableEnded) res.setHeader('connection', 'close');
  json(res, refusal.status, refusal.body(lang));
}

/** `definition.internalRoutes`: the store and the token check from the environment (see `attachmentStoreFromEnv`). */
export function createAttachmentRoutes(db: Db, env: NodeJS.ProcessEnv) {
  const log = createLogger('procedures').child({ component: 'attachments' });
  return attachmentRoutes(db, {
    store: attachmentStoreFromEnv(env),
    verifier: tokenVerifierFor(authFromEnv(env), log),
    log,
  });
}
