/**
 * Test data for the citizens' application tests: a commune of their own with three procedures of their own (free
 * and one-factor, with a fee, needing two factors), whose form has every kind of rule the tests break, plus
 * GraphQL helpers and tokens from the kit's test issuer.
 */
import { randomUUID } from 'node:crypto';
import type { FormDefinition } from '@gemeng/forms';
import type { TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import type { TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { createDb, type Db } from '../src/db.ts';

const l = (en: string) => ({ lb: `${en} (lb)`, fr: `${en} (fr)`, de: `${en} (de)`, en });

/** Name (prefilled), a dog with its chip only when there is one, an IBAN, an optional national id, a count. */
export const TEST_FORM: FormDefinition = {
  version: 1,
  fields: [
    { key: 'name', type: 'text', label: l('Name'), required: true, prefill: 'name' },
    { key: 'hasDog', type: 'checkbox', label: l('I have a dog') },
    {
      key: 'chip',
      type: 'text',
      label: l('Chip number'),
      required: true,
      visibleIf: { field: 'hasDog', equals: true },
    },
    { key: 'iban', type: 'iban', label: l('IBAN'), required: true },
    { key: 'nationalId', type: 'nationalId', label: l('National identification number') },
    { key: 'count', type: 'number', label: l('Count'), integer: true, min: 1, max: 10 },
  ],
} as FormDefinition;

export const VALID_ANSWERS = {
  name: 'Mady Muller',
  hasDog: true,
  chip: '276098106543210',
  iban: 'LU28 0019 4006 4475 0000',
  count: 2,
};

export interface TestCommune {
  communeId: string;
  prefix: string;
}

export function openDb(databaseUrl: string): Db {
  return createDb(databaseUrl);
}

/** The procedure templates of the tests (once per database) and a commune offering them. */
export async function applicationsCommune(
  db: Db,
  prefix: string,
  form: FormDefinition = TEST_FORM,
): Promise<TestCommune> {
  const communeId = randomUUID();
  await db.procedureCommune.create({
    data: { communeId, slug: `c1-${prefix.toLowerCase()}`, referencePrefix: prefix },
  });
  const kinds = [
    { code: 'c1-simple', assurance: 'low', feeCents: 0 },
    { code: 'c1-fee', assurance: 'low', feeCents: 1500 },
    { code: 'c1-strong', assurance: 'substantial', feeCents: 0 },
  ];
  for (const kind of kinds) {
    const code = `${kind.code}-${prefix.toLowerCase()}`;
    const template = await db.procedureTemplate.create({
      data: {
        code,
        category: 'other',
        titleLb: `Test-Demarche ${kind.code}`,
        titleFr: `Démarche de test ${kind.code}`,
        titleDe: `Testverfahren ${kind.code}`,
        titleEn: `Test procedure ${kind.code}`,
        summaryLb: '-',
        summaryFr: '-',
        summaryDe: '-',
        summaryEn: '-',
        needsLb: '-',
        needsFr: '-',
        needsDe: '-',
        needsEn: '-',
        nextLb: '-',
        nextFr: '-',
        nextDe: '-',
        nextEn: '-',
        assurance: kind.assurance,
        feeCents: kind.feeCents,
        processingDays: 5,
      },
    });
    await db.formVersion.create({ data: { templateId: template.id, version: 1, definition: form as object } });
    await db.communeProcedure.create({ data: { communeId, templateId: template.id, enabled: true } });
  }
  return { communeId, prefix };
}

/** The code of a test procedure in the commune: `simple`, `fee` or `strong`. */
export const codeOf = (commune: TestCommune, kind: 'simple' | 'fee' | 'strong') =>
  `c1-${kind}-${commune.prefix.toLowerCase()}`;

export interface Person {
  sub: string;
  name: string;
  email: string;
  locale?: string;
  acr?: 'low' | 'substantial';
  roles?: { communeId: string; role: 'agent' | 'administrator' }[];
}

/** Headers with a bearer token for the person (and the language asked for). */
export async function headersOf(issuer: TestIssuer, person: Person, lang = 'en'): Promise<Record<string, string>> {
  const token = await issuer.mint(
    {
      sub: person.sub,
      name: person.name,
      email: person.email,
      locale: person.locale ?? 'en',
      acr: person.acr ?? 'low',
      gemeng_roles: person.roles ?? [],
    },
    { expiresIn: 3600 },
  );
  return { authorization: `Bearer ${token}`, 'accept-language': lang };
}

export type Result = {
  __typename: string;
  message?: string;
  field?: string;
  problems?: { field: string; message: string }[];
  currentVersion?: number;
  from?: string;
  to?: string;
  application?: Record<string, unknown> & { id: string; version: number; state: string; reference: string | null };
  deletedId?: string;
  sent?: { body: string; authorRole: string };
};

const FIELDS: Record<string, string> = {
  applicationDraftDelete: '... on ApplicationDraftDeletePayload { deletedId }',
  applicationMessageSend:
    '... on ApplicationMessageSendPayload { application { id version state reference } sent: message { body authorRole } }',
};

/** The mutations whose result may be a conflict or a refused transition. */
const TYPED = new Set(['applicationSave', 'applicationSubmit', 'applicationWithdraw']);

/** Runs a citizen mutation and gives its result (typed error or payload). */
export async function mutate(
  procedures: TestSubgraph,
  name: string,
  input: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Result> {
  const type = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const payload =
    FIELDS[name] ??
    `... on ${type}Payload { application { id version state reference answers submittedAt expectedDecisionOn draftExpiresAt } }`;
  const { body } = await procedures.query<Record<string, Result>>(
    `mutation ($input: ${type}Input!) {
      ${name}(input: $input) {
        __typename
        ... on Error { message }
        ... on ValidationError { field problems { field message } }
        ${TYPED.has(name) ? '... on ApplicationConflictError { currentVersion } ... on ApplicationTransitionError { from to }' : ''}
        ${payload}
      }
    }`,
    { input },
    headers,
  );
  const result = body.data?.[name];
  if (!result) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
  return result;
}
