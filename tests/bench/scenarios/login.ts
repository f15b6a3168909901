import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../../../subgraphs/identity/src/accounts/passwords.ts';
import { basicAuthorization, benchApiClient, CLIENT_CREDENTIALS_FORM } from '../lib/tokens.ts';
import type { Comparison, InProcessResult, InProcessTarget, Target, TargetResult } from '../lib/types.ts';

export const name = 'login';

export const description =
  `argon2id (m = ${ARGON2_OPTIONS.memoryCost} KiB, t = ${ARGON2_OPTIONS.timeCost}, p = ${ARGON2_OPTIONS.parallelism}) ` +
  "hashing and verification in the harness's process with identity's own functions, and client credentials token " +
  'requests to the OpenID Connect provider (client authentication, ES256 signing): a password sign-in costs one ' +
  'verification on top of a token issuance.';

export const optIn = true;

const PASSWORD = 'Kachkéis mat Gromperen 42';
let stored: Promise<string> | undefined;
/** The hash verified by the `verify` targets, made once as registration makes it. */
const storedHash = () => {
  stored ??= hashPassword(PASSWORD);
  return stored;
};

const CONCURRENCY = [1, 2];

export const inProcess: InProcessTarget[] = [
  ...CONCURRENCY.map(
    (concurrency): InProcessTarget => ({
      id: `login/hash-${concurrency}`,
      label: `hashPassword, ${concurrency} at once`,
      concurrency,
      run: () => hashPassword(PASSWORD),
    }),
  ),
  ...CONCURRENCY.map(
    (concurrency): InProcessTarget => ({
      id: `login/verify-${concurrency}`,
      label: `verifyPassword (right password), ${concurrency} at once`,
      concurrency,
      setup: async () => {
        await storedHash();
      },
      run: async () => {
        if (!(await verifyPassword(await storedHash(), PASSWORD))) throw new Error('the right password was refused');
      },
    }),
  ),
];

function checkToken(body: unknown): string | undefined {
  const { access_token: token, token_type: type } = (body ?? {}) as { access_token?: unknown; token_type?: unknown };
  if (typeof token !== 'string' || token.split('.').length !== 3) return 'no JWT access_token in the response';
  if (type !== 'Bearer') return `token_type is ${String(type)}, not Bearer`;
  return undefined;
}

export const targets: Target[] = [
  {
    id: 'login/token',
    label: 'client credentials token (POST /token)',
    via: { kind: 'issuer', path: '/token' },
    form: CLIENT_CREDENTIALS_FORM,
    check: checkToken,
    headers: async ({ stack }) => {
      if (!stack) throw new Error('a token request needs the stack (its issuer)');
      return { authorization: basicAuthorization(await benchApiClient(stack)) };
    },
    needsStack: true,
  },
];

export const comparisons: Comparison[] = [];

/**
 * A password sign-in = one argon2 verification + one token issuance (the login page's other requests are left
 * out). Both figures were measured saturating the same cores, so their times per operation add up.
 */
export function summary({ targets, inProcess }: { targets: TargetResult[]; inProcess: InProcessResult[] }) {
  const token = targets.find((r) => r.id === 'login/token' && r.ok);
  const lines: string[] = [];
  for (const concurrency of CONCURRENCY) {
    const verify = inProcess.find((r) => r.id === `login/verify-${concurrency}` && r.ok);
    if (!token || !verify) continue;
    const estimate = 1 / (1 / token.rps + 1 / verify.opsPerSecond);
    lines.push(
      `password sign-in ≈ token + verify (${concurrency} at once): 1 / (1/${token.rps.toFixed(0)} + ` +
        `1/${verify.opsPerSecond.toFixed(1)}) ≈ ${estimate.toFixed(1)} sign-ins/s on this machine`,
    );
  }
  const verify = inProcess.find((r) => r.id === 'login/verify-1' && r.ok);
  if (token && verify) {
    const identity = token.cpuMsPerRequestBySubgraph.identity ?? 0;
    const database = token.cpuMsPerRequest.database ?? 0;
    const total = identity + database + verify.cpuMsPerOperation;
    lines.push(
      `server CPU per sign-in ≈ identity ${identity.toFixed(2)} + db ${database.toFixed(2)} (token) + ` +
        `argon2 ${verify.cpuMsPerOperation.toFixed(1)} (verify) = ${total.toFixed(1)} ms ` +
        `→ at most ${(1000 / total).toFixed(1)} sign-ins/s per core`,
    );
  }
  return lines;
}
