import { createLogger, createTokenVerifier, type TokenVerifier } from '@gemeng/service-kit';
import { type LocalIssuer, startLocalIssuer } from '../lib/local-issuer.ts';
import { clientCredentialsToken, withBadSignature } from '../lib/tokens.ts';
import type {
  Comparison,
  InProcessResult,
  InProcessTarget,
  Target,
  TargetContext,
  TargetResult,
} from '../lib/types.ts';
import { checkIdentity, IDENTITY_QUERY } from './queries.ts';

export const name = 'auth';

export const description =
  'The identity fields through the router anonymous, with a valid access token (client credentials, ES256, ' +
  'checked by the router and again by the identity subgraph) and with a token whose signature is wrong (401 from ' +
  'the router, no subgraph called): the cost of access token verification per request.';

export const optIn = true;

/** A fresh token per measured run: they live 10 minutes, a run with its retries may take longer in total. */
async function bearer(context: TargetContext, bad: boolean): Promise<Record<string, string>> {
  if (!context.stack) throw new Error('an access token needs the stack (its issuer)');
  const token = await clientCredentialsToken(context.stack);
  return { authorization: `Bearer ${bad ? withBadSignature(token) : token}` };
}

function checkRefused(body: unknown): string | undefined {
  const errors = (body as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors;
  const code = Array.isArray(errors) ? errors[0]?.extensions?.code : undefined;
  return code === 'UNAUTHENTICATED' ? undefined : `no UNAUTHENTICATED error in the 401 body`;
}

export const targets: Target[] = [
  {
    id: 'auth/anonymous',
    label: 'identity fields, anonymous',
    via: { kind: 'router' },
    query: IDENTITY_QUERY,
    check: checkIdentity,
  },
  {
    id: 'auth/token',
    label: 'identity fields, valid token',
    via: { kind: 'router' },
    query: IDENTITY_QUERY,
    check: checkIdentity,
    headers: (context) => bearer(context, false),
    needsStack: true,
  },
  {
    id: 'auth/invalid-token',
    label: 'identity fields, bad signature (401)',
    via: { kind: 'router' },
    query: IDENTITY_QUERY,
    check: checkRefused,
    headers: (context) => bearer(context, true),
    needsStack: true,
    expectStatus: 401,
  },
];

/** The kit's verifier (the one the router and every subgraph run) on a local ES256 key: the pure check. */
let local: { issuer: LocalIssuer; verifier: TokenVerifier; header: string } | undefined;
async function localVerifier() {
  if (!local) {
    const issuer = await startLocalIssuer();
    const verifier = createTokenVerifier({
      issuer: issuer.issuer,
      audience: issuer.audience,
      jwksUrl: issuer.jwksUrl,
      log: createLogger('bench'),
    });
    const header = `Bearer ${issuer.token()}`;
    await verifier.verify(header); // fetches the key set once
    local = { issuer, verifier, header };
  }
  return local;
}

export const inProcess: InProcessTarget[] = [
  {
    id: 'auth/verify',
    label: 'createTokenVerifier().verify (ES256 at+jwt), in process',
    concurrency: 1,
    setup: async () => {
      await localVerifier();
    },
    run: async () => {
      const { verifier, header } = await localVerifier();
      if (!(await verifier.verify(header))) throw new Error('the token was not accepted');
    },
  },
];

export const comparisons: Comparison[] = [
  { label: 'valid token / anonymous', a: 'auth/token', b: 'auth/anonymous' },
  { label: 'bad signature (401) / anonymous', a: 'auth/invalid-token', b: 'auth/anonymous' },
];

export function summary({
  targets: results,
  inProcess: own,
}: {
  targets: TargetResult[];
  inProcess: InProcessResult[];
}): string[] {
  const lines: string[] = [];
  const verify = own.find((r) => r.id === 'auth/verify' && r.ok);
  if (verify) {
    lines.push(
      `one token verification (kit's verifier, in process): ${verify.cpuMsPerOperation.toFixed(3)} CPU ms; a request ` +
        `with a valid token is verified twice here (router + identity) ≈ ${(2 * verify.cpuMsPerOperation).toFixed(3)} ms`,
    );
  }
  const byId = new Map(results.filter((r) => r.ok).map((r) => [r.id, r]));
  const anonymous = byId.get('auth/anonymous');
  if (!anonymous) return lines;
  const delta = (a: number | null, b: number | null) =>
    a === null || b === null ? '—' : `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(2)} ms`;
  for (const [id, label] of [
    ['auth/token', 'valid token'],
    ['auth/invalid-token', 'bad signature'],
  ] as const) {
    const result = byId.get(id);
    if (!result) continue;
    lines.push(
      `${label} − anonymous, CPU per request: router ${delta(result.cpuMsPerRequest.router, anonymous.cpuMsPerRequest.router)}, ` +
        `subgraphs ${delta(result.cpuMsPerRequest.subgraphs, anonymous.cpuMsPerRequest.subgraphs)}, ` +
        `database ${delta(result.cpuMsPerRequest.database, anonymous.cpuMsPerRequest.database)}`,
    );
  }
  return lines;
}
