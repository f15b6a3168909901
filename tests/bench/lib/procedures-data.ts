/**
 * The data of the `procedures` scenario, written straight into the bench stack's procedures database (as a year of
 * use would leave it), and the people who read it, signed in with two factors through identity's real login pages:
 * a citizen with one application, a citizen with 50 (each with its history and messages), and an agent of a commune
 * whose inbox holds 10,000 submitted applications. The inbox rows have stable ids and submission instants, so that
 * the query of a page deep in the keyset (its cursor) is known before the stack starts, as the harness needs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import type { RunningStack } from '../../../scripts/stack.ts';
import { createDb } from '../../../subgraphs/procedures/src/db.ts';
import { encodeCursor } from '../../../subgraphs/procedures/src/office/cursor.ts';
import { createPerson, type Person } from '../../support/oidc.ts';
import { enrolSecondFactor, signInThroughPages } from '../../support/second-factor.ts';
import { progress } from './settings.ts';

/** The commune whose inbox is measured (no demo applications there), and the citizens' commune. */
export const INBOX_COMMUNE_ID = demoCommuneId('esch-sur-alzette');
const CITIZENS_COMMUNE_ID = demoCommuneId('differdange');
export const INBOX_SIZE = 10_000;
export const PAGE_SIZE = 25;
/** The page deep in the keyset that is measured against the first one. */
export const DEEP_PAGE = 100;
/** The many applications of one citizen (the widget asks for 50). */
export const MANY = 50;

/** The n-th inbox application (1-based) was submitted n minutes after this instant (a 2025 Monday). */
const INBOX_START = Date.UTC(2025, 0, 6, 7, 0);
/** The inbox rows' ids: md5 of a stable text as a uuid, the same in SQL (`md5(…)::uuid`) and here. */
const inboxId = (n: number) =>
  createHash('md5')
    .update(`gemeng-bench-inbox-${n}`)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** The cursor after the last row of page `page - 1`: where page `page` starts. */
export function inboxCursorBefore(page: number): string {
  const n = (page - 1) * PAGE_SIZE;
  return encodeCursor({ submittedAt: new Date(INBOX_START + n * 60_000), id: inboxId(n) });
}

/** Applicants' names of the inbox, accented as in the commune's registers; one in ten is a Müller. */
const NAMES = [
  'Léa Müller',
  'Jos Weber',
  'Mady Schmit',
  'Gilles Hoffmann',
  'Anne Kieffer',
  'João Gonçalves',
  'Chantal Wagner',
  'Luc Thill',
  'Marie-José Reuter',
  'Théo Becker',
];
/** The filtered inbox: submitted, not yet in review, applicants called Muller (written without the umlaut). */
export const INBOX_FILTER = '{ states: [SUBMITTED], search: "muller" }';
export const FILTERED_COUNT = INBOX_SIZE / 20; // n ≡ 0 (mod 4) for the state and n ≡ 0 (mod 10) for the name

interface People {
  citizenOne: Person;
  citizenMany: Person;
  agent: Person;
}

