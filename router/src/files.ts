/**
 * `/files/...`: uploads and downloads of procedures' attachments and receipts, outside GraphQL (no multipart
 * GraphQL, which the router refuses against CSRF; docs/adr/0012-attachment-storage.md). The router refuses here
 * what is plainly wrong before reading a byte of the body — an unknown route, no or a bad access token, a
 * declared length over the limit — and streams everything else, body and answer, to procedures'
 * `/internal/attachments/...` with its secret; procedures checks the token again and every rule of the upload.
 *
 *   POST   /files/applications/<id>/attachments?kind=<key>&name=<file name>   raw body, its content-type
 *   GET    /files/attachments/<id>            DELETE /files/attachments/<id>
 *   GET    /files/applications/<id>/receipt.pdf
 *
 * Refusals are `{ error: { code, message } }` in the caller's Accept-Language, the shape procedures answers too.
 * An access token is required (a bearer header, never a cookie), so a page of another site cannot make a
 * signed-in browser upload or download: there is no CSRF to defend against.
 */
import { type IncomingMessage, request, type ServerResponse } from 'node:http';
import { request as requestTls } from 'node:https';
import { type Language, negotiateLanguage } from '@gemeng/i18n';
import {
  type Caller,
  InvalidTokenError,
  type Logger,
  ROUTER_SECRET_HEADER,
  TokenVerificationUnavailableError,
  type TokenVerifier,
} from '@gemeng/service-kit';
import { clientHeaders } from './client-headers.ts';

export const FILES_PREFIX = '/files/';

/** procedures' limit for one file (10 MB), kept here too so that a larger declared body is refused at once. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ROUTES: { pattern: RegExp; methods: string[] }[] = [
  { pattern: new RegExp(`^/files/applications/${UUID}/attachments$`), methods: ['POST'] },
  { pattern: new RegExp(`^/files/attachments/${UUID}$`), methods: ['GET', 'DELETE'] },
  { pattern: new RegExp(`^/files/applications/${UUID}/receipt\\.pdf$`), methods: ['GET'] },
];

/** What goes from procedures' answer to the client; nothing else (no internal headers). */
const ANSWER_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'x-content-type-options',
  'cache-control',
  'content-security-policy',
  'www-authenticate',
  'retry-after',
  'allow',
];

type Refusal = 'NOT_FOUND' | 'METHOD_NOT_ALLOWED' | 'UNAUTHENTICATED' | 'FILE_TOO_LARGE' | 'ORIGIN' | 'UNAVAILABLE';

const MESSAGES: Record<Refusal, Record<Language, string>> = {
  NOT_FOUND: {
    lb: 'Dës Adress gëtt et net.',
    fr: "Cette adresse n'existe pas.",
    de: 'Diese Adresse gibt es nicht.',
    en: 'There is nothing at this address.',
  },
  METHOD_NOT_ALLOWED: {
    lb: 'Dës Method ass hei net erlaabt.',
    fr: "Cette méthode n'est pas permise ici.",
    de: 'Diese Methode ist hier nicht erlaubt.',
    en: 'This method is not allowed here.',
  },
  UNAUTHENTICATED: {
    lb: 'Loggt Iech an, fir Dokumenter derbäizesetzen oder erofzelueden.',
    fr: 'Connectez-vous pour ajouter ou télécharger des documents.',
    de: 'Melden Sie sich an, um Dokumente hinzuzufügen oder herunterzuladen.',
    en: 'Sign in to add or download documents.',
  },
  FILE_TOO_LARGE: {
    lb: 'De Fichier ass méi grouss wéi 10 MB: maacht e méi kleng.',
    fr: 'Le fichier dépasse 10 Mo : réduisez-le.',
    de: 'Die Datei ist größer als 10 MB: Verkleinern Sie sie.',
    en: 'The file is larger than 10 MB: make it smaller.',
  },
  ORIGIN: {
    lb: 'Dës Websäit däerf keng Dokumenter schécken.',
    fr: "Ce site web n'est pas autorisé à envoyer des documents.",
    de: 'Diese Website darf keine Dokumente senden.',
    en: 'This website may not send documents.',
  },
  UNAVAILABLE: {
    lb: 'Dokumenter kënnen elo net behandelt ginn: probéiert w.e.g. gläich nach eng Kéier.',
    fr: 'Les documents ne peuvent pas être traités pour le moment : veuillez réessayer dans un instant.',
    de: 'Dokumente können gerade nicht verarbeitet werden: Bitte versuchen Sie es gleich noch einmal.',
    en: 'Documents cannot be handled right now: please try again in a moment.',
  },
};

const STATUS: Record<Refusal, number> = {
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  FILE_TOO_LARGE: 413,
  ORIGIN: 403,
  UNAVAILABLE: 503,
};

