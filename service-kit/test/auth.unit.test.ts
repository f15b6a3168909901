import { Writable } from 'node:stream';
import { base64url, exportSPKI, SignJWT } from 'jose';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFromEnv } from '../src/auth/config.ts';
import { createTestKey, startTestIssuer, type TestIssuer } from '../src/auth/testing.ts';
import {
  createTokenVerifier,
  INVALID_TOKEN_MESSAGE,
  InvalidTokenError,
  refuseAllTokens,
  TokenVerificationUnavailableError,
  type TokenVerifier,
} from '../src/auth/verify.ts';
import { ConfigError } from '../src/config.ts';

/** A logger whose lines the test can read. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

/** Asserts the generic InvalidTokenError, and that the reason (`because`) went to the log, not the error. */
async function refused(verifier: TokenVerifier, header: string | undefined, because?: RegExp) {
  const { log, lines } = memoryLogger();
  const error = await verifier.verify(header, log).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  expect((error as Error).name).toBe('InvalidTokenError');
  expect((error as Error).message).toBe(INVALID_TOKEN_MESSAGE);
  expect(Object.keys(error as object)).toEqual(['name']);
  if (because) {
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'access token refused', reason: expect.stringMatching(because) }),
    );
  }
  return error as InvalidTokenError;
}

