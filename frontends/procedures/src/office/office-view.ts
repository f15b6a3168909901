import type { AuthState, Language, MutationController, StepUpChallenge } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { CommuneChoice } from './office-commune.ts';
import type { OfficeHost } from './office-host.ts';
import type { LoadFailure } from './office-load.ts';
import { to } from './office-messages.ts';

export interface GateOptions {
  readonly auth: AuthState;
  readonly choice: CommuneChoice | undefined;
  readonly communesFailed: boolean;
  readonly signIn: () => void;
  readonly choose: (communeId: string) => void;
  readonly retry: () => void;
}

/**
 * What stands before the inbox: signing in, the communes failing to load, a `commune` attribute naming no commune,
 * a person who is no agent, and the chooser for an agent of several communes. Nothing once a commune is known.
 */
export function renderGate(host: OfficeHost, options: GateOptions): TemplateResult | undefined {
  const lang = host.language;
  if (options.auth.status === 'pending') return html``;
  if (options.auth.status === 'anonymous') {
    return html`<p>${to(lang, 'signInNeeded')}</p>
      <p><button part="button" type="button" @click=${options.signIn}>${to(lang, 'signIn')}</button></p>`;
  }
  if (options.communesFailed) {
    return html`<div part="alert" role="alert">
      <p>${to(lang, 'loadFailed')}</p>
      <button part="button" type="button" @click=${options.retry}>${to(lang, 'retry')}</button>
    </div>`;
  }
  const choice = options.choice;
  if (!choice) return html``;
  if (choice.kind === 'unknown') {
    return html`<p part="alert" role="alert">${to(lang, 'communeUnknown', { commune: choice.value })}</p>`;
  }
  if (choice.kind === 'none') return html`<p part="alert" role="alert">${to(lang, 'notAnAgent')}</p>`;
  if (choice.kind === 'several') {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const picked = new FormData(event.currentTarget as HTMLFormElement).get('commune');
      if (typeof picked === 'string' && picked) options.choose(picked);
    };
    return html`<form part="form chooser" class="form" @submit=${submit}>
      <fieldset part="choices" class="field">
        <legend part="label">${to(lang, 'chooseCommune')}</legend>
        <ul class="choices">
          ${choice.communes.map(
            (commune, index) => html`<li>
              <input type="radio" id="office-commune-${index}" name="commune" value=${commune.id} ?checked=${index === 0} />
              <label for="office-commune-${index}">${commune.name}</label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <div class="actions"><button part="button" type="submit">${to(lang, 'showApplications')}</button></div>
    </form>`;
  }
  return undefined;
}

export interface FailureOptions {
  readonly stepUp: (challenge: StepUpChallenge) => void;
  readonly retry: () => void;
  readonly signIn: () => void;
  readonly commune: string;
}

/** Why the inbox or the application cannot be shown, with what helps: a second factor, signing in, trying again. */
export function renderFailure(lang: Language, failure: LoadFailure, options: FailureOptions): TemplateResult {
  switch (failure.kind) {
    case 'forbidden':
      return html`<p part="alert" role="alert">${to(lang, 'forbidden', { commune: options.commune })}</p>`;
    case 'step-up':
      return html`<div part="step-up alert" role="alert">
        <p>${to(lang, 'stepUpNeeded')}</p>
        <button part="button" type="button" @click=${() => options.stepUp(failure.challenge)}>${to(lang, 'stepUp')}</button>
      </div>`;
    case 'unauthenticated':
      return html`<div part="alert" role="alert">
        <p>${to(lang, 'sessionEnded')}</p>
        <button part="button" type="button" @click=${options.signIn}>${to(lang, 'signIn')}</button>
      </div>`;
    default:
      return html`<div part="alert" role="alert">
        <p>${to(lang, 'loadFailed')}</p>
        <button part="button" type="button" @click=${options.retry}>${to(lang, 'retry')}</button>
      </div>`;
  }
}

/** A heading `depth` levels below `headingLevel` (clamped to h1–h6), focusable by script after actions. */
export function levelHeading(
  headingLevel: number,
  depth: number,
  content: string,
  id: string,
  part: string,
): TemplateResult {
  const base = Number.isInteger(headingLevel) ? Math.min(Math.max(headingLevel, 1), 6) : 2;
  const tag = unsafeStatic(`h${Math.min(base + depth, 6)}`); // only h1–h6
  return staticHtml`<${tag} id=${id} part=${part} tabindex="-1">${content}</${tag}>`;
}

/**
 * `gemeng-title` (bubbles, composed) with the main heading's text, and `error` while a form shows errors, when
 * either changed since `previous` (the key returned last time): the portal's shell sets the document's title.
 */
export function announceTitle(
  element: HTMLElement & { readonly renderRoot: ParentNode },
  forms: readonly MutationController[],
  previous: string | undefined,
): string | undefined {
  const title = element.renderRoot.querySelector('#office-heading')?.textContent?.trim() ?? '';
  const error = forms.some((form) => Object.values(form.fieldErrors).some(Boolean));
  const key = `${error} ${title}`;
  if (!title || key === previous) return previous;
  const detail = error ? { title, error } : { title };
  element.dispatchEvent(new CustomEvent('gemeng-title', { detail, bubbles: true, composed: true }));
  return key;
}
