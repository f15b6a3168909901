import type { RequestContext } from './context.ts';

/**
 * A per-request batch loader: every `load(key)` made in the same tick is answered by one call of `batch`
 * (one SQL statement for all the entities the router asks for), and each key is loaded once per request.
 * The one way to batch in every subgraph (ADR 8): services call it with their request context, e.g.
 * `loader(ctx, BY_COMMUNE, (ids) => …, [])`, so batching lives with the rules, not in the schema.
 */
export interface Loader<K, V> {
  load(key: K): Promise<V>;
}

export function loader<K, V>(
  ctx: Pick<RequestContext, 'loaders'>,
  id: symbol,
  batch: (keys: readonly K[]) => Promise<Map<K, V>>,
  missing: V,
): Loader<K, V> {
  const existing = ctx.loaders.get(id) as Loader<K, V> | undefined;
  if (existing) return existing;
  const cache = new Map<K, Promise<V>>();
  let queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const pending = queue;
    queue = [];
    batch([...new Set(pending.map((entry) => entry.key))]).then(
      (values) => {
        for (const entry of pending) entry.resolve(values.get(entry.key) ?? missing);
      },
      (error: unknown) => {
        for (const entry of pending) entry.reject(error);
      },
    );
  };
  const created: Loader<K, V> = {
    load(key) {
      const cached = cache.get(key);
      if (cached) return cached;
      const promise = new Promise<V>((resolve, reject) => {
        if (queue.length === 0) queueMicrotask(() => setImmediate(flush));
        queue.push({ key, resolve, reject });
      });
      cache.set(key, promise);
      return promise;
    },
  };
  ctx.loaders.set(id, created);
  return created;
}

/** Groups rows by a key, for loaders that return a list per key. */
export function groupBy<K, V>(rows: readonly V[], keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
