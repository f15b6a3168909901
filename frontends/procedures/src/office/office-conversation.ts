import { formatDateTime, MutationController, type PayloadError } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import type { OfficeHost } from './office-host.ts';
import { to } from './office-messages.ts';
import { APPLICATION_MESSAGE_SEND, APPLICATION_NOTE_ADD, type OfficePayload } from './office-mutations.ts';
import type { MessageEntry, OfficeApplicationDetail } from './office-operations.ts';

/**
 * The exchange on one application: messages between the citizen and the agents, and the agents' internal notes,
 * oldest first. A note is marked, in words and not by colour alone, as never shown to the citizen; writing one
 * and writing to the citizen are two separate forms, so a note cannot be sent to the citizen by mistake.
 */
export class OfficeConversation {
  readonly note: MutationController;
  readonly message: MutationController;

  constructor(private readonly host: OfficeHost) {
    this.note = new MutationController(host, { key: 'note' });
    this.message = new MutationController(host, { key: 'reply' });
  }

  reset(): void {
    this.note.reset();
    this.message.reset();
  }

  async #send(event: SubmitEvent, application: OfficeApplicationDetail, internal: boolean): Promise<void> {
    event.preventDefault();
    const lang = this.host.language;
    const form = event.currentTarget as HTMLFormElement;
    const body = String(new FormData(form).get('body') ?? '').trim();
    const controller = internal ? this.note : this.message;
    if (!body) return controller.showFieldErrors({ body: to(lang, internal ? 'noteRequired' : 'replyRequired') });
    const variables = { id: application.id, body };
    const answer = await controller.run<unknown>('send', () =>
      internal
        ? this.host.request(APPLICATION_NOTE_ADD, variables)
        : this.host.request(APPLICATION_MESSAGE_SEND, variables),
    );
    if (!answer) return;
    const payload = Object.values(answer as Record<string, OfficePayload>)[0];
    if (payload?.message) {
      if (payload.__typename === 'ValidationError') controller.showFailure(payload as PayloadError, ['body']);
      else controller.fail(payload.message);
      return;
    }
    form.reset();
    await this.host.reloadApplication();
    controller.succeed(to(lang, internal ? 'noteAdded' : 'replySent'));
  }

  #renderEntry(entry: MessageEntry): TemplateResult {
    const lang = this.host.language;
    const who = entry.authorRole === 'citizen' ? to(lang, 'roleCitizen') : to(lang, 'roleAgent');
    return html`<li part=${entry.internal ? 'message internal-note' : 'message'} class=${entry.internal ? 'message internal' : 'message'}>
      <p class="meta">
        <strong>${entry.authorName}</strong> (${who}),
        <time datetime=${entry.at}>${formatDateTime(lang, entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </p>
      ${entry.internal ? html`<p part="tag internal" class="tag internal">${to(lang, 'internalNote')}</p>` : nothing}
      <p class="body">${entry.body}</p>
    </li>`;
  }

  render(application: OfficeApplicationDetail): TemplateResult {
    const host = this.host;
    const lang = host.language;
    const open = application.state !== 'CLOSED';
    return html`<section part="conversation" aria-labelledby="office-messages-heading">
      ${host.heading(1, to(lang, 'messagesHeading'), 'office-messages-heading')}
      ${
        application.messages.length
          ? html`<ol part="messages" class="messages">${application.messages.map((entry) => this.#renderEntry(entry))}</ol>`
          : html`<p class="empty">${to(lang, 'messagesNone')}</p>`
      }
      ${open ? this.#renderForm(application, false) : nothing}
      ${this.#renderForm(application, true)}
    </section>`;
  }

  #renderForm(application: OfficeApplicationDetail, internal: boolean): TemplateResult {
    const lang = this.host.language;
    const controller = internal ? this.note : this.message;
    const id = internal ? 'office-note-heading' : 'office-reply-heading';
    return html`<form part=${internal ? 'form note' : 'form reply'} class=${internal ? 'form internal' : 'form'} novalidate
      aria-labelledby=${id} aria-busy=${controller.ariaBusy()} @submit=${(e: SubmitEvent) => void this.#send(e, application, internal)}>
      ${this.host.heading(2, to(lang, internal ? 'noteHeading' : 'replyHeading'), id)}
      ${controller.field({
        name: 'body',
        label: to(lang, internal ? 'noteLabel' : 'replyLabel'),
        hint: to(lang, internal ? 'noteHint' : 'replyHint'),
        control: 'textarea',
        rows: 3,
        required: true,
        maxlength: 4000,
      })}
      <div class="actions">
        <button part="button" type="submit" aria-disabled=${controller.disabled()}>${to(lang, internal ? 'noteAdd' : 'replySend')}</button>
      </div>
      ${controller.renderFeedback()}
    </form>`;
  }
}