function encode(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

describe('access token verification (RFC 9068)', () => {
  let issuer: TestIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    verifier = createTokenVerifier({ ...issuer.auth, log: pino({ level: 'silent' }) });
  });
  afterAll(() => issuer.stop());

  it('maps a valid ES256 token to the caller, keeping only well-formed roles', async () => {
    const token = await issuer.mint({
      sub: 'citizen-42',
      client_id: 'gemeng-portal',
      acr: 'substantial',
      scope: 'openid  profile graph:read',
      gemeng_operator: true,
      gemeng_roles: [
        { communeId: 'commune-1', role: 'agent' },
        { communeId: 'commune-2', role: 'administrator', extra: 'dropped' },
        { communeId: 'commune-3', role: 'mayor' },
        { communeId: 7, role: 'agent' },
        { role: 'agent' },
        null,
        'administrator',
      ],
    });
    expect(await verifier.verify(`Bearer ${token}`)).toEqual({
      sub: 'citizen-42',
      clientId: 'gemeng-portal',
      acr: 'substantial',
      roles: [
        { communeId: 'commune-1', role: 'agent' },
        { communeId: 'commune-2', role: 'administrator' },
      ],
      operator: true,
      scopes: ['openid', 'profile', 'graph:read'],
    });
  });

  it('maps a valid RS256 token with defaults: low assurance, no roles, not an operator', async () => {
    const token = await issuer.mint({ acr: 'high', gemeng_roles: 'agent', gemeng_operator: 'true' }, { key: 'RS256' });
    expect(await verifier.verify(`bearer ${token}`)).toEqual({
      sub: 'citizen-1',
      clientId: 'gemeng-portal',
      acr: 'low',
      roles: [],
      operator: false,
      scopes: ['openid'],
    });
  });

  it('gives the session of the token (sid) and when the person authenticated (auth_time), when it has them', async () => {
    const authTime = Math.floor(Date.now() / 1000) - 120;
    const token = await issuer.mint({ sid: 'session-uid-1', auth_time: authTime });
    expect(await verifier.verify(`Bearer ${token}`)).toMatchObject({
      sid: 'session-uid-1',
      authTime: new Date(authTime * 1000),
    });
    const malformed = await verifier.verify(`Bearer ${await issuer.mint({ sid: 7, auth_time: 'yesterday' })}`);
    expect(malformed).not.toHaveProperty('sid');
    expect(malformed).not.toHaveProperty('authTime');
  });

  it('gives the person’s name, email and locale when the token has them as non-empty strings', async () => {
    const token = await issuer.mint({ name: 'Jeanne Schmit', email: 'jeanne@example.lu', locale: 'lb' });
    expect(await verifier.verify(`Bearer ${token}`)).toMatchObject({
      name: 'Jeanne Schmit',
      email: 'jeanne@example.lu',
      locale: 'lb',
    });
    const malformed = await verifier.verify(`Bearer ${await issuer.mint({ name: '', email: 7, locale: null })}`);
    expect(malformed).not.toHaveProperty('name');
    expect(malformed).not.toHaveProperty('email');
    expect(malformed).not.toHaveProperty('locale');
  });

  it('accepts the media type form of the typ header and an audience list containing the graph', async () => {
    const token = await issuer.mint({}, { typ: 'application/at+jwt', audience: ['urn:other', issuer.audience] });
    expect(await verifier.verify(`Bearer ${token}`)).toMatchObject({ sub: 'citizen-1' });
  });

  it('gives null (anonymous) without an Authorization header, or an empty one', async () => {
    expect(await verifier.verify(undefined)).toBeNull();
    expect(await verifier.verify('')).toBeNull();
  });

  it('refuses an expired token', async () => {
    await refused(verifier, `Bearer ${await issuer.mint({}, { expiresIn: -60 })}`, /JWTExpired/);
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    await refused(verifier, `Bearer ${await issuer.mint({}, { notBefore: 120 })}`, /"nbf" claim/);
  });

  it('refuses a tampered payload that keeps the original signature', async () => {
    const [header, payload, signature] = (await issuer.mint({ gemeng_operator: false })).split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload as string)));
    const forged = `${header}.${encode({ ...claims, gemeng_operator: true, sub: 'someone-else' })}.${signature}`;
    await refused(verifier, `Bearer ${forged}`, /JWSSignatureVerificationFailed/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const valid = await issuer.mint();
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(valid.split('.')[1] as string)));
    await refused(verifier, `Bearer ${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(claims)}.`, /alg/);
    const kid = issuer.keys()[0]?.kid;
    await refused(verifier, `Bearer ${encode({ alg: 'none', typ: 'at+jwt', kid })}.${encode(claims)}.`, /alg/);
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const rsa = issuer.keys().find((key) => key.alg === 'RS256');
    if (!rsa) throw new Error('no RS256 key');
    const secret = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ client_id: 'gemeng-portal', gemeng_operator: true })
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid, typ: 'at+jwt' })
      .setSubject('attacker')
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(secret);
    await refused(verifier, `Bearer ${token}`, /JOSEAlgNotAllowed/);
  });

  it('refuses a token signed by a key that is not in the key set, even under a known kid', async () => {
    const foreign = await createTestKey('ES256');
    await refused(verifier, `Bearer ${await issuer.mint({}, { key: foreign })}`, /JWKSNoMatchingKey/);
    const known = issuer.keys()[0]?.kid as string;
    const impostor = await issuer.mint({}, { key: { ...foreign, kid: known } });
    await refused(verifier, `Bearer ${impostor}`, /JWSSignatureVerificationFailed/);
  });

  it('refuses a wrong issuer, a wrong audience and a wrong typ', async () => {
    await refused(verifier, `Bearer ${await issuer.mint({}, { issuer: 'https://evil.example' })}`, /"iss"/);
    await refused(verifier, `Bearer ${await issuer.mint({}, { audience: 'urn:other' })}`, /"aud"/);
    await refused(verifier, `Bearer ${await issuer.mint({}, { typ: 'JWT' })}`, /"typ"/);
  });

  it('refuses tokens without a subject or a client id', async () => {
    await refused(verifier, `Bearer ${await issuer.mint({ client_id: undefined })}`, /"client_id"/);
    await refused(verifier, `Bearer ${await issuer.mint({ sub: '' })}`, /"sub"/);
  });

  it('refuses malformed Authorization headers', async () => {
    const token = await issuer.mint();
    for (const header of ['Basic x', 'Bearer', 'Bearer ', `Token ${token}`, token, `Bearer ${token} extra`]) {
      await refused(verifier, header, /Bearer <access token>/);
    }
    await refused(verifier, 'Bearer a.b', /JWSInvalid/);
    await refused(verifier, 'Bearer a.b.c', /JWSInvalid/);
  });
});

