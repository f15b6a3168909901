/**
 * The mail catcher's inbox read over HTTP (`GET /messages?to=…`, scripts/mail-catcher.ts), for test files that
 * share a platform started in another process (the vitest project's global setup).
 */
import type { CaughtMail } from '../../scripts/mail-catcher.ts';

export interface Inbox {
  inboxUrl: string;
  /** The newest message to `to` that satisfies `predicate`, already received or the next to arrive. */
  waitFor(to: string, predicate?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
}

export function remoteInbox(inboxUrl: string): Inbox {
  return {
    inboxUrl,
    async waitFor(to, predicate = () => true, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      const url = new URL('messages', inboxUrl);
      url.searchParams.set('to', to);
      for (;;) {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`the mail inbox ${inboxUrl} answered ${response.status}`);
        const found = ((await response.json()) as CaughtMail[]).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching mail to ${to} within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
