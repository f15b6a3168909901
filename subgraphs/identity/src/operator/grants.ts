/**
 * What the operator command does: the syndicate makes someone an operator (the first one, before anyone can do
 * it through the graph) or a commune's first administrator, and takes it back. Only people whose address is
 * confirmed; every change is written to the security log in its transaction, with no actor (a person at the
 * server's console) and `via: 'command'`. It counts from the person's next access token (10 minutes at most).
 */
import { normaliseEmail } from '../accounts/accounts.ts';
import type { Db } from '../db.ts';
import { logSecurityEvent } from '../security/log.ts';

/** A refusal the command prints as its one line. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export type Outcome = { changed: boolean; message: string };

const VIA = { via: 'command' } as const;

async function confirmedPerson(db: Db, address: string) {
  const email = normaliseEmail(address);
  const user = email.length <= 254 ? await db.user.findUnique({ where: { email } }) : null;
  if (!user?.emailVerifiedAt) {
    throw new CommandError(
      `no account with a confirmed address for ${email}: the person registers at /account/register and confirms the address first`,
    );
  }
  return user;
}

async function communeBySlug(db: Db, slug: string) {
  const commune = await db.commune.findUnique({ where: { slug } });
  if (!commune) throw new CommandError(`no commune "${slug}": { communes(includeInactive: true) { slug } } lists them`);
  return commune;
}

export async function setOperator(db: Db, address: string, operator: boolean): Promise<Outcome> {
  const user = await confirmedPerson(db, address);
  if (user.operator === operator) {
    return { changed: false, message: `${user.email} is ${operator ? 'already' : 'not'} an operator: nothing changed` };
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { operator } });
    await logSecurityEvent(tx, {
      userId: user.id,
      actorId: null,
      kind: operator ? 'operator-granted' : 'operator-revoked',
      details: VIA,
    });
  });
  return {
    changed: true,
    message: `${user.email} ${operator ? 'is now an operator' : 'is no longer an operator'} (from their next sign-in or token, 10 minutes at most)`,
  };
}

/** Makes the person an administrator of the commune (from any other role there), or takes that role away. */
export async function setAdministrator(
  db: Db,
  address: string,
  slug: string,
  administrator: boolean,
): Promise<Outcome> {
  const user = await confirmedPerson(db, address);
  const commune = await communeBySlug(db, slug);
  const key = { userId_communeId: { userId: user.id, communeId: commune.id } };
  return db.$transaction(async (tx) => {
    const existing = await tx.communeRole.findUnique({ where: key });
    const is = existing?.role === 'administrator';
    if (is === administrator) {
      return {
        changed: false,
        message: `${user.email} is ${administrator ? 'already' : 'not'} an administrator of ${slug}: nothing changed`,
      };
    }
    const details = { communeId: commune.id, role: 'administrator', ...VIA };
    if (administrator) {
      await tx.communeRole.upsert({
        where: key,
        create: { userId: user.id, communeId: commune.id, role: 'administrator' },
        update: { role: 'administrator', grantedBy: null, grantedAt: new Date() },
      });
      await logSecurityEvent(tx, { userId: user.id, actorId: null, kind: 'role-granted', details });
    } else {
      await tx.communeRole.delete({ where: key });
      await logSecurityEvent(tx, { userId: user.id, actorId: null, kind: 'role-revoked', details });
    }
    return {
      changed: true,
      message: `${user.email} ${administrator ? 'is now an administrator' : 'is no longer an administrator'} of ${slug} (from their next sign-in or token, 10 minutes at most)`,
    };
  });
}
