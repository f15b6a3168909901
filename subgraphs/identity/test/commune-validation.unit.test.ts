/** What an operator may enter for a commune's websites and dates (src/communes/validation.ts). */
import { describe, expect, it } from 'vitest';
import { checkDate, checkOrigins, checkSlug, localOriginsAllowed } from '../src/communes/validation.ts';
import { ValidationError } from '../src/schema/errors.ts';

const refused = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationError ? { field: error.field, message: error.message } : error;
  }
  return 'accepted';
};

describe('website origins', () => {
  it('keeps https origins, without a trailing slash, once each', () => {
    expect(checkOrigins(['https://www.bech.lu/', 'https://WWW.Bech.lu', 'https://bech.lu:8443'], 'en', false)).toEqual([
      'https://www.bech.lu',
      'https://bech.lu:8443',
    ]);
  });

  it.each([
    'https://www.bech.lu/portal',
    'https://www.bech.lu/?lang=fr',
    'https://www.bech.lu#top',
    'https://admin:secret@www.bech.lu',
    'http://www.bech.lu',
    'ftp://www.bech.lu',
    'www.bech.lu',
  ])('refuses %s, naming it', (origin) => {
    expect(refused(() => checkOrigins([origin], 'fr', true))).toEqual({
      field: 'websiteOrigins',
      message: `« ${origin} » n’est pas une origine de site web : indiquez seulement https:// et l’hôte, sans chemin, comme https://www.dudelange.lu.`,
    });
  });

  it('allows http://localhost only on a developer installation (identity itself on http://localhost)', () => {
    expect(localOriginsAllowed({ GEMENG_OIDC_ISSUER: 'http://localhost:4001/oidc' })).toBe(true);
    expect(localOriginsAllowed({})).toBe(true);
    expect(localOriginsAllowed({ GEMENG_OIDC_ISSUER: 'https://login.gemeng.lu/oidc' })).toBe(false);
    expect(localOriginsAllowed({ GEMENG_OIDC_ISSUER: 'http://identity.internal:4001/oidc' })).toBe(false);
    expect(checkOrigins(['http://localhost:8091', 'http://127.0.0.1:8091'], 'en', true)).toEqual([
      'http://localhost:8091',
      'http://127.0.0.1:8091',
    ]);
    expect(refused(() => checkOrigins(['http://localhost:8091'], 'en', false))).toMatchObject({
      field: 'websiteOrigins',
    });
  });

  it('takes at most 20', () => {
    const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.bech.lu`);
    expect(refused(() => checkOrigins(many, 'de', false))).toEqual({
      field: 'websiteOrigins',
      message: 'Geben Sie höchstens 20 Website-Ursprünge an.',
    });
  });
});

describe('slugs and dates', () => {
  it.each(['bech', 'esch-sur-alzette', 'a1'])('accepts the slug %s', (slug) => {
    expect(checkSlug(slug, 'en')).toBe(slug);
  });

  it.each(['b', 'Bech', 'bech-', '-bech', 'bech--kleinmacher', 'bëch', 'x'.repeat(65)])(
    'refuses the slug %s',
    (slug) => {
      expect(refused(() => checkSlug(slug, 'en'))).toMatchObject({ field: 'slug' });
    },
  );

  it('reads a calendar day as midnight UTC and refuses days that do not exist', () => {
    expect(checkDate('2027-01-01', 'joinsOn', 'en').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    for (const day of ['2027-02-30', '2027-13-01', '27-01-01', '2027-1-1', '01.01.2027', '']) {
      expect(refused(() => checkDate(day, 'joinsOn', 'lb'))).toEqual({
        field: 'joinsOn',
        message: 'Gitt en Datum am Format JJJJ-MM-DD un, zum Beispill 2027-01-01.',
      });
    }
  });
});
