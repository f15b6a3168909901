import { communeRef, entityFields } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import { ProcedureType } from './procedure-type.ts';

entityFields(builder, communeRef(builder), (t) => ({
  procedures: t.field({
    type: [ProcedureType],
    description: 'The procedures this commune offers online, by code.',
    resolve: (commune, _args, ctx) => ctx.services.catalogue.ofCommune(commune.id),
  }),
}));
