/**
 * A new domain built with the kit's template composes with the platform: its Commune and User references, the
 * shareable error types and a `<entity><Verb>` mutation, next to the committed subgraphs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { communeRef, createBuilder, entityFields, entityMutation, NotFoundError, userRef } from '@gemeng/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { compose } from '../src/compose.ts';
import { SUBGRAPHS, type SubgraphEntry } from '../src/subgraphs.ts';

const BOOKINGS: SubgraphEntry = { name: 'bookings', dir: '/nonexistent', url: 'http://127.0.0.1:4999/graphql' };

/** A domain of three files: bookings on User (two files) and Commune, and one mutation. */
function bookingsSdl(): string {
  const { builder } = createBuilder<Record<string, never>, never>({ datamodel: { datamodel: { models: {} } } });
  const Booking = builder.objectRef<{ id: string }>('Booking').implement({ fields: (t) => ({ id: t.exposeID('id') }) });
  // "schema/user.ts"
  entityFields(builder, userRef(builder), (t) => ({
    bookings: t.field({ type: [Booking], resolve: () => [] }),
  }));
  // "schema/waiting-list.ts"
  entityFields(builder, userRef(builder), (t) => ({
    waitingListPlaces: t.int({ resolve: () => 0 }),
  }));
  // "schema/commune.ts"
  entityFields(builder, communeRef(builder), (t) => ({
    openBookings: t.int({ resolve: () => 0 }),
  }));
  entityMutation(builder, 'bookingCancel', {
    description: 'Cancels a booking (the person who made it).',
    input: (t) => ({ bookingId: t.id({ required: true }) }),
    payload: { booking: Booking },
    errors: [NotFoundError],
    authScopes: { citizen: true },
    resolve: async (input) => ({ booking: { id: String(input.bookingId) } }),
  });
  return printSubgraphSchema(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
}

const withBookings = async (sdl: string) => [
  ...(await Promise.all(
    SUBGRAPHS.map(async (entry) => ({ entry, sdl: await readFile(join(entry.dir, 'schema.graphql'), 'utf8') })),
  )),
  { entry: BOOKINGS, sdl },
];

// Composing five subgraphs takes a few seconds, more on a busy machine.
describe('the domain template composes', { timeout: 60_000 }, () => {
  it('extends User and Commune by key and returns the shared error types next to identity, procedures, culture and billing', async () => {
    const result = compose(await withBookings(bookingsSdl()));
    if (!result.ok) return expect.fail(`composition failed: ${result.errors.join('; ')}`);
    const typeBlock = (name: string) => result.supergraphSdl.match(new RegExp(`\\ntype ${name}[^{]*\\{`))?.[0] ?? '';
    expect(typeBlock('User')).toContain('@join__type(graph: BOOKINGS, key: "id", extension: true)');
    expect(typeBlock('Commune')).toContain('@join__type(graph: BOOKINGS, key: "id", extension: true)');
    for (const error of ['ValidationError', 'NotFoundError', 'ForbiddenError', 'InsufficientAssuranceError']) {
      expect(typeBlock(error)).toContain('@join__type(graph: IDENTITY)');
      expect(typeBlock(error)).toContain('@join__type(graph: BOOKINGS)');
    }
    expect(result.supergraphSdl).toContain('union BookingCancelResult');
    expect(result.supergraphSdl).toMatch(/bookingCancel\(input: BookingCancelInput!\): BookingCancelResult!/);
  });

  it('fails when a subgraph defines the error types again without @shareable', async () => {
    const unshared = bookingsSdl().replace(/\n\s+@shareable/g, '');
    const result = compose(await withBookings(unshared));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.join('\n')).toMatch(/ValidationError[\s\S]*shareable|shareable[\s\S]*ValidationError/);
  });
});
