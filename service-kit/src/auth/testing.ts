/**
 * A stand-in OpenID Connect issuer for tests: serves its public keys at `/jwks` on a free port and mints
 * RFC 9068 access tokens with them. `rotate()` replaces the key set, as the real issuer does on key rotation.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { closeServer } from '../http.ts';
import { DEFAULT_GRAPH_AUDIENCE } from './config.ts';
import type { AuthOptions } from './verify.ts';

export type TestKeyAlgorithm = 'ES256' | 'RS256';

export interface TestKey {
  kid: string;
  alg: TestKeyAlgorithm;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

export interface MintOptions {
  /** Which served key signs (default the first, ES256); or any key, for foreign signatures. */
  key?: TestKeyAlgorithm | TestKey;
  typ?: string;
  issuer?: string;
  audience?: string | string[];
  /** Seconds from now (negative: in the past). Default 300. */
  expiresIn?: number;
  /** Seconds from now; default unset. */
  notBefore?: number;
}

export interface TestIssuer {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Options for `createTokenVerifier` / `auth`, with no cooldown so that rotation is seen at once. */
  auth: AuthOptions;
  /** The keys the JWKS serves now. */
  keys(): TestKey[];
  /** How many times the JWKS was downloaded. */
  jwksRequests(): number;
  /** An access token with these claims over the defaults (`sub`, `client_id`, `scope`, `iat`, `exp`, `jti`). */
  mint(claims?: JWTPayload, options?: MintOptions): Promise<string>;
  /** Serves a new key set (new ES256 and RS256 keys, new kids) instead of the current one. */
  rotate(): Promise<void>;
  /** Makes `/jwks` answer 503 (the issuer is down) until called with false. */
  failJwks(failing: boolean): void;
  stop(): Promise<void>;
}

export async function createTestKey(alg: TestKeyAlgorithm): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${alg.toLowerCase()}-${randomUUID()}`;
  return { kid, alg, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export async function startTestIssuer(options: { audience?: string } = {}): Promise<TestIssuer> {
  let keys = [await createTestKey('ES256'), await createTestKey('RS256')];
  let requests = 0;
  let failing = false;
  const server = createServer((req, res) => {
    if (req.url === '/jwks' && !failing) {
      requests++;
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify({ keys: keys.map((key) => key.jwk) }));
    } else {
      res.writeHead(failing ? 503 : 404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const audience = options.audience ?? DEFAULT_GRAPH_AUDIENCE;

  return {
    issuer,
    audience,
    jwksUrl: `${issuer}/jwks`,
    auth: { issuer, audience, jwksCooldownSec: 0 },
    keys: () => keys,
    jwksRequests: () => requests,
    async mint(claims = {}, mint = {}) {
      const key =
        typeof mint.key === 'object' ? mint.key : (keys.find((k) => k.alg === (mint.key ?? 'ES256')) as TestKey);
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({ client_id: 'gemeng-portal', scope: 'openid', jti: randomUUID(), ...claims })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: mint.typ ?? 'at+jwt' })
        .setIssuer(mint.issuer ?? issuer)
        .setAudience(mint.audience ?? audience)
        .setIssuedAt(now)
        .setExpirationTime(now + (mint.expiresIn ?? 300));
      if (claims.sub === undefined) jwt.setSubject('citizen-1');
      if (mint.notBefore !== undefined) jwt.setNotBefore(now + mint.notBefore);
      return jwt.sign(key.privateKey);
    },
    async rotate() {
      keys = [await createTestKey('ES256'), await createTestKey('RS256')];
    },
    failJwks(value) {
      failing = value;
    },
    stop: () => closeServer(server),
  };
}
