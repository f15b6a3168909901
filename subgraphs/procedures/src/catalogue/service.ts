import { groupBy, loader, type ServiceContext } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import type { ProcedureType } from '../generated/prisma/client.ts';

const BY_COMMUNE = Symbol('proceduresByCommune');

/** The procedures each commune offers online. */
export function catalogueService(ctx: ServiceContext<Db>) {
  return {
    /** A commune's procedures by code; one SQL statement for all the communes of a request. */
    ofCommune(communeId: string): Promise<ProcedureType[]> {
      return loader<string, ProcedureType[]>(
        ctx,
        BY_COMMUNE,
        async (ids) =>
          groupBy(
            await ctx.db.procedureType.findMany({ where: { communeId: { in: [...ids] } }, orderBy: { code: 'asc' } }),
            (row) => row.communeId,
          ),
        [],
      ).load(communeId);
    },
  };
}
