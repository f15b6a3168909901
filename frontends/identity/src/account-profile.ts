import { intlLocales, LANGUAGES } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import {
  type CommuneRef,
  EMAIL_CHANGE,
  type EmailChangeResult,
  isFailure,
  MAX_COMMUNES_OF_RESIDENCE,
  type Me,
  PROFILE_UPDATE,
  type ProfileUpdateResult,
} from './account-data.ts';
import { ta } from './account-messages.ts';
import { type AccountHost, AccountSection } from './account-section.ts';
import { LANGUAGE_NAMES, t } from './auth-messages.ts';

const NAME_MAX = 100;

/** Name, preferred language and communes of residence (`profileUpdate`). */
export class ProfileForm extends AccountSection {
  readonly key = 'profile';

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const preferredLanguage = String(data.get('preferredLanguage') ?? '');
    const communes = data.getAll('communesOfResidence').map(String);
    const errors: Record<string, string> = {};
    if (name.length < 1 || [...name].length > NAME_MAX) errors.name = ta(this.lang, 'nameRequired');
    if (communes.length > MAX_COMMUNES_OF_RESIDENCE) {
      errors.communesOfResidence = ta(this.lang, 'communesTooMany', { max: MAX_COMMUNES_OF_RESIDENCE });
    }
    if (Object.keys(errors).length) return this.showFieldErrors(errors);

