import type { ServiceContext } from '@gemeng/subgraph-kit';
import type { Db } from './db.ts';
import { subscriptionsService } from './subscriptions/service.ts';

/** The rules of billing, per request (`ctx.services`): one service per feature folder. */
export function createServices(ctx: ServiceContext<Db>) {
  return { subscriptions: subscriptionsService(ctx) };
}

export type Services = ReturnType<typeof createServices>;
