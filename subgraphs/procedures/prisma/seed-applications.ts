/**
 * Demo applications for the back office: a handful of Dudelange applications from the demo citizen (Mady Muller)
 * in the states an agent meets first (submitted, in review, waiting for information, one overdue), so that the
 * demo agent (Jos Weber) has an inbox to work on at the first start. Only with the demo people
 * (GEMENG_DEMO_PEOPLE=true, `npm start` on the embedded database), never in production.
 *
 * Idempotent with stable ids: an application that exists is left as it is (the agent may have moved it on); a
 * missing one is created with a reference from the commune's counter, as a real submission gets it, so that demo
 * and real references never collide.
 */
import { demoCommuneId, demoId, SEED_TRANSACTION } from '@gemeng/subgraph-kit';
import { addWorkingDays, todayInLuxembourg } from '../src/catalogue/working-days.ts';
import type { Db } from '../src/db.ts';
import type { ApplicationState } from '../src/generated/prisma/client.ts';

const DUDELANGE = demoCommuneId('dudelange');
/** identity's demo people have name-based ids (src/demo/seed-people.ts there): the citizen's token `sub`. */
const CITIZEN = {
  id: demoId('person', 'citizen@demo.gemeng.lu'),
  name: 'Mady Muller',
  email: 'citizen@demo.gemeng.lu',
};
const AGENT = { id: demoId('person', 'agent.dudelange@demo.gemeng.lu'), name: 'Jos Weber' };
const PERSON = { name: CITIZEN.name, nationalId: '1976061212386', email: CITIZEN.email };

interface DemoApplication {
  key: string;
  procedure: string;
  state: ApplicationState;
  /** Submitted this many days ago. */
  daysAgo: number;
  answers: Record<string, unknown>;
  assigned: boolean;
  /** The agent's request, for NEEDS_INFO. */
  request?: string;
  /** An agents' note. */
  note?: string;
}

const APPLICATIONS: readonly DemoApplication[] = [
  {
    key: 'residence-certificate',
    procedure: 'residence-certificate',
    state: 'SUBMITTED',
    daysAgo: 1,
    answers: { ...PERSON, purpose: 'administration', history: false, copies: 1, delivery: 'pdf' },
    assigned: false,
  },
  {
    key: 'household-composition',
    procedure: 'household-composition',
    state: 'SUBMITTED',
    daysAgo: 21,
    answers: { ...PERSON, purpose: 'bank', copies: 2, delivery: 'post' },
    assigned: false,
  },
  {
    key: 'dog-registration',
    procedure: 'dog-registration',
    state: 'IN_REVIEW',
    daysAgo: 4,
    answers: {
      dogs: [
        {
          name: 'Rex',
          breed: 'Labrador Retriever',
          birthDate: '2024-03-14',
          chip: '276098106543210',
          dangerous: false,
        },
      ],
      insurer: 'Foyer Assurances',
      rabies: [],
      insurance: [],
    },
    assigned: true,
    note: 'Tax receipt from 2025 seen at the counter; chip number matches the vet’s certificate.',
  },
  {
    key: 'bulky-waste-collection',
    procedure: 'bulky-waste-collection',
    state: 'NEEDS_INFO',
    daysAgo: 6,
    answers: {
      name: CITIZEN.name,
      email: CITIZEN.email,
      phone: '+352 621 123 456',
      address: { street: 'Rue de la Libération', number: '12', postcode: '3510', locality: 'Dudelange', country: 'LU' },
      items: ['furniture', 'other'],
      volume: 2,
      description: 'En ale Kleederschaf an e Canapé. / An old wardrobe and a sofa.',
    },
    assigned: true,
    request:
      'Moien, kënnt Dir eis w.e.g. soen, wéi vill Miwwelstécker et ongeféier sinn? Merci! / Could you tell us roughly how many pieces of furniture there are?',
  },
];

/** The demo applications, if the demo people are seeded (GEMENG_DEMO_PEOPLE=true). */
export async function seedDemoApplicationsIfAsked(db: Db): Promise<void> {
  if (process.env.GEMENG_DEMO_PEOPLE === 'true') await seedDemoApplications(db);
}

