import { DEMO_COMMUNES, demoCommuneId, demoId, SEED_TRANSACTION } from '@gemeng/subgraph-kit';
import type { Db } from '../src/db.ts';

const CATALOGUE = [
  {
    code: 'residence-certificate',
    lb: 'Wunnsëtzbescheinegung',
    fr: 'Certificat de résidence',
    de: 'Wohnsitzbescheinigung',
    en: 'Certificate of residence',
  },
  {
    code: 'household-composition',
    lb: "Certificat iwwer d'Zesummesetzung vum Stot",
    fr: 'Certificat de composition de ménage',
    de: 'Bescheinigung über die Haushaltszusammensetzung',
    en: 'Household composition certificate',
  },
  {
    code: 'life-certificate',
    lb: 'Liewenszertifikat',
    fr: 'Certificat de vie',
    de: 'Lebensbescheinigung',
    en: 'Life certificate',
  },
  {
    code: 'dog-registration',
    lb: 'Hond umellen',
    fr: "Déclaration d'un chien",
    de: 'Hundeanmeldung',
    en: 'Dog registration',
  },
  {
    code: 'resident-parking-permit',
    lb: 'Awunnervignette',
    fr: 'Vignette de stationnement résidentiel',
    de: 'Anwohnerparkausweis',
    en: 'Resident parking permit',
  },
  {
    code: 'bulky-waste-collection',
    lb: 'Sperrmüll ofhuelen',
    fr: 'Enlèvement des encombrants',
    de: 'Sperrmüllabholung',
    en: 'Bulky waste collection',
  },
] as const;

/** Each demo commune's catalogue: the pilots offer all procedures, the others the first four. */
export async function seed(db: Db): Promise<void> {
  const pilots = new Set(['dudelange', 'hesperange']);
  const rows = DEMO_COMMUNES.flatMap((commune) =>
    CATALOGUE.slice(0, pilots.has(commune.slug) ? CATALOGUE.length : 4).map((procedure) => ({
      id: demoId('procedure-type', commune.slug, procedure.code),
      communeId: demoCommuneId(commune.slug),
      code: procedure.code,
      titleLb: procedure.lb,
      titleFr: procedure.fr,
      titleDe: procedure.de,
      titleEn: procedure.en,
    })),
  );
  await db.$transaction(
    rows.map(({ id, ...row }) => db.procedureType.upsert({ where: { id }, create: { id, ...row }, update: row })),
    SEED_TRANSACTION,
  );
}
