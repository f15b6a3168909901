import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../caller.ts';
import { sendJson } from '../http.ts';
import type { Logger } from '../logger.ts';
import {
  INVALID_TOKEN_MESSAGE,
  InvalidTokenError,
  TokenVerificationUnavailableError,
  type TokenVerifier,
} from './verify.ts';

export type Authentication = { ok: true; caller: Caller | null } | { ok: false };

/**
 * Checks the request's Authorization header. On a refused token it answers 401 with
 * `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750) and a GraphQL-shaped body, on an unreachable
 * issuer 503; headers already set on `res` (CORS, request id) go out with it. Other errors propagate.
 */
export async function authenticate(
  verifier: TokenVerifier,
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
): Promise<Authentication> {
  try {
    return { ok: true, caller: await verifier.verify(req.headers.authorization, log) };
  } catch (error) {
    if (error instanceof InvalidTokenError) {
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      sendJson(res, 401, { errors: [{ message: INVALID_TOKEN_MESSAGE, extensions: { code: 'UNAUTHENTICATED' } }] });
      return { ok: false };
    }
    if (error instanceof TokenVerificationUnavailableError) {
      res.setHeader('retry-after', '5');
      sendJson(res, 503, { errors: [{ message: error.message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return { ok: false };
    }
    throw error;
  }
}
