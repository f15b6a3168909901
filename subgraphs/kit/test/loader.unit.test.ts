import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../src/context.ts';
import { loader } from '../src/loader.ts';

const context = () => ({ loaders: new Map() }) as unknown as RequestContext;

describe('per-request batch loader', () => {
  it('answers every load of one tick with one batch, each key once', async () => {
    const ctx = context();
    const batches: (readonly number[])[] = [];
    const load = (key: number) =>
      loader<number, string>(
        ctx,
        Symbol.for('square'),
        async (keys) => {
          batches.push(keys);
          return new Map(keys.map((k) => [k, String(k * k)]));
        },
        'missing',
      ).load(key);
    expect(await Promise.all([load(2), load(3), load(2), load(4)])).toEqual(['4', '9', '4', '16']);
    expect(batches).toEqual([[2, 3, 4]]);
    expect(await load(3)).toBe('9'); // cached for the rest of the request
    expect(batches).toHaveLength(1);
  });

  it('gives the missing value for keys the batch did not return, and passes batch errors to every caller', async () => {
    const ctx = context();
    const id = Symbol('x');
    const found = loader<string, number | null>(ctx, id, async () => new Map([['a', 1]]), null);
    expect(await Promise.all([found.load('a'), found.load('b')])).toEqual([1, null]);
    const failing = loader<string, number>(context(), id, async () => Promise.reject(new Error('db down')), 0);
    await expect(Promise.all([failing.load('a'), failing.load('b')])).rejects.toThrow('db down');
  });
});
