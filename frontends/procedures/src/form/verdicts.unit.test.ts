// @vitest-environment happy-dom

import { expectedProblems, VERDICT_FORM, VERDICT_TODAY, VERDICTS } from '@gemeng/forms/verdicts';
import { formMessages } from '@gemeng/frontend-kit';
import { LANGUAGES } from '@gemeng/i18n';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nameOfPath } from './answers.ts';
import { application, fx, mountOnApplication, settled, useFormFixture } from './form-test-support.ts';
import { checkAnswers } from './validation.ts';

useFormFixture();

/** The shared table's "today", noon in Luxembourg: date rules and national numbers are judged on it. */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${VERDICT_TODAY}T10:00:00Z`));
});
afterEach(() => vi.useRealTimers());

/** A node's text with the template's line breaks collapsed, other spaces (French no-break ones) kept. */
const words = (node: Element) => (node.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

/** The first problem per control, as the widget shows them (one message under each field). */
function firstPerControl(problems: readonly { path: string; message: string }[]): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const problem of problems) shown[nameOfPath(problem.path)] ??= problem.message;
  return shown;
}

describe("the shared verdict table through the widget's check", () => {
  describe.each(VERDICTS.map((verdict) => [verdict.name, verdict] as const))('%s', (_name, verdict) => {
    it.each(LANGUAGES)('in %s, the same verdicts and messages as @gemeng/forms', (lang) => {
      const errors = checkAnswers(VERDICT_FORM, verdict.answers, lang, verdict.mode);
      expect(errors).toEqual(firstPerControl(expectedProblems(verdict, lang)));
    });
  });
});

describe('the shared verdict table on screen', () => {
  const submitted = VERDICTS.filter((verdict) => verdict.mode === 'submit');
  describe.each(submitted.map((verdict) => [verdict.name, verdict] as const))('%s', (_name, verdict) => {
    it.each(LANGUAGES)('in %s, "Continue" shows each problem at its field, word for word', async (lang) => {
      await formMessages.load(lang);
      const prefix = formMessages.t(lang, 'errorPrefix');
      fx.answers.ProcedureFormApplication = { data: { application: application(verdict.answers), me: null } };
      const { element, root } = await mountOnApplication(lang);
      const expected = firstPerControl(expectedProblems(verdict, lang));
      // The widget opens a repeated group with its minimum of (empty) items, GOV.UK's "add another" pattern: where
      // the table's answers have no dog, the first dog's questions are asked instead of "add at least one".
      const opensWithItem = !('dogs' in verdict.answers);
      if (opensWithItem) delete expected.dogs;
      const submit = root.querySelector<HTMLButtonElement>('form [part="button"][type="submit"]')!;
      submit.click();
      if (!Object.keys(expected).length) {
        await settled(element, () => element.flow.view === 'summary');
        return;
      }
      await settled(element, (r) => r.querySelectorAll('[part="field-error"]').length > 0);
      const shown = Object.fromEntries(
        [...root.querySelectorAll('[part="field-error"]')].map((node) => [
          node.id.replace(/^answers-/, '').replace(/-error$/, ''),
          words(node).replace(`${prefix} `, ''),
        ]),
      );
      if (opensWithItem) {
        for (const key of Object.keys(shown).filter((name) => name.startsWith('dogs-0-'))) delete shown[key];
      }
      expect(shown).toEqual(expected);
      if (Object.keys(expected).length > 1) {
        const listed = [...root.querySelectorAll('#answers-error-summary a')].map((link) => words(link));
        expect(listed.filter((message) => Object.values(expected).includes(message))).toEqual(Object.values(expected));
      }
      expect(element.flow.view).toBe('form');
    });
  });
});
