import { decodeJwtPayload } from '@gemeng/frontend-kit';
import type { CommuneEntry } from './office-operations.ts';

/**
 * The communes the signed-in person works for, from their access token's `gemeng_roles` (agent or administrator):
 * the graph has no query for one's own roles, and the token is what the graph checks. A role granted or revoked
 * counts from the next token (10 minutes at most), as everywhere.
 */
export function agentCommuneIds(accessToken: string | undefined): string[] {
  if (!accessToken) return [];
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwtPayload(accessToken);
  } catch {
    return []; // not a JWT: the graph decides, the widget offers no commune of its own
  }
  const roles = Array.isArray(claims.gemeng_roles) ? claims.gemeng_roles : [];
  const ids = roles
    .filter((role): role is { communeId: string; role: string } =>
      Boolean(role && typeof role === 'object' && typeof role.communeId === 'string'),
    )
    .filter((role) => role.role === 'agent' || role.role === 'administrator')
    .map((role) => role.communeId);
  return [...new Set(ids)];
}

/** What the element knows of the commune to show. */
export type CommuneChoice =
  /** The commune is known. */
  | { readonly kind: 'one'; readonly commune: CommuneEntry }
  /** The agent works for several and has not chosen yet. */
  | { readonly kind: 'several'; readonly communes: readonly CommuneEntry[] }
  /** The `commune` attribute names no member commune. */
  | { readonly kind: 'unknown'; readonly value: string }
  /** No attribute and no role in any commune: not an agent. */
  | { readonly kind: 'none' };

/**
 * The commune from the `commune` attribute (a slug or an id), else the agent's own: one role → that commune,
 * several → the chooser (or the one chosen there, `chosen`).
 */
export function chooseCommune(
  communes: readonly CommuneEntry[],
  attribute: string | undefined,
  roleIds: readonly string[],
  chosen?: string,
): CommuneChoice {
  const wanted = attribute?.trim();
  if (wanted) {
    const found = communes.find((commune) => commune.slug === wanted || commune.id === wanted);
    return found ? { kind: 'one', commune: found } : { kind: 'unknown', value: wanted };
  }
  const own = communes.filter((commune) => roleIds.includes(commune.id));
  const picked = own.find((commune) => commune.id === chosen);
  if (picked) return { kind: 'one', commune: picked };
  if (own.length === 1 && own[0]) return { kind: 'one', commune: own[0] };
  if (own.length > 1) return { kind: 'several', communes: own };
  return { kind: 'none' };
}
