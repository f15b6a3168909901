import { addPersonalDataField, type PersonalDataCollectors } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import type { Db } from '../db.ts';

/**
 * What procedures holds about a person, one collector per kind of data, for the person's export (GDPR art. 15 and
 * 20): their applications (answers, states, history), the messages on them (not the agents' internal notes, which
 * are the commune's working notes) and the metadata of the documents they attached (the files themselves are
 * downloaded from each application). Erasure is in ../applications/erasure.ts.
 */
const PERSONAL_DATA: PersonalDataCollectors<Db> = {
  applications: (db, userId) =>
    db.application.findMany({
      where: { applicantId: userId },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        reference: true,
        state: true,
        communeId: true,
        communeProcedure: { select: { template: { select: { code: true } } } },
        applicantName: true,
        applicantEmail: true,
        applicantLanguage: true,
        answers: true,
        createdAt: true,
        updatedAt: true,
        submittedAt: true,
        decidedAt: true,
        dueOn: true,
        draftExpiresAt: true,
        history: {
          orderBy: { at: 'asc' },
          select: { at: true, actorName: true, actorRole: true, fromState: true, toState: true, reason: true },
        },
      },
    }),
  messages: (db, userId) =>
    db.applicationMessage.findMany({
      where: { internal: false, application: { applicantId: userId } },
      orderBy: { createdAt: 'asc' },
      select: { applicationId: true, createdAt: true, authorName: true, authorRole: true, body: true },
    }),
  attachments: (db, userId) =>
    db.attachment.findMany({
      where: { application: { applicantId: userId } },
      orderBy: { createdAt: 'asc' },
      select: {
        id: true,
        applicationId: true,
        kind: true,
        fileName: true,
        mediaType: true,
        size: true,
        sha256: true,
        createdAt: true,
      },
    }),
};

addPersonalDataField(builder, 'procedures', PERSONAL_DATA);
