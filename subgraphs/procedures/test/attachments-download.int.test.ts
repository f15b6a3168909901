/**
 * Documents come back only to the applicant and the agents of the application's commune, always as a download
 * with the type verified at upload, `nosniff` and no shared caching; another citizen and another commune's agent
 * are told it does not exist. The receipt of a submitted application is a PDF, in the reader's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CITIZEN,
  DUDELANGE,
  ESCH,
  type Harness,
  OTHER_CITIZEN,
  PDF,
  PNG,
  send,
  startHarness,
} from './attachments-setup.ts';

let h: Harness;
let citizen: string;
let applicationId: string;
let pdfId: string;
let pngId: string;

beforeAll(async () => {
  h = await startHarness('procedures_attachment_downloads');
  citizen = await h.token(CITIZEN);
  applicationId = await h.application();
  const add = async (body: Buffer, type: string, name: string) => {
    const answer = await send(
      h.origin,
      'POST',
      `/files/applications/${applicationId}/attachments?kind=identity-document&name=${encodeURIComponent(name)}`,
      { headers: { authorization: `Bearer ${citizen}`, 'content-type': type }, body },
    );
    expect(answer.status).toBe(201);
    return answer.json<{ attachment: { id: string } }>().attachment.id;
  };
  pdfId = await add(PDF, 'application/pdf', 'Carte d’identité "recto".pdf');
  pngId = await add(PNG, 'image/png', 'photo.png');
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

function download(id: string, token: string | undefined, extra: Record<string, string> = {}) {
  return send(h.origin, 'GET', `/files/attachments/${id}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
  });
}

describe('downloading an attachment', () => {
  it('gives the applicant the same bytes as a download, with the verified type and no caching', async () => {
    // The quotes were dropped from the name at upload; the curly apostrophe and the accent stay (RFC 8187).
    const answer = await download(pdfId, citizen);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(PDF);
    expect(answer.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'content-disposition': `attachment; filename="Carte didentite recto.pdf"; filename*=UTF-8''Carte%20d%E2%80%99identit%C3%A9%20recto.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    const png = await download(pngId, citizen);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body).toEqual(PNG);
  });

  it('gives an agent or administrator of the commune the file once it is submitted, with two factors', async () => {
    const agent = await h.token('agent-dud', [{ communeId: DUDELANGE, role: 'agent' }]);
    // a draft is the citizen's alone
    expect((await download(pdfId, agent)).status).toBe(404);
    await h.db.application.update({ where: { id: applicationId }, data: { state: 'SUBMITTED' } });
    try {
      const answer = await download(pdfId, agent);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(PDF);
      const administrator = await h.token('admin-dud', [{ communeId: DUDELANGE, role: 'administrator' }]);
      expect((await download(pngId, administrator)).status).toBe(200);
      const passwordOnly = await h.token('agent-dud', [{ communeId: DUDELANGE, role: 'agent' }], 'low');
      const refused = await download(pdfId, passwordOnly, { 'accept-language': 'de' });
      expect([refused.status, refused.json().error.code]).toEqual([401, 'STEP_UP']);
      expect(refused.headers['www-authenticate']).toContain('error="insufficient_user_authentication"');
      expect(refused.headers['www-authenticate']).toContain('acr_values="substantial"');
      expect(refused.json().error.message).toMatch(/^Bestätigen Sie mit einem zweiten Faktor/);
    } finally {
      await h.db.application.update({ where: { id: applicationId }, data: { state: 'DRAFT' } });
    }
  });

  it('tells another citizen, another commune’s agent and an operator that it does not exist', async () => {
    const refused = [
      await h.token(OTHER_CITIZEN),
      await h.token('agent-esch', [{ communeId: ESCH, role: 'agent' }]),
      await h.issuer.mint({ sub: 'operator-1', gemeng_operator: true }),
    ];
    for (const token of refused) {
      const answer = await download(pdfId, token, { 'accept-language': 'lb' });
      expect(answer.status).toBe(404);
      expect(answer.json().error).toEqual({
        code: 'NOT_FOUND',
        message: 'Dës Ufro oder dëst Dokument gëtt et net, oder et gehéiert Iech net.',
      });
    }
    const unknown = await download('00000000-0000-4000-8000-000000000000', citizen);
    expect(unknown.status).toBe(404);
  });

  it('asks an anonymous caller to sign in', async () => {
    const answer = await download(pdfId, undefined);
    expect([answer.status, answer.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('lets a commune website read the download across origins once it is registered', async () => {
    const answer = await download(pdfId, citizen, { origin: 'http://portal.gemeng.test' });
    expect(answer.headers['access-control-allow-origin']).toBe('http://portal.gemeng.test');
    expect(answer.headers['access-control-expose-headers']).toContain('content-disposition');
    const stranger = await download(pdfId, citizen, { origin: 'https://evil.example' });
    expect(stranger.status).toBe(403);
  });
});

describe('the receipt PDF', () => {
  it('is a PDF download for the applicant once submitted, and not before', async () => {
    const reference = `DUD-2026-${String(Date.now() % 1_000_000).padStart(6, '0')}`;
    const submitted = await h.application({ state: 'SUBMITTED', reference });
    const answer = await send(h.origin, 'GET', `/files/applications/${submitted}/receipt.pdf`, {
      headers: { authorization: `Bearer ${citizen}`, 'accept-language': 'fr' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(answer.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(answer.headers['content-disposition']).toContain(reference);
    const other = await send(h.origin, 'GET', `/files/applications/${submitted}/receipt.pdf`, {
      headers: { authorization: `Bearer ${await h.token(OTHER_CITIZEN)}` },
    });
    expect(other.status).toBe(404);
    const draft = await send(h.origin, 'GET', `/files/applications/${applicationId}/receipt.pdf`, {
      headers: { authorization: `Bearer ${citizen}` },
    });
    expect([draft.status, draft.json().error.code]).toEqual([409, 'RECEIPT_UNAVAILABLE']);
  });
});

describe('Application.attachments in the graph', () => {
  it('lists the files with their verified metadata and download path, and the receipt path once submitted', async () => {
    const response = await fetch(h.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${citizen}` },
      body: JSON.stringify({
        query:
          'query ($id: ID!) { application(id: $id) { receiptUrl attachments { id kind fileName mediaType size url } } }',
        variables: { id: applicationId },
      }),
    });
    const { data, errors } = (await response.json()) as {
      data?: { application: { receiptUrl: string | null; attachments: Record<string, unknown>[] } };
      errors?: unknown;
    };
    expect(errors).toBeUndefined();
    expect(data?.application.receiptUrl).toBeNull();
    expect(data?.application.attachments).toEqual([
      {
        id: pdfId,
        kind: 'identity-document',
        fileName: 'Carte d’identité recto.pdf',
        mediaType: 'application/pdf',
        size: PDF.length,
        url: `/files/attachments/${pdfId}`,
      },
      {
        id: pngId,
        kind: 'identity-document',
        fileName: 'photo.png',
        mediaType: 'image/png',
        size: PNG.length,
        url: `/files/attachments/${pngId}`,
      },
    ]);
  });
});
