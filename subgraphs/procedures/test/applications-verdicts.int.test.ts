/**
 * The shared verdict table of `@gemeng/forms` through the subgraph: the function `applicationSave` and
 * `applicationSubmit` judge answers with gives, for every case and in the four languages, the problems the
 * forms package and the widget give (the same paths under `answers.`, the same messages word for word, in
 * the same order). Then the mutations themselves, on a procedure whose form is the table's: a citizen saving
 * or submitting those answers reads exactly these problems in the ValidationError. The mutations judge dates on
 * the day in Luxembourg: there, the process's clock is set to the table's day (only `Date` is faked, timers run).
 */
import { fileURLToPath } from 'node:url';
import { type Answers, validateAnswers } from '@gemeng/forms';
import { expectedProblems, VERDICT_FORM, VERDICT_TODAY, VERDICTS, type Verdict } from '@gemeng/forms/verdicts';
import { LANGUAGES } from '@gemeng/i18n';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { answerProblems } from '../src/applications/submission.ts';
import { todayInLuxembourg } from '../src/catalogue/working-days.ts';
import type { Db } from '../src/db.ts';
import { applicationsCommune, codeOf, headersOf, mutate, openDb, type TestCommune } from './applications-fixtures.ts';

/** The table's problems as the subgraph names them in a ValidationError. */
const expectedFieldProblems = (verdict: Verdict, lang: (typeof LANGUAGES)[number]) =>
  expectedProblems(verdict, lang).map(({ path, message }) => ({ field: `answers.${path}`, message }));

describe('the shared verdict table through the subgraph’s validation', () => {
  describe.each(VERDICTS.map((verdict) => [verdict.name, verdict] as const))('%s', (_name, verdict) => {
    it.each(LANGUAGES)('in %s, the same problems and messages as @gemeng/forms', (lang) => {
      const problems = answerProblems(VERDICT_FORM, verdict.answers, verdict.mode, lang, VERDICT_TODAY);
      expect(problems).toEqual(expectedFieldProblems(verdict, lang));
    });
  });

  it('judges dates on the Luxembourg day when no day is given', () => {
    const dated = VERDICTS.find((verdict) =>
      verdict.problems.some((problem) => problem.message.en.includes('March 30, 2026')),
    );
    expect(dated, 'the table has a case judged on its day').toBeDefined();
    const today = todayInLuxembourg();
    expect(answerProblems(VERDICT_FORM, dated!.answers, dated!.mode, 'en')).toEqual(
      answerProblems(VERDICT_FORM, dated!.answers, dated!.mode, 'en', today),
    );
  });
});

/** A submitted case reaches the submission only once its answers could be saved (draft rules: shapes only). */
const savable = (answers: Answers) =>
  validateAnswers(VERDICT_FORM, answers, { lang: 'en', mode: 'draft', today: VERDICT_TODAY }).length === 0;

const dir = fileURLToPath(new URL('..', import.meta.url));
let issuer: TestIssuer;
let procedures: TestSubgraph;
let db: Db;
let commune: TestCommune;

beforeAll(async () => {
  delete process.env.SMTP_URL; // no relay: these tests are about the answers
  issuer = await startTestIssuer();
  procedures = await startTestSubgraph(dir, inject('postgresUrl'), { auth: issuer.auth });
  db = openDb(procedures.databaseUrl);
  commune = await applicationsCommune(db, 'VER', VERDICT_FORM);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await procedures?.stop();
  await issuer?.stop();
});

describe('the shared verdict table through applicationSave and applicationSubmit', () => {
  const cases = VERDICTS.filter((verdict) => verdict.mode === 'draft' || savable(verdict.answers));

  // The table's day, noon in Luxembourg, for the subgraph's "today" (tokens are minted and checked on it too).
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${VERDICT_TODAY}T10:00:00Z`));
  });
  afterAll(() => vi.useRealTimers());

  it('covers draft and submitted cases', () => {
    expect(cases.filter((verdict) => verdict.mode === 'draft').length).toBeGreaterThan(0);
    expect(cases.filter((verdict) => verdict.mode === 'submit' && verdict.problems.length > 0).length).toBeGreaterThan(
      3,
    );
  });

  describe.each(cases.map((verdict) => [verdict.name, verdict] as const))('%s', (name, verdict) => {
    it.each(LANGUAGES)('in %s, the ValidationError names the same answers with the same messages', async (lang) => {
      const person = { sub: `verdicts-${lang}-${name}`, name: 'Mady Muller', email: 'mady@example.lu' };
      const headers = await headersOf(issuer, person, lang);
      const started = await mutate(
        procedures,
        'applicationStart',
        { communeId: commune.communeId, procedureCode: codeOf(commune, 'simple') },
        headers,
      );
      const draft = started.application!;
      const saved = await mutate(
        procedures,
        'applicationSave',
        { id: draft.id, version: draft.version, answers: verdict.answers },
        headers,
      );
      const expected = expectedFieldProblems(verdict, lang);
      if (verdict.mode === 'draft') {
        if (expected.length === 0) expect(saved.__typename).toBe('ApplicationSavePayload');
        else
          expect({ type: saved.__typename, problems: saved.problems }).toEqual({
            type: 'ValidationError',
            problems: expected,
          });
        return;
      }
      expect(saved.__typename).toBe('ApplicationSavePayload');
      const submitted = await mutate(
        procedures,
        'applicationSubmit',
        { id: draft.id, version: saved.application!.version },
        headers,
      );
      if (expected.length === 0) expect(submitted.application?.state).toBe('SUBMITTED');
      else
        expect({ type: submitted.__typename, problems: submitted.problems }).toEqual({
          type: 'ValidationError',
          problems: expected,
        });
    });
  });
});
