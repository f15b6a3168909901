import { html, type TemplateResult } from 'lit';
import type { IssuedSecret } from './account-apps.ts';
import {
  API_CLIENT_CREATE,
  API_CLIENT_NAME_MAX,
  API_CLIENT_NAME_MIN,
  isFailure,
  MAX_ACTIVE_API_CLIENTS,
} from './account-data.ts';
import { ta } from './account-messages.ts';
import { type AccountHost, AccountSection } from './account-section.ts';

/** "Register an application": a name (3 to 100 characters) → `apiClientCreate`; the secret goes to the box. */
export class ApiClientRegisterPart extends AccountSection {
  override readonly key = 'app-register';

  constructor(
    host: AccountHost,
    private readonly issued: (secret: IssuedSecret) => void,
  ) {
    super(host);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    // Counted as identity counts (UTF-16 code units of the trimmed name).
    if (name.length < API_CLIENT_NAME_MIN || name.length > API_CLIENT_NAME_MAX) {
      return this.showFieldErrors({ name: ta(this.lang, 'appNameLength') });
    }
    const answer = await this.run('create', () => this.host.request(API_CLIENT_CREATE, { name }));
    if (!answer) return;
    const result = answer.apiClientCreate;
    // The limit of active applications is a ValidationError on `name` too: it sits at the field.
    if (isFailure(result)) return this.showFailure(result, ['name']);
    form.reset();
    this.succeed(ta(this.lang, 'appRegistered', { name: result.apiClient.name }));
    this.issued({ clientId: result.apiClient.clientId, name: result.apiClient.name, secret: result.clientSecret });
    await this.host.reload();
  }

  render(): TemplateResult {
    const lang = this.lang;
    return html`<section part="app-register">
      ${this.host.heading(1, ta(lang, 'appRegisterHeading'), 'app-register-heading')}
      <form part="form" class="form" novalidate aria-busy=${this.ariaBusy()} @submit=${(e: SubmitEvent) => void this.#submit(e)}>
        ${this.field({
          name: 'name',
          label: ta(lang, 'appNameLabel'),
          hint: ta(lang, 'appNameHint', { max: MAX_ACTIVE_API_CLIENTS }),
          autocomplete: 'off',
          required: true,
          maxlength: API_CLIENT_NAME_MAX,
        })}
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${this.disabled()}>${ta(lang, 'appRegister')}</button>
        </div>
        ${this.renderFeedback()}
      </form>
    </section>`;
  }
}
