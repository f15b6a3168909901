import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A signing key and its key set served on a loopback port, to time the kit's own token verifier in process
 * (it fetches the key set once, then caches it). The tokens look like identity's: RFC 9068, ES256.
 */
export interface LocalIssuer {
  issuer: string;
  jwksUrl: string;
  audience: string;
  token(): string;
  close(): Promise<void>;
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] });
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref(); // the verifier fetches the key set once; nothing should wait for this server
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/oidc`;
  const audience = 'https://graph.gemeng.test';
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    issuer,
    jwksUrl: `http://127.0.0.1:${port}/jwks`,
    audience,
    token() {
      const now = Math.floor(Date.now() / 1000);
      const input = `${b64({ alg: 'ES256', typ: 'at+jwt', kid })}.${b64({
        iss: issuer,
        aud: audience,
        sub: 'gemeng-bench',
        client_id: 'gemeng-bench',
        scope: 'graph.read',
        iat: now,
        exp: now + 600,
        jti: randomUUID(),
      })}`;
      const signature = createSign('sha256').update(input).sign({ key: privateKey, dsaEncoding: 'ieee-p1363' });
      return `${input}.${signature.toString('base64url')}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
