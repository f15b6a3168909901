/**
 * WebAuthn passkeys (with @simplewebauthn/server) as a second factor, always with user verification (the
 * authenticator's PIN or biometrics). The relying party is the identity service's host name or a parent domain
 * of it (GEMENG_WEBAUTHN_RP_ID): a passkey works on every origin under it — the sign-in pages and the portal.
 * Commune websites on other domains cannot use it (the browser refuses), which the widget says.
 */

import { type ClientInfo, ConfigError } from '@gemeng/subgraph-kit';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { Db } from '../db.ts';
import { logSecurityEvent } from '../security/log.ts';

const CHALLENGE_TTL_MS = 5 * 60_000;
/** More than enough for a phone, a laptop and a security key or two. */
export const MAX_PASSKEYS = 10;

export interface RelyingParty {
  /** A host name (never an IP address), e.g. "gemeng.lu". */
  id: string;
  name: string;
  /** The origins where ceremonies may run: the sign-in pages and the portal origins under `id`. */
  origins: string[];
}

/** The relying party for an issuer and the portal origins (an explicit id must be the issuer's host or a parent). */
export function relyingParty(issuer: string, portalOrigins: string[], explicitId?: string): RelyingParty {
  const host = new URL(issuer).hostname;
  const id = explicitId ?? host;
  const under = (hostname: string) => hostname === id || hostname.endsWith(`.${id}`);
  if (!under(host))
    throw new ConfigError(`GEMENG_WEBAUTHN_RP_ID "${id}" must be the issuer's host "${host}" or a parent`);
  const origins = [new URL(issuer).origin, ...portalOrigins.filter((origin) => under(new URL(origin).hostname))];
  return { id, name: 'Gemeng', origins: [...new Set(origins)] };
}

export type PasskeyProblem = 'passkeyInvalid' | 'passkeyChallenge' | 'passkeyTooMany' | 'passkeyName';

