/** The account pages' forms: registration, the verification mail again, and the two steps of a password reset. */
import { escapeHtml, type Language } from '@gemeng/subgraph-kit';
import type { FieldProblem } from '../accounts/accounts.ts';
import { type Field, form, languageSelect, portalLink } from './pages.ts';
import type { PageTextKey, Texts } from './texts.ts';

export interface RegistrationInput {
  email?: string;
  name?: string;
  password?: string;
  passwordConfirmation?: string;
}

/** What an empty field says (GOV.UK: "Enter your email address"), rather than why a value is invalid. */
const MISSING: Record<string, PageTextKey> = {
  name: 'nameMissing',
  email: 'emailMissing',
  password: 'passwordMissing',
  passwordConfirmation: 'passwordConfirmationMissing',
};

/** Each field's own message: empty ones asked for, the others' problems (accounts.ts) explained. */
export function fieldErrors(
  t: Texts,
  input: Record<string, string | undefined>,
  problems: Partial<Record<string, FieldProblem>> = {},
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.keys(MISSING).map((name) => {
      const missing = (input[name] ?? '').trim() === '' && name in input;
      const problem = problems[name];
      return [name, missing ? t(MISSING[name] as PageTextKey) : problem ? t(problem) : undefined];
    }),
  );
}

export function registerForm(
  t: Texts,
  lang: Language,
  input: RegistrationInput,
  errors: Record<string, string | undefined>,
): string {
  const fields: Field[] = [
    { name: 'name', label: t('name'), type: 'text', autocomplete: 'name', value: input.name ?? '' },
    { name: 'email', label: t('email'), type: 'email', autocomplete: 'email', value: input.email ?? '' },
    {
      name: 'password',
      label: t('password'),
      type: 'password',
      autocomplete: 'new-password',
      hint: t('passwordHint'),
    },
    { name: 'passwordConfirmation', label: t('passwordConfirmation'), type: 'password', autocomplete: 'new-password' },
  ];
  const privacy = portalLink('/privacy', lang);
  return form(
    t,
    `/account/register?lang=${lang}`,
    fields.map((f) => ({ ...f, error: errors[f.name] })),
    t('create'),
    {
      extra:
        languageSelect(t, lang) +
        (privacy ? `<p><a href="${escapeHtml(privacy)}">${escapeHtml(t('privacyLink'))}</a></p>` : ''),
    },
  );
}

/** Asks for the address again (registration's "check your inbox", a lapsed link, a sign-in before confirming). */
export function resendForm(t: Texts, lang: Language, email: string, error?: string): string {
  return form(
    t,
    `/account/verify/resend?lang=${lang}`,
    [{ name: 'email', label: t('email'), type: 'email', autocomplete: 'email', value: email, error }],
    t('resendButton'),
  );
}

export function resetRequestForm(t: Texts, lang: Language, error?: string): string {
  return form(
    t,
    `/account/reset?lang=${lang}`,
    [{ name: 'email', label: t('email'), type: 'email', autocomplete: 'email', error }],
    t('send'),
  );
}

export function resetConfirmForm(
  t: Texts,
  lang: Language,
  token: string,
  errors: { password?: string; passwordConfirmation?: string; form?: string } = {},
): string {
  return form(
    t,
    `/account/reset/confirm?lang=${lang}`,
    [
      {
        name: 'password',
        label: t('newPassword'),
        type: 'password',
        autocomplete: 'new-password',
        hint: t('passwordHint'),
        error: errors.password,
      },
      {
        name: 'passwordConfirmation',
        label: t('passwordConfirmation'),
        type: 'password',
        autocomplete: 'new-password',
        error: errors.passwordConfirmation,
      },
    ],
    t('save'),
    {
      errors: errors.form ? [errors.form] : [],
      extra: `<input type="hidden" name="token" value="${token.replace(/[^\w-]/g, '')}">`,
    },
  );
}
