import type { Language, MessageValues } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { type PrivacyKey, privacyMessages, STATEMENT_DATE } from './statement-messages.ts';
import { type Operator, telHref } from './statement-operator.ts';

/** The processings the notice describes, each with what, why, on which basis and for how long. */
export const PROCESSINGS = ['account', 'factors', 'procedures', 'bookings', 'bills', 'securityLog'] as const;
const FIELDS = ['Data', 'Purpose', 'Basis', 'Retention'] as const;

/** The operator's name, address and contact as an `<address>` block (shared with the accessibility statement). */
export function operatorAddress(operator: Operator | undefined): TemplateResult | typeof nothing {
  if (!operator) return nothing;
  return html`<address>
    <strong>${operator.name}</strong><br />
    ${operator.address ? html`${operator.address}<br />` : nothing}
    <a href="mailto:${operator.email}">${operator.email}</a>
    ${operator.phone ? html`<br /><a href=${telHref(operator.phone)}>${operator.phone}</a>` : nothing}
  </address>`;
}

/** The GDPR Art. 13/14 notice: controller, DPO, each processing, recipients, device storage, rights, complaint. */
export function renderPrivacy(language: Language, operator: Operator | undefined): TemplateResult {
  const t = (key: PrivacyKey, values?: MessageValues) => privacyMessages.t(language, key, values);
  const name = operator?.name ?? t('operatorUnknown');
  const link = (href: string, key: PrivacyKey) => html` <a href=${href}>${t(key)}</a>`;
  return html`
    <h1 tabindex="-1">${t('title')}</h1>
    <p class="lead">${t('intro')}</p>

    <h2>${t('controllerHeading')}</h2>
    <p>${t('controllerText', { operator: name })}</p>
    ${operatorAddress(operator)}
    <p>${t('controllerCommunes')}</p>

    <h2>${t('dpoHeading')}</h2>
    <p>
      ${t('dpoText')}
      ${operator ? html`<a href="mailto:${operator.dpoEmail}">${operator.dpoEmail}</a>` : nothing}
    </p>

    <h2>${t('processingHeading')}</h2>
    <p>${t('processingIntro')}</p>
    ${PROCESSINGS.map(
      (processing) => html`
        <h3>${t(`${processing}Heading` as PrivacyKey)}</h3>
        <dl>
          ${FIELDS.map(
            (field) => html`<dt>${t(`label${field}` as PrivacyKey)}</dt>
              <dd>${t(`${processing}${field}` as PrivacyKey)}</dd>`,
          )}
        </dl>
      `,
    )}

    <h2>${t('recipientsHeading')}</h2>
    <p>${t('recipientsText')}</p>
    <p>${t('processorsText')}</p>
    <p>${t('noTracking')}</p>

    <h2>${t('deviceHeading')}</h2>
    <ul>
      <li>${t('deviceSession')}</li>
      <li>${t('deviceLanguage')}</li>
      <li>${t('deviceSignIn')}</li>
    </ul>

    <h2>${t('rightsHeading')}</h2>
    <p>${t('rightsIntro')}</p>
    <ul>
      <li>${t('rightAccess')}${link('/account/data', 'linkData')}</li>
      <li>${t('rightRectification')}${link('/account', 'linkProfile')}</li>
      <li>${t('rightErasure')}${link('/account/data', 'linkData')}</li>
      <li>${t('rightOther')}</li>
    </ul>

    <h2>${t('complaintHeading')}</h2>
    <p>${t('complaintText')}</p>
    <address>
      Commission nationale pour la protection des données (CNPD)<br />
      15, boulevard du Jazz, L-4370 Belvaux<br />
      <a href="https://cnpd.public.lu" hreflang="fr">cnpd.public.lu</a>
    </address>

    <p class="updated">${t('updated', { date: STATEMENT_DATE })}</p>
  `;
}
