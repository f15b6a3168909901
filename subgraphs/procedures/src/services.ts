import type { ServiceContext } from '@gemeng/subgraph-kit';
import { applicationsService } from './applications/service.ts';
import { attachmentsService } from './attachments/service.ts';
import { catalogueService } from './catalogue/service.ts';
import type { Db } from './db.ts';
import { officeService } from './office/service.ts';

/** The rules of procedures, per request (`ctx.services`): one service per feature folder. */
export function createServices(ctx: ServiceContext<Db>) {
  return {
    catalogue: catalogueService(ctx),
    applications: applicationsService(ctx),
    office: officeService(ctx),
    attachments: attachmentsService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
