/** What the sign-in pages say about attempt limits (security/attempts.ts): a refusal, and the warning before a lock. */
import {
  ACCOUNT_LIMIT,
  ACCOUNT_LOCK_MINUTES,
  type Attempt,
  lockedByThisFailure,
  minutesToWait,
} from '../security/attempts.ts';
import type { Texts } from './texts.ts';

/** From this many attempts left on, a failure warns that the account will be locked (GOV.UK: warn before it happens). */
const WARN_FROM = 3;

/** Why an attempt was not even checked: the account is locked, or the address has to slow down. */
export function refusal(t: Texts, attempt: Attempt): string {
  return attempt.refusal?.reason === 'throttled'
    ? t('tooManyFromAddress', { seconds: attempt.refusal.retryAfterSeconds })
    : t('tooManyAttempts', { minutes: minutesToWait(attempt) });
}

export const retryAfter = (attempt: Attempt) => ({ 'retry-after': String(attempt.refusal?.retryAfterSeconds ?? 60) });

/**
 * After a wrong answer: the lock it caused, or how many attempts are left before one, once few are. Counted per
 * address typed, whether it has an account or not, so the warning tells nothing about which addresses exist.
 */
export function afterFailure(t: Texts, attempt: Attempt): { locked?: string; warning?: string } {
  if (lockedByThisFailure(attempt)) return { locked: t('tooManyAttempts', { minutes: ACCOUNT_LOCK_MINUTES }) };
  const left = ACCOUNT_LIMIT - attempt.accountFailures;
  return left > 0 && left <= WARN_FROM
    ? { warning: t('attemptsLeft', { count: left, minutes: ACCOUNT_LOCK_MINUTES }) }
    : {};
}
