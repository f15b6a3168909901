import { formatDateTime, formatNumber, type Language, renderDataTable } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { OfficeActions } from './office-actions.ts';
import { formatDate, renderAnswers } from './office-answers.ts';
import { OfficeConversation } from './office-conversation.ts';
import type { OfficeHost } from './office-host.ts';
import { stateTag } from './office-inbox.ts';
import { STATE_LABELS, to } from './office-messages.ts';
import type { AttachmentEntry, HistoryEntry, OfficeApplicationDetail } from './office-operations.ts';

/** A file size as people read it (`120 KB`, `2.4 MB`). */
export function formatSize(lang: Language, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.round(bytes / 1024))} KB`;
  return `${formatNumber(lang, bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

/**
 * One application in the back office: its key facts as a summary list, what the agent can do now, the answers
 * under the form's questions, the documents (downloaded with the agent's token), the history and the exchange.
 */
export class OfficeDetail {
  readonly actions: OfficeActions;
  readonly conversation: OfficeConversation;
  /** The outcome of the last download (a failure, or "Downloading…"). */
  #download: { readonly text: string; readonly alert: boolean } | undefined;

  constructor(private readonly host: OfficeHost) {
    this.actions = new OfficeActions(host);
    this.conversation = new OfficeConversation(host);
  }

  reset(): void {
    this.actions.reset();
    this.conversation.reset();
    this.#download = undefined;
  }

  async #save(path: string, fileName: string): Promise<void> {
    const lang = this.host.language;
    this.#download = { text: to(lang, 'downloading', { name: fileName }), alert: false };
    this.host.requestUpdate();
    const problem = await this.host.download(path, fileName);
    this.#download = problem
      ? { text: problem, alert: true }
      : { text: to(lang, 'downloaded', { name: fileName }), alert: false };
    this.host.requestUpdate();
  }

  #facts(application: OfficeApplicationDetail): TemplateResult {
    const lang = this.host.language;
    const me = this.host.me;
    const row = (term: string, value: unknown) => html`<div class="row"><dt>${term}</dt><dd>${value}</dd></div>`;
    const when = (at: string | null) =>
      at ? formatDateTime(lang, at, { dateStyle: 'medium', timeStyle: 'short' }) : '–';
    const due = html`${formatDate(lang, application.expectedDecisionOn) || '–'}${
      application.overdue
        ? html` <strong part="tag overdue" class="tag overdue">${to(lang, 'overdue')}</strong>`
        : nothing
    }`;
    const assignee = application.assignee
      ? application.assignee.id === me
        ? to(lang, 'assigneeYou', { name: application.assignee.name })
        : application.assignee.name
      : to(lang, 'unassigned');
    return html`<dl part="facts" class="summary">
      ${row(to(lang, 'colState'), stateTag(this.host, application.state))}
      ${row(to(lang, 'colProcedure'), application.procedure.title)}
      ${row(to(lang, 'colApplicant'), application.applicantName)}
      ${row(to(lang, 'colSubmitted'), when(application.submittedAt))}
      ${row(to(lang, 'colDue'), due)}
      ${application.decidedAt ? row(to(lang, 'decidedAt'), when(application.decidedAt)) : nothing}
      ${row(to(lang, 'colAssignee'), assignee)}
    </dl>`;
  }

  #documents(application: OfficeApplicationDetail): TemplateResult {
    const host = this.host;
    const lang = host.language;
    const kind = (entry: AttachmentEntry) =>
      application.procedure.attachments.find((a) => a.key === entry.kind)?.label ?? entry.kind;
    const type = (entry: AttachmentEntry) => entry.mediaType.split('/')[1]?.toUpperCase() ?? entry.mediaType;
    const feedback = this.#download;
    return html`<section part="documents" aria-labelledby="office-documents-heading">
      ${host.heading(1, to(lang, 'documentsHeading'), 'office-documents-heading')}
      ${renderDataTable({
        part: 'attachments-table',
        labelledBy: 'office-documents-heading',
        columns: [
          { header: to(lang, 'colFile'), rowHeader: true, cell: (entry: AttachmentEntry) => entry.fileName },
          { header: to(lang, 'colKind'), cell: kind },
          {
            header: to(lang, 'colSize'),
            cell: (entry: AttachmentEntry) => `${type(entry)}, ${formatSize(lang, entry.size)}`,
          },
          {
            header: to(lang, 'colDownload'),
            cell: (entry: AttachmentEntry) =>
              html`<button part="button secondary" class="secondary" type="button" aria-label=${to(lang, 'downloadNamed', { name: entry.fileName })}
                @click=${() => void this.#save(entry.url ?? `/files/attachments/${entry.id}`, entry.fileName)}>${to(lang, 'download')}</button>`,
          },
        ],
        rows: application.attachments,
        empty: to(lang, 'documentsNone'),
      })}
      ${
        application.receiptUrl
          ? html`<p><button part="button secondary" class="secondary" type="button"
              @click=${() => void this.#save(application.receiptUrl ?? '', `${application.reference ?? 'receipt'}.pdf`)}>${to(lang, 'downloadReceipt')}</button></p>`
          : nothing
      }
      <p part="status" role="status" class="status">${feedback && !feedback.alert ? feedback.text : ''}</p>
      ${feedback?.alert ? html`<p part="alert" role="alert">${feedback.text}</p>` : nothing}
    </section>`;
  }

  #history(application: OfficeApplicationDetail): TemplateResult {
    const lang = this.host.language;
    const role = (entry: HistoryEntry) =>
      entry.actorRole === 'citizen'
        ? to(lang, 'roleCitizen')
        : entry.actorRole === 'system'
          ? to(lang, 'roleSystem')
          : to(lang, 'roleAgent');
    const state = (value: HistoryEntry['fromState']) => (value ? to(lang, STATE_LABELS[value]) : '–');
    return html`<section part="history" aria-labelledby="office-history-heading">
      ${this.host.heading(1, to(lang, 'historyHeading'), 'office-history-heading')}
      ${renderDataTable({
        part: 'history-table',
        labelledBy: 'office-history-heading',
        columns: [
          {
            header: to(lang, 'colWhen'),
            rowHeader: true,
            cell: (entry: HistoryEntry) => formatDateTime(lang, entry.at, { dateStyle: 'medium', timeStyle: 'short' }),
          },
          { header: to(lang, 'colWho'), cell: (entry: HistoryEntry) => `${entry.actorName} (${role(entry)})` },
          {
            header: to(lang, 'colChange'),
            cell: (entry: HistoryEntry) =>
              to(lang, 'stateChange', { from: state(entry.fromState), to: state(entry.toState) }),
          },
          { header: to(lang, 'colReason'), cell: (entry: HistoryEntry) => entry.reason ?? '' },
        ],
        rows: application.history,
        empty: to(lang, 'historyNone'),
      })}
    </section>`;
  }

  render(application: OfficeApplicationDetail): TemplateResult {
    const host = this.host;
    const lang = host.language;
    return html`<p><a part="link back" href=${host.inboxHref()} @click=${(e: Event) => host.follow(e, undefined)}>${to(lang, 'backToInbox')}</a></p>
      ${this.#facts(application)}
      ${this.actions.render(application)}
      <section part="answers-section" aria-labelledby="office-answers-heading">
        ${host.heading(1, to(lang, 'answersHeading'), 'office-answers-heading')}
        ${renderAnswers(application.form, application.answers, lang, application.attachments, 'office-answers-heading')}
      </section>
      ${this.#documents(application)}
      ${this.#history(application)}
      ${this.conversation.render(application)}`;
  }
}
