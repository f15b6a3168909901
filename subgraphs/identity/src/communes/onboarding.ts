/**
 * Commune onboarding by the syndicate's operators: a commune is added, changed or set inactive in one
 * transaction with its population history, the operator's security log entry and, for a new commune, the
 * `identity.commune-joined` event (ADR 5) that the other subgraphs handle (billing's subscription from the
 * joining month, procedures' default catalogue, the commune's signing certificate).
 *
 * The population a commune has "now" is the figure with the latest reference date; every figure stays in
 * commune_population, so that billing can ask for the population on 1 January of any year.
 */
import { type ClientInfo, type Language, publishInTransaction } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import type { Commune } from '../generated/prisma/client.ts';
import { text } from '../schema/errors.ts';
import { logSecurityEvent } from '../security/log.ts';
import {
  type CommuneNames,
  checkDate,
  checkNames,
  checkOrigins,
  checkPopulation,
  checkSlug,
  isoDay,
} from './validation.ts';

export const COMMUNE_JOINED = 'identity.commune-joined';

/** The payload of `identity.commune-joined`: what the other subgraphs need to welcome the commune. */
export interface CommuneJoined {
  communeId: string;
  slug: string;
  /** YYYY-MM-DD */
  joinsOn: string;
  population: number;
  /** YYYY-MM-DD: the day the population counts on (usually 1 January). */
  populationReferenceDate: string;
}

export interface CommuneDraft {
  slug: string;
  names: CommuneNames;
  population: number;
  populationReferenceDate: string;
  websiteOrigins: readonly string[];
  joinsOn: string;
}

export interface CommuneChanges {
  names?: CommuneNames | null;
  population?: number | null;
  populationReferenceDate?: string | null;
  websiteOrigins?: readonly string[] | null;
  joinsOn?: string | null;
  active?: boolean | null;
}

/** The slug is taken by another commune (active or not: slugs are never reused). */
export class CommuneSlugTakenError extends Error {
  override name = 'CommuneSlugTakenError';
  constructor(
    readonly slug: string,
    message: string,
  ) {
    super(message);
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/** Adds a commune, with its first population figure and the event announcing it, or throws a typed error. */
export async function createCommune(
  db: Db,
  draft: CommuneDraft,
  actorId: string,
  lang: Language,
  client?: ClientInfo,
): Promise<Commune> {
  const slug = checkSlug(draft.slug, lang);
  const names = checkNames(draft.names, lang);
  const population = checkPopulation(draft.population, lang);
  const referenceDate = checkDate(draft.populationReferenceDate, 'populationReferenceDate', lang);
  const websiteOrigins = checkOrigins(draft.websiteOrigins, lang);
  const joinsOn = checkDate(draft.joinsOn, 'joinsOn', lang);
  const taken = () => new CommuneSlugTakenError(slug, text('communeSlugTaken', lang, { slug }));
  if (await db.commune.findUnique({ where: { slug }, select: { id: true } })) throw taken();
  try {
    return await db.$transaction(async (tx) => {
      const commune = await tx.commune.create({
        data: {
          slug,
          nameLb: names.lb,
          nameFr: names.fr,
          nameDe: names.de,
          nameEn: names.en,
          population,
          populationReferenceDate: referenceDate,
          websiteOrigins,
          joinsOn,
          populations: { create: { referenceDate, population } },
        },
      });
      await logSecurityEvent(tx, {
        userId: actorId,
        actorId,
        kind: 'commune-created',
        details: { communeId: commune.id, slug },
        ...client,
      });
      const joined: CommuneJoined = {
        communeId: commune.id,
        slug,
        joinsOn: isoDay(joinsOn),
        population,
        populationReferenceDate: isoDay(referenceDate),
      };
      await publishInTransaction(tx, COMMUNE_JOINED, { ...joined });
      return commune;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(); // added meanwhile by another operator
    throw error;
  }
}

/**
 * Changes what is given and keeps the rest; a population comes with its reference date. An older figure only
 * completes the history; `active: false` takes the commune out of `communes` (its data stays).
 * Null when there is no such commune.
 */
export async function updateCommune(
  db: Db,
  communeId: string,
  changes: CommuneChanges,
  actorId: string,
  lang: Language,
  client?: ClientInfo,
): Promise<Commune | null> {
  const names = changes.names ? checkNames(changes.names, lang) : undefined;
  const websiteOrigins = changes.websiteOrigins ? checkOrigins(changes.websiteOrigins, lang) : undefined;
  const joinsOn = changes.joinsOn ? checkDate(changes.joinsOn, 'joinsOn', lang) : undefined;
  let figure: { population: number; referenceDate: Date } | undefined;
  if (changes.population != null || changes.populationReferenceDate != null) {
    figure = {
      population: checkPopulation(changes.population ?? -1, lang),
      referenceDate: checkDate(changes.populationReferenceDate ?? '', 'populationReferenceDate', lang),
    };
  }
  return db.$transaction(async (tx) => {
    // Locked, so that two operators entering figures at once keep the latest one as the commune's population.
    const locked = await tx.$queryRaw<unknown[]>`SELECT 1 FROM commune WHERE id = ${communeId}::uuid FOR UPDATE`;
    if (locked.length === 0) return null;
    const current = await tx.commune.findUniqueOrThrow({ where: { id: communeId } });
    if (figure) {
      const key = { communeId_referenceDate: { communeId, referenceDate: figure.referenceDate } };
      await tx.communePopulation.upsert({
        where: key,
        create: { communeId, referenceDate: figure.referenceDate, population: figure.population },
        update: { population: figure.population, recordedAt: new Date() },
      });
    }
    const latest = figure && figure.referenceDate >= current.populationReferenceDate ? figure : undefined;
    const commune = await tx.commune.update({
      where: { id: communeId },
      data: {
        ...(names ? { nameLb: names.lb, nameFr: names.fr, nameDe: names.de, nameEn: names.en } : {}),
        ...(websiteOrigins ? { websiteOrigins } : {}),
        ...(joinsOn ? { joinsOn } : {}),
        ...(latest ? { population: latest.population, populationReferenceDate: latest.referenceDate } : {}),
        ...(changes.active != null ? { active: changes.active } : {}),
      },
    });
    const changed = Object.entries(changes)
      .filter(([, value]) => value != null)
      .map(([field]) => field);
    await logSecurityEvent(tx, {
      userId: actorId,
      actorId,
      kind: 'commune-updated',
      ...client,
      details: {
        communeId,
        slug: commune.slug,
        changed,
        ...(changes.active != null ? { active: changes.active } : {}),
      },
    });
    return commune;
  });
}
