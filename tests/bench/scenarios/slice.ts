import type { Comparison, Target } from '../lib/types.ts';
import { checkIdentity, checkSlice, IDENTITY_QUERY, SLICE_QUERY } from './queries.ts';

export const name = 'slice';

export const description =
  'The commune slice (identity + procedures + culture + billing) through the router, against the identity fields ' +
  'alone through the router and straight from the identity subgraph: the cost of the router and of federation.';

export const targets: Target[] = [
  { id: 'slice/router', label: 'slice via router', via: { kind: 'router' }, query: SLICE_QUERY, check: checkSlice },
  {
    id: 'slice/router-identity',
    label: 'identity fields via router',
    via: { kind: 'router' },
    query: IDENTITY_QUERY,
    check: checkIdentity,
  },
  {
    id: 'slice/direct-identity',
    label: 'identity fields, subgraph direct',
    via: { kind: 'subgraph', subgraph: 'identity' },
    query: IDENTITY_QUERY,
    check: checkIdentity,
  },
];

export const comparisons: Comparison[] = [
  {
    label: 'router (identity fields) / identity subgraph direct',
    a: 'slice/router-identity',
    b: 'slice/direct-identity',
  },
  { label: 'router (whole slice) / identity subgraph direct', a: 'slice/router', b: 'slice/direct-identity' },
  { label: 'router: whole slice / identity fields', a: 'slice/router', b: 'slice/router-identity' },
];
