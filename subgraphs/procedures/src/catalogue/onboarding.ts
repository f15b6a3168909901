/**
 * A commune joins the syndicate (identity's `identity.commune-joined`): procedures records its slug, gives it a
 * reference prefix (`DUD` for dudelange: application references read `DUD-2026-000123`) and enables the
 * syndicate's default set of procedures. Idempotent: a commune already known keeps its prefix, and procedures
 * it already has (perhaps disabled on purpose) are left as they are.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import { normaliseForSearch } from './search.ts';

type Tx = Prisma.TransactionClient;

/** The payload of `identity.commune-joined` that procedures reads. */
export interface CommuneJoined {
  communeId: string;
  slug: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The prefixes a slug may get, best first: its first three letters ("DUD"), then its first two and a later
 * letter, then its first and two later letters (in order), then its first letter and any two, then anything.
 */
export function* prefixCandidates(slug: string): Generator<string> {
  const letters = normaliseForSearch(slug)
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .padEnd(3, 'X');
  const [first = 'X'] = letters;
  for (let j = 1; j < letters.length; j += 1) {
    for (let k = j + 1; k < letters.length; k += 1) yield `${first}${letters[j]}${letters[k]}`;
  }
  for (const a of ALPHABET) for (const b of ALPHABET) yield `${first}${a}${b}`;
  for (const x of ALPHABET) for (const a of ALPHABET) for (const b of ALPHABET) yield `${x}${a}${b}`;
}

/** The first candidate of the slug that no other commune has. */
export function choosePrefix(slug: string, taken: ReadonlySet<string>): string {
  for (const candidate of prefixCandidates(slug)) if (!taken.has(candidate)) return candidate;
  throw new Error('every three-letter reference prefix is taken');
}

/** Records the commune (once) and enables the default procedures it does not have yet. */
export async function welcomeCommune(tx: Tx, joined: CommuneJoined): Promise<void> {
  // One commune at a time: two joining at once could otherwise pick the same prefix.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('procedure-commune-prefix'))`;
  const known = await tx.procedureCommune.findUnique({ where: { communeId: joined.communeId } });
  if (!known) {
    const taken = await tx.procedureCommune.findMany({ select: { referencePrefix: true } });
    await tx.procedureCommune.create({
      data: {
        communeId: joined.communeId,
        slug: joined.slug,
        referencePrefix: choosePrefix(joined.slug, new Set(taken.map((row) => row.referencePrefix))),
      },
    });
  }
  const defaults = await tx.procedureTemplate.findMany({ where: { isDefault: true }, select: { id: true } });
  await tx.communeProcedure.createMany({
    data: defaults.map((template) => ({ communeId: joined.communeId, templateId: template.id, enabled: true })),
    skipDuplicates: true,
  });
}
