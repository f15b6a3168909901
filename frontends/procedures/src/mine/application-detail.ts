import { formatDateTime, formatNumber, type Language } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '../heading.ts';
import { renderAnswers } from './answers.ts';
import { type ApplicationDetail, type ApplicationState, STATE_TAG } from './mine-data.ts';
import { type MineMessageKey, tm } from './mine-messages.ts';

/** A calendar day (`Date` scalar, yyyy-mm-dd) in long form: no time zone may move it. */
export function formatDay(lang: Language, day: string): string {
  return formatDateTime(lang, `${day}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
}

/** An instant, as date and time in Luxembourg. */
export function formatWhen(lang: Language, at: string): string {
  return formatDateTime(lang, at, { dateStyle: 'long', timeStyle: 'short' });
}

/** A state as a GOV.UK tag: a drafts' tag says "not submitted", in words, not by colour alone. */
export function stateTag(lang: Language, state: ApplicationState): TemplateResult {
  return html`<strong class=${STATE_TAG[state] ?? 'tag'} part="state">${tm(lang, `state_${state}` as MineMessageKey)}</strong>`;
}

function roleName(lang: Language, role: string): string {
  return tm(lang, role === 'citizen' ? 'roleCitizen' : role === 'agent' ? 'roleAgent' : 'roleSystem');
}

function fileSize(lang: Language, bytes: number): string {
  return bytes >= 1_000_000
    ? formatNumber(lang, bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
    : formatNumber(lang, Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' });
}

/** What the detail page needs from its element: the heading level, and the actions its buttons start. */
export interface DetailContext {
  readonly lang: Language;
  readonly level: number;
  readonly formHref: string;
  readonly download: (path: string, fileName: string) => void;
  readonly downloadProblem: string | undefined;
  readonly messageForm: TemplateResult | typeof nothing;
}

/** The facts at the top of an application: GOV.UK's summary list. */
export function renderFacts(lang: Language, application: ApplicationDetail): TemplateResult {
  const fact = (key: MineMessageKey, value: TemplateResult | string) =>
    html`<div class="summary-row"><dt>${tm(lang, key)}</dt><dd>${value}</dd></div>`;
  return html`<dl class="summary-list" part="facts">
    ${fact('state', stateTag(lang, application.state))}
    ${fact('reference', application.reference ?? tm(lang, 'noReference'))}
    ${fact('commune', application.commune.name)}
    ${application.submittedAt ? fact('submittedAt', formatWhen(lang, application.submittedAt)) : nothing}
    ${
      application.expectedDecisionOn && !application.decidedAt
        ? fact(
            'expected',
            html`${formatDay(lang, application.expectedDecisionOn)}${
              application.overdue ? html` <strong class="tag orange">${tm(lang, 'overdue')}</strong>` : nothing
            }`,
          )
        : nothing
    }
    ${application.decidedAt ? fact('decidedAt', formatWhen(lang, application.decidedAt)) : nothing}
    ${fact('updatedAt', formatWhen(lang, application.updatedAt))}
  </dl>`;
}

/** The call to action of a draft or of an information request: both lead to the form. */
export function renderCallToAction(
  context: DetailContext,
  application: ApplicationDetail,
): TemplateResult | typeof nothing {
  const { lang, level } = context;
  if (application.state === 'DRAFT') {
    return html`<div class="notice warning" part="draft-notice">
      <p><strong>${tm(lang, 'draftWarning', {
        date: application.draftExpiresAt ? formatDay(lang, application.draftExpiresAt.slice(0, 10)) : '—',
      })}</strong></p>
      <p><a class="button" href=${context.formHref}>${tm(lang, 'continueDraft')}</a></p>
    </div>`;
  }
  if (application.state === 'NEEDS_INFO') {
    const request = [...application.history].reverse().find((entry) => entry.toState === 'NEEDS_INFO');
    return html`<div class="notice warning" part="needs-info" role="region" aria-labelledby="needs-info-heading">
      ${heading(level, 1, tm(lang, 'needsInfoHeading'), { id: 'needs-info-heading', className: 'section-heading' })}
      ${request?.reason ? html`<blockquote>${request.reason}</blockquote>` : nothing}
      <p>${tm(lang, 'needsInfoText')}</p>
      <p><a class="button" href=${context.formHref}>${tm(lang, 'needsInfoAnswer')}</a></p>
    </div>`;
  }
  return nothing;
}

/** The history, oldest first: who changed what, when and why (append-only on the server). */
export function renderHistory(context: DetailContext, application: ApplicationDetail): TemplateResult {
  const { lang, level } = context;
  const state = (s: string | null | undefined) => (s ? tm(lang, `state_${s}` as MineMessageKey) : '');
  return html`<section aria-labelledby="history-heading">
    ${heading(level, 1, tm(lang, 'history'), { id: 'history-heading', className: 'section-heading' })}
    <ol part="history" class="timeline">
      ${application.history.map(
        (entry) => html`<li>
          <p class="when"><time datetime=${entry.at}>${formatWhen(lang, entry.at)}</time></p>
          <p><strong>${entry.fromState ? tm(lang, 'historyChange', { from: state(entry.fromState), to: state(entry.toState) }) : tm(lang, 'historyStarted')}</strong>
            — ${tm(lang, 'by', { name: entry.actorName, role: roleName(lang, entry.actorRole) })}</p>
          ${entry.reason ? html`<p><span class="muted">${tm(lang, 'reason')}:</span> ${entry.reason}</p>` : nothing}
        </li>`,
      )}
    </ol>
  </section>`;
}

/** The exchange with the commune's agents (their internal notes never reach the citizen), and the form to write. */
export function renderMessages(context: DetailContext, application: ApplicationDetail): TemplateResult {
  const { lang, level } = context;
  return html`<section aria-labelledby="messages-heading">
    ${heading(level, 1, tm(lang, 'messages'), { id: 'messages-heading', className: 'section-heading' })}
    ${
      application.messages.length
        ? html`<ol part="messages" class="messages">
            ${application.messages.map(
              (message) => html`<li class=${message.authorRole === 'citizen' ? 'mine' : 'theirs'}>
                <p class="when">${tm(lang, 'by', { name: message.authorName, role: roleName(lang, message.authorRole) })},
                  <time datetime=${message.at}>${formatWhen(lang, message.at)}</time></p>
                <p class="body">${message.body}</p>
              </li>`,
            )}
          </ol>`
        : html`<p>${tm(lang, 'noMessages')}</p>`
    }
    ${context.messageForm}
  </section>`;
}

/** The application's files: the receipt once submitted, and the attachments, each downloaded with the token. */
export function renderDocuments(context: DetailContext, application: ApplicationDetail): TemplateResult {
  const { lang, level } = context;
  const receiptName = `${application.reference ?? application.id}.pdf`;
  const button = (path: string, fileName: string, label: string, detail?: string) =>
    html`<li><button type="button" class="link" @click=${() => context.download(path, fileName)}>${label}</button>
      ${detail ? html`<span class="muted">(${detail})</span>` : nothing}</li>`;
  const files = [
    ...(application.receiptUrl ? [button(application.receiptUrl, receiptName, tm(lang, 'receipt'))] : []),
    ...application.attachments.map((a) =>
      button(a.url, a.fileName, tm(lang, 'download', { name: a.fileName }), fileSize(lang, a.size)),
    ),
  ];
  return html`<section aria-labelledby="documents-heading">
    ${heading(level, 1, tm(lang, 'documents'), { id: 'documents-heading', className: 'section-heading' })}
    ${files.length ? html`<ul part="documents" class="documents">${files}</ul>` : html`<p>${tm(lang, 'noDocuments')}</p>`}
    ${context.downloadProblem ? html`<p part="alert" role="alert">${context.downloadProblem}</p>` : nothing}
  </section>`;
}

/** The whole detail below the page's heading. */
export function renderDetail(context: DetailContext, application: ApplicationDetail): TemplateResult {
  const { lang, level } = context;
  return html`${renderFacts(lang, application)} ${renderCallToAction(context, application)}
    <section aria-labelledby="answers-heading">
      ${heading(level, 1, tm(lang, 'answers'), { id: 'answers-heading', className: 'section-heading' })}
      ${renderAnswers(lang, application.form, application.answers, application.attachments)}
    </section>
    ${renderDocuments(context, application)} ${renderMessages(context, application)} ${renderHistory(context, application)}`;
}
