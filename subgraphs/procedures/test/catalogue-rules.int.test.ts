/**
 * The catalogue's rules that need no database: Luxembourg working days (what `expectedDecisionOn` promises),
 * reference prefixes, and the seeded templates' own correctness (forms, texts in the four languages).
 */

import { validateDefinition } from '@gemeng/forms';
import { LANGUAGES } from '@gemeng/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { SEED_PROCEDURES } from '../prisma/catalogue/index.ts';
import { isCategory } from '../src/catalogue/categories.ts';
import { choosePrefix } from '../src/catalogue/onboarding.ts';
import { normaliseForSearch } from '../src/catalogue/search.ts';
import { templateProblems } from '../src/catalogue/validation.ts';
import {
  addWorkingDays,
  expectedDecisionOn,
  isWorkingDay,
  publicHolidays,
  todayInLuxembourg,
} from '../src/catalogue/working-days.ts';

describe('working days in Luxembourg', () => {
  it('knows the legal public holidays (Europe Day, National Day, Easter and Whit Monday, Ascension)', () => {
    expect([...publicHolidays(2026)]).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-09',
      '2026-05-14',
      '2026-05-25',
      '2026-06-23',
      '2026-08-15',
      '2026-11-01',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(isWorkingDay('2026-04-03')).toBe(true); // Good Friday is a bank holiday, not a public one
  });

  it('skips Easter Monday and the weekend', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-03');
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-03', 5)).toBe('2026-04-13');
  });

  it('skips Christmas, St Stephen’s Day and New Year across the year’s end', () => {
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-29');
    expect(addWorkingDays('2025-12-24', 1)).toBe('2025-12-29');
    expect(addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
  });

  it('counts from today in Luxembourg, not in UTC', () => {
    expect(todayInLuxembourg(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInLuxembourg(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(expectedDecisionOn(0, new Date('2026-06-22T10:00:00Z'))).toBe('2026-06-22');
    expect(expectedDecisionOn(1, new Date('2026-06-22T10:00:00Z'))).toBe('2026-06-24'); // National Day
    expect(() => addWorkingDays('2026-06-22', -1)).toThrow(RangeError);
  });
});

describe('reference prefixes', () => {
  it('takes the first three letters of the slug, and the next free combination on a clash', () => {
    expect(choosePrefix('dudelange', new Set())).toBe('DUD');
    expect(choosePrefix('esch-sur-alzette', new Set())).toBe('ESC');
    expect(choosePrefix('dudelange', new Set(['DUD']))).toBe('DUE');
    expect(choosePrefix('mondercange', new Set(['MON']))).toBe('MOD');
    expect(choosePrefix('ell', new Set(['ELL']))).toBe('EAA');
    expect(choosePrefix('ab', new Set(['ABX', 'AXX']))).toBe('AAA');
  });
});

describe('search normalisation', () => {
  it('drops accents, case, ß and punctuation', () => {
    expect(normaliseForSearch('État civil — Straße, Bescheinegung’s')).toBe('etat civil strasse bescheinegung s');
    expect(normaliseForSearch('Wunnsëtzbescheinegung')).toBe('wunnsetzbescheinegung');
  });
});

describe('the seeded catalogue', () => {
  it('has the procedures the issue names, and more', () => {
    const codes = SEED_PROCEDURES.map((p) => p.code);
    expect(codes.length).toBeGreaterThanOrEqual(10);
    for (const code of [
      'residence-certificate',
      'household-composition',
      'life-certificate',
      'dog-registration',
      'bulky-waste-collection',
      'resident-parking-permit',
      'arrival-declaration',
      'public-space-permit',
      'civil-status-extract',
    ]) {
      expect(codes).toContain(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(SEED_PROCEDURES.map((p) => [p.code, p] as const))(
    '%s: a valid form and complete texts',
    (_code, procedure) => {
      const attachments = procedure.attachments.map((a) => a.key);
      expect(validateDefinition(procedure.form, { attachments })).toEqual([]);
      expect(templateProblems(procedure, 'en')).toEqual([]);
      expect(isCategory(procedure.category)).toBe(true);
      for (const lang of LANGUAGES) {
        for (const text of [procedure.title, procedure.summary, procedure.needs, procedure.next]) {
          expect(text[lang].trim()).not.toBe('');
        }
      }
    },
  );

  it('asks for two factors for certificates and charges the dog tax and the bulky waste fee', () => {
    const byCode = new Map(SEED_PROCEDURES.map((p) => [p.code, p]));
    for (const code of ['residence-certificate', 'household-composition', 'life-certificate', 'civil-status-extract']) {
      expect(byCode.get(code)?.assurance).toBe('substantial');
    }
    expect(byCode.get('dog-registration')?.feeCents).toBeGreaterThan(0);
    expect(byCode.get('bulky-waste-collection')?.feeCents).toBeGreaterThan(0);
  });
});