    const answer = await this.run('save', () =>
      this.host.request<ProfileUpdateResult>(PROFILE_UPDATE, { name, preferredLanguage, communes }),
    );
    if (!answer) return;
    const result = answer.profileUpdate;
    if (isFailure(result)) return this.showFailure(result, ['name', 'preferredLanguage', 'communesOfResidence']);
    this.succeed(ta(this.lang, 'profileSaved'));
    await this.host.reload();
  }

  render(me: Me, communes: readonly CommuneRef[]): TemplateResult {
    const lang = this.lang;
    const chosen = new Set(me.communesOfResidence.map((c) => c.id));
    const collator = new Intl.Collator(intlLocales(lang), { numeric: true });
    const sorted = [...communes].sort((a, b) => collator.compare(a.name, b.name));
    return html`<form part="form" class="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${(e: SubmitEvent) => void this.#submit(e)}>
      <div class="field">
        <label part="label" for="profile-name">${t(lang, 'name')}</label>
        ${this.renderHint('name', ta(lang, 'nameHint'))} ${this.renderFieldError('name')}
        <input
          part="input"
          id="profile-name"
          name="name"
          type="text"
          autocomplete="name"
          required
          maxlength=${NAME_MAX}
          .value=${me.name}
          aria-invalid=${this.invalid('name')}
          aria-describedby=${this.describedBy('name', true)}
        />
      </div>
      <div class="field">
        <label part="label" for="profile-preferredLanguage">${t(lang, 'preferredLanguage')}</label>
        ${this.renderFieldError('preferredLanguage')}
        <select
          part="input"
          id="profile-preferredLanguage"
          name="preferredLanguage"
          aria-invalid=${this.invalid('preferredLanguage')}
          aria-describedby=${this.describedBy('preferredLanguage')}
        >
          ${LANGUAGES.map(
            (code) =>
              html`<option value=${code} lang=${code} ?selected=${me.preferredLanguage === code}>${LANGUAGE_NAMES[code]}</option>`,
          )}
        </select>
      </div>
      <fieldset
        part="communes"
        class=${this.fieldErrors.communesOfResidence ? 'field invalid' : 'field'}
        id="profile-communesOfResidence"
        aria-describedby=${this.describedBy('communesOfResidence', true)}
      >
        <legend part="label">${ta(lang, 'communesOfResidence')}</legend>
        ${this.renderHint('communesOfResidence', ta(lang, 'communesHint', { max: MAX_COMMUNES_OF_RESIDENCE }))}
        ${this.renderFieldError('communesOfResidence')}
        <ul class="choices">
          ${sorted.map(
            (commune, index) => html`<li>
              <input
                type="checkbox"
                id="profile-commune-${index}"
                name="communesOfResidence"
                value=${commune.id}
                .checked=${chosen.has(commune.id)}
                aria-invalid=${this.invalid('communesOfResidence')}
              />
              <label for="profile-commune-${index}">${commune.name}</label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <div class="actions">
        <button part="button" type="submit" aria-disabled=${this.disabled()}>${ta(lang, 'saveProfile')}</button>
      </div>
      ${this.renderFeedback()}
    </form>`;
  }
}

/** A new address, confirmed with the current password (`emailChange`): a link goes to the new mailbox. */
export class EmailChangeForm extends AccountSection {
  readonly key = 'email';

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const newEmail = String(data.get('newEmail') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const errors: Record<string, string> = {};
    if (!newEmail) errors.newEmail = ta(this.lang, 'emailRequired');
    if (!password) errors.password = ta(this.lang, 'passwordRequired');
    if (Object.keys(errors).length) return this.showFieldErrors(errors);

    const answer = await this.run('change', () =>
      this.host.request<EmailChangeResult>(EMAIL_CHANGE, { newEmail, password }),
    );
    if (!answer) return;
    const result = answer.emailChange;
    if (isFailure(result)) return this.showFailure(result, ['newEmail', 'password']);
    form.reset();
    // The fields emptied: the message takes the focus so that it is read out and found.
    this.succeed(ta(this.lang, 'emailLinkSent', { email: newEmail }), { focus: true });
    await this.host.reload();
  }

  render(): TemplateResult {
    const lang = this.lang;
    return html`<section part="email-change">
      ${this.host.heading(2, ta(lang, 'emailChangeHeading'), 'email-heading')}
      <form part="form" class="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${(e: SubmitEvent) => void this.#submit(e)}>
        <div class="field">
          <label part="label" for="email-newEmail">${ta(lang, 'newEmail')}</label>
          ${this.renderFieldError('newEmail')}
          <input
            part="input"
            id="email-newEmail"
            name="newEmail"
            type="email"
            autocomplete="email"
            spellcheck="false"
            required
            aria-invalid=${this.invalid('newEmail')}
            aria-describedby=${this.describedBy('newEmail')}
          />
        </div>
        <div class="field">
          <label part="label" for="email-password">${ta(lang, 'currentPassword')}</label>
          ${this.renderHint('password', ta(lang, 'passwordHint'))} ${this.renderFieldError('password')}
          <input
            part="input"
            id="email-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid=${this.invalid('password')}
            aria-describedby=${this.describedBy('password', true)}
          />
        </div>
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${this.disabled()}>${ta(lang, 'changeEmail')}</button>
        </div>
        ${this.renderFeedback()}
      </form>
    </section>`;
  }
}

/** The Profile section: the account's details, the form to change them, and the address change. */
export class ProfileSection {
  readonly profile: ProfileForm;
  readonly email: EmailChangeForm;

  constructor(private readonly host: AccountHost) {
    this.profile = new ProfileForm(host);
    this.email = new EmailChangeForm(host);
  }

  get parts(): readonly AccountSection[] {
    return [this.profile, this.email];
  }

  render(me: Me, communes: readonly CommuneRef[]): TemplateResult {
    const lang = this.host.language;
    const residence = me.communesOfResidence.map((c) => c.name).join(', ');
    return html`<section part="profile-section" aria-labelledby="profile-heading">
      ${this.host.heading(1, ta(lang, 'profile'), 'profile-heading')}
      <dl part="profile">
        <dt>${t(lang, 'name')}</dt>
        <dd data-testid="account-name">${me.name}</dd>
        <dt>${t(lang, 'email')}</dt>
        <dd data-testid="account-email">${me.email}</dd>
        <dt>${t(lang, 'emailVerified')}</dt>
        <dd data-testid="account-verified">${me.emailVerified ? t(lang, 'yes') : t(lang, 'no')}</dd>
        <dt>${t(lang, 'preferredLanguage')}</dt>
        <dd data-testid="account-language" lang=${me.preferredLanguage}>
          ${LANGUAGE_NAMES[me.preferredLanguage] ?? me.preferredLanguage}
        </dd>
        <dt>${ta(lang, 'communesOfResidence')}</dt>
        <dd data-testid="account-communes">${residence || ta(lang, 'noCommunes')}</dd>
      </dl>
      ${this.profile.render(me, communes)} ${this.email.render()}
    </section>`;
  }
}
