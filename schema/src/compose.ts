import { createRequire } from 'node:module';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { printSubgraphSchema } from '@apollo/subgraph';
import { loadSchema, subgraphProject } from '@gemeng/subgraph-kit/database';
import type { BreakingChange } from 'graphql';
import { parse } from 'graphql';
import type { SubgraphEntry } from './subgraphs.ts';

/** A subgraph's SDL as its code prints it now. */
export async function printSubgraph(entry: SubgraphEntry): Promise<string> {
  return `${printSubgraphSchema(await loadSchema(subgraphProject(entry.dir))).trim()}\n`;
}

export type Composition = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

export function compose(subgraphs: { entry: SubgraphEntry; sdl: string }[]): Composition {
  const result = composeServices(
    subgraphs.map(({ entry, sdl }) => ({ name: entry.name, url: entry.url, typeDefs: parse(sdl) })),
  );
  if (result.errors?.length || !result.supergraphSdl) {
    return { ok: false, errors: (result.errors ?? []).map((error) => error.message) };
  }
  return { ok: true, supergraphSdl: `${result.supergraphSdl.trim()}\n` };
}

// The schemas below come from @apollo/federation-internals, a CommonJS package: compare them with the same
// (CommonJS) instance of graphql, or graphql-js refuses types "from another module or realm".
const { findBreakingChanges } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** Changes of the public API (what clients see) that can break an existing client. */
export function breakingChanges(previousSupergraph: string, nextSupergraph: string): BreakingChange[] {
  const api = (sdl: string) => Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
  return findBreakingChanges(api(previousSupergraph), api(nextSupergraph));
}
