import type { Prisma } from '../generated/prisma/client.ts';

export type SecurityEventKind =
  | 'login'
  | 'login-failed'
  | 'lockout'
  | 'second-factor-failed'
  | 'password-changed'
  | 'email-changed'
  | 'factor-added'
  | 'factor-removed'
  | 'role-granted'
  | 'role-revoked'
  | 'session-revoked'
  | 'api-client-created'
  // The syndicate's acts: the operator flag (by the operator command) and the communes operators onboard.
  | 'operator-granted'
  | 'operator-revoked'
  | 'commune-created'
  | 'commune-updated';

export interface SecurityEventInput {
  userId: string | null;
  kind: SecurityEventKind;
  actorId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Prisma.InputJsonValue;
}

interface Writer {
  securityEvent: { create(args: { data: Prisma.SecurityEventUncheckedCreateInput }): Promise<unknown> };
}

/** Appends to the security log (the table refuses changes). Pass a transaction to write with the change. */
export async function logSecurityEvent(db: Writer, event: SecurityEventInput): Promise<void> {
  await db.securityEvent.create({
    data: {
      userId: event.userId,
      kind: event.kind,
      actorId: event.actorId ?? null,
      ip: event.ip?.slice(0, 64) ?? null,
      userAgent: event.userAgent?.slice(0, 300) ?? null,
      details: event.details ?? {},
    },
  });
}
