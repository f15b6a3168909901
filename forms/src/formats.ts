import { todayInLuxembourg } from '@gemeng/i18n';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** Today's date in Luxembourg (`yyyy-mm-dd`), from @gemeng/i18n. */
export { todayInLuxembourg };

/**
 * The formats of the field types, each a pure function, so the widget can also normalise what a citizen typed
 * (`toE164`, `electronicIban`) before it is stored.
 */

const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\_]+\.[a-z]{2,63}$/i;

/** A pragmatic email address check: one `@`, a dotted domain, no spaces; at most 254 characters (RFC 5321). */
export function isEmail(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) return false;
  const domain = trimmed.slice(trimmed.lastIndexOf('@') + 1);
  return domain.split('.').every((label) => label.length > 0 && !label.startsWith('-') && !label.endsWith('-'));
}

/**
 * A phone number in E.164 (`+352621123456`), or `undefined` when it is none. Accepted: `+` or `00` and a country
 * code with 7 to 15 digits in all (a written `(0)` is dropped: `+33 (0)1 23 45 67 89`); or a Luxembourg number without `+352` (6 to 11 digits, never starting with 0:
 * Luxembourg has no trunk prefix), e.g. `621 123 456` or `26 12 34 56`. Spaces, dots, dashes, slashes and
 * parentheses are ignored.
 */
export function toE164(value: string): string | undefined {
  const compact = value
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s.\-/()]/g, '');
  const international = /^(?:\+|00)([1-9]\d{6,14})$/.exec(compact);
  if (international) {
    const digits = international[1]!;
    if (digits.startsWith('352') && !/^[1-9]\d{5,10}$/.test(digits.slice(3))) return undefined;
    return `+${digits}`;
  }
  if (/^[1-9]\d{5,10}$/.test(compact)) return `+352${compact}`;
  return undefined;
}

/** An IBAN as stored (`LU280019400644750000`): spaces removed, capitals. */
export function electronicIban(value: string): string {
  return electronicFormatIBAN(value) ?? '';
}

/** Whether `value` is an IBAN: the country's length and format, and the ISO 13616 mod-97 check (`ibantools`). */
export function isIban(value: string): boolean {
  return isValidIBAN(electronicIban(value));
}

/** `yyyy-mm-dd` of a real calendar day (2026-02-29 is not one), as the UTC midnight of that day; else undefined. */
export function parseIsoDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return calendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function calendarDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date;
}

/**
 * A date bound of a definition as `yyyy-mm-dd`: an ISO date, `today`, or `today+N` / `today-N` (days), e.g. a bulky
 * waste collection at the earliest three days ahead: `min: 'today+3'`. Undefined when malformed.
 */
export function resolveDateBound(bound: string, today: string): string | undefined {
  const relative = /^today(?:([+-])(\d{1,4}))?$/.exec(bound);
  if (!relative) return parseIsoDate(bound) ? bound : undefined;
  const base = parseIsoDate(today);
  if (!base) return undefined;
  const days = relative[2] ? Number(relative[2]) * (relative[1] === '-' ? -1 : 1) : 0;
  base.setUTCDate(base.getUTCDate() + days);
  return base.toISOString().slice(0, 10);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 8, 7, 6, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** The Verhoeff check digit of a string of digits (dihedral group D5: catches every adjacent transposition). */
export function verhoeffDigit(digits: string): number {
  let check = 0;
  const reversed = [...digits].reverse();
  for (let i = 0; i < reversed.length; i++) {
    check = VERHOEFF_D[check]![VERHOEFF_P[(i + 1) % 8]![Number(reversed[i])]!]!;
  }
  return VERHOEFF_INV[check]!;
}

/** The Luhn (mod 10) check digit of a string of digits. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  const reversed = [...digits].reverse();
  for (let i = 0; i < reversed.length; i++) {
    let digit = Number(reversed[i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A Luxembourg national identification number ("matricule", 13 digits, spaces ignored): the birth date yyyymmdd
 * (a real day, not after `today`), three digits, the Luhn check digit of the first eleven, the Verhoeff check
 * digit of the first eleven.
 */
export function isNationalId(value: string, today: string): boolean {
  const digits = value.replace(/\s/g, '');
  if (!/^\d{13}$/.test(digits)) return false;
  const birth = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (!parseIsoDate(birth) || birth < '1850-01-01' || birth > today) return false;
  const base = digits.slice(0, 11);
  return luhnDigit(base) === Number(digits[11]) && verhoeffDigit(base) === Number(digits[12]);
}

/** Whether `postcode` is one of `country`: Luxembourg's have 4 digits (`L-` allowed before); others 2–10 signs. */
export function isPostcode(postcode: string, country: string): boolean {
  const trimmed = postcode.trim();
  if (country === 'LU') return /^(?:L-?)?\d{4}$/i.test(trimmed);
  return /^[A-Z0-9][A-Z0-9 -]{1,9}$/i.test(trimmed);
}

/** An ISO 3166-1 alpha-2 code as written in an address answer (`LU`, `FR`). */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value.trim());
}
