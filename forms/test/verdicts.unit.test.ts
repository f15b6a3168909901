import { LANGUAGES } from '@gemeng/i18n';
import { describe, expect, it } from 'vitest';
import { validateAnswers, validateDefinition } from '../src/index.ts';
import { expectedProblems, VERDICT_FORM, VERDICTS, verdictOptions } from '../src/verdicts.ts';

describe('the shared verdict table', () => {
  it('judges a sound form', () => {
    expect(validateDefinition(VERDICT_FORM, { attachments: ['vaccination'] })).toEqual([]);
  });

  describe.each(VERDICTS.map((verdict) => [verdict.name, verdict] as const))('%s', (_name, verdict) => {
    it.each(LANGUAGES)('in %s', (lang) => {
      expect(validateAnswers(VERDICT_FORM, verdict.answers, verdictOptions(verdict, lang))).toEqual(
        expectedProblems(verdict, lang),
      );
    });
  });
});
