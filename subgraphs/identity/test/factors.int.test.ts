import { demoCommuneId } from '@gemeng/subgraph-kit';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/accounts/passwords.ts';
import type { Db } from '../src/db.ts';
import { answerCodeCard, codeCardChallenge, issueCodeCard, revokeCodeCard } from '../src/factors/code-card.ts';
import { codeCardPdf } from '../src/factors/code-card-pdf.ts';
import { checkTotp, confirmTotpEnrolment, startTotpEnrolment, useRecoveryCode } from '../src/factors/totp.ts';
import { logSecurityEvent } from '../src/security/log.ts';
import { type IdentityTestDatabase, identityTestDatabase } from './database.ts';

let database: IdentityTestDatabase;
let db: Db;
let userId: string;

beforeAll(async () => {
  database = await identityTestDatabase('identity_factors', { seed: true });
  db = database.db;
  const user = await db.user.create({
    data: {
      email: 'lea@example.lu',
      name: 'Léa',
      passwordHash: await hashPassword('a long enough pass'),
      emailVerifiedAt: new Date(),
    },
  });
  userId = user.id;
});
afterAll(() => database?.close());

const codeNow = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offset * 30_000,
  });

describe('TOTP (RFC 6238)', () => {
  it('is confirmed with a first code, and returns ten one-time recovery codes', async () => {
    const { secret, uri } = await startTotpEnrolment(db, userId, 'lea@example.lu');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Gemeng:lea%40example\.lu\?/);
    expect(await checkTotp(db, userId, codeNow(secret))).toBe(false); // not confirmed yet
    expect(await confirmTotpEnrolment(db, userId, '000000')).toBeNull();
    const codes = await confirmTotpEnrolment(db, userId, codeNow(secret, -1));
    expect(codes).toHaveLength(10);
    expect(await useRecoveryCode(db, userId, codes?.[0] ?? '')).toBe(true);
    expect(await useRecoveryCode(db, userId, codes?.[0] ?? '')).toBe(false); // once
  });

  it('accepts a code once: a replay within its 30 seconds fails', async () => {
    const { secret } = await db.totpFactor.findUniqueOrThrow({ where: { userId } });
    const code = codeNow(secret);
    expect(await checkTotp(db, userId, code)).toBe(true);
    expect(await checkTotp(db, userId, code)).toBe(false);
    expect(await checkTotp(db, userId, 'abcdef')).toBe(false);
  });
});

describe('the code card', () => {
  it('asks for two distinct unused cells, each of which works once', async () => {
    const card = await issueCodeCard(db, { userId, communeId: demoCommuneId('dudelange'), issuedBy: userId });
    expect(card.codes).toHaveLength(50);
    const stored = await db.codeCard.findUniqueOrThrow({ where: { id: card.id } });
    // Only keyed hashes are kept, one per cell: never a code.
    expect(stored.cellHashes).toHaveLength(50);
    expect(stored.cellHashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    expect(stored.cellHashes.some((hash) => card.codes.includes(hash))).toBe(false);
    const challenge = await codeCardChallenge(db, userId);
    if (!challenge) throw new Error('no challenge');
    const [a, b] = challenge.cells;
    expect(a).not.toBe(b);
    const answers: [string, string] = [card.codes[a] ?? '', card.codes[b] ?? ''];
    expect(await answerCodeCard(db, userId, challenge, [answers[0], answers[0] === '0000' ? '0001' : '0000'])).toBe(
      false,
    );
    expect(await answerCodeCard(db, userId, challenge, answers)).toBe(true);
    expect(await answerCodeCard(db, userId, challenge, answers)).toBe(false); // used up
    const after = await db.codeCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.usedCells.sort()).toEqual([a, b].sort());
    for (let i = 0; i < 30; i++) {
      const next = await codeCardChallenge(db, userId);
      expect(next?.cells.some((cell) => after.usedCells.includes(cell))).toBe(false);
    }
  });

  it('keeps asking the same two cells until they are answered right, then asks two others', async () => {
    const card = await issueCodeCard(db, { userId, communeId: demoCommuneId('dudelange'), issuedBy: userId });
    const first = await codeCardChallenge(db, userId);
    if (!first) throw new Error('no challenge');
    // Each new sign-in (a new interaction, another browser) asks the same pair: no fresh cells to pick from.
    for (let i = 0; i < 10; i++) expect(await codeCardChallenge(db, userId)).toEqual(first);
    const [a, b] = first.cells;
    expect(await answerCodeCard(db, userId, first, [card.codes[a] ?? '', 'wrong'])).toBe(false);
    expect(await codeCardChallenge(db, userId)).toEqual(first);
    // Only the pending pair can be answered, even with the right codes of two other cells.
    const others = [0, 1, 2, 3].filter((cell) => !first.cells.includes(cell)).slice(0, 2) as [number, number];
    const otherAnswers: [string, string] = [card.codes[others[0]] ?? '', card.codes[others[1]] ?? ''];
    expect(await answerCodeCard(db, userId, { serial: card.serial, cells: others }, otherAnswers)).toBe(false);
    expect(await answerCodeCard(db, userId, first, [card.codes[a] ?? '', card.codes[b] ?? ''])).toBe(true);
    const next = await codeCardChallenge(db, userId);
    expect(next?.cells.some((cell) => first.cells.includes(cell))).toBe(false);
    expect((await db.codeCard.findUniqueOrThrow({ where: { id: card.id } })).pendingCells).toEqual(next?.cells);
  });

  it('is replaced by a new card, and revoked cards answer nothing', async () => {
    const first = await db.codeCard.findFirstOrThrow({ where: { userId, revokedAt: null } });
    const second = await issueCodeCard(db, { userId, communeId: demoCommuneId('dudelange'), issuedBy: userId });
    expect((await db.codeCard.findUniqueOrThrow({ where: { id: first.id } })).revokedAt).not.toBeNull();
    const challenge = await codeCardChallenge(db, userId);
    expect(challenge?.serial).toBe(second.serial);
    expect(await revokeCodeCard(db, userId)).toBe(true);
    expect(await codeCardChallenge(db, userId)).toBeNull();
  });

  it('prints as a one-page PDF, also for names outside the standard fonts', async () => {
    const card = await issueCodeCard(db, { userId, communeId: demoCommuneId('dudelange'), issuedBy: userId });
    const pdf = Buffer.from(await codeCardPdf(card, { name: 'Léa Łukasz', commune: 'Dudelange' }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});

describe('the security log', () => {
  it('can be appended to, never changed or deleted', async () => {
    await logSecurityEvent(db, { userId, kind: 'login', ip: '127.0.0.1', details: { acr: 'low' } });
    await expect(db.securityEvent.updateMany({ where: { userId }, data: { kind: 'nothing' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.securityEvent.deleteMany({ where: { userId } })).rejects.toThrow(/append-only/);
    expect(await db.securityEvent.count({ where: { userId, kind: 'login' } })).toBe(1);
  });
});
