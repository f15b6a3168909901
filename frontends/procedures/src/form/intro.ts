import { formatEuroCents, type Language } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import type { Procedure } from './form-data.ts';
import { tx } from './form-messages.ts';
import { heading } from './render-context.ts';

/** A `Date` scalar (`yyyy-mm-dd`) as an instant at noon UTC: the same calendar day in Luxembourg. */
export function dayOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return new Date(`${value}T12:00:00Z`);
}

/**
 * GOV.UK's start page: the summary, what you need, what happens next, the commune's own note, and the facts
 * (fee, processing time, expected decision, how one signs in). Texts come from the catalogue, in the reader's
 * language; paragraphs are split on blank lines.
 */
export function renderIntro(lang: Language, procedure: Procedure, level: number): TemplateResult {
  const expected = dayOf(procedure.expectedDecisionOn);
  return html`<div part="intro" class="intro">
    <p class="lead">${procedure.summary}</p>
    <ul part="facts" class="facts" aria-label=${tx(lang, 'factsLabel')}>
      <li>${procedure.feeCents > 0 ? tx(lang, 'fee', { amount: formatEuroCents(lang, procedure.feeCents) }) : tx(lang, 'free')}</li>
      <li>${tx(lang, 'processing', { days: procedure.processingDays })}</li>
      ${expected ? html`<li>${tx(lang, 'expected', { date: expected })}</li>` : nothing}
      <li>${tx(lang, procedure.assurance === 'SUBSTANTIAL' ? 'assuranceSubstantial' : 'assuranceLow')}</li>
    </ul>
    ${heading(level + 1, tx(lang, 'needsHeading'))} ${paragraphs(procedure.needs)}
    ${heading(level + 1, tx(lang, 'nextHeading'))} ${paragraphs(procedure.next)}
    ${procedure.note ? html`<div part="note" class="note">${paragraphs(procedure.note)}</div>` : nothing}
  </div>`;
}

function paragraphs(text: string): TemplateResult {
  return html`${text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => html`<p>${part}</p>`)}`;
}
