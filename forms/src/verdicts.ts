import type { Answers, Localized, Problem, Rule, ValidateOptions } from './types.ts';
import { VERDICT_TODAY } from './verdict-form.ts';
import { RULE_VERDICTS } from './verdicts-rules.ts';
import { SHAPE_VERDICTS } from './verdicts-shape.ts';

export { VERDICT_FORM, VERDICT_TODAY, VERDICT_VALID_ANSWERS } from './verdict-form.ts';

/** A problem as the table expects it: its path, its rule and its exact message in each language. */
export interface ExpectedProblem {
  path: string;
  rule: Rule;
  message: Localized;
}

/**
 * One case of the shared verdict table: answers to {@link VERDICT_FORM}, a mode, and the problems every entry point
 * (this package, the subgraph's `applicationSave`/`applicationSubmit`, the widget's client-side check) must give,
 * in this order, with these messages.
 */
export interface Verdict {
  name: string;
  mode: ValidateOptions['mode'];
  answers: Answers;
  problems: ExpectedProblem[];
}

/**
 * The verdicts. Run them through an entry point with `today: VERDICT_TODAY` and compare with
 * {@link expectedProblems}; the answers of the subgraph carry the same paths under `answers.`.
 */
export const VERDICTS: readonly Verdict[] = [...SHAPE_VERDICTS, ...RULE_VERDICTS];

/** The problems of `verdict` as `validateAnswers` returns them in `lang`. */
export function expectedProblems(verdict: Verdict, lang: keyof Localized): Problem[] {
  return verdict.problems.map(({ path, rule, message }) => ({ path, rule, message: message[lang] }));
}

/** The options a verdict is judged with in `lang`. */
export const verdictOptions = (verdict: Verdict, lang: keyof Localized): ValidateOptions => ({
  lang,
  mode: verdict.mode,
  today: VERDICT_TODAY,
});
