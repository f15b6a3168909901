import type { Language } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { tx } from './form-messages.ts';
import { dayOf } from './intro.ts';
import { heading } from './render-context.ts';

/** What the receipt shows: the submitted application's reference and expected decision, and where to follow it. */
export interface Receipt {
  readonly id: string;
  readonly reference: string;
  readonly expectedDecisionOn: unknown;
  readonly receiptUrl: string | null | undefined;
}

/**
 * GOV.UK's confirmation panel: the heading takes the focus, the reference number stands out, then the expected
 * decision, the receipt mail, the PDF and the link to the application among the citizen's applications.
 */
export function renderReceipt(
  lang: Language,
  receipt: Receipt,
  options: { level: number; applicationHref: string; download: () => void; downloadProblem: boolean },
): TemplateResult {
  const expected = dayOf(receipt.expectedDecisionOn);
  return html`<div part="receipt" class="receipt">
    <div part="panel" class="panel">
      ${heading(options.level, tx(lang, 'receiptHeading'), { part: 'heading', id: 'receipt-heading', focusable: true })}
      <p>${tx(lang, 'receiptReference')}<br /><strong part="reference" class="reference">${receipt.reference}</strong></p>
    </div>
    ${expected ? html`<p>${tx(lang, 'receiptExpected', { date: expected })}</p>` : nothing}
    <p>${tx(lang, 'receiptMail')}</p>
    ${
      receipt.receiptUrl
        ? html`<p><button part="button secondary" class="secondary" type="button" @click=${options.download}>
            ${tx(lang, 'downloadReceipt')}</button></p>`
        : nothing
    }
    ${options.downloadProblem ? html`<p part="alert" role="alert">${tx(lang, 'downloadFailed')}</p>` : nothing}
    <p><a part="link" href=${options.applicationHref}>${tx(lang, 'receiptLink')}</a></p>
  </div>`;
}
