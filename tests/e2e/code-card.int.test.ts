/**
 * The code card as a privileged act, and the account-takeover path of the security review, through the router:
 * agents signed in with two factors issue cards to residents of their own commune only; a new card replaces one
 * from another commune only with a mail to the person; an agent never revokes another commune's card; with the
 * password alone, a thief cannot revoke the owner's card (the first step of the takeover); removing a factor
 * of any kind mails the owner, in their language.
 */
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { issueCodeCard } from '../../subgraphs/identity/src/factors/code-card.ts';
import { createPerson, graphql, type Person, type PersonOptions } from '../support/oidc.ts';
import { enrolSecondFactor, signedInWithSecondFactor, signInThroughPages } from '../support/second-factor.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();
const dudelange = demoCommuneId('dudelange');
const esch = demoCommuneId('esch-sur-alzette');
let agentOfEsch: Awaited<ReturnType<typeof signedInWithSecondFactor>>;
let agentOfDudelange: Awaited<ReturnType<typeof signedInWithSecondFactor>>;

beforeAll(async () => {
  agentOfEsch = await signedInWithSecondFactor(stack, { roles: [{ communeId: esch, role: 'agent' }] });
  agentOfDudelange = await signedInWithSecondFactor(stack, { roles: [{ communeId: dudelange, role: 'agent' }] });
});

const ISSUE = `mutation ($input: CodeCardIssueInput!) { codeCardIssue(input: $input) {
  __typename ... on CodeCardIssuePayload { serial } ... on Error { message } ... on NotResidentError { email } } }`;
const REVOKE = 'mutation ($input: CodeCardRevokeInput!) { codeCardRevoke(input: $input) }';

const issue = (token: string, communeId: string, email: string, lang = 'fr') =>
  graphql<{ codeCardIssue: { __typename: string; serial?: string; message?: string } }>(
    stack,
    ISSUE,
    { input: { communeId, email } },
    token,
    { 'accept-language': lang },
  );

async function cardsOf(userId: string) {
  const db = createDb(stack.databaseUrls.identity);
  try {
    return await db.codeCard.findMany({ where: { userId }, orderBy: { issuedAt: 'asc' } });
  } finally {
    await db.$disconnect();
  }
}

/** A person with a card of `communeId` written straight into the database (as an agent's issuance makes it). */
async function personWithCard(communeId: string, options: PersonOptions = {}): Promise<Person & { serial: string }> {
  const person = await createPerson(stack, { residences: [communeId], ...options });
  const db = createDb(stack.databaseUrls.identity);
  const card = await issueCodeCard(db, { userId: person.id, communeId, issuedBy: person.id }).finally(() =>
    db.$disconnect(),
  );
  return { ...person, serial: card.serial };
}

describe('issuing a code card', () => {
  it('an agent of Esch cannot issue a card to a resident of Dudelange: a typed error in the request language', async () => {
    const resident = await createPerson(stack, { residences: [dudelange] });
    for (const [lang, words] of [
      ['fr', 'n’a pas indiqué Esch-sur-Alzette comme commune de résidence'],
      ['de', 'hat Esch an der Alzette im Profil nicht als Wohngemeinde angegeben'],
      ['lb', 'huet Esch-Uelzecht am Profil net als Wunngemeng uginn'],
      ['en', 'has not given Esch-sur-Alzette as a commune of residence'],
    ] as const) {
      const { body } = await issue(agentOfEsch.accessToken, esch, resident.email, lang);
      expect(body.data?.codeCardIssue).toMatchObject({ __typename: 'NotResidentError', email: resident.email });
      expect(body.data?.codeCardIssue.message).toContain(words);
    }
    // Nor by naming the person's commune: that is not the agent's.
    const other = await issue(agentOfEsch.accessToken, dudelange, resident.email);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await cardsOf(resident.id)).toEqual([]);

    const issued = await issue(agentOfDudelange.accessToken, dudelange, resident.email);
    expect(issued.body.data?.codeCardIssue.__typename).toBe('CodeCardIssuePayload');
  });

  it('a password-only agent gets the step-up challenge, and no card is made', async () => {
    const agent = await createPerson(stack, { roles: [{ communeId: dudelange, role: 'agent' }] });
    await enrolSecondFactor(stack, agent.id);
    const { access_token } = await signInThroughPages(stack, agent);
    const resident = await createPerson(stack, { residences: [dudelange] });
    const { body } = await issue(access_token, dudelange, resident.email);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'INSUFFICIENT_USER_AUTHENTICATION',
      acr_values: 'substantial',
    });
    expect(await cardsOf(resident.id)).toEqual([]);
  });

  it('a new card replaces the card of another commune, and the person is mailed in their language', async () => {
    const person = await personWithCard(dudelange, { preferredLanguage: 'de', residences: [dudelange, esch] });
    const issued = await issue(agentOfEsch.accessToken, esch, person.email);
    expect(issued.body.data?.codeCardIssue.__typename).toBe('CodeCardIssuePayload');
    const cards = await cardsOf(person.id);
    expect(cards.map((card) => [card.communeId, card.revokedAt === null])).toEqual([
      [dudelange, false],
      [esch, true],
    ]);
    const mail = await stack.mail.waitFor(person.email, (m) => m.subject === 'Ihre alte Codekarte gilt nicht mehr');
    expect(mail?.text).toContain(`in Esch an der Alzette wurde Ihnen eine neue Codekarte ausgestellt`);
    expect(mail?.text).toContain(`Ihre alte Karte Nr. ${person.serial}, ausgestellt in Düdelingen`);
  });
});

