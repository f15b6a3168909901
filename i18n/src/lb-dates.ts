/**
 * Luxembourgish dates where the runtime has no Luxembourgish data. Chromium (and so Chrome, Edge and every
 * Android WebView) ships an ICU without `lb`: `Intl` then formats in the next locale, `de-LU`, and a Luxembourgish
 * reader gets "Mittwoch, 4. März". This formatter keeps de-LU's patterns, which Luxembourgish shares (`4. Mäerz
 * 2026`, `04.03.26`), and puts the Luxembourgish month and weekday names (CLDR's, as Node's full ICU has them) in
 * place of the German ones. Node 20 knows `lb` and uses its own data (see `format.ts`).
 */

/** Whether this runtime's `Intl` has Luxembourgish date data (Node with full ICU: yes; Chromium: no). */
export function hasLuxembourgishDates(): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf(['lb']).length > 0;
}

// Indexed like Date: months from January, weekdays from Sunday.
const MONTHS = [
  'Januar',
  'Februar',
  'Mäerz',
  'Abrëll',
  'Mee',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
/** Abbreviated, as in a date (`4. Mäe.`); on their own without the dot (`Mäe`). */
const MONTHS_SHORT = ['Jan.', 'Feb.', 'Mäe.', 'Abr.', 'Mee', 'Juni', 'Juli', 'Aug.', 'Sep.', 'Okt.', 'Nov.', 'Dez.'];
const MONTHS_SHORT_ALONE = ['Jan', 'Feb', 'Mäe', 'Abr', 'Mee', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];
const WEEKDAYS = ['Sonndeg', 'Méindeg', 'Dënschdeg', 'Mëttwoch', 'Donneschdeg', 'Freideg', 'Samschdeg'];
const WEEKDAYS_SHORT = ['Son.', 'Méi.', 'Dën.', 'Mët.', 'Don.', 'Fre.', 'Sam.'];
const WEEKDAYS_SHORT_ALONE = ['Son', 'Méi', 'Dën', 'Mët', 'Don', 'Fre', 'Sam'];

type Width = 'long' | 'short' | 'narrow' | 'numeric' | '2-digit' | undefined;

/** `Intl.DateTimeFormat` with de-LU's patterns and Luxembourgish names: `new LuxembourgishDateTimeFormat({ dateStyle: 'full' })`. */
export class LuxembourgishDateTimeFormat extends Intl.DateTimeFormat {
  readonly #month: Width;
  readonly #weekday: Width;
  /** The calendar day of a date in the formatter's time zone: which month and weekday it is. */
  readonly #day: Intl.DateTimeFormat;

  constructor(options: Intl.DateTimeFormatOptions = {}) {
    super('de-LU', options);
    const style = options.dateStyle;
    // With dateStyle, de-LU writes names in `full` (weekday and month) and `long` (month); numbers otherwise.
    this.#month = options.month ?? (style === 'full' || style === 'long' ? 'long' : undefined);
    this.#weekday = options.weekday ?? (style === 'full' ? 'long' : undefined);
    this.#day = new Intl.DateTimeFormat('en-US', {
      timeZone: this.resolvedOptions().timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    this.format = this.format.bind(this);
  }

  override formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
    const parts = super.formatToParts(date);
    const day = Object.fromEntries(this.#day.formatToParts(date).map((part) => [part.type, Number(part.value)]));
    const month = (day.month ?? 1) - 1;
    const weekday = new Date(Date.UTC(day.year ?? 1970, month, day.day ?? 1)).getUTCDay();
    const alone = parts.filter((part) => part.type !== 'literal').length === 1;
    return parts.map((part) => {
      if (part.type === 'month' && /\D/.test(part.value)) {
        const names =
          this.#month === 'long'
            ? MONTHS
            : this.#month === 'short'
              ? alone
                ? MONTHS_SHORT_ALONE
                : MONTHS_SHORT
              : undefined;
        return names ? { ...part, value: names[month] as string } : part;
      }
      if (part.type === 'weekday') {
        const names =
          this.#weekday === 'long'
            ? WEEKDAYS
            : this.#weekday === 'short'
              ? alone
                ? WEEKDAYS_SHORT_ALONE
                : WEEKDAYS_SHORT
              : undefined;
        return names ? { ...part, value: names[weekday] as string } : part;
      }
      return part;
    });
  }

  override format(date?: Date | number): string {
    return this.formatToParts(date)
      .map((part) => part.value)
      .join('');
  }
}
