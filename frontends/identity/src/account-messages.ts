import { defineMessages } from '@gemeng/frontend-kit';

/**
 * Every user-facing string of `<gemeng-account>`'s profile, security, applications and data sections: ICU messages
 * in `messages/account/<language>.json`, each language loaded when first needed (the sign-in texts and the
 * account's details are in `auth-messages.ts`). Browser tests may import a language's JSON file to find controls
 * by their accessible names; see `account.ts`.
 */
export const accountMessages = defineMessages('account', {
  lb: () => import('./messages/account/lb.json'),
  fr: () => import('./messages/account/fr.json'),
  de: () => import('./messages/account/de.json'),
  en: () => import('./messages/account/en.json'),
});

export type AccountMessageKey = Parameters<typeof accountMessages.t>[1];
export const ta = accountMessages.t;

/** The security log's kinds and their labels; an unknown kind is shown as it is. */
export const SECURITY_EVENT_LABELS: Readonly<Record<string, AccountMessageKey>> = {
  login: 'kindLogin',
  'login-failed': 'kindLoginFailed',
  lockout: 'kindLockout',
  'second-factor-failed': 'kindSecondFactorFailed',
  'password-changed': 'kindPasswordChanged',
  'factor-added': 'kindFactorAdded',
  'factor-removed': 'kindFactorRemoved',
  'role-granted': 'kindRoleGranted',
  'role-revoked': 'kindRoleRevoked',
  'session-revoked': 'kindSessionRevoked',
  'email-changed': 'kindEmailChanged',
  'api-client-created': 'kindApiClientCreated',
  'operator-granted': 'kindOperatorGranted',
  'operator-revoked': 'kindOperatorRevoked',
  'commune-created': 'kindCommuneCreated',
  'commune-updated': 'kindCommuneUpdated',
};