export interface FilesRouteOptions {
  /** procedures' routing URL (its `/graphql`); unset: every file route answers 503. */
  proceduresUrl: string | undefined;
  routerSecret: string;
  verifier: TokenVerifier;
  /** Tokens of ended sessions and revoked clients (the router's revocation list). */
  revoked(caller: Caller): boolean;
  allowsOrigin(origin: string): boolean;
  behindProxy: boolean;
  log: Logger;
  maxFileBytes?: number;
}

export function createFilesRoute(options: FilesRouteOptions) {
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;

  return async function files(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const lang = negotiateLanguage(req.headers['accept-language']);
    const refuse = (refusal: Refusal) => {
      // The body is not read: the connection closes after the answer instead of draining megabytes.
      if (req.method !== 'GET' && req.method !== 'OPTIONS' && !req.readableEnded) res.setHeader('connection', 'close');
      res.writeHead(STATUS[refusal], {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(JSON.stringify({ error: { code: refusal, message: MESSAGES[refusal][lang] } }));
      options.log.info({ requestId, status: res.statusCode, path: url.pathname, refusal }, 'files request refused');
    };

    const origin = req.headers.origin;
    if (origin) {
      if (!options.allowsOrigin(origin)) return refuse('ORIGIN');
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader(
        'access-control-expose-headers',
        'x-request-id, www-authenticate, content-disposition, content-length',
      );
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
          'access-control-allow-headers': 'content-type, authorization, accept-language, x-request-id',
          'access-control-max-age': '600',
        });
        return void res.end();
      }
    }
    const route = ROUTES.find((candidate) => candidate.pattern.test(url.pathname));
    if (!route) return refuse('NOT_FOUND');
    if (!route.methods.includes(req.method ?? '')) {
      res.setHeader('allow', route.methods.join(', '));
      return refuse('METHOD_NOT_ALLOWED');
    }
    if (!/^Bearer\s+\S/i.test(req.headers.authorization ?? '')) {
      res.setHeader('www-authenticate', 'Bearer');
      return refuse('UNAUTHENTICATED');
    }
    if (req.method === 'POST' && Number(req.headers['content-length'] ?? 0) > maxFileBytes) {
      return refuse('FILE_TOO_LARGE');
    }
    try {
      const caller = await options.verifier.verify(req.headers.authorization, options.log.child({ requestId }));
      if (caller && options.revoked(caller)) throw new InvalidTokenError();
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
        return refuse('UNAUTHENTICATED');
      }
      if (error instanceof TokenVerificationUnavailableError) {
        res.setHeader('retry-after', '5');
        return refuse('UNAVAILABLE');
      }
      throw error;
    }
    if (!options.proceduresUrl) return refuse('UNAVAILABLE');
    await forward(req, res, url, requestId, options, () => refuse('UNAVAILABLE'));
  };
}

/** Streams the request to procedures and its answer back, never holding either whole. */
function forward(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  requestId: string,
  options: FilesRouteOptions,
  unavailable: () => void,
): Promise<void> {
  const target = new URL(
    `/internal/attachments${url.pathname.slice('/files'.length)}${url.search}`,
    options.proceduresUrl,
  );
  const headers: Record<string, string> = {
    [ROUTER_SECRET_HEADER]: options.routerSecret,
    'x-request-id': requestId,
    ...clientHeaders(req, options.behindProxy),
  };
  for (const name of ['authorization', 'accept-language', 'content-type', 'content-length']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const upstream = (target.protocol === 'https:' ? requestTls : request)(target, { method: req.method, headers });
    let answered = false;
    upstream.on('response', (answer) => {
      answered = true;
      const out: Record<string, string> = {};
      for (const name of ANSWER_HEADERS) {
        const value = answer.headers[name];
        if (typeof value === 'string') out[name] = value;
      }
      // procedures refused before the body's end: stop reading it, close after the answer.
      if (!req.readableEnded && (answer.statusCode ?? 500) >= 400) {
        req.unpipe(upstream);
        out.connection = 'close';
      }
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
      answer.on('end', () => {
        options.log.info(
          {
            requestId,
            status: res.statusCode,
            path: url.pathname,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'files request',
        );
        resolve();
      });
      answer.on('error', () => {
        res.destroy();
        resolve();
      });
    });
    upstream.on('error', (error) => {
      // After an answer, a write error is procedures closing a refused upload: expected.
      if (answered) return;
      options.log.warn({ requestId, err: error }, 'files request: procedures unreachable');
      if (!res.headersSent) unavailable();
      else res.destroy();
      resolve();
    });
    // The client went away (aborted upload): procedures sees the body end early and stores nothing.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
      resolve();
    });
    if (req.method === 'POST') req.pipe(upstream);
    else upstream.end();
  });
}
