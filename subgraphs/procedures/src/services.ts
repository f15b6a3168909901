import type { ServiceContext } from '@gemeng/subgraph-kit';
import { catalogueService } from './catalogue/service.ts';
import type { Db } from './db.ts';

/** The rules of procedures, per request (`ctx.services`): one service per feature folder. */
export function createServices(ctx: ServiceContext<Db>) {
  return { catalogue: catalogueService(ctx) };
}

export type Services = ReturnType<typeof createServices>;
