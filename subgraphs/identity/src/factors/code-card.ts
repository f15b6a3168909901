/**
 * The commune's code card: a printed matrix of one-time codes (10 rows A–J × 5 columns, 4 digits each) that an
 * agent hands to a citizen whose identity was checked at the town hall. A sign-in asks for two random cells,
 * the same two until they are answered right; each cell works once. Only hashes of the cells are stored; the
 * codes exist in clear only on the printed card.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db.ts';

export const ROWS = 10;
export const COLUMNS = 5;
const ROW_NAMES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A cell's name as printed: row letter and column number, e.g. "C4". */
export const cellName = (index: number) => `${ROW_NAMES[Math.floor(index / COLUMNS)]}${(index % COLUMNS) + 1}`;

// Each cell's hash is keyed by the card serial and the cell, so that equal codes never have equal hashes.
const hashCell = (serial: string, index: number, code: string) =>
  createHmac('sha256', `${serial}:${index}`).update(code).digest('hex');

export interface IssuedCard {
  id: string;
  serial: string;
  rows: number;
  columns: number;
  /** The codes, row by row: to print now, never stored. */
  codes: string[];
}

/** Issues a new card for the person in that commune; any earlier active card of theirs is revoked. */
export async function issueCodeCard(
  db: Db,
  input: { userId: string; communeId: string; issuedBy: string },
): Promise<IssuedCard> {
  const serial = randomBytes(5).toString('hex').toUpperCase();
  const codes = Array.from({ length: ROWS * COLUMNS }, () => String(randomInt(0, 10_000)).padStart(4, '0'));
  const [, card] = await db.$transaction([
    db.codeCard.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } }),
    db.codeCard.create({
      data: {
        ...input,
        serial,
        rows: ROWS,
        columns: COLUMNS,
        cellHashes: codes.map((code, index) => hashCell(serial, index, code)),
        usedCells: [],
      },
    }),
  ]);
  return { id: card.id, serial, rows: ROWS, columns: COLUMNS, codes };
}

export async function activeCard(db: Db, userId: string) {
  return db.codeCard.findFirst({ where: { userId, revokedAt: null }, orderBy: { issuedAt: 'desc' } });
}

/**
 * The two cells to ask for, or null when the person has no active card with two cells left. They are kept on
 * the card until answered right: every sign-in meanwhile, in any browser, asks the same two, so that starting
 * sign-ins again and again does not show an attacker more and more cells to choose from.
 */
export async function codeCardChallenge(
  db: Db,
  userId: string,
): Promise<{ serial: string; cells: [number, number] } | null> {
  const card = await activeCard(db, userId);
  if (!card) return null;
  const free = Array.from({ length: card.rows * card.columns }, (_, i) => i).filter((i) => !card.usedCells.includes(i));
  if (free.length < 2) return null;
  const first = free.splice(randomInt(0, free.length), 1)[0] as number;
  const second = free[randomInt(0, free.length)] as number;
  const drawn = first < second ? [first, second] : [second, first];
  // One statement: concurrent sign-ins keep whichever pair was set first.
  const [row] = await db.$queryRaw<{ pending_cells: number[] }[]>`
    UPDATE code_card SET pending_cells = CASE
      WHEN cardinality(pending_cells) = 2 AND NOT (pending_cells && used_cells) THEN pending_cells
      ELSE ${drawn}::int[] END
    WHERE id = ${card.id}::uuid AND revoked_at IS NULL
    RETURNING pending_cells`;
  const cells = row?.pending_cells;
  if (cells?.length !== 2) return null;
  return { serial: card.serial, cells: [cells[0] as number, cells[1] as number] };
}

/**
 * Checks the two answers to the card's pending cells; on success the two cells are used up and the card asks
 * two new ones next time (atomically: a cell never works twice). A wrong answer leaves the same two pending.
 */
export async function answerCodeCard(
  db: Db,
  userId: string,
  challenge: { serial: string; cells: [number, number] },
  answers: [string, string],
): Promise<boolean> {
  const card = await db.codeCard.findFirst({ where: { userId, serial: challenge.serial, revokedAt: null } });
  if (!card) return false;
  const right = challenge.cells.every((cell, i) => {
    const expected = Buffer.from(card.cellHashes[cell] ?? '', 'hex');
    const given = Buffer.from(hashCell(card.serial, cell, (answers[i] ?? '').trim()), 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given) && !card.usedCells.includes(cell);
  });
  if (!right) return false;
  const used = await db.$executeRaw`
    UPDATE code_card SET used_cells = used_cells || ${challenge.cells}::int[], pending_cells = '{}'
    WHERE id = ${card.id}::uuid AND revoked_at IS NULL AND NOT (used_cells && ${challenge.cells}::int[])
      AND pending_cells = ${challenge.cells}::int[]`;
  return used === 1;
}

export async function revokeCodeCard(db: Db, userId: string): Promise<boolean> {
  const { count } = await db.codeCard.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}
