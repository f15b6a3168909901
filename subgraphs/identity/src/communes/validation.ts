/**
 * What an operator may enter for a commune: a slug for URLs, its names in the four languages, a population with
 * the date it counts on, the origins of its websites (the router and the portal client follow them) and the day
 * it joins. Each check names the input field and a message in the request language.
 */
import type { Language } from '@gemeng/subgraph-kit';
import { text, ValidationError } from '../schema/errors.ts';

export const COMMUNE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_POPULATION = 10_000_000;
const MAX_ORIGINS = 20;

export interface CommuneNames {
  lb: string;
  fr: string;
  de: string;
  en: string;
}

export function checkSlug(slug: string, lang: Language): string {
  if (slug.length < 2 || slug.length > 64 || !COMMUNE_SLUG.test(slug)) {
    throw new ValidationError('slug', text('communeSlugInvalid', lang));
  }
  return slug;
}

export function checkNames(names: CommuneNames, lang: Language): CommuneNames {
  const trimmed = { lb: names.lb.trim(), fr: names.fr.trim(), de: names.de.trim(), en: names.en.trim() };
  for (const value of Object.values(trimmed)) {
    if (value.length < 1 || value.length > 100) throw new ValidationError('names', text('communeNameLength', lang));
  }
  return trimmed;
}

export function checkPopulation(population: number, lang: Language): number {
  if (!Number.isInteger(population) || population < 0 || population > MAX_POPULATION) {
    throw new ValidationError('population', text('communePopulation', lang));
  }
  return population;
}

/** A calendar day `YYYY-MM-DD` as midnight UTC (a PostgreSQL `date`), or a ValidationError on `field`. */
export function checkDate(value: string, field: string, lang: Language): Date {
  const day = new Date(`${value}T00:00:00Z`);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(day.getTime()) &&
    day.toISOString().slice(0, 10) === value && // refuses 2027-02-30
    day.getUTCFullYear() >= 1900 &&
    day.getUTCFullYear() < 2200;
  if (!valid) throw new ValidationError(field, text('communeDate', lang));
  return day;
}

export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

/**
 * Whether this installation is a developer's own (identity served over plain http on the loopback, as
 * `npm start` does): only then may a commune's website be a `http://localhost:<port>` page.
 */
export function localOriginsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  const issuer = env.GEMENG_OIDC_ISSUER ?? 'http://localhost/oidc';
  try {
    const url = new URL(issuer);
    return url.protocol === 'http:' && isLoopback(url.hostname);
  } catch {
    return false;
  }
}

const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/**
 * Website origins, each `https://host[:port]` without a path, query or credentials (a trailing "/" is
 * dropped); `http://localhost:…` only where localOriginsAllowed. Duplicates are kept once.
 */
export function checkOrigins(values: readonly string[], lang: Language, allowLocal = localOriginsAllowed()): string[] {
  if (values.length > MAX_ORIGINS) throw new ValidationError('websiteOrigins', text('communeOriginsTooMany', lang));
  const origins = new Set<string>();
  for (const value of values) {
    const origin = originOf(value.trim(), allowLocal);
    if (!origin) throw new ValidationError('websiteOrigins', text('communeOrigin', lang, { origin: value }));
    origins.add(origin);
  }
  return [...origins];
}

function originOf(value: string, allowLocal: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const local = allowLocal && url.protocol === 'http:' && isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !local) return null;
  if (url.username || url.password) return null;
  // Anything beyond the origin (a path, "?", "#") makes the text differ from the parsed origin.
  if (value.replace(/\/$/, '').toLowerCase() !== url.origin) return null;
  return url.origin;
}
