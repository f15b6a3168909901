import { createBuilder } from '@gemeng/subgraph-kit';
import type { Db } from './db.ts';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import type { Services } from './services.ts';

export const { builder, Language } = createBuilder<PrismaTypes, Db, Services>({ datamodel: getDatamodel() });
