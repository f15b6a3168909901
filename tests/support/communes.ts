/**
 * A fresh commune of a test's own on a running platform, for tests that count or change what belongs to a
 * commune (its administrators, its agents): the demo communes are shared by every file on the platform.
 * It is onboarded as an operator does it (identity's `createCommune`: the commune, its population figure, the
 * operator's security log entry and the `identity.commune-joined` event the other subgraphs handle).
 */
import { randomBytes } from 'node:crypto';
import { createCommune } from '../../subgraphs/identity/src/communes/onboarding.ts';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createPerson, type OidcStack } from './oidc.ts';

export interface TestCommune {
  id: string;
  slug: string;
}

export async function createTestCommune(
  stack: Pick<OidcStack, 'databaseUrls'>,
  name = 'Testdorf',
): Promise<TestCommune> {
  const slug = `test-${randomBytes(4).toString('hex')}`;
  const operator = await createPerson(stack, { operator: true, name: 'Onboarding Operator' });
  const db = createDb(stack.databaseUrls.identity);
  try {
    const commune = await createCommune(
      db,
      {
        slug,
        names: { lb: name, fr: name, de: name, en: name },
        population: 1_000,
        populationReferenceDate: '2026-01-01',
        websiteOrigins: [],
        joinsOn: '2026-01-01',
      },
      operator.id,
      'en',
    );
    return { id: commune.id, slug };
  } finally {
    await db.$disconnect();
  }
}
