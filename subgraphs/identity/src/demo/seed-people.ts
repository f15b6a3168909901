/**
 * Writes the demo people (./people.ts) into identity's database, idempotently: each start brings them back to
 * what `npm start` prints (confirmed address, the printed password, their role, commune of residence and
 * authenticator), whatever was changed meanwhile. Their ids are stable, so the other subgraphs' demo data can
 * refer to them.
 */
import { demoCommuneId, demoId, SEED_TRANSACTION } from '@gemeng/subgraph-kit';
import { hashPassword, verifyPassword } from '../accounts/passwords.ts';
import type { Db } from '../db.ts';
import { DEMO_PEOPLE, DEMO_PEOPLE_SETTING, type DemoPerson, demoPeopleRefusal, demoTotpSecret } from './people.ts';

export const demoPersonId = (email: string): string => demoId('person', email);

/** Seeds the demo people when DEMO_PEOPLE_SETTING asks for it; refuses (throws one line) in production. */
export async function seedDemoPeopleIfAsked(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env[DEMO_PEOPLE_SETTING] !== 'true') return false;
  const refusal = demoPeopleRefusal(env, false);
  if (refusal) throw new Error(`${DEMO_PEOPLE_SETTING}=true refused: ${refusal}`);
  await seedDemoPeople(db);
  return true;
}

export async function seedDemoPeople(db: Db, people: readonly DemoPerson[] = DEMO_PEOPLE): Promise<void> {
  const existing = await db.user.findMany({
    where: { email: { in: people.map((p) => p.email) } },
    select: { email: true, passwordHash: true },
  });
  // Hash only when the stored password is not the printed one (argon2 is slow on purpose).
  const hashes = new Map<string, string>();
  for (const p of people) {
    const stored = existing.find((row) => row.email === p.email)?.passwordHash;
    hashes.set(p.email, stored && (await verifyPassword(stored, p.password)) ? stored : await hashPassword(p.password));
  }
  await db.$transaction(async (tx) => {
    for (const p of people) {
      const profile = {
        name: p.name,
        preferredLanguage: p.preferredLanguage,
        operator: p.operator,
        passwordHash: hashes.get(p.email) ?? '',
      };
      const user = await tx.user.upsert({
        where: { email: p.email },
        create: { id: demoPersonId(p.email), email: p.email, emailVerifiedAt: new Date(), ...profile },
        update: profile,
      });
      if (!user.emailVerifiedAt) {
        await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
      }
      if (p.role) {
        const communeId = demoCommuneId(p.role.commune);
        await tx.communeRole.upsert({
          where: { userId_communeId: { userId: user.id, communeId } },
          create: { userId: user.id, communeId, role: p.role.role },
          update: { role: p.role.role },
        });
      }
      if (p.residence) {
        const communeId = demoCommuneId(p.residence);
        await tx.residence.upsert({
          where: { userId_communeId: { userId: user.id, communeId } },
          create: { userId: user.id, communeId },
          update: {},
        });
      }
      if (p.secondFactor) {
        const secret = demoTotpSecret(p.email);
        await tx.totpFactor.upsert({
          where: { userId: user.id },
          create: { userId: user.id, secret, confirmedAt: new Date() },
          // The same secret keeps its last used step (a code is accepted once, even across restarts).
          update: { secret, confirmedAt: new Date() },
        });
      }
    }
  }, SEED_TRANSACTION);
}
