/**
 * Mails that tell a person about a change to their account's security they may not have made themselves: a
 * second factor removed (by them or by an agent), a code card replaced by one from another commune. They go
 * after the change is committed; a delivery failure is logged, not thrown, since the change stands and the
 * security log holds it.
 */
import type { Language, Logger } from '@gemeng/subgraph-kit';
import type { OutgoingMail } from '../accounts/accounts.ts';
import type { Db } from '../db.ts';

type Send = (mail: OutgoingMail) => Promise<void>;

let sender: Send | undefined;

/** Set at start-up with the public routes, which hold the mailer (see public-routes.ts). */
export function provideOwnerMail(send: Send): void {
  sender = send;
}

export type RemovedFactor = 'code-card' | 'totp' | 'passkey';

/** The removed factor as the mail's `factor` select names it (see messages/mails). */
const FACTOR_SELECT: Record<RemovedFactor, string> = { 'code-card': 'codeCard', totp: 'totp', passkey: 'passkey' };

interface Commune {
  nameLb: string;
  nameFr: string;
  nameDe: string;
  nameEn: string;
}

const communeName = (commune: Commune, lang: Language) =>
  ({ lb: commune.nameLb, fr: commune.nameFr, de: commune.nameDe, en: commune.nameEn })[lang];

async function mailOwner(
  ctx: { db: Db; log: Logger },
  userId: string,
  mail: OutgoingMail['mail'],
  vars: (lang: Language) => Record<string, string>,
): Promise<void> {
  const user = await ctx.db.user.findUnique({ where: { id: userId } });
  if (!user) return;
  const lang = user.preferredLanguage as Language;
  try {
    if (!sender) throw new Error('identity was started without its mail settings');
    await sender({ to: user.email, mail, lang, vars: { name: user.name, ...vars(lang) } });
  } catch (error) {
    ctx.log.error({ err: error, userId, mail }, 'could not mail the owner about a change to their account');
  }
}

/** Tells the owner that one of their second factors was removed. */
export function mailFactorRemoved(ctx: { db: Db; log: Logger }, userId: string, factor: RemovedFactor) {
  return mailOwner(ctx, userId, 'factorRemoved', () => ({ factor: FACTOR_SELECT[factor] }));
}

/** Tells the owner that a new card (issued in `commune`) replaced their card `serial` (issued in `oldCommune`). */
export function mailCodeCardReplaced(
  ctx: { db: Db; log: Logger },
  userId: string,
  replaced: { serial: string; oldCommune: Commune; commune: Commune },
) {
  return mailOwner(ctx, userId, 'codeCardReplaced', (lang) => ({
    serial: replaced.serial,
    commune: communeName(replaced.commune, lang),
    oldCommune: communeName(replaced.oldCommune, lang),
  }));
}
