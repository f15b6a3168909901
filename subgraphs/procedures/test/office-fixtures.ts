/**
 * Test data for the back-office tests: a procedure of their own in communes of their own (so that the catalogue
 * seed can change freely), applications inserted directly in any state, and access tokens from the kit's test
 * issuer for citizens and agents.
 */
import { randomUUID } from 'node:crypto';
import type { TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { createDb, type Db } from '../src/db.ts';
import type { ApplicationState } from '../src/generated/prisma/client.ts';

export interface OfficeCommune {
  communeId: string;
  prefix: string;
  communeProcedureId: string;
  otherProcedureId: string;
  formVersionId: string;
}

const texts = (prefix: string, en: string) => ({
  [`${prefix}Lb`]: `${en} (lb)`,
  [`${prefix}Fr`]: `${en} (fr)`,
  [`${prefix}De`]: `${en} (de)`,
  [`${prefix}En`]: en,
});

/** Opens the test database; close it with `$disconnect()`. */
export function openDb(databaseUrl: string): Db {
  return createDb(databaseUrl);
}

async function template(db: Db, code: string) {
  return db.procedureTemplate.create({
    data: {
      code,
      category: 'other',
      ...texts('title', `Office test ${code}`),
      ...texts('summary', 'A procedure for the back-office tests.'),
      ...texts('needs', 'Nothing.'),
      ...texts('next', 'An agent decides.'),
      processingDays: 5,
    } as Parameters<Db['procedureTemplate']['create']>[0]['data'],
  });
}

/** A commune with two procedures of the tests ("office-permit", "office-other"), each with a form version. */
export async function officeCommune(db: Db, prefix: string): Promise<OfficeCommune> {
  const communeId = randomUUID();
  await db.procedureCommune.create({
    data: { communeId, slug: `office-${prefix.toLowerCase()}`, referencePrefix: prefix },
  });
  const ids: string[] = [];
  let formVersionId = '';
  for (const code of ['office-permit', 'office-other']) {
    const existing = await db.procedureTemplate.findUnique({ where: { code } });
    const row = existing ?? (await template(db, code));
    const form =
      (await db.formVersion.findUnique({ where: { templateId_version: { templateId: row.id, version: 1 } } })) ??
      (await db.formVersion.create({
        data: {
          templateId: row.id,
          version: 1,
          definition: {
            version: 1,
            fields: [{ key: 'purpose', type: 'text', label: { lb: 'Zweck', fr: 'But', de: 'Zweck', en: 'Purpose' } }],
          },
        },
      }));
    if (code === 'office-permit') formVersionId = form.id;
    const procedure = await db.communeProcedure.create({ data: { communeId, templateId: row.id, enabled: true } });
    ids.push(procedure.id);
  }
  return { communeId, prefix, communeProcedureId: ids[0] ?? '', otherProcedureId: ids[1] ?? '', formVersionId };
}

export interface ApplicationSpec {
  state?: ApplicationState;
  applicantId?: string;
  applicantName?: string;
  submittedAt?: Date;
  dueOn?: string;
  assigneeId?: string | null;
  assigneeName?: string | null;
  other?: boolean;
  number?: number;
}

let sequence = 0;

/** Inserts applications of the commune in one statement; their ids in the order given. */
export async function insertApplications(db: Db, commune: OfficeCommune, specs: ApplicationSpec[]): Promise<string[]> {
  const rows = specs.map((spec) => {
    const state = spec.state ?? 'SUBMITTED';
    const number = spec.number ?? ++sequence;
    const submittedAt =
      state === 'DRAFT' ? null : (spec.submittedAt ?? new Date(Date.UTC(2026, 0, 1) + number * 60_000));
    return {
      id: randomUUID(),
      communeId: commune.communeId,
      communeProcedureId: spec.other ? commune.otherProcedureId : commune.communeProcedureId,
      formVersionId: commune.formVersionId,
      applicantId: spec.applicantId ?? `citizen-${number}`,
      applicantName: spec.applicantName ?? `Applicant ${number}`,
      applicantEmail: `applicant${number}@example.lu`,
      state,
      answers: { purpose: 'Tests' },
      reference: state === 'DRAFT' ? null : `${commune.prefix}-2026-${String(number).padStart(6, '0')}`,
      submittedAt,
      dueOn: spec.dueOn ? new Date(`${spec.dueOn}T00:00:00Z`) : null,
      assigneeId: spec.assigneeId ?? null,
      assigneeName: spec.assigneeName ?? (spec.assigneeId ? 'Some Agent' : null),
    };
  });
  await db.application.createMany({ data: rows });
  return rows.map((row) => row.id);
}

/** A day relative to today (UTC calendar is close enough for ±2 days around Luxembourg's). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Bearer headers for an agent of `communeId` (or an administrator), a citizen, or an operator. People with a role
 * signed in with two factors unless `acr` says otherwise (the back office asks for them).
 */
export async function bearer(
  issuer: TestIssuer,
  who: {
    sub: string;
    name?: string;
    roles?: { communeId: string; role: 'agent' | 'administrator' }[];
    operator?: boolean;
    acr?: 'low' | 'substantial';
  },
  lang = 'en',
): Promise<Record<string, string>> {
  const token = await issuer.mint({
    sub: who.sub,
    name: who.name ?? who.sub,
    acr: who.acr ?? (who.roles?.length ? 'substantial' : 'low'),
    ...(who.roles ? { gemeng_roles: who.roles } : {}),
    ...(who.operator ? { gemeng_operator: true } : {}),
  });
  return { authorization: `Bearer ${token}`, 'accept-language': lang };
}
