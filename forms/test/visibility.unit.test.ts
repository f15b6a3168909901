import { describe, expect, it } from 'vitest';
import {
  cleanAnswers,
  type Field,
  type FormDefinition,
  prefillAnswers,
  validateAnswers,
  visibleFields,
} from '../src/index.ts';

const label = { lb: 'Feld', fr: 'Champ', de: 'Feld', en: 'Field' };
const form = (...fields: Field[]): FormDefinition => ({ version: 1, fields });
const options = ['a', 'b', 'c'].map((value) => ({ value, label }));

const FORM = form(
  { key: 'reason', type: 'select', label, options, required: true },
  { key: 'detail', type: 'text', label, required: true, visibleIf: { field: 'reason', in: ['b', 'c'] } },
  { key: 'moreDetail', type: 'text', label, required: true, visibleIf: { field: 'detail', filled: true } },
  { key: 'extras', type: 'multiSelect', label, options },
  { key: 'onlyWithA', type: 'number', label, visibleIf: { field: 'extras', equals: 'a' } },
  {
    key: 'either',
    type: 'checkbox',
    label,
    visibleIf: { any: [{ field: 'reason', equals: 'a' }, { all: [{ field: 'extras', filled: false }] }] },
  },
  {
    key: 'people',
    type: 'group',
    label,
    repeatable: { max: 5 },
    fields: [
      { key: 'minor', type: 'checkbox', label },
      { key: 'guardian', type: 'text', label, required: true, visibleIf: { field: 'minor', equals: true } },
      { key: 'why', type: 'text', label, visibleIf: { field: 'reason', equals: 'c' } },
    ],
  },
  {
    key: 'contact',
    type: 'group',
    label,
    fields: [
      { key: 'name', type: 'text', label, prefill: 'name' },
      { key: 'home', type: 'address', label, prefill: 'address' },
    ],
  },
);

const paths = (answers: Record<string, unknown>) => {
  const collect = (nodes: ReturnType<typeof visibleFields>): string[] =>
    nodes.flatMap((node) => [
      node.path,
      ...collect(node.fields ?? []),
      ...(node.items ?? []).flatMap((item) => collect(item)),
    ]);
  return collect(visibleFields(FORM, answers));
};

describe('conditional visibility', () => {
  it('shows a field when its condition holds, in the item’s own scope first, then outside', () => {
    expect(paths({ reason: 'a', people: [{ minor: true }, {}] })).toEqual([
      'reason',
      'extras',
      'either',
      'people',
      'people.0.minor',
      'people.0.guardian',
      'people.1.minor',
      'contact',
      'contact.name',
      'contact.home',
    ]);
    expect(paths({ reason: 'c', extras: ['b', 'a'], people: [{}] })).toEqual([
      'reason',
      'detail',
      'extras',
      'onlyWithA',
      'people',
      'people.0.minor',
      'people.0.why',
      'contact',
      'contact.name',
      'contact.home',
    ]);
  });

  it('treats the answer of a hidden field as absent, so what depends on it hides too', () => {
    const answers = { reason: 'a', detail: 'left over', moreDetail: 'also' };
    expect(paths(answers)).not.toContain('moreDetail');
    expect(validateAnswers(FORM, answers, { lang: 'en', mode: 'submit' })).toEqual([]);
    expect(validateAnswers(FORM, { reason: 'b' }, { lang: 'en', mode: 'submit' }).map((p) => p.path)).toEqual([
      'detail',
    ]);
  });

  it('cleanAnswers drops hidden answers and unknown keys, item by item', () => {
    expect(
      cleanAnswers(FORM, {
        reason: 'a',
        detail: 'hidden now',
        unknown: 1,
        people: [
          { minor: false, guardian: 'hidden', why: 'hidden' },
          { minor: true, guardian: 'Anna' },
        ],
        contact: { name: 'Marie', stray: true },
      }),
    ).toEqual({
      reason: 'a',
      people: [{ minor: false }, { minor: true, guardian: 'Anna' }],
      contact: { name: 'Marie' },
    });
  });

  it('keeps a wrongly shaped group answer as it is, so validation can name it', () => {
    const answers = { reason: 'a', people: 'two' };
    expect(cleanAnswers(FORM, answers)).toEqual(answers);
    expect(validateAnswers(FORM, answers, { lang: 'en', mode: 'draft' })).toEqual([
      { path: 'people', rule: 'type', message: 'The answer to “Field” is not of the expected kind.' },
    ]);
  });
});

describe('draft and submit', () => {
  it('a draft accepts empty and invalid-but-well-typed answers; a submission does not', () => {
    const answers = { reason: 'zzz', extras: ['nope'], people: [{ minor: true }] };
    expect(validateAnswers(FORM, answers, { lang: 'en', mode: 'draft' })).toEqual([]);
    expect(validateAnswers(FORM, answers, { lang: 'en', mode: 'submit' }).map((p) => `${p.path}:${p.rule}`)).toEqual([
      'reason:option',
      'extras:option',
      'people.0.guardian:required',
    ]);
  });
});

describe('prefill', () => {
  it('fills empty prefillable answers from the profile and never overwrites the citizen’s', () => {
    const profile = {
      name: 'Marie Schmit',
      address: { street: 'Rue du Parc', postcode: '3542', locality: 'Dudelange' },
    };
    expect(prefillAnswers(FORM, profile)).toEqual({
      contact: { name: 'Marie Schmit', home: { street: 'Rue du Parc', postcode: '3542', locality: 'Dudelange' } },
    });
    expect(prefillAnswers(FORM, profile, { contact: { name: 'M. Schmit' } })).toEqual({
      contact: { name: 'M. Schmit', home: { street: 'Rue du Parc', postcode: '3542', locality: 'Dudelange' } },
    });
    expect(prefillAnswers(FORM, {})).toEqual({});
  });
});
