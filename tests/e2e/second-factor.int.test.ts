/**
 * Levels of assurance: an agent issues the commune's code card, a citizen steps up from one factor (`low`) to
 * two (`substantial`) and is asked only for the missing factor; TOTP as the other second factor; lockout after
 * repeated failures, with a mail to the owner.
 */
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { decodeJwt } from 'jose';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { issueCodeCard } from '../../subgraphs/identity/src/factors/code-card.ts';
import {
  authorizationRequest,
  createBrowser,
  createPerson,
  followToCallback,
  graphql,
  redeemCode,
  signedInPerson,
} from '../support/oidc.ts';
import { signedInWithSecondFactor } from '../support/second-factor.ts';
import { sharedStack } from '../support/shared-stack.ts';
import { enrolmentCode } from '../support/totp.ts';

const stack = sharedStack();
const dudelange = demoCommuneId('dudelange');

function request(acr: 'low' | 'substantial') {
  const req = authorizationRequest(stack);
  const url = new URL(req.url);
  url.searchParams.set('acr_values', acr);
  return { ...req, url: url.toString() };
}

const cellIndex = (name: string) => (name.charCodeAt(0) - 65) * 5 + Number(name.slice(1)) - 1;

describe('the commune code card', () => {
  it('is issued by an agent of the commune as a PDF, and not by an agent of another commune', async () => {
    const citizen = await createPerson(stack, { residences: [dudelange] });
    // Issuing a card is a privileged act: the agents signed in with two factors (see code-card.int.test.ts).
    const agent = await signedInWithSecondFactor(stack, { roles: [{ communeId: dudelange, role: 'agent' }] });
    const other = await signedInWithSecondFactor(stack, {
      roles: [{ communeId: demoCommuneId('hesperange'), role: 'agent' }],
    });
    const mutation = `mutation ($input: CodeCardIssueInput!) {
      codeCardIssue(input: $input) { ... on CodeCardIssuePayload { serial pdfBase64 totalCells } } }`;
    const input = { communeId: dudelange, email: citizen.email };
    const refused = await graphql(stack, mutation, { input }, other.accessToken);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const issued = await graphql<{ codeCardIssue: { serial: string; pdfBase64: string; totalCells: number } }>(
      stack,
      mutation,
      { input },
      agent.accessToken,
    );
    expect(issued.body.data?.codeCardIssue.totalCells).toBe(50);
    expect(
      Buffer.from(issued.body.data?.codeCardIssue.pdfBase64 ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('steps a one-factor session up to substantial, asking only for two cells of the card', async () => {
    const citizen = await createPerson(stack);
    const db = createDb(stack.databaseUrls.identity);
    const card = await issueCodeCard(db, { userId: citizen.id, communeId: dudelange, issuedBy: citizen.id });
    await db.$disconnect();
    const browser = createBrowser(new URL(stack.oidcIssuer).origin);

    const low = request('low');
    const start = await browser.browse(low.url);
    const login = await browser.browse(`${start.location}/login`, { email: citizen.email, password: citizen.password });
    const lowTokens = await redeemCode(stack, low, await followToCallback(browser, low, login));
    expect(decodeJwt(lowTokens.access_token).acr).toBe('low');

    const high = request('substantial');
    const interaction = (await browser.browse(high.url)).location ?? '';
    const challenge = await browser.browse(interaction);
    expect(challenge.html).toContain('Deuxième étape');
    expect(challenge.html).not.toContain('type="password"'); // the password is not asked again
    const [a = '', b = ''] = challenge.html.match(/cases ([A-J][1-5]) et ([A-J][1-5])/)?.slice(1) ?? [];
    expect(challenge.html).toContain(`n° ${card.serial}`);

    const wrong = await browser.browse(`${interaction}/second-factor`, {
      method: 'code-card',
      cell1: '0000',
      cell2: '0000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('Ce code n’est pas correct.');
    // the same two cells are asked again: reloading does not draw easier ones
    expect(wrong.html).toContain(`cases ${a} et ${b}`);

    const right = await browser.browse(`${interaction}/second-factor`, {
      method: 'code-card',
      cell1: card.codes[cellIndex(a)] ?? '',
      cell2: card.codes[cellIndex(b)] ?? '',
    });
    const tokens = await redeemCode(stack, high, await followToCallback(browser, high, right));
    expect(decodeJwt(tokens.access_token)).toMatchObject({ acr: 'substantial', sub: citizen.id });

    const me = await graphql<{ me: { codeCard: { remainingCells: number }; securityLog: { kind: string }[] } }>(
      stack,
      '{ me { codeCard { remainingCells } securityLog { kind } } }',
      undefined,
      tokens.access_token,
    );
    expect(me.body.data?.me.codeCard.remainingCells).toBe(48);
    expect(me.body.data?.me.securityLog.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['login', 'second-factor-failed']),
    );
  });
});

describe('TOTP', () => {
  it('is added from the account and then serves as the second factor', async () => {
    const citizen = await signedInPerson(stack);
    const start = await graphql<{ totpEnrolStart: { secret: string } }>(
      stack,
      'mutation { totpEnrolStart { secret otpauthUri } }',
      undefined,
      citizen.accessToken,
    );
    const totp = new TOTP({
      secret: Secret.fromBase32(start.body.data?.totpEnrolStart.secret ?? ''),
      digits: 6,
      period: 30,
    });
    const confirm = await graphql<{ totpEnrolConfirm: { recoveryCodes: string[] } }>(
      stack,
      'mutation ($input: TotpEnrolConfirmInput!) { totpEnrolConfirm(input: $input) { ... on TotpEnrolConfirmPayload { recoveryCodes } } }',
      { input: { code: await enrolmentCode(totp) } },
      citizen.accessToken,
    );
    expect(confirm.body.data?.totpEnrolConfirm.recoveryCodes).toHaveLength(10);

    const browser = createBrowser(new URL(stack.oidcIssuer).origin);
    const high = request('substantial');
    const start2 = await browser.browse(high.url);
    const afterPassword = await browser.browse(`${start2.location}/login`, {
      email: citizen.email,
      password: citizen.password,
    });
    expect(afterPassword.html).toContain('application d’authentification');
    const done = await browser.browse(`${start2.location}/second-factor`, { method: 'totp', code: totp.generate() });
    const tokens = await redeemCode(stack, high, await followToCallback(browser, high, done));
    expect(decodeJwt(tokens.access_token).acr).toBe('substantial');
  });

  it('without any second factor, the person is told how to get one and the request returns denied', async () => {
    const citizen = await createPerson(stack);
    const browser = createBrowser(new URL(stack.oidcIssuer).origin);
    const high = request('substantial');
    const start = await browser.browse(high.url);
    const page = await browser.browse(`${start.location}/login`, { email: citizen.email, password: citizen.password });
    expect(page.html).toContain('Demandez une carte de codes à la commune');
    const abort = await browser.browse(`${start.location}/abort`, {});
    const callback = await followToCallback(browser, high, abort);
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });
});

describe('attempt limits', () => {
  it('lock the account after five wrong passwords and mail its owner', async () => {
    const citizen = await createPerson(stack);
    const browser = createBrowser(new URL(stack.oidcIssuer).origin);
    const start = await browser.browse(request('low').url);
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await browser.browse(`${start.location}/login`, { email: citizen.email, password: `wrong ${i}` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await browser.browse(`${start.location}/login`, {
      email: citizen.email,
      password: citizen.password,
    });
    expect(locked.status).toBe(429);
    expect(locked.html).toContain('Trop de tentatives');
    await stack.mail.waitFor(citizen.email, (m) => m.subject === 'Votre compte est bloqué pendant 15 minutes');
  });
});
