import { describe, expect, it } from 'vitest';
import { readSupergraph, subgraphUrls, withSubgraphUrls } from '../src/supergraph.ts';

describe('routing URLs of the supergraph', () => {
  const sdl = readSupergraph();

  it('lists the four subgraphs with their local default URLs', () => {
    expect(subgraphUrls(sdl)).toEqual({
      billing: 'http://127.0.0.1:4004/graphql',
      culture: 'http://127.0.0.1:4003/graphql',
      identity: 'http://127.0.0.1:4001/graphql',
      procedures: 'http://127.0.0.1:4002/graphql',
    });
  });

  it('replaces only the configured ones, leaving the rest of the schema untouched', () => {
    const moved = withSubgraphUrls(sdl, { culture: 'http://culture.internal:8080/graphql' });
    expect(subgraphUrls(moved)).toMatchObject({
      culture: 'http://culture.internal:8080/graphql',
      identity: 'http://127.0.0.1:4001/graphql',
    });
    expect(moved.replace('http://culture.internal:8080/graphql', 'http://127.0.0.1:4003/graphql')).toBe(sdl);
  });
});
