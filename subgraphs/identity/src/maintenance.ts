/**
 * identity's housekeeping (run by the kit's maintenance runner, see subgraphs/kit/src/maintenance.ts): what has
 * expired or outlived its retention goes, besides the events every subgraph cleans up (`eventRetention`).
 */
import { eventRetention, type MaintenanceTask, type TxOf } from '@gemeng/subgraph-kit';
import type { Db } from './db.ts';
import { WINDOW_MINUTES } from './security/attempts.ts';

type Tx = TxOf<Db>;

const tasks: MaintenanceTask<Tx>[] = [
  // Sessions, grants, codes, refresh tokens and interactions past their expiry: the adapter ignores them already.
  { name: 'oidc-payloads', run: (tx) => tx.$executeRaw`DELETE FROM oidc_payload WHERE expires_at < now()` },
  // The security log keeps its entries one year (GDPR art. 6(1)(e), art. 32); its trigger allows deleting just those.
  {
    name: 'security-log',
    run: (tx) => tx.$executeRaw`DELETE FROM security_event WHERE "at" < now() - interval '1 year'`,
  },
  // One-time links used or expired more than a week ago.
  {
    name: 'account-tokens',
    run: (tx) => tx.$executeRaw`DELETE FROM account_token WHERE least(used_at, expires_at) < now() - interval '7 days'`,
  },
  // Revocations outlive the access tokens they stop by a minute at most (security/revocations.ts).
  { name: 'token-revocations', run: (tx) => tx.$executeRaw`DELETE FROM token_revocation WHERE expires_at < now()` },
  { name: 'webauthn-challenges', run: (tx) => tx.$executeRaw`DELETE FROM webauthn_challenge WHERE expires_at < now()` },
  // Counters whose window and lock are both over count for nothing any more (see security/attempts.ts).
  {
    name: 'attempt-counters',
    run: (tx) => tx.$executeRaw`
      DELETE FROM attempt_counter
      WHERE window_start < now() - make_interval(mins => ${WINDOW_MINUTES}::int)
        AND (locked_until IS NULL OR locked_until < now())`,
  },
];

export const maintenance: MaintenanceTask<Tx>[] = [...eventRetention, ...tasks];
