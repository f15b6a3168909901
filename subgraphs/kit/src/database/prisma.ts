import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { poolConfig } from './url.ts';

/** SQL statements run for the current request (counted so that tests and logs can show there is no N+1). */
const statements = new AsyncLocalStorage<{ count: number }>();

export function countStatements<T>(run: () => T): { result: T; counter: { count: number } } {
  const counter = { count: 0 };
  return { result: statements.run(counter, run), counter };
}

interface QueryEventSource {
  $on(event: 'query', listener: () => void): void;
}

type ClientClass<C> = new (options: {
  adapter: PrismaPg;
  log: { emit: 'event'; level: 'query' }[];
  transactionOptions: { maxWait: number; timeout: number };
}) => C;

/**
 * A transaction waits up to 10 s for a pooled connection (Prisma's default, 2 s, answered a burst of 20 submissions
 * on a busy machine with errors instead of a short queue) and may then run 20 s.
 */
const TRANSACTIONS = { maxWait: 10_000, timeout: 20_000 };

/** A Prisma 7 client over node-postgres (the Rust-free client with its driver adapter). */
export function createPrismaClient<C extends QueryEventSource>(
  PrismaClient: ClientClass<C>,
  databaseUrl: string,
  options: { poolSize?: number } = {},
): C {
  // DATABASE_POOL_SIZE: `npm start` keeps the pools of its four subgraphs small (docs/adr/0006).
  const poolSize = options.poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10);
  const adapter = new PrismaPg({ ...poolConfig(databaseUrl), max: poolSize });
  const client = new PrismaClient({
    adapter,
    log: [{ emit: 'event', level: 'query' }],
    transactionOptions: TRANSACTIONS,
  });
  client.$on('query', () => {
    const counter = statements.getStore();
    if (counter) counter.count++;
  });
  return client;
}
