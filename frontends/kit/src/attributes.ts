import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { tf } from './forms/messages.ts';
import { LANGUAGES, type Language, matchLanguage } from './i18n.ts';

/** What one attribute of a widget may hold. */
export interface AttributeRule {
  readonly attribute: string;
  /** The values allowed, for the warning (e.g. `lb, fr, de, en` or `1–6`). */
  readonly allowed: string;
  readonly accepts: (value: string) => boolean;
}

/** An attribute value the widget cannot use. */
export interface AttributeProblem {
  readonly attribute: string;
  readonly value: string;
  /** The values allowed, when they can be listed. */
  readonly allowed?: string;
}

/** The attribute holds one of `values`. */
export function oneOf(attribute: string, values: readonly string[]): AttributeRule {
  return { attribute, allowed: values.join(', '), accepts: (value) => values.includes(value) };
}

/** The attribute holds a whole number from `min` to `max` (e.g. `heading-level`, 1–6). */
export function integerBetween(attribute: string, min: number, max: number): AttributeRule {
  return {
    attribute,
    allowed: `${min}–${max}`,
    accepts: (value) => /^\s*\d+\s*$/.test(value) && Number(value) >= min && Number(value) <= max,
  };
}

/** `lang`: one of Gemeng's languages (a regional tag such as `fr-LU` counts as its language). */
export const languageRule: AttributeRule = {
  attribute: 'lang',
  allowed: LANGUAGES.join(', '),
  accepts: (value) => matchLanguage(value) !== undefined,
};

/**
 * Checks a widget's attributes before each render (a Lit reactive controller), and takes problems found later
 * (e.g. a slug the graph does not know: {@link report}, or {@link warn} alone). Each bad value is logged once, as one
 * `console.warn` naming the element, the attribute, the value and the values allowed; {@link render} gives the
 * short message, in the reader's language, that the widget shows in place of its content.
 * `GemengElement` has one (`attributeCheck`), with its class's `attributeRules`.
 */
export class AttributeChecker implements ReactiveController {
  #found: AttributeProblem | undefined;
  #reported: AttributeProblem | undefined;
  readonly #warned = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly rules: () => readonly AttributeRule[],
  ) {
    host.addController(this);
  }

  /** The first attribute problem, if any: the ones of the rules first, then a reported one. */
  get problem(): AttributeProblem | undefined {
    return this.#found ?? this.#reported;
  }

  hostUpdate(): void {
    this.check();
  }

  /** Checks every rule against the element's attributes now (an empty attribute counts as absent). */
  check(): AttributeProblem | undefined {
    this.#found = undefined;
    for (const rule of this.rules()) {
      const value = this.host.getAttribute(rule.attribute);
      if (value === null || value === '' || rule.accepts(value)) continue;
      this.#found = { attribute: rule.attribute, value, allowed: rule.allowed };
      this.warn(this.#found);
      break;
    }
    return this.#found;
  }

  /** A problem found by the widget itself (after asking the graph); `undefined` clears it. */
  report(problem: AttributeProblem | undefined): void {
    this.#reported = problem;
    if (problem) this.warn(problem);
    this.host.requestUpdate();
  }

  /**
   * Only the console warning (once per attribute and value), for a widget that shows a message of its own in place
   * (e.g. the commune card's "commune not found").
   */
  warn(problem: AttributeProblem): void {
    const key = `${problem.attribute}\u0000${problem.value}`;
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    const allowed = problem.allowed ? ` Allowed: ${problem.allowed}.` : '';
    console.warn(
      `<${this.host.localName}>: unknown value "${problem.value}" for the attribute "${problem.attribute}".${allowed}`,
    );
  }

  /** The short message shown in place of the widget, or undefined when the attributes are fine. */
  render(lang: Language): TemplateResult | undefined {
    const problem = this.problem;
    if (!problem) return undefined;
    return html`<p part="attribute-problem alert" role="alert" lang=${lang}>
      ${tf(lang, 'invalidAttribute', { attribute: problem.attribute, value: problem.value })}
    </p>`;
  }
}