/** The demo applications of Dudelange (idempotent). */
export async function seedDemoApplications(db: Db, now: Date = new Date()): Promise<void> {
  const commune = await db.procedureCommune.findUnique({ where: { communeId: DUDELANGE } });
  if (!commune) return; // the catalogue seed did not set up Dudelange: nothing to apply for
  const existing = new Set(
    (await db.application.findMany({ where: { id: { in: APPLICATIONS.map(idOf) } }, select: { id: true } })).map(
      (row) => row.id,
    ),
  );
  for (const demo of APPLICATIONS) {
    if (existing.has(idOf(demo))) continue;
    const procedure = await db.communeProcedure.findFirst({
      where: { communeId: DUDELANGE, enabled: true, template: { code: demo.procedure } },
      include: { template: { include: { formVersions: { orderBy: { version: 'desc' }, take: 1 } } } },
    });
    const formVersion = procedure?.template.formVersions[0];
    if (!procedure || !formVersion) continue;
    const submittedAt = new Date(now.getTime() - demo.daysAgo * 86_400_000);
    const processingDays = procedure.processingDays ?? procedure.template.processingDays;
    const dueOn = addWorkingDays(todayInLuxembourg(submittedAt), processingDays);
    await db.$transaction(async (tx) => {
      const year = Number(todayInLuxembourg(submittedAt).slice(0, 4));
      const [counter] = await tx.$queryRaw<{ last: number }[]>`
        INSERT INTO reference_counter (commune_id, year, last) VALUES (${DUDELANGE}::uuid, ${year}, 1)
        ON CONFLICT (commune_id, year) DO UPDATE SET last = reference_counter.last + 1
        RETURNING last`;
      const reference = `${commune.referencePrefix}-${year}-${String(counter?.last ?? 1).padStart(6, '0')}`;
      const id = idOf(demo);
      const history = historyOf(demo, submittedAt);
      await tx.application.create({
        data: {
          id,
          communeId: DUDELANGE,
          communeProcedureId: procedure.id,
          formVersionId: formVersion.id,
          applicantId: CITIZEN.id,
          applicantName: CITIZEN.name,
          applicantEmail: CITIZEN.email,
          applicantLanguage: 'lb',
          state: demo.state,
          answers: demo.answers as object,
          reference,
          submittedAt,
          dueOn: new Date(`${dueOn}T00:00:00Z`),
          ...(demo.assigned ? { assigneeId: AGENT.id, assigneeName: AGENT.name } : {}),
          version: history.length,
          createdAt: new Date(submittedAt.getTime() - 15 * 60_000),
        },
      });
      await tx.applicationHistory.createMany({
        data: history.map((entry, index) => ({ id: demoId('application-history', demo.key, index), ...entry })),
      });
      const messages = [
        ...(demo.request ? [{ internal: false, body: demo.request }] : []),
        ...(demo.note ? [{ internal: true, body: demo.note }] : []),
      ];
      await tx.applicationMessage.createMany({
        data: messages.map((message, index) => ({
          id: demoId('application-message', demo.key, index),
          applicationId: id,
          authorId: AGENT.id,
          authorName: AGENT.name,
          authorRole: 'agent',
          createdAt: new Date(submittedAt.getTime() + (index + 1) * 3_600_000),
          ...message,
        })),
      });
    }, SEED_TRANSACTION);
  }
}

function idOf(demo: DemoApplication): string {
  return demoId('application', 'dudelange', demo.key);
}

/** The history that led to the demo's state: submitted by the citizen, then the agent's steps an hour apart. */
function historyOf(demo: DemoApplication, submittedAt: Date) {
  const applicationId = idOf(demo);
  const at = (hours: number) => new Date(submittedAt.getTime() + hours * 3_600_000);
  const citizen = { actorId: CITIZEN.id, actorName: CITIZEN.name, actorRole: 'citizen' };
  const agent = { actorId: AGENT.id, actorName: AGENT.name, actorRole: 'agent' };
  const rows: {
    applicationId: string;
    at: Date;
    actorId: string;
    actorName: string;
    actorRole: string;
    fromState: ApplicationState;
    toState: ApplicationState;
    reason?: string;
  }[] = [{ applicationId, at: submittedAt, ...citizen, fromState: 'DRAFT', toState: 'SUBMITTED' }];
  if (demo.state === 'IN_REVIEW' || demo.state === 'NEEDS_INFO') {
    rows.push({ applicationId, at: at(1), ...agent, fromState: 'SUBMITTED', toState: 'IN_REVIEW' });
  }
  if (demo.state === 'NEEDS_INFO') {
    rows.push({
      applicationId,
      at: at(1),
      ...agent,
      fromState: 'IN_REVIEW',
      toState: 'NEEDS_INFO',
      reason: demo.request,
    });
  }
  return rows;
}
