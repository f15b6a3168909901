/**
 * The domain events procedures handles, each in one transaction with its processed_event row (idempotent):
 * - `identity.commune-joined { communeId, slug, … }`: the commune gets its reference prefix and the syndicate's
 *   default procedures (catalogue/onboarding.ts).
 * - `identity.user-erased { userId }`: one step per table that holds personal data deletes or anonymises it (and
 *   its part of the export is in schema/user.ts): drafts deleted, submitted applications pseudonymised
 *   (applications/erasure.ts).
 * It publishes (outbox_event) `procedures.fee-due` at a submission with a fee (applications/submission.ts).
 */
import { type SubgraphEvents, userErasure } from '@gemeng/subgraph-kit';
import { eraseApplicant } from './applications/erasure.ts';
import { type CommuneJoined, welcomeCommune } from './catalogue/onboarding.ts';
import type { Db } from './db.ts';

const erasure = userErasure<Db>([eraseApplicant]);

export const events: SubgraphEvents<Db> = {
  ...erasure,
  publishes: true,
  handlers: {
    ...erasure.handlers,
    'identity.commune-joined': (event, tx) => welcomeCommune(tx, event.payload as unknown as CommuneJoined),
  },
};
