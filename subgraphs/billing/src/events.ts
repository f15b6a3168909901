/**
 * The domain events billing handles. `identity.user-erased { userId }`: one step per table that holds personal
 * data deletes or anonymises it. Billing keeps nothing about people yet; a table that does adds its step here (and
 * its part of the export in schema/user.ts), e.g.
 *   (tx, userId) => tx.booking.updateMany({ where: { userId }, data: { userId: null, name: null } }),
 */
import { userErasure } from '@gemeng/subgraph-kit';
import type { Db } from './db.ts';

export const events = userErasure<Db>([]);
