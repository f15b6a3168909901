import { type Answers, type FormDefinition, type Problem, validateAnswers } from '@gemeng/forms';
import type { Language } from '@gemeng/frontend-kit';
import { nameOfPath } from './answers.ts';

/** Control name → message, first problem per control (as the kit's field pieces and error summary read them). */
export type AnswerErrors = Record<string, string>;

/**
 * The answers checked in the browser with the server's own module (`@gemeng/forms`): the same verdicts and the same
 * messages as `applicationSubmit` gives, before anything is sent.
 */
export function checkAnswers(
  definition: FormDefinition,
  answers: Answers,
  lang: Language,
  mode: 'draft' | 'submit' = 'submit',
): AnswerErrors {
  return errorsOf(validateAnswers(definition, answers, { lang, mode }));
}

/** Problems (the browser's or the server's, whose paths start with `answers.`) as errors by control name. */
export function errorsOf(problems: readonly Pick<Problem, 'path' | 'message'>[]): AnswerErrors {
  const errors: AnswerErrors = {};
  for (const problem of problems) {
    const name = nameOfPath(problem.path.replace(/^answers\.?/, ''));
    if (name && !errors[name]) errors[name] = problem.message;
  }
  return errors;
}
