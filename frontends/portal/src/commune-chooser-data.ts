import { graphql, type OperationResult } from '@gemeng/frontend-kit';

/** The member communes (the graph leaves inactive ones out; `active` is checked again), named in three languages. */
export const COMMUNES_QUERY = graphql(
  'query CommuneChooser { communes { slug name active nameLb: name(lang: lb) nameFr: name(lang: fr) nameDe: name(lang: de) } }',
);
export type ChooserCommune = OperationResult<typeof COMMUNES_QUERY>['communes'][number];

/** The signed-in person's communes of residence, as their profile declares them. */
export const RESIDENCES_QUERY = graphql('query CommunesOfResidence { me { communesOfResidence { slug active } } }');
export type Residences = OperationResult<typeof RESIDENCES_QUERY>;

/** Where the last commune chosen is remembered on this device (its slug). */
export const LAST_COMMUNE_KEY = 'gemeng:commune';

export function lastCommune(): string | undefined {
  try {
    return localStorage.getItem(LAST_COMMUNE_KEY) ?? undefined;
  } catch {
    // Storage can be disabled (privacy settings): nothing is remembered then.
    return undefined;
  }
}

export function rememberCommune(slug: string): void {
  try {
    localStorage.setItem(LAST_COMMUNE_KEY, slug);
  } catch {
    // See lastCommune.
  }
}

/** The path of a commune's page on the portal. */
export const communePath = (slug: string): string => `/communes/${encodeURIComponent(slug)}`;

/** Lower case, without accents, hyphens or apostrophes: "Esch-sur-Alzette" is found as "esch sur alzette". */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’.\s]+/g, ' ')
    .trim();
}

/** The active communes whose name (in any language) or slug contains what was typed, in alphabetical order. */
export function filterCommunes(communes: readonly ChooserCommune[], typed: string, language: string): ChooserCommune[] {
  const wanted = searchable(typed);
  return communes
    .filter((commune) => commune.active)
    .filter(
      (commune) =>
        !wanted ||
        [commune.name, commune.nameLb, commune.nameFr, commune.nameDe, commune.slug].some((name) =>
          searchable(name).includes(wanted),
        ),
    )
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

/**
 * The communes offered first: the person's communes of residence (active ones, in their order), else the last one
 * chosen on this device if it is still active; none otherwise.
 */
export function suggestedCommunes(
  communes: readonly ChooserCommune[],
  residences: readonly string[],
  last: string | undefined,
): { readonly kind: 'residences' | 'last'; readonly communes: ChooserCommune[] } | undefined {
  const active = new Map(communes.filter((c) => c.active).map((c) => [c.slug, c]));
  const homes = residences.map((slug) => active.get(slug)).filter((c): c is ChooserCommune => Boolean(c));
  if (homes.length > 0) return { kind: 'residences', communes: homes };
  const chosen = last ? active.get(last) : undefined;
  return chosen ? { kind: 'last', communes: [chosen] } : undefined;
}
