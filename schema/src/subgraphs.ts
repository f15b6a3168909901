import { fileURLToPath } from 'node:url';

export interface SubgraphEntry {
  name: string;
  /** Package folder, holding the committed schema.graphql. */
  dir: string;
  /** Default routing URL written into the supergraph; the router overrides it from its configuration. */
  url: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The subgraphs composed into the supergraph. Adding a subgraph starts here (see the README). */
export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'identity', dir: `${root}subgraphs/identity`, url: 'http://127.0.0.1:4001/graphql' },
  { name: 'procedures', dir: `${root}subgraphs/procedures`, url: 'http://127.0.0.1:4002/graphql' },
  { name: 'culture', dir: `${root}subgraphs/culture`, url: 'http://127.0.0.1:4003/graphql' },
  { name: 'billing', dir: `${root}subgraphs/billing`, url: 'http://127.0.0.1:4004/graphql' },
];

export const SUPERGRAPH_PATH = `${root}schema/supergraph.graphql`;