describe('key rotation', () => {
  it('fetches the key set once, and again when a token names an unknown key', async () => {
    const issuer = await startTestIssuer();
    try {
      const verifier = createTokenVerifier({ ...issuer.auth, log: pino({ level: 'silent' }) });
      await verifier.verify(`Bearer ${await issuer.mint()}`);
      await verifier.verify(`Bearer ${await issuer.mint({}, { key: 'RS256' })}`);
      expect(issuer.jwksRequests()).toBe(1);

      await issuer.rotate();
      expect(await verifier.verify(`Bearer ${await issuer.mint({ sub: 'after-rotation' })}`)).toMatchObject({
        sub: 'after-rotation',
      });
      expect(issuer.jwksRequests()).toBe(2);
    } finally {
      await issuer.stop();
    }
  });

  it('does not download the key set again for every unknown key during the cooldown', async () => {
    const issuer = await startTestIssuer();
    try {
      const verifier = createTokenVerifier({ ...issuer.auth, jwksCooldownSec: 30, log: pino({ level: 'silent' }) });
      await verifier.verify(`Bearer ${await issuer.mint()}`);
      const foreign = await createTestKey('ES256');
      for (let i = 0; i < 3; i++) {
        await refused(verifier, `Bearer ${await issuer.mint({}, { key: foreign })}`, /JWKSNoMatchingKey/);
      }
      expect(issuer.jwksRequests()).toBe(1);
    } finally {
      await issuer.stop();
    }
  });

  it('says the check is unavailable (not that the token is bad) when the key set cannot be fetched', async () => {
    const issuer = await startTestIssuer();
    try {
      const verifier = createTokenVerifier({ ...issuer.auth, log: pino({ level: 'silent' }) });
      issuer.failJwks(true);
      const token = await issuer.mint();
      await expect(verifier.verify(`Bearer ${token}`)).rejects.toBeInstanceOf(TokenVerificationUnavailableError);
      issuer.failJwks(false);
      expect(await verifier.verify(`Bearer ${token}`)).toMatchObject({ sub: 'citizen-1' });
      await issuer.stop();
      const down = createTokenVerifier({ ...issuer.auth, log: pino({ level: 'silent' }) });
      await expect(down.verify(`Bearer ${token}`)).rejects.toBeInstanceOf(TokenVerificationUnavailableError);
    } finally {
      await issuer.stop().catch(() => {});
    }
  });
});

describe('auth off', () => {
  it('lets anonymous requests through and refuses any token', async () => {
    const verifier = refuseAllTokens(pino({ level: 'silent' }));
    expect(await verifier.verify(undefined)).toBeNull();
    await refused(verifier, 'Bearer a.b.c', /GEMENG_OIDC_ISSUER/);
  });
});

describe('settings', () => {
  it('reads GEMENG_OIDC_ISSUER and GEMENG_GRAPH_AUDIENCE', () => {
    expect(authFromEnv({})).toBeUndefined();
    expect(authFromEnv({ GEMENG_OIDC_ISSUER: '' })).toBeUndefined();
    expect(authFromEnv({ GEMENG_OIDC_ISSUER: 'http://127.0.0.1:4001' })).toEqual({
      issuer: 'http://127.0.0.1:4001',
      audience: 'urn:gemeng:graph',
    });
    expect(
      authFromEnv({
        GEMENG_OIDC_ISSUER: 'https://login.example.lu/oidc',
        GEMENG_GRAPH_AUDIENCE: 'https://graph.example.lu',
      }),
    ).toEqual({ issuer: 'https://login.example.lu/oidc', audience: 'https://graph.example.lu' });
    expect(() => authFromEnv({ GEMENG_OIDC_ISSUER: 'login.example.lu' })).toThrow(ConfigError);
    expect(() => authFromEnv({ GEMENG_OIDC_ISSUER: 'https://login.example.lu/?x=1' })).toThrow(/query or fragment/);
  });
});
