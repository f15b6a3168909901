import { intlLocales, isLanguage, LANGUAGES } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import {
  type CommuneRef,
  EMAIL_CHANGE,
  isFailure,
  MAX_COMMUNES_OF_RESIDENCE,
  type Me,
  PROFILE_UPDATE,
} from './account-data.ts';
import { ta } from './account-messages.ts';
import { type AccountHost, AccountSection } from './account-section.ts';
import { LANGUAGE_NAMES, t } from './auth-messages.ts';

const NAME_MAX = 100;

/** Name, preferred language and communes of residence (`profileUpdate`). */
export class ProfileForm extends AccountSection {
  override readonly key = 'profile';

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const language = String(data.get('preferredLanguage') ?? '');
    const preferredLanguage = isLanguage(language) ? language : null;
    const communes = data.getAll('communesOfResidence').map(String);
    const errors: Record<string, string> = {};
    if (name.length < 1 || [...name].length > NAME_MAX) errors.name = ta(this.lang, 'nameRequired');
    if (communes.length > MAX_COMMUNES_OF_RESIDENCE) {
      errors.communesOfResidence = ta(this.lang, 'communesTooMany', { max: MAX_COMMUNES_OF_RESIDENCE });
    }
    if (Object.keys(errors).length) return this.showFieldErrors(errors);

    const answer = await this.run('save', () =>
      this.host.request(PROFILE_UPDATE, { name, preferredLanguage, communes }),
    );
    if (!answer) return;
    const result = answer.profileUpdate;
    if (isFailure(result)) return this.showFailure(result, ['name', 'preferredLanguage', 'communesOfResidence']);
    this.succeed(ta(this.lang, 'profileSaved'));
    await this.host.reload();
  }

  render(me: Me, communes: readonly CommuneRef[]): TemplateResult {
    const lang = this.lang;
    const collator = new Intl.Collator(intlLocales(lang), { numeric: true });
    const sorted = [...communes].sort((a, b) => collator.compare(a.name, b.name));
    return html`<form part="form" class="form" novalidate aria-busy=${this.ariaBusy()} @submit=${(e: SubmitEvent) => void this.#submit(e)}>
      ${this.errorSummary()}
      ${this.field({
        name: 'name',
        label: t(lang, 'name'),
        hint: ta(lang, 'nameHint'),
        autocomplete: 'name',
        required: true,
        maxlength: NAME_MAX,
        value: me.name,
      })}
      ${this.field({
        name: 'preferredLanguage',
        label: t(lang, 'preferredLanguage'),
        control: 'select',
        value: me.preferredLanguage,
        options: LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] ?? code, lang: code })),
      })}
      ${this.choices({
        name: 'communesOfResidence',
        legend: ta(lang, 'communesOfResidence'),
        hint: ta(lang, 'communesHint', { max: MAX_COMMUNES_OF_RESIDENCE }),
        options: sorted.map((commune) => ({ value: commune.id, label: commune.name })),
        checked: me.communesOfResidence.map((c) => c.id),
        part: 'communes',
      })}
      <div class="actions">
        <button part="button" type="submit" aria-disabled=${this.disabled()}>${ta(lang, 'saveProfile')}</button>
      </div>
      ${this.renderFeedback()}
    </form>`;
  }
}

/** A new address, confirmed with the current password (`emailChange`): a link goes to the new mailbox. */
export class EmailChangeForm extends AccountSection {
  override readonly key = 'email';

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

    const answer = await this.run('change', () => this.host.request(EMAIL_CHANGE, { newEmail, password }));
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
      ${this.host.heading(1, ta(lang, 'emailChangeHeading'), 'email-heading')}
      <form part="form" class="form" novalidate aria-busy=${this.ariaBusy()} @submit=${(e: SubmitEvent) => void this.#submit(e)}>
        ${this.errorSummary()}
        ${this.field({
          name: 'newEmail',
          label: ta(lang, 'newEmail'),
          type: 'email',
          autocomplete: 'email',
          spellcheck: false,
          required: true,
        })}
        ${this.currentPasswordField()}
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
    return html`<section part="profile-section">
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
