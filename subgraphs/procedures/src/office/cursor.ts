/**
 * The inbox's keyset cursor and its search key. The cursor is opaque to clients (base64url of the last row's
 * submission instant and id) so that the order can change without breaking them; a cursor that does not decode
 * is refused rather than silently restarting at the first page.
 */

/** Where a page ends: the last row's (submittedAt, id), the inbox's sort key. */
export interface InboxPosition {
  submittedAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque cursor after `position`. */
export function encodeCursor(position: InboxPosition): string {
  return Buffer.from(JSON.stringify([position.submittedAt.toISOString(), position.id])).toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours (tampered with, truncated, another list's). */
export function decodeCursor(cursor: string): InboxPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    const submittedAt = new Date(at);
    return Number.isNaN(submittedAt.getTime()) ? null : { submittedAt, id };
  } catch {
    return null;
  }
}

/**
 * Accented letters of the languages written in Luxembourg's communes (lb, fr, de, pt, it, and the Slavic and
 * Nordic names of residents), lower case, and their plain letter: the SQL side of the accent-insensitive name
 * search (`translate(lower(name), FROM, TO)`), so that no database extension is needed on either database.
 */
export const ACCENTED = 'àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž';
export const PLAIN = 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz';

/** A search term as the SQL side compares it: lower case, without accents (ß as ss is left to the typist). */
export function searchKey(term: string): string {
  return term.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ø/g, 'o');
}

/** The term inside a LIKE pattern, its wildcards taken literally. */
export function likeContaining(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
