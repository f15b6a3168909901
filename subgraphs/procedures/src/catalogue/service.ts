import { groupBy, loader, type ServiceContext } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import { type CategoryCode, inDisplayOrder } from './categories.ts';
import { type CatalogueProcedure, Prisma, selectProcedures } from './procedure.ts';
import { searchWords } from './search.ts';

const BY_ID = Symbol('proceduresById');

/** What a catalogue may be filtered by. */
export interface CatalogueFilter {
  search?: string | null;
  category?: string | null;
}

/** The communes' catalogues: what residents can do online, per commune. */
export function catalogueService(ctx: ServiceContext<Db>) {
  const enabledOf = (communeId: string, filter: CatalogueFilter = {}): Promise<CatalogueProcedure[]> => {
    const words = searchWords(filter.search);
    const category = filter.category ?? null;
    // One loader per filter: the communes of one request asking the same thing share one statement.
    const key = Symbol.for(`proceduresByCommune:${category ?? ''}:${words.join(' ')}`);
    return loader<string, CatalogueProcedure[]>(
      ctx,
      key,
      async (ids) => {
        const conditions = [
          Prisma.sql`cp.commune_id = ANY(${[...ids]}::uuid[]) AND cp.enabled`,
          ...(category === null ? [] : [Prisma.sql`t.category = ${category}`]),
          ...words.map((word) => Prisma.sql`t.search_text LIKE ${`%${word}%`}`),
        ];
        return groupBy(await selectProcedures(ctx.db, Prisma.join(conditions, ' AND ')), (row) => row.communeId);
      },
      [],
    ).load(communeId);
  };

  return {
    /**
     * A commune's enabled procedures by code, filtered by a search (every word, in any of the four languages,
     * accents and case ignored) and a category. One SQL statement for all the communes of a request.
     */
    ofCommune: enabledOf,

    /** One enabled procedure of a commune by its code, or null (shares the catalogue's statement). */
    async byCode(communeId: string, code: string): Promise<CatalogueProcedure | null> {
      return (await enabledOf(communeId)).find((procedure) => procedure.code === code) ?? null;
    },

    /** The categories with at least one enabled procedure, in display order (shares the catalogue's statement). */
    async categoriesOf(communeId: string): Promise<CategoryCode[]> {
      return inDisplayOrder((await enabledOf(communeId)).map((procedure) => procedure.category));
    },

    /**
     * A commune procedure by id, enabled or not (an application keeps its procedure after the commune
     * disables it), with the template's current form. One statement for all ids of a request.
     */
    byId(id: string): Promise<CatalogueProcedure | null> {
      return loader<string, CatalogueProcedure | null>(
        ctx,
        BY_ID,
        async (ids) =>
          new Map(
            (await selectProcedures(ctx.db, Prisma.sql`cp.id = ANY(${[...ids]}::uuid[])`)).map((row) => [row.id, row]),
          ),
        null,
      ).load(id);
    },
  };
}

export type CatalogueService = ReturnType<typeof catalogueService>;
