import { describe, expect, it } from 'vitest';
import {
  isEmail,
  isIban,
  isNationalId,
  isPostcode,
  luhnDigit,
  resolveDateBound,
  todayInLuxembourg,
  toE164,
  verhoeffDigit,
} from '../src/index.ts';

const TODAY = '2026-03-27';

describe('Luxembourg national identification number', () => {
  it('accepts 13 digits with both check digits, spaces or not', () => {
    expect(isNationalId('1976061212386', TODAY)).toBe(true);
    expect(isNationalId('1976 0612 123 86', TODAY)).toBe(true);
  });

  it('computes the Luhn digit as the CCSS describes it (1976 06 12 123 → 8)', () => {
    expect(luhnDigit('19760612123')).toBe(8);
    expect(verhoeffDigit('19760612123')).toBe(6);
    // Verhoeff's published example: 236 → 3.
    expect(verhoeffDigit('236')).toBe(3);
  });

  it('refuses a wrong Luhn digit, a wrong Verhoeff digit, a swap of two digits', () => {
    expect(isNationalId('1976061212376', TODAY)).toBe(false);
    expect(isNationalId('1976061212387', TODAY)).toBe(false);
    expect(isNationalId('1976061221386', TODAY)).toBe(false);
  });

  it('refuses an impossible or future birth date and a wrong length', () => {
    const withChecks = (base: string) => `${base}${luhnDigit(base)}${verhoeffDigit(base)}`;
    expect(isNationalId(withChecks('19760230123'), TODAY)).toBe(false);
    expect(isNationalId(withChecks('20270101123'), TODAY)).toBe(false);
    expect(isNationalId(withChecks('20000229123'), TODAY)).toBe(true);
    expect(isNationalId('197606121238', TODAY)).toBe(false);
    expect(isNationalId('19760612123866', TODAY)).toBe(false);
  });
});

describe('IBAN', () => {
  it('accepts a Luxembourg and a foreign IBAN, with spaces and in small letters', () => {
    expect(isIban('LU28 0019 4006 4475 0000')).toBe(true);
    expect(isIban('lu280019400644750000')).toBe(true);
    expect(isIban('DE89 3704 0044 0532 0130 00')).toBe(true);
  });

  it('refuses a wrong check (mod 97), a wrong length, nonsense', () => {
    expect(isIban('LU28 0019 4006 4475 0001')).toBe(false);
    expect(isIban('LU28 0019 4006 4475 000')).toBe(false);
    expect(isIban('not an iban')).toBe(false);
  });
});

describe('phone', () => {
  it('reads Luxembourg numbers without +352, and international ones', () => {
    expect(toE164('621 123 456')).toBe('+352621123456');
    expect(toE164('26 12 34 56')).toBe('+35226123456');
    expect(toE164('+352 621 123 456')).toBe('+352621123456');
    expect(toE164('00352 621-123-456')).toBe('+352621123456');
    expect(toE164('+33 (0)1 23 45 67 89')).toBe('+33123456789');
    expect(toE164('+33 1 23 45 67 89')).toBe('+33123456789');
  });

  it('refuses too short, a leading 0 without country code, letters', () => {
    expect(toE164('12')).toBeUndefined();
    expect(toE164('0621123456')).toBeUndefined();
    expect(toE164('+352 12')).toBeUndefined();
    expect(toE164('call me')).toBeUndefined();
  });
});

describe('email and postcode', () => {
  it('checks email addresses pragmatically', () => {
    expect(isEmail('marie.schmit@example.lu')).toBe(true);
    expect(isEmail('m+tag@sub.example.com')).toBe(true);
    expect(isEmail('marie@schmit')).toBe(false);
    expect(isEmail('marie schmit@example.lu')).toBe(false);
    expect(isEmail('a@b@example.lu')).toBe(false);
  });

  it('wants 4 digits in Luxembourg (L- allowed), a plausible code elsewhere', () => {
    expect(isPostcode('3510', 'LU')).toBe(true);
    expect(isPostcode('L-3510', 'LU')).toBe(true);
    expect(isPostcode('35100', 'LU')).toBe(false);
    expect(isPostcode('57000', 'FR')).toBe(true);
    expect(isPostcode('B-6700', 'BE')).toBe(true);
    expect(isPostcode('?', 'DE')).toBe(false);
  });
});

describe('date bounds', () => {
  it('resolves today and days from today, across month ends', () => {
    expect(resolveDateBound('today', TODAY)).toBe(TODAY);
    expect(resolveDateBound('today+5', TODAY)).toBe('2026-04-01');
    expect(resolveDateBound('today-27', TODAY)).toBe('2026-02-28');
    expect(resolveDateBound('2026-02-29', TODAY)).toBeUndefined();
    expect(resolveDateBound('tomorrow', TODAY)).toBeUndefined();
  });

  it('takes today in Luxembourg, not in the computer’s time zone', () => {
    expect(todayInLuxembourg(new Date('2026-03-27T23:30:00Z'))).toBe('2026-03-28');
    expect(todayInLuxembourg(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
