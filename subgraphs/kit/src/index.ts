// What every Node service needs comes from @gemeng/service-kit; re-exported so subgraphs import one kit.
export * from '@gemeng/service-kit';
export { headerMap, sendGraphQLResponse } from '@gemeng/service-kit/apollo';
export {
  authorizationError,
  authScopesOf,
  badInput,
  createBuilder,
  type GemengSchemaTypes,
  isPerson,
  notFound,
  STEP_UP_ACR,
  stepUpRequired,
} from './builder.ts';
export {
  type Caller,
  createContext,
  type RequestContext,
  type ServiceContext,
  type ServicesFactory,
} from './context.ts';
export { createPrismaClient } from './database/prisma.ts';
export { DEMO_COMMUNES, type DemoCommune, demoCommuneId, demoId, SEED_TRANSACTION } from './demo.ts';
export * from './events/index.ts';
export { isLanguage, LANGUAGES, type Language, localized, negotiateLanguage, pickLanguage } from './language.ts';
export { groupBy, type Loader, loader } from './loader.ts';
export * from './mail/index.ts';
export {
  eventRetention,
  MAINTENANCE_LOCK,
  type Maintenance,
  type MaintenanceOptions,
  type MaintenanceTask,
  type RunningMaintenance,
  startMaintenance,
} from './maintenance.ts';
export { addPersonalDataField } from './personal-data-field.ts';
export * from './schema/index.ts';
export {
  carriesRouterSecret,
  ROUTER_SECRET_HEADER,
  type RunningSubgraph,
  type SubgraphOptions,
  startSubgraph,
} from './server.ts';
export { runSubgraph, type SubgraphDefinition, startSubgraphFromEnv } from './subgraph.ts';