/** Writes the inbox's 10,000 applications (one history row each) in a handful of statements. */
async function seedInbox(db: ReturnType<typeof createDb>, agent: Person): Promise<void> {
  const commune = await db.procedureCommune.findUniqueOrThrow({ where: { communeId: INBOX_COMMUNE_ID } });
  const procedures = await enabledProcedures(db, INBOX_COMMUNE_ID);
  const at = new Date(INBOX_START);
  await db.$executeRaw`
    INSERT INTO application (id, commune_id, commune_procedure_id, form_version_id, applicant_id, applicant_name,
      applicant_email, state, reference, submitted_at, decided_at, due_on, assignee_id, assignee_name, version,
      created_at, updated_at)
    SELECT md5('gemeng-bench-inbox-' || n)::uuid, ${INBOX_COMMUNE_ID}::uuid,
      (${procedures.map((p) => p.id)}::uuid[])[1 + n % ${procedures.length}],
      (${procedures.map((p) => p.formVersionId)}::uuid[])[1 + n % ${procedures.length}],
      'bench-applicant-' || n, (${NAMES}::text[])[1 + n % ${NAMES.length}], 'applicant' || n || '@example.lu',
      (ARRAY['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED'])[1 + n % 4]::"ApplicationState",
      ${commune.referencePrefix}::text || '-2025-' || lpad(n::text, 6, '0'),
      ${at}::timestamptz + make_interval(mins => n),
      CASE WHEN n % 4 = 3 THEN ${at}::timestamptz + make_interval(mins => n, days => 3) END,
      (${at}::timestamptz + make_interval(mins => n, days => 7))::date,
      CASE WHEN n % 3 = 0 THEN ${agent.id}::text END, CASE WHEN n % 3 = 0 THEN ${agent.name}::text END,
      1 + n % 4, ${at}::timestamptz + make_interval(mins => n - 20), ${at}::timestamptz + make_interval(mins => n)
    FROM generate_series(1, ${INBOX_SIZE}) AS n`;
  await db.$executeRaw`
    INSERT INTO application_history (id, application_id, at, actor_id, actor_name, actor_role, from_state, to_state)
    SELECT gen_random_uuid(), a.id, a.submitted_at, a.applicant_id, a.applicant_name, 'citizen', 'DRAFT', 'SUBMITTED'
    FROM application a WHERE a.commune_id = ${INBOX_COMMUNE_ID}::uuid AND a.applicant_id LIKE 'bench-applicant-%'`;
  await db.$executeRaw`
    INSERT INTO reference_counter (commune_id, year, last) VALUES (${INBOX_COMMUNE_ID}::uuid, 2025, ${INBOX_SIZE})
    ON CONFLICT (commune_id, year) DO UPDATE SET last = GREATEST(reference_counter.last, ${INBOX_SIZE})`;
  // Fresh statistics, as autovacuum would have them after such a load: the planner picks the inbox index.
  await db.$executeRawUnsafe('ANALYZE application');
  await db.$executeRawUnsafe('ANALYZE application_history');
}

/** A citizen's `count` applications, each submitted, asked for more information, answered and resubmitted. */
async function seedCitizen(db: ReturnType<typeof createDb>, citizen: Person, count: number, agent: Person) {
  const procedures = await enabledProcedures(db, CITIZENS_COMMUNE_ID);
  const start = Date.now() - (count + 10) * 86_400_000;
  const ids = Array.from({ length: count }, () => randomUUID());
  const day = (i: number, hours = 0) => new Date(start + i * 86_400_000 + hours * 3_600_000);
  const procedureOf = (i: number) => procedures[i % procedures.length] as (typeof procedures)[number];
  await db.application.createMany({
    data: ids.map((id, i) => ({
      id,
      communeId: CITIZENS_COMMUNE_ID,
      communeProcedureId: procedureOf(i).id,
      formVersionId: procedureOf(i).formVersionId,
      applicantId: citizen.id,
      applicantName: citizen.name,
      applicantEmail: citizen.email,
      state: 'SUBMITTED' as const,
      reference: `BEN-${citizen.id.slice(0, 8)}-${String(i + 1).padStart(6, '0')}`,
      submittedAt: day(i),
      dueOn: day(i + 7),
      version: 5,
      createdAt: day(i, -1),
      updatedAt: day(i, 26),
    })),
  });
  const citizenActor = { actorId: citizen.id, actorName: citizen.name, actorRole: 'citizen' };
  const agentActor = { actorId: agent.id, actorName: agent.name, actorRole: 'agent' };
  await db.applicationHistory.createMany({
    data: ids.flatMap((applicationId, i) => [
      { applicationId, at: day(i), ...citizenActor, fromState: 'DRAFT' as const, toState: 'SUBMITTED' as const },
      { applicationId, at: day(i, 2), ...agentActor, fromState: 'SUBMITTED' as const, toState: 'IN_REVIEW' as const },
      {
        applicationId,
        at: day(i, 3),
        ...agentActor,
        fromState: 'IN_REVIEW' as const,
        toState: 'NEEDS_INFO' as const,
        reason: 'Please add a copy of your identity card.',
      },
      {
        applicationId,
        at: day(i, 26),
        ...citizenActor,
        fromState: 'NEEDS_INFO' as const,
        toState: 'SUBMITTED' as const,
      },
    ]),
  });
  const author = (person: Person, role: 'citizen' | 'agent') => ({
    authorId: person.id,
    authorName: person.name,
    authorRole: role,
  });
  await db.applicationMessage.createMany({
    data: ids.flatMap((applicationId, i) => [
      { applicationId, createdAt: day(i, 3), ...author(agent, 'agent'), body: 'Could you add your identity card?' },
      { applicationId, createdAt: day(i, 4), ...author(agent, 'agent'), internal: true, body: 'Called her: fine.' },
      { applicationId, createdAt: day(i, 26), ...author(citizen, 'citizen'), body: 'Added it, thank you.' },
    ]),
  });
}

