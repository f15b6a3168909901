import type { ServiceContext } from '@gemeng/subgraph-kit';
import { agendaService } from './agenda/service.ts';
import type { Db } from './db.ts';

/** The rules of culture, per request (`ctx.services`): one service per feature folder. */
export function createServices(ctx: ServiceContext<Db>) {
  return { agenda: agendaService(ctx) };
}

export type Services = ReturnType<typeof createServices>;
