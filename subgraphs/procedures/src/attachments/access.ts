/**
 * Who may touch an application's files: its applicant (the person whose token `sub` started it), and the agents
 * and administrators of its commune, who read them to decide once it is submitted (a draft is the citizen's
 * alone), signed in with two factors as in the back office. Operators of the syndicate are not agents of every
 * commune here: they see nothing personal. Anyone else is told the application does not exist (404), never
 * "forbidden", which would confirm that it does.
 */
import { type Caller, isPerson } from '@gemeng/subgraph-kit';
import { viewerOf } from '../applications/access.ts';
import type { Db } from '../db.ts';
import { AttachmentError } from './errors.ts';

export type Access = 'applicant' | 'agent';

interface Owned {
  applicantId: string;
  communeId: string;
  state: string;
}

export function accessOf(caller: Caller | null, application: Owned): Access | null {
  return viewerOf(caller, application);
}

/** A signed-in person, or the 401 refusal. */
export function requirePerson(caller: Caller | null): Caller {
  if (!caller) throw new AttachmentError('UNAUTHENTICATED');
  if (!isPerson(caller)) throw new AttachmentError('NOT_FOUND');
  return caller;
}

const APPLICATION = {
  id: true,
  applicantId: true,
  communeId: true,
  state: true,
  reference: true,
  communeProcedure: { select: { template: { select: { attachments: true, assurance: true } } } },
} as const;

/** The application if the caller may read it (and how), else the 404 refusal. */
export async function readableApplication(db: Db, caller: Caller, applicationId: string) {
  const application = await db.application.findUnique({ where: { id: applicationId }, select: APPLICATION });
  const access = application && accessOf(caller, application);
  if (!application || !access) throw new AttachmentError('NOT_FOUND');
  if (access === 'agent' && caller.acr !== 'substantial') throw new AttachmentError('STEP_UP');
  return { application, access };
}

/** Files can change only while the applicant is still writing: a draft, or an answer to an agent's request. */
export const EDITABLE_STATES: readonly string[] = ['DRAFT', 'NEEDS_INFO'];

/** The application if the caller is its applicant and it is still editable, else the refusal that says why. */
export async function editableApplication(db: Db, caller: Caller, applicationId: string) {
  const { application, access } = await readableApplication(db, caller, applicationId);
  if (access !== 'applicant') throw new AttachmentError('FORBIDDEN');
  // a procedure that needs two factors needs them for its documents too
  if (application.communeProcedure.template.assurance === 'substantial' && caller.acr !== 'substantial') {
    throw new AttachmentError('STEP_UP');
  }
  if (!EDITABLE_STATES.includes(application.state)) throw new AttachmentError('APPLICATION_LOCKED');
  return application;
}

/** The keys of the attachments the procedure asks for (`ProcedureTemplate.attachments`). */
export function declaredKinds(attachments: unknown): Set<string> {
  if (!Array.isArray(attachments)) return new Set();
  return new Set(
    attachments
      .map((entry) => (entry && typeof entry === 'object' ? (entry as { key?: unknown }).key : undefined))
      .filter((key): key is string => typeof key === 'string'),
  );
}
