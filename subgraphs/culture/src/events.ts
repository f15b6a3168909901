/**
 * The domain events culture handles. `identity.user-erased { userId }`: delete or anonymise what culture holds
 * about the person. Each handler runs once per event, in one transaction with its processed_event row.
 */
import type { SubgraphEvents, TxOf } from '@gemeng/subgraph-kit';
import type { Db } from './db.ts';

type Tx = TxOf<Db>;

/**
 * One step per table that holds personal data, run in the event's transaction. Culture keeps nothing about
 * people yet; a table that does adds its step here (and its part of the export in schema/user.ts), e.g.
 *   (tx, userId) => tx.booking.updateMany({ where: { userId }, data: { userId: null, name: null } }),
 */
export const ERASE_USER: ((tx: Tx, userId: string) => Promise<unknown>)[] = [];

export const events: SubgraphEvents<Db> = {
  handlers: {
    'identity.user-erased': async (event, tx) => {
      const { userId } = event.payload as { userId: string };
      for (const erase of ERASE_USER) await erase(tx, userId);
    },
  },
};
