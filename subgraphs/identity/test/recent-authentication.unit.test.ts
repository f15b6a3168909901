/** Recent authentication is judged from the provider's stored session: two factors, at most 10 minutes ago. */
import { describe, expect, it } from 'vitest';
import { RECENT_AUTHENTICATION_SECONDS, secondFactorIsRecent } from '../src/factors/second-factor.ts';

const now = Date.parse('2026-11-30T10:00:00Z');
const minutesAgo = (minutes: number) => now / 1000 - minutes * 60;

describe('a second factor is recent', () => {
  it('for a two-factor session that authenticated at most 10 minutes ago', () => {
    expect(RECENT_AUTHENTICATION_SECONDS).toBe(600);
    expect(secondFactorIsRecent({ acr: 'substantial', loginTs: minutesAgo(0) }, now)).toBe(true);
    expect(secondFactorIsRecent({ acr: 'substantial', loginTs: minutesAgo(10) }, now)).toBe(true);
  });

  it('not 11 minutes later, not for a one-factor session, not without a session', () => {
    expect(secondFactorIsRecent({ acr: 'substantial', loginTs: minutesAgo(11) }, now)).toBe(false);
    expect(secondFactorIsRecent({ acr: 'low', loginTs: minutesAgo(1) }, now)).toBe(false);
    expect(secondFactorIsRecent({ acr: 'substantial' }, now)).toBe(false);
    expect(secondFactorIsRecent(null, now)).toBe(false);
  });
});
