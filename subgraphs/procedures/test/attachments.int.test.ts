/**
 * A citizen adds documents to an application through the router's `/files/...`: real PDFs and PNGs are kept
 * with their SHA-256; a file whose bytes are not what it claims, one over 10 MB (declared or streamed without a
 * length), one that would take the application over 30 MB, another citizen, an agent, a submitted application
 * and an undeclared kind are refused with a localised `{ error: { code, message } }`, and nothing is stored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIZEN, DUDELANGE, type Harness, OTHER_CITIZEN, PDF, PNG, send, startHarness } from './attachments-setup.ts';

const MB = 1024 * 1024;
/** The start of a Windows program (MZ header and DOS stub), as a renamed `invoice.exe` → `invoice.pdf` has. */
const EXE = Buffer.concat([
  Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'),
  Buffer.alloc(36),
  Buffer.from('This program cannot be run in DOS mode.\r\r\n$', 'latin1'),
  Buffer.alloc(4000),
]);

/** A PDF of exactly `size` bytes (a real header, then padding): what the limits see. */
function pdfOf(size: number): Buffer {
  const file = Buffer.alloc(size, 0x20);
  PDF.copy(file);
  return file;
}

let h: Harness;
let citizen: string;

beforeAll(async () => {
  h = await startHarness('procedures_attachments');
  citizen = await h.token(CITIZEN);
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

function upload(
  applicationId: string,
  body: Buffer | Readable,
  options: { token?: string; type?: string; kind?: string; name?: string; lang?: string } = {},
) {
  const query = new URLSearchParams({
    kind: options.kind ?? 'identity-document',
    name: options.name ?? 'passport.pdf',
  });
  return send(h.origin, 'POST', `/files/applications/${applicationId}/attachments?${query}`, {
    headers: {
      ...(options.token === '' ? {} : { authorization: `Bearer ${options.token ?? citizen}` }),
      'content-type': options.type ?? 'application/pdf',
      'accept-language': options.lang ?? 'en',
    },
    body,
  });
}

describe('uploading an attachment through the router', () => {
  it('keeps a real PDF and a real PNG with their verified type, size and SHA-256', async () => {
    const id = await h.application();
    const pdf = await upload(id, PDF, { name: 'Pass Anna Müller.pdf' });
    expect(pdf.status).toBe(201);
    const { attachment } = pdf.json<{ attachment: Record<string, unknown> }>();
    expect(attachment).toMatchObject({
      kind: 'identity-document',
      fileName: 'Pass Anna Müller.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const png = await upload(id, PNG, { type: 'image/png', kind: 'proof-of-address', name: 'bill.png' });
    expect(png.status).toBe(201);
    expect(png.json<{ attachment: { mediaType: string } }>().attachment.mediaType).toBe('image/png');

    const rows = await h.db.attachment.findMany({ where: { applicationId: id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => row.uploadedBy)).toEqual([CITIZEN, CITIZEN]);
    expect(readFileSync(join(h.storeDir, rows[0]?.storageKey ?? ''))).toEqual(PDF);
  });

  it('refuses a file whose bytes are not what it claims, and stores nothing', async () => {
    const id = await h.application();
    const before = h.storedFiles();
    const exe = await upload(id, EXE, { name: 'invoice.pdf' });
    expect(exe.status).toBe(415);
    expect(exe.json().error.code).toBe('UNSUPPORTED_TYPE');
    const png = await upload(id, PNG, { type: 'application/pdf', name: 'scan.pdf', lang: 'fr' });
    expect(png.status).toBe(415);
    expect(png.json().error).toEqual({
      code: 'TYPE_MISMATCH',
      message:
        'Le contenu du fichier ne correspond pas à son type (application/pdf) : choisissez un vrai fichier PDF, JPEG ou PNG.',
    });
    const claimedExe = await upload(id, PDF, { type: 'application/x-msdownload', name: 'setup.exe' });
    expect(claimedExe.json().error.code).toBe('UNSUPPORTED_TYPE');
    expect(await h.db.attachment.count({ where: { applicationId: id } })).toBe(0);
    expect(h.storedFiles()).toEqual(before);
  });

  it('refuses 10 MB + 1 byte at the router, before reading the body', async () => {
    const id = await h.application();
    const answer = await upload(id, pdfOf(10 * MB + 1), { lang: 'de' });
    expect(answer.status).toBe(413);
    expect(answer.json().error).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'Die Datei ist größer als 10 MB: Verkleinern Sie sie.',
    });
    expect(await h.db.attachment.count({ where: { applicationId: id } })).toBe(0);
  });

  it('accepts exactly 10 MB', async () => {
    const id = await h.application();
    expect((await upload(id, pdfOf(10 * MB))).status).toBe(201);
  });

  it('holds a chunked body without a length to 10 MB while it streams, leaving no partial file', async () => {
    const id = await h.application();
    const before = h.storedFiles();
    async function* chunks() {
      yield PDF;
      for (let i = 0; i < 12; i++) yield Buffer.alloc(MB, 0x20);
    }
    const answer = await upload(id, Readable.from(chunks()), { lang: 'lb' });
    expect(answer.status).toBe(413);
    expect(answer.json().error.code).toBe('FILE_TOO_LARGE');
    expect(answer.json().error.message).toMatch(/^De Fichier ass méi grouss wéi 10 MB/);
    expect(await h.db.attachment.count({ where: { applicationId: id } })).toBe(0);
    expect(h.storedFiles()).toEqual(before);
  });

  it('refuses a file that takes the application over 30 MB in all', async () => {
    const id = await h.application();
    for (let i = 0; i < 3; i++) expect((await upload(id, pdfOf(9 * MB))).status).toBe(201);
    const answer = await upload(id, pdfOf(3 * MB + 1));
    expect(answer.status).toBe(413);
    expect(answer.json().error).toEqual({
      code: 'APPLICATION_FILES_TOO_LARGE',
      message: 'The documents of one application may take at most 30 MB together: remove one before adding this file.',
    });
    expect((await upload(id, pdfOf(3 * MB))).status).toBe(201);
    expect(await h.db.attachment.count({ where: { applicationId: id } })).toBe(4);
  });

  it('lets only the applicant add files, only while a draft or waiting for information, only of a declared kind', async () => {
    const id = await h.application();
    const other = await upload(id, PDF, { token: await h.token(OTHER_CITIZEN) });
    expect([other.status, other.json().error.code]).toEqual([404, 'NOT_FOUND']);
    const agentToken = await h.token('agent-dud', [{ communeId: DUDELANGE, role: 'agent' }]);
    const agent = await upload(id, PDF, { token: agentToken });
    expect([agent.status, agent.json().error.code]).toEqual([404, 'NOT_FOUND']); // a draft is the citizen's alone
    const kind = await upload(id, PDF, { kind: 'birth-certificate' });
    expect([kind.status, kind.json().error.code]).toEqual([400, 'UNKNOWN_KIND']);
    const submitted = await h.application({ state: 'SUBMITTED', reference: `DUD-2026-${Date.now() % 1_000_000}` });
    const locked = await upload(submitted, PDF);
    expect([locked.status, locked.json().error.code]).toEqual([409, 'APPLICATION_LOCKED']);
    const needsInfo = await h.application({ state: 'NEEDS_INFO' });
    const agentToNeedsInfo = await upload(needsInfo, PDF, { token: agentToken });
    expect([agentToNeedsInfo.status, agentToNeedsInfo.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await upload(needsInfo, PDF)).status).toBe(201);
    expect(await h.db.attachment.count({ where: { applicationId: { in: [id, submitted] } } })).toBe(0);
  });

  it('asks for the second factor to add a document to an application of a procedure that needs two factors', async () => {
    const id = await h.application();
    const { communeProcedure } = await h.db.application.findUniqueOrThrow({
      where: { id },
      select: { communeProcedure: { select: { templateId: true } } },
    });
    const where = { id: communeProcedure.templateId };
    await h.db.procedureTemplate.update({ where, data: { assurance: 'substantial' } });
    try {
      const refused = await upload(id, PDF, { lang: 'fr' });
      expect([refused.status, refused.json().error.code]).toEqual([401, 'STEP_UP']);
      expect(refused.headers['www-authenticate']).toContain('acr_values="substantial"');
      expect(await h.db.attachment.count({ where: { applicationId: id } })).toBe(0);
      const strong = await h.token(CITIZEN, [], 'substantial');
      expect((await upload(id, PDF, { token: strong })).status).toBe(201);
    } finally {
      await h.db.procedureTemplate.update({ where, data: { assurance: 'low' } });
    }
  });

  it('refuses at the router a request without an access token, with a bad one, and an unknown route', async () => {
    const id = await h.application();
    const anonymous = await upload(id, PDF, { token: '' });
    expect([anonymous.status, anonymous.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    const forged = await upload(id, PDF, { token: 'not-a-jwt' });
    expect(forged.status).toBe(401);
    expect(forged.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    const unknown = await send(h.origin, 'GET', `/files/applications/${id}/everything.zip`, {
      headers: { authorization: `Bearer ${citizen}` },
    });
    expect([unknown.status, unknown.json().error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('deleting an attachment', () => {
  it('removes the row and the bytes, for the applicant of an editable application only', async () => {
    const id = await h.application();
    const { attachment } = (await upload(id, PDF)).json<{ attachment: { id: string } }>();
    const row = await h.db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    const other = await send(h.origin, 'DELETE', `/files/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${await h.token(OTHER_CITIZEN)}` },
    });
    expect(other.status).toBe(404);
    const mine = await send(h.origin, 'DELETE', `/files/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${citizen}` },
    });
    expect(mine.status).toBe(204);
    expect(await h.db.attachment.count({ where: { id: attachment.id } })).toBe(0);
    expect(h.storedFiles()).not.toContain(row.storageKey);
  });
});