export function createPasskeys(db: Db, rp: RelyingParty) {
  return {
    rp,

    /** Options for navigator.credentials.create(); the challenge is kept for five minutes, for one use. */
    async registrationOptions(user: { id: string; email: string; name: string }) {
      const existing = await db.passkey.findMany({
        where: { userId: user.id },
        select: { id: true, transports: true },
      });
      const options = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userName: user.email,
        userDisplayName: user.name,
        userID: new TextEncoder().encode(user.id),
        attestationType: 'none',
        excludeCredentials: existing.map((key) => ({ id: key.id, transports: transportsOf(key.transports) })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      });
      await db.$transaction([
        db.webauthnChallenge.deleteMany({ where: { userId: user.id } }),
        db.webauthnChallenge.create({
          data: { challenge: options.challenge, userId: user.id, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) },
        }),
      ]);
      return options satisfies PublicKeyCredentialCreationOptionsJSON;
    },

    /** Verifies the browser's answer against the challenge handed out, and stores the passkey. */
    async register(userId: string, name: string, response: unknown, client?: ClientInfo) {
      const trimmed = name.trim();
      if (trimmed.length < 1 || [...trimmed].length > 60) return { problem: 'passkeyName' as const };
      if (!isRecord(response) || typeof response.id !== 'string' || !isRecord(response.response)) {
        return { problem: 'passkeyInvalid' as const };
      }
      const clientData = parseClientData((response.response as { clientDataJSON?: unknown }).clientDataJSON);
      // The challenge is used up whatever happens next.
      const { count } = await db.webauthnChallenge.deleteMany({
        where: { userId, challenge: clientData?.challenge ?? '', expiresAt: { gt: new Date() } },
      });
      if (count !== 1) return { problem: 'passkeyChallenge' as const };
      if ((await db.passkey.count({ where: { userId } })) >= MAX_PASSKEYS)
        return { problem: 'passkeyTooMany' as const };
      let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verification = await verifyRegistrationResponse({
          response: response as unknown as RegistrationResponseJSON,
          expectedChallenge: clientData?.challenge ?? '',
          expectedOrigin: rp.origins,
          expectedRPID: rp.id,
          requireUserVerification: true,
        });
      } catch {
        return { problem: 'passkeyInvalid' as const };
      }
      if (!verification.verified) return { problem: 'passkeyInvalid' as const };
      const { credential, credentialBackedUp } = verification.registrationInfo;
      try {
        const passkey = await db.$transaction(async (tx) => {
          const created = await tx.passkey.create({
            data: {
              id: credential.id,
              userId,
              publicKey: Buffer.from(credential.publicKey),
              counter: BigInt(credential.counter),
              transports: (credential.transports ?? []).filter((t) => TRANSPORTS.has(t)).slice(0, 8),
              backedUp: credentialBackedUp,
              name: trimmed,
            },
          });
          await logSecurityEvent(tx, {
            userId,
            kind: 'factor-added',
            details: { factor: 'passkey', name: trimmed },
            ...client,
          });
          return created;
        });
        return { passkey };
      } catch (error) {
        // The same credential registered already (by this person or, impossibly, another).
        if ((error as { code?: string }).code === 'P2002') return { problem: 'passkeyInvalid' as const };
        throw error;
      }
    },

    /** Options for navigator.credentials.get() at a sign-in; null when the person has no passkey. */
    async authenticationOptions(userId: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
      const keys = await db.passkey.findMany({ where: { userId }, select: { id: true, transports: true } });
      if (keys.length === 0) return null;
      return generateAuthenticationOptions({
        rpID: rp.id,
        userVerification: 'required',
        allowCredentials: keys.map((key) => ({ id: key.id, transports: transportsOf(key.transports) })),
      });
    },

    /**
     * Checks a sign-in answer (JSON from the page) against the challenge of this interaction: the person's own
     * passkey, user verification done, signature counter not gone backwards (a cloned authenticator).
     */
    async authenticate(userId: string, expectedChallenge: string, responseJson: string): Promise<boolean> {
      let response: AuthenticationResponseJSON;
      try {
        response = JSON.parse(responseJson) as AuthenticationResponseJSON;
      } catch {
        return false;
      }
      if (typeof response?.id !== 'string') return false;
      const key = await db.passkey.findFirst({ where: { id: response.id, userId } });
      if (!key) return false;
      try {
        const { verified, authenticationInfo } = await verifyAuthenticationResponse({
          response,
          expectedChallenge,
          expectedOrigin: rp.origins,
          expectedRPID: rp.id,
          requireUserVerification: true,
          credential: {
            id: key.id,
            publicKey: new Uint8Array(key.publicKey),
            counter: Number(key.counter),
            transports: transportsOf(key.transports),
          },
        });
        if (!verified) return false;
        // Compare-and-set on the counter: the same answer cannot be used twice concurrently.
        const { count } = await db.passkey.updateMany({
          where: { id: key.id, counter: key.counter },
          data: {
            counter: BigInt(authenticationInfo.newCounter),
            backedUp: authenticationInfo.credentialBackedUp,
            lastUsedAt: new Date(),
          },
        });
        return count === 1;
      } catch {
        return false;
      }
    },
  };
}

export type Passkeys = ReturnType<typeof createPasskeys>;

type Transport = NonNullable<RegistrationResponseJSON['response']['transports']>[number];
/** The transports WebAuthn defines: anything else the browser's JSON claims is dropped. */
const TRANSPORTS = new Set<string>(['usb', 'nfc', 'ble', 'internal', 'hybrid', 'cable', 'smart-card']);
const transportsOf = (values: string[]) => values as Transport[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseClientData(value: unknown): { challenge?: string } | null {
  if (typeof value !== 'string' || value.length > 10_000) return null;
  try {
    const data = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    return isRecord(data) && typeof data.challenge === 'string' ? { challenge: data.challenge } : null;
  } catch {
    return null;
  }
}

let current: Passkeys | undefined;

/** The passkeys service of this process (configured with the public routes at start-up, see public-routes.ts). */
export function providePasskeys(passkeys: Passkeys): void {
  current = passkeys;
}

export function passkeysService(): Passkeys {
  if (!current) throw new Error('passkeys are not configured: identity was started without its public routes');
  return current;
}
