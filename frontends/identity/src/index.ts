export { ACCOUNT_QUERY, Account, type AccountData } from './account.ts';
export type { CodeCardStatus, CommuneRef, Me, Passkey, SecurityEvent, SignInSession } from './account-data.ts';
export { accountMessages } from './account-messages.ts';
export { AuthElement, type AuthErrorDetail } from './auth-element.ts';
export { authMessages } from './auth-messages.ts';
export { Login } from './login.ts';