/** The commune's enabled procedures with their current form version. */
async function enabledProcedures(db: ReturnType<typeof createDb>, communeId: string) {
  const rows = await db.communeProcedure.findMany({
    where: { communeId, enabled: true },
    include: { template: { include: { formVersions: { orderBy: { version: 'desc' }, take: 1 } } } },
    orderBy: { id: 'asc' },
  });
  const procedures = rows.flatMap((row) => {
    const formVersion = row.template.formVersions[0];
    return formVersion ? [{ id: row.id, formVersionId: formVersion.id }] : [];
  });
  if (procedures.length === 0) throw new Error(`commune ${communeId} has no enabled procedure in the bench stack`);
  return procedures;
}

/** A person with an authenticator app (recovery codes to sign in with), and their current access token. */
interface SignedIn {
  person: Person;
  codes: string[];
  token: string;
  at: number;
}

/** Tokens live 10 minutes; a run with its retries may be longer: sign in again after 5. */
const TOKEN_AGE_MS = 5 * 60_000;

async function signIn(stack: RunningStack, entry: SignedIn): Promise<SignedIn> {
  const recoveryCode = entry.codes.shift();
  if (!recoveryCode) throw new Error(`no recovery code left for ${entry.person.email}`);
  const tokens = await signInThroughPages(stack, entry.person, { recoveryCode });
  return { ...entry, token: tokens.access_token, at: Date.now() };
}

const prepared = new Map<string, Promise<Record<keyof People, SignedIn>>>();

/** Seeds the scenario's data and signs its people in, once per stack. */
function prepare(stack: RunningStack): Promise<Record<keyof People, SignedIn>> {
  let done = prepared.get(stack.databaseUrls.procedures);
  if (!done) {
    done = (async () => {
      const started = Date.now();
      const agent = await createPerson(stack, {
        name: 'Bench Agent',
        roles: [{ communeId: INBOX_COMMUNE_ID, role: 'agent' }],
      });
      const citizenOne = await createPerson(stack, { name: 'Bench Citizen One' });
      const citizenMany = await createPerson(stack, { name: 'Bench Citizen Many' });
      const db = createDb(stack.databaseUrls.procedures);
      try {
        await seedInbox(db, agent);
        await seedCitizen(db, citizenOne, 1, agent);
        await seedCitizen(db, citizenMany, MANY, agent);
        await db.$executeRawUnsafe('ANALYZE');
      } finally {
        await db.$disconnect();
      }
      const people: People = { agent, citizenOne, citizenMany };
      const signedIn = {} as Record<keyof People, SignedIn>;
      for (const key of Object.keys(people) as (keyof People)[]) {
        const person = people[key];
        const codes = await enrolSecondFactor(stack, person.id);
        signedIn[key] = await signIn(stack, { person, codes, token: '', at: 0 });
      }
      progress(
        `procedures: ${INBOX_SIZE} inbox applications, 1 + ${MANY} citizens' applications seeded, 3 people signed ` +
          `in with two factors in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return signedIn;
    })();
    prepared.set(stack.databaseUrls.procedures, done);
    done.catch(() => prepared.delete(stack.databaseUrls.procedures));
  }
  return done;
}

/** The `authorization` header of one of the scenario's people (seeding first if needed), signed in with two factors. */
export async function bearerOf(stack: RunningStack | undefined, who: keyof People): Promise<Record<string, string>> {
  if (!stack) throw new Error('the procedures scenario needs the stack (its databases and issuer)');
  const people = await prepare(stack);
  if (Date.now() - people[who].at > TOKEN_AGE_MS) people[who] = await signIn(stack, people[who]);
  return { authorization: `Bearer ${people[who].token}` };
}
