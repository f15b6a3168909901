import type { Accounts } from './accounts.ts';

/**
 * The accounts service of this process, for the GraphQL resolvers that send mail (the mailer is configured
 * with the public routes at start-up, see public-routes.ts).
 */
let current: Accounts | undefined;

export function provideAccounts(accounts: Accounts): void {
  current = accounts;
}

export function accountsService(): Accounts {
  if (!current)
    throw new Error('the accounts service is not configured: identity was started without its mail settings');
  return current;
}
