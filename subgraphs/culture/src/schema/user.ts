import { addPersonalDataField, type PersonalDataCollectors } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import type { Db } from '../db.ts';

/**
 * What culture holds about a person, one collector per kind of data, for the person's export (GDPR art. 15 and 20).
 * Nothing yet; a table that does adds its collector here (and its erasure in ../events.ts), e.g.
 *   bookings: (db, userId) => db.booking.findMany({ where: { userId } }),
 */
const PERSONAL_DATA: PersonalDataCollectors<Db> = {};

addPersonalDataField(builder, 'culture', PERSONAL_DATA);