describe('revoking a code card', () => {
  it('an agent cannot revoke a card issued by another commune', async () => {
    const person = await personWithCard(dudelange, { residences: [dudelange, esch] });
    const asEsch = await graphql(
      stack,
      REVOKE,
      { input: { communeId: esch, email: person.email } },
      agentOfEsch.accessToken,
    );
    expect(asEsch.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const naming = await graphql(
      stack,
      REVOKE,
      { input: { communeId: dudelange, email: person.email } },
      agentOfEsch.accessToken,
    );
    // Naming the issuing commune does not help: to an outsider, no card of that commune is there to revoke.
    expect(naming.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await cardsOf(person.id))[0]?.revokedAt).toBeNull();
  });

  it('an agent of the issuing commune revokes it (with two factors), and the owner is mailed', async () => {
    const person = await personWithCard(dudelange, { preferredLanguage: 'en' });
    const revoked = await graphql(
      stack,
      REVOKE,
      { input: { communeId: dudelange, email: person.email } },
      agentOfDudelange.accessToken,
    );
    expect(revoked.body.data).toEqual({ codeCardRevoke: true });
    const mail = await stack.mail.waitFor(person.email, (m) => m.subject.includes('A way to sign in was removed'));
    expect(mail?.text).toContain('Your code card was removed from your Gemeng account');
    expect(mail?.text).toContain('If this was not you');
  });
});

describe('the account takeover of the security review', () => {
  it('is refused at its first step: with the password alone, the owner’s card cannot be revoked', async () => {
    const victim = await personWithCard(dudelange);
    // The thief has the password only: a one-factor session.
    const { access_token: thief } = await signInThroughPages(stack, victim);
    const revoke = await graphql(stack, REVOKE, { input: { communeId: dudelange, email: victim.email } }, thief);
    expect(revoke.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INSUFFICIENT_USER_AUTHENTICATION',
      acr_values: 'substantial',
      max_age: 600,
    });
    expect((await cardsOf(victim.id))[0]?.revokedAt).toBeNull();
    // …and the rest of the path stays closed: no authenticator of the thief's, no move to the thief's mailbox.
    for (const mutation of [
      'mutation { totpEnrolStart { secret } }',
      `mutation { emailChange(input: { newEmail: "thief@example.lu", password: "${victim.password}" }) { __typename } }`,
    ]) {
      const refused = await graphql(stack, mutation, undefined, thief);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_USER_AUTHENTICATION');
    }
  });
});

describe('removing a factor of any kind', () => {
  it('needs a recent second factor and mails the owner, in their language', async () => {
    const owner = await signedInWithSecondFactor(stack, { preferredLanguage: 'lb', residences: [dudelange] });
    const db = createDb(stack.databaseUrls.identity);
    await issueCodeCard(db, { userId: owner.id, communeId: dudelange, issuedBy: agentOfDudelange.id });
    await db.passkey.create({
      data: {
        id: 'test-passkey',
        userId: owner.id,
        publicKey: Buffer.from([1]),
        counter: 0n,
        transports: [],
        name: 'Laptop',
      },
    });
    await db.$disconnect();

    const own = await graphql(
      stack,
      REVOKE,
      { input: { communeId: dudelange, email: owner.email } },
      owner.accessToken,
    );
    expect(own.body.data).toEqual({ codeCardRevoke: true });
    const passkey = await graphql(
      stack,
      'mutation { passkeyRemove(input: { id: "test-passkey" }) { __typename } }',
      undefined,
      owner.accessToken,
    );
    expect(passkey.body.data).toEqual({ passkeyRemove: { __typename: 'PasskeyRemovePayload' } });
    const totp = await graphql(stack, 'mutation { totpRemove { __typename } }', undefined, owner.accessToken);
    expect(totp.body.data).toEqual({ totpRemove: { __typename: 'TotpRemovePayload' } });

    for (const factor of ['Är Code-Kaart', 'Ee vun Äre Passkeyen', 'Är Authenticator-App']) {
      const mail = await stack.mail.waitFor(owner.email, (m) => m.text.includes(`${factor} gouf aus Ärem Gemeng-Kont`));
      expect(mail?.subject).toBe('E Wee fir Iech anzelogge gouf aus Ärem Gemeng-Kont ewechgeholl');
    }
  });
});
