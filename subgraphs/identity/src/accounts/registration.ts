/** What a registration form holds, and what can be wrong with it before anything is counted or sent. */
import type { Language } from '@gemeng/subgraph-kit';
import { type PasswordProblem, passwordProblem } from './passwords.ts';

export type FieldProblem = 'emailInvalid' | 'nameInvalid' | PasswordProblem | 'passwordsDiffer';

export interface Registration {
  email: string;
  name: string;
  password: string;
  passwordConfirmation: string;
  language: Language;
}

/** An address as registration and address changes accept it. */
export const EMAIL =
  /^[^\s@"<>()[\]\\,;:]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What is wrong with a registration form, or null: checked before anything is counted or sent. */
export function registrationProblems(input: Registration): Partial<Record<keyof Registration, FieldProblem>> | null {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const problems: Partial<Record<keyof Registration, FieldProblem>> = {};
  if (email.length > 254 || !EMAIL.test(email)) problems.email = 'emailInvalid';
  if (name.length < 1 || name.length > 100) problems.name = 'nameInvalid';
  const weak = passwordProblem(input.password, email);
  if (weak) problems.password = weak;
  else if (input.password !== input.passwordConfirmation) problems.passwordConfirmation = 'passwordsDiffer';
  return Object.keys(problems).length ? problems : null;
}
