import { html, type TemplateResult } from 'lit';
import {
  ACCOUNT_ERASE,
  isFailure,
  PERSONAL_DATA_EXPORT,
  type PersonalDataDocument,
  type PersonalDataExportResult,
} from './account-data.ts';
import { ta } from './account-messages.ts';
import { type AccountHost, AccountSection } from './account-section.ts';

/** `gemeng-data-YYYY-MM-DD.json`, with the date in Luxembourg (where the platform and its people are). */
export function exportFileName(at: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Luxembourg',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
  return `gemeng-data-${day}.json`;
}

/** One document from the graph's answer; undefined when the person is gone (signed out, account erased). */
export function personalDataDocument(
  answer: PersonalDataExportResult,
  exportedAt: Date,
): PersonalDataDocument | undefined {
  if (answer.personalDataExport == null || !answer.me) return undefined;
  return {
    exportedAt: exportedAt.toISOString(),
    identity: answer.personalDataExport,
    procedures: answer.me.personalDataProcedures,
    culture: answer.me.personalDataCulture,
    billing: answer.me.personalDataBilling,
  };
}

/** Offers `text` as a file download (a Blob behind a temporary `<a download>`), without leaving the page. */
function offerDownload(root: HTMLElement | DocumentFragment, fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has read the Blob once the download started; a minute is ample before freeing it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** "Download my data": every subgraph's section about the person, in one JSON file. */
export class DataExportPart extends AccountSection {
  override readonly key = 'export';

  async #download(): Promise<void> {
    if (this.busy) return;
    const lang = this.lang;
    const answer = await this.run('download', () => this.host.request(PERSONAL_DATA_EXPORT), {
      working: ta(lang, 'exportPreparing'),
      failed: ta(lang, 'exportFailed'),
    });
    if (!answer) return;
    const exportedAt = new Date();
    const file = personalDataDocument(answer, exportedAt);
    if (!file) return this.fail(ta(lang, 'exportFailed'));
    const fileName = exportFileName(exportedAt);
    offerDownload(this.host.renderRoot, fileName, `${JSON.stringify(file, null, 2)}\n`);
    this.succeed(ta(lang, 'exportDone', { file: fileName }));
  }

  render(): TemplateResult {
    const lang = this.lang;
    return html`<section part="data-export" aria-busy=${this.ariaBusy()}>
      ${this.host.heading(1, ta(lang, 'exportHeading'), 'export-heading')}
      <p>${ta(lang, 'exportIntro')}</p>
      <div class="actions">
        <button part="button" type="button" aria-disabled=${this.disabled()} @click=${() => void this.#download()}>
          ${ta(lang, 'exportButton')}
        </button>
      </div>
      ${this.renderFeedback()}
    </section>`;
  }
}

/** "Delete my account": what happens, then the current password and an explicit confirmation (`accountErase`). */
export class AccountErasePart extends AccountSection {
  override readonly key = 'erase';

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const password = String(data.get('password') ?? '');
    const errors: Record<string, string> = {};
    if (!password) errors.password = ta(this.lang, 'passwordRequired');
    if (data.get('confirm') !== 'yes') errors.confirm = ta(this.lang, 'eraseConfirmRequired');
    if (Object.keys(errors).length) return this.showFieldErrors(errors);

    const answer = await this.run('erase', () => this.host.request(ACCOUNT_ERASE, { password }), {
      working: ta(this.lang, 'eraseWorking'),
    });
    if (!answer) return;
    const result = answer.accountErase;
    if (isFailure(result)) return this.showFailure(result, ['password']);
    form.reset();
    await this.host.accountErased();
  }

  render(): TemplateResult {
    const lang = this.lang;
    return html`<section part="account-erase">
      ${this.host.heading(1, ta(lang, 'eraseHeading'), 'erase-heading')}
      <ul>
        <li>${ta(lang, 'eraseNow')}</li>
        <li>${ta(lang, 'eraseServices')}</li>
        <li>${ta(lang, 'eraseLog')}</li>
      </ul>
      <p class="warning">${ta(lang, 'eraseWarning')}</p>
      <form part="form" class="form" novalidate aria-busy=${this.ariaBusy()} @submit=${(e: SubmitEvent) => void this.#submit(e)}>
        ${this.errorSummary()}
        ${this.currentPasswordField()}
        ${this.checkbox({ name: 'confirm', label: ta(lang, 'eraseConfirm'), required: true })}
        <div class="actions">
          <button part="button danger" class="danger" type="submit" aria-disabled=${this.disabled()}>
            ${ta(lang, 'eraseButton')}
          </button>
        </div>
        ${this.renderFeedback()}
      </form>
    </section>`;
  }
}

/** The "Your data" section: a copy of everything held about the person, and the deletion of the account. */
export class DataSection {
  readonly export: DataExportPart;
  readonly erase: AccountErasePart;

  constructor(host: AccountHost) {
    this.export = new DataExportPart(host);
    this.erase = new AccountErasePart(host);
  }

  get parts(): readonly AccountSection[] {
    return [this.export, this.erase];
  }

  render(): TemplateResult {
    return html`<section part="data-section">
      ${this.export.render()} ${this.erase.render()}
    </section>`;
  }
}
