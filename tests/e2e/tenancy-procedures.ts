/**
 * The tenancy matrix's rows for procedures: a commune's back office and its applications. An agent of another
 * commune is told an application does not exist; operators see nothing personal.
 */
import { expect } from 'vitest';
import { createDb as createProceduresDb } from '../../subgraphs/procedures/src/db.ts';
import { graphql } from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';
import { A, type Operation, officeOfA } from './tenancy-matrix.ts';

const stack = sharedStack();

export const PROCEDURES_OPERATIONS: Operation[] = [
  {
    name: "read commune A's back-office inbox",
    async run(token) {
      const result = await graphql(
        stack,
        'query ($c: ID!) { officeApplications(communeId: $c, first: 5) { totalCount edges { node { id } } } }',
        { c: A },
        token,
      );
      return {
        result,
        async check(outcome) {
          if (outcome !== 'data') expect(result.body.data ?? null).toBeNull();
        },
      };
    },
    expected: officeOfA,
  },
  {
    name: 'read an application made in A',
    async run(token) {
      const id = await applicationInA();
      const result = await graphql(
        stack,
        'query ($id: ID!) { application(id: $id) { id applicantName messages { body } } }',
        { id },
        token,
      );
      return {
        result,
        async check(outcome) {
          if (outcome !== 'data') expect(result.body.data?.application ?? null).toBeNull();
        },
      };
    },
    // Another citizen, another commune's agent and operators are told it does not exist.
    expected: {
      ...officeOfA,
      citizen: 'NOT_FOUND',
      'administrator of B': 'NOT_FOUND',
      operator: 'NOT_FOUND',
    },
  },
  {
    name: 'approve an application made in A',
    async run(token) {
      const id = await applicationInA();
      const result = await graphql(
        stack,
        `mutation ($input: ApplicationApproveInput!) {
          applicationApprove(input: $input) { __typename ... on ApplicationApprovePayload { application { state } } }
        }`,
        { input: { id, version: 1 } },
        token,
      );
      return {
        result,
        async check(outcome) {
          expect(await applicationStateOf(id)).toBe(outcome === 'data' ? 'APPROVED' : 'SUBMITTED');
        },
      };
    },
    // An agent of another commune is told it does not exist (never "forbidden", which would confirm it does).
    expected: { ...officeOfA, 'administrator of B': 'typed NotFoundError' },
  },
  {
    name: 'add an internal note to an application made in A',
    async run(token) {
      const id = await applicationInA();
      const result = await graphql(
        stack,
        `mutation ($input: ApplicationNoteAddInput!) {
          applicationNoteAdd(input: $input) { __typename ... on ApplicationNoteAddPayload { note { internal } } }
        }`,
        { input: { id, body: 'Matrix note' } },
        token,
      );
      return {
        result,
        async check(outcome) {
          expect(await notesOn(id)).toBe(outcome === 'data' ? 1 : 0);
        },
      };
    },
    expected: { ...officeOfA, 'administrator of B': 'typed NotFoundError' },
  },
];

/** A submitted application in A, made directly in procedures' database (the citizen's side has its own tests). */
async function applicationInA(): Promise<string> {
  const db = createProceduresDb(stack.databaseUrls.procedures);
  try {
    const procedure = await db.communeProcedure.findFirstOrThrow({
      where: { communeId: A, enabled: true },
      include: { template: { include: { formVersions: { orderBy: { version: 'desc' }, take: 1 } } } },
    });
    const number = Math.floor(Math.random() * 1e9);
    const application = await db.application.create({
      data: {
        communeId: A,
        communeProcedureId: procedure.id,
        formVersionId: procedure.template.formVersions[0]?.id ?? '',
        applicantId: `tenancy-citizen-${number}`,
        applicantName: 'Tenancy Matrix',
        state: 'SUBMITTED',
        reference: `TNC-${number}`,
        submittedAt: new Date(),
      },
    });
    return application.id;
  } finally {
    await db.$disconnect();
  }
}

async function applicationStateOf(id: string): Promise<string | undefined> {
  const db = createProceduresDb(stack.databaseUrls.procedures);
  try {
    return (await db.application.findUnique({ where: { id } }))?.state;
  } finally {
    await db.$disconnect();
  }
}

async function notesOn(id: string): Promise<number> {
  const db = createProceduresDb(stack.databaseUrls.procedures);
  try {
    return await db.applicationMessage.count({ where: { applicationId: id, internal: true } });
  } finally {
    await db.$disconnect();
  }
}
