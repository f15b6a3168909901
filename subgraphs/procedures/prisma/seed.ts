/**
 * Idempotent demo data with stable ids (`demoId`): the syndicate's templates (prisma/catalogue/), every demo
 * commune as identity's `identity.commune-joined` would leave it (reference prefix, procedures enabled), a few
 * communes' own adaptations, then the back office's demo applications (seed-applications.ts).
 * Templates follow the code (a text fix reaches the demo; a changed form becomes a new version); what a
 * commune changed (enabled, fee, note) is never overwritten: its rows are only created when missing.
 */
import { DEMO_COMMUNES, demoCommuneId, demoId, SEED_TRANSACTION } from '@gemeng/subgraph-kit';
import { upsertTemplate } from '../src/catalogue/admin.ts';
import { choosePrefix } from '../src/catalogue/onboarding.ts';
import type { Db } from '../src/db.ts';
import { SEED_PROCEDURES } from './catalogue/index.ts';
import { L } from './catalogue/shared.ts';
import { seedDemoApplicationsIfAsked } from './seed-applications.ts';

/** Communes that keep a procedure off (small towns without resident parking zones). */
const DISABLED: Record<string, readonly string[]> = {
  wiltz: ['resident-parking-permit'],
  echternach: ['resident-parking-permit'],
  remich: ['resident-parking-permit', 'public-space-permit'],
};

const counterHours = L(
  'De Biergeramt ass méindes bis freides vun 8 bis 12 Auer an 13 bis 17 Auer op, donneschdes bis 19 Auer.',
  'Le bureau de la population est ouvert du lundi au vendredi de 8 h à 12 h et de 13 h à 17 h, le jeudi jusqu’à 19 h.',
  'Das Bürgeramt ist montags bis freitags von 8 bis 12 Uhr und von 13 bis 17 Uhr geöffnet, donnerstags bis 19 Uhr.',
  'The population office is open Monday to Friday from 8:00 to 12:00 and 13:00 to 17:00, Thursdays until 19:00.',
);

const freeOnceAYear = L(
  'Eng Kéier am Joer gratis fir all Stot; duerno 25 €.',
  'Gratuit une fois par an pour chaque ménage ; ensuite 25 €.',
  'Einmal im Jahr kostenlos für jeden Haushalt; danach 25 €.',
  'Free once a year for each household; after that €25.',
);

/** Each commune's own fee, processing time or note for a procedure (the rest is the template's). */
const ADAPTATIONS: Record<string, Record<string, object>> = {
  dudelange: {
    'residence-certificate': {
      noteLb: counterHours.lb,
      noteFr: counterHours.fr,
      noteDe: counterHours.de,
      noteEn: counterHours.en,
    },
  },
  hesperange: {
    'bulky-waste-collection': {
      feeCents: 0,
      noteLb: freeOnceAYear.lb,
      noteFr: freeOnceAYear.fr,
      noteDe: freeOnceAYear.de,
      noteEn: freeOnceAYear.en,
    },
  },
  luxembourg: { 'public-space-permit': { processingDays: 15 } },
};

export async function seed(db: Db): Promise<void> {
  const templates = new Map<string, string>();
  for (const procedure of SEED_PROCEDURES) {
    const ids = {
      template: demoId('procedure-template', procedure.code),
      form: (version: number) => demoId('form-version', procedure.code, String(version)),
    };
    // One transaction per template, with the seed's patience: a busy machine must not fail the start.
    const template = await db.$transaction((tx) => upsertTemplate(tx, procedure, ids), SEED_TRANSACTION);
    templates.set(procedure.code, template.id);
  }

  const taken = new Set<string>();
  const communes = DEMO_COMMUNES.map((commune) => {
    const referencePrefix = choosePrefix(commune.slug, taken);
    taken.add(referencePrefix);
    return { communeId: demoCommuneId(commune.slug), slug: commune.slug, referencePrefix };
  });
  const rows = DEMO_COMMUNES.flatMap((commune) =>
    SEED_PROCEDURES.map((procedure) => ({
      id: demoId('commune-procedure', commune.slug, procedure.code),
      communeId: demoCommuneId(commune.slug),
      templateId: templates.get(procedure.code) as string,
      enabled: !DISABLED[commune.slug]?.includes(procedure.code),
      ...ADAPTATIONS[commune.slug]?.[procedure.code],
    })),
  );
  await db.$transaction(
    [
      db.procedureCommune.createMany({ data: communes, skipDuplicates: true }),
      db.communeProcedure.createMany({ data: rows, skipDuplicates: true }),
    ],
    SEED_TRANSACTION,
  );
  await seedDemoApplicationsIfAsked(db);
}
