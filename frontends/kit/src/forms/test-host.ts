import { html, LitElement, type TemplateResult } from 'lit';
import type { AuthError } from '../auth.ts';
import type { StepUpChallenge } from '../graphql-client.ts';
import type { Language } from '../i18n.ts';
import de from '../messages/forms/de.json';
import en from '../messages/forms/en.json';
import fr from '../messages/forms/fr.json';
import lb from '../messages/forms/lb.json';
import { formMessages } from './messages.ts';
import type { MutationHost } from './mutation-controller.ts';

/**
 * A bare element for the pieces' unit tests: renders what `view` returns in its shadow root, and answers the
 * step-up with `stepUpAnswer` (recording each challenge).
 */
export class PiecesHost extends LitElement implements MutationHost {
  language: Language = 'en';
  view: () => unknown = () => html``;
  readonly challenges: StepUpChallenge[] = [];
  stepUpAnswer: () => Promise<AuthError | undefined> = async () => undefined;

  startStepUp(challenge: StepUpChallenge): Promise<AuthError | undefined> {
    this.challenges.push(challenge);
    return this.stepUpAnswer();
  }

  protected override render(): TemplateResult {
    return html`${this.view()}`;
  }
}

if (!customElements.get('pieces-host')) customElements.define('pieces-host', PiecesHost);

/** A bare LitElement does not load the kit's texts as a GemengElement does: the tests load all four. */
await Promise.all((['lb', 'fr', 'de', 'en'] as const).map((language) => formMessages.load(language)));

export async function mountHost(view?: () => unknown): Promise<{ host: PiecesHost; root: ShadowRoot }> {
  const host = document.createElement('pieces-host') as PiecesHost;
  if (view) host.view = view;
  document.body.append(host);
  await host.updateComplete;
  return { host, root: host.shadowRoot as ShadowRoot };
}

export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits (renders and timers) until `predicate` holds. */
export async function until(host: LitElement, predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await host.updateComplete;
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('never happened');
}

/** The kit's texts as written (ICU strings with simple arguments), per language. */
export const texts = { lb, fr, de, en } as const;
