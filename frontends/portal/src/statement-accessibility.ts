import type { Language, MessageValues } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { type AccessibilityKey, accessibilityMessages, STATEMENT_DATE } from './statement-messages.ts';
import type { Operator } from './statement-operator.ts';
import { operatorAddress } from './statement-privacy.ts';

/** The non-accessible content known today, one message each. */
export const KNOWN_ISSUES = ['issueSignIn', 'issueLanguage', 'issueCommuneTexts', 'issueReceiptPdf'] as const;

/**
 * The accessibility statement after the model of Commission Implementing Decision (EU) 2018/1523: compliance
 * status, non-accessible content, preparation, feedback and contact, enforcement procedure (in Luxembourg).
 */
export function renderAccessibility(language: Language, operator: Operator | undefined, site: string): TemplateResult {
  const t = (key: AccessibilityKey, values?: MessageValues) => accessibilityMessages.t(language, key, values);
  const name = operator?.name ?? t('operatorUnknown');
  return html`
    <h1 tabindex="-1">${t('title')}</h1>
    <p class="lead">${t('intro', { operator: name, site })}</p>

    <h2>${t('statusHeading')}</h2>
    <p>${t('statusText')}</p>

    <h2>${t('contentHeading')}</h2>
    <p>${t('contentIntro')}</p>
    <ul>
      ${KNOWN_ISSUES.map((issue) => html`<li>${t(issue)}</li>`)}
    </ul>
    <p>${t('burdenText')}</p>

    <h2>${t('preparationHeading')}</h2>
    <p>${t('preparationText', { date: STATEMENT_DATE })}</p>
    <p>${t('preparationMethod')}</p>
    <p>${t('preparationLimits')}</p>

    <h2>${t('feedbackHeading')}</h2>
    <p>${t('feedbackText')}</p>
    ${operatorAddress(operator)}
    <p>${t('feedbackAnswer')}</p>
    <p>${t('feedbackCounter')}</p>

    <h2>${t('enforcementHeading')}</h2>
    <p>${t('enforcementText')}</p>
    <ul>
      <li>
        ${t('enforcementSip')}
        <a href="https://accessibilite.public.lu" hreflang="fr">accessibilite.public.lu</a>
      </li>
      <li>
        ${t('enforcementOmbudsman')}
        <address>
          Ombudsman – Médiateur du Grand-Duché de Luxembourg<br />
          36, rue du Marché-aux-Herbes, L-1728 Luxembourg<br />
          <a href="tel:+35226270101">+352 26 27 01 01</a>,
          <a href="mailto:info@ombudsman.lu">info@ombudsman.lu</a>,
          <a href="https://www.ombudsman.lu">ombudsman.lu</a>
        </address>
      </li>
    </ul>

    <p class="updated">${t('reviewed', { date: STATEMENT_DATE })}</p>
  `;
}
