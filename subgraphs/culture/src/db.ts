import { createPrismaClient } from '@gemeng/subgraph-kit';
import { PrismaClient } from './generated/prisma/client.ts';

export function createDb(databaseUrl: string) {
  return createPrismaClient(PrismaClient, databaseUrl);
}

export type Db = ReturnType<typeof createDb>;
