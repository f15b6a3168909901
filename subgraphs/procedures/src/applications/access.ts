/**
 * Who may see an application: its applicant, and the people holding a role in its commune once it is submitted
 * (a draft is the citizen's alone). Operators are not agents of every commune here: they run the platform and see
 * nothing personal of any commune's applicants. Everyone else is told it does not exist (never "forbidden",
 * which would leak that it does).
 */
import { type Caller, isPerson, type Language } from '@gemeng/subgraph-kit';
import { applicationText } from './messages.ts';

export type Viewer = 'applicant' | 'agent';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for an id that can name an application (anything else is simply not found, without a database error). */
export function isApplicationId(id: string): boolean {
  return UUID.test(id);
}

/** How the caller sees the application, or null when they may not know it exists. */
export function viewerOf(
  caller: Caller | null,
  application: { applicantId: string; communeId: string; state: string },
): Viewer | null {
  if (!isPerson(caller)) return null;
  if (caller.sub === application.applicantId) return 'applicant';
  if (application.state !== 'DRAFT' && caller.roles.some((role) => role.communeId === application.communeId)) {
    return 'agent';
  }
  return null;
}

/** The applicant as the application records them: from the token, in the language of their mails. */
export function applicantOf(caller: Caller, fallbackLang: Language) {
  const locale = caller.locale;
  const language: Language =
    locale === 'lb' || locale === 'fr' || locale === 'de' || locale === 'en' ? locale : fallbackLang;
  return {
    applicantName: caller.name?.trim() || caller.email || applicationText('applicant', fallbackLang),
    applicantEmail: caller.email ?? null,
    applicantLanguage: language,
  };
}
