import { createHash } from 'node:crypto';

/**
 * Demo data shared by the seeds of the four subgraphs: the communes and their entity keys. identity owns the
 * communes; the other subgraphs seed rows that reference them by id, as they would after receiving the
 * `identity.commune-joined` event (ADR 5), without reading identity's tables.
 */
export interface DemoCommune {
  slug: string;
  names: { lb: string; fr: string; de: string; en: string };
  /** Inhabitants on 1 January 2024, STATEC (rounded to the figure the commune publishes). */
  population: number;
  website: string;
}

const commune = (slug: string, lb: string, fr: string, de: string, en: string, population: number, website: string) =>
  ({ slug, names: { lb, fr, de, en }, population, website }) satisfies DemoCommune;

export const DEMO_COMMUNES: readonly DemoCommune[] = [
  // The two pilot communes of the original portal.
  commune('dudelange', 'Diddeleng', 'Dudelange', 'Düdelingen', 'Dudelange', 22_407, 'https://www.dudelange.lu'),
  commune('hesperange', 'Hesper', 'Hesperange', 'Hesperingen', 'Hesperange', 16_427, 'https://www.hesperange.lu'),
  commune(
    'esch-sur-alzette',
    'Esch-Uelzecht',
    'Esch-sur-Alzette',
    'Esch an der Alzette',
    'Esch-sur-Alzette',
    37_101,
    'https://www.esch.lu',
  ),
  commune('luxembourg', 'Lëtzebuerg', 'Luxembourg', 'Luxemburg', 'Luxembourg City', 134_697, 'https://www.vdl.lu'),
  commune(
    'differdange',
    'Déifferdeng',
    'Differdange',
    'Differdingen',
    'Differdange',
    29_540,
    'https://www.differdange.lu',
  ),
  commune('petange', 'Péiteng', 'Pétange', 'Petingen', 'Pétange', 20_869, 'https://www.petange.lu'),
  commune('sanem', 'Suessem', 'Sanem', 'Sassenheim', 'Sanem', 18_622, 'https://www.suessem.lu'),
  commune(
    'bettembourg',
    'Beetebuerg',
    'Bettembourg',
    'Bettemburg',
    'Bettembourg',
    11_474,
    'https://www.bettembourg.lu',
  ),
  commune(
    'schifflange',
    'Schëffleng',
    'Schifflange',
    'Schifflingen',
    'Schifflange',
    11_734,
    'https://www.schifflange.lu',
  ),
  commune('mamer', 'Mamer', 'Mamer', 'Mamer', 'Mamer', 11_167, 'https://www.mamer.lu'),
  commune('strassen', 'Stroossen', 'Strassen', 'Strassen', 'Strassen', 10_296, 'https://www.strassen.lu'),
  commune('mersch', 'Miersch', 'Mersch', 'Mersch', 'Mersch', 10_139, 'https://www.mersch.lu'),
  commune('ettelbruck', 'Ettelbréck', 'Ettelbruck', 'Ettelbrück', 'Ettelbruck', 9_683, 'https://www.ettelbruck.lu'),
  commune('diekirch', 'Dikrech', 'Diekirch', 'Diekirch', 'Diekirch', 7_363, 'https://www.diekirch.lu'),
  commune('wiltz', 'Wolz', 'Wiltz', 'Wiltz', 'Wiltz', 7_693, 'https://www.wiltz.lu'),
  commune('echternach', 'Iechternach', 'Echternach', 'Echternach', 'Echternach', 5_938, 'https://www.echternach.lu'),
  commune('remich', 'Réimech', 'Remich', 'Remich', 'Remich', 3_929, 'https://www.remich.lu'),
];

/**
 * The id of a demo commune, the same in every subgraph's seed: a name-based UUID (RFC 9562 §5.5), so that four
 * separate databases agree on the entity keys.
 */
export function demoCommuneId(slug: string): string {
  return demoId('commune', slug);
}

/** A stable id for any demo row, so that seeding twice updates instead of duplicating. */
export function demoId(...parts: (string | number)[]): string {
  const hash = createHash('sha1')
    .update(`gemeng:${parts.join(':')}`)
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Options for a seed's one transaction: a busy machine must not make `npm start` fail on Prisma's 5 s default. */
export const SEED_TRANSACTION = { maxWait: 30_000, timeout: 120_000 } as const;
