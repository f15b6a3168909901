import { describe, expect, it } from 'vitest';
import { type Field, type FormDefinition, validateDefinition } from '../src/index.ts';

const label = { lb: 'Numm', fr: 'Nom', de: 'Name', en: 'Name' };
const form = (...fields: unknown[]): FormDefinition => ({ version: 1, fields: fields as Field[] });

describe('validateDefinition', () => {
  it('accepts a sound form with a condition reaching out of a repeated item', () => {
    expect(
      validateDefinition(
        form(
          { key: 'hasDog', type: 'checkbox', label },
          {
            key: 'dogs',
            type: 'group',
            label,
            repeatable: { max: 3 },
            visibleIf: { field: 'hasDog', equals: true },
            fields: [
              { key: 'breed', type: 'select', label, options: [{ value: 'other', label }] },
              { key: 'other', type: 'text', label, visibleIf: { all: [{ field: 'breed', equals: 'other' }] } },
              { key: 'note', type: 'text', label, visibleIf: { field: 'hasDog', filled: true } },
            ],
          },
        ),
      ),
    ).toEqual([]);
  });

  it('names each mistake with where it is', () => {
    const mistakes = validateDefinition(
      {
        version: 0,
        fields: [
          { key: 'name', type: 'text', label: { ...label, lb: '' }, pattern: '([a-z', minLength: 5, maxLength: 2 },
          { key: 'name', type: 'number', label, min: 10, max: 1 },
          { key: 'when', type: 'date', label, min: 'yesterday' },
          { key: 'pick', type: 'select', label, options: [] },
          { key: 'many', type: 'multiSelect', label, options: [{ value: 'a', label }], minItems: 2 },
          { key: 'proof', type: 'file', label, attachment: 'passport' },
          { key: 'ghost', type: 'text', label, visibleIf: { field: 'nobody', equals: 1 } },
          { key: 'mail', type: 'date', label, prefill: 'email' },
          { key: 'bad key', type: 'text', label },
          { key: 'odd', type: 'colour', label } as unknown as Field,
          { key: 'dogs', type: 'group', label, repeatable: { min: 2, max: 1 }, fields: [] },
        ],
      } as FormDefinition,
      { attachments: ['residence'] },
    );
    expect(mistakes).toEqual([
      'form: version must be ≥ 1',
      'name: label lacks a language',
      'name: minLength above max',
      'name: pattern is not a regular expression',
      'name: key appears twice',
      'name: min above max',
      'when: min/max must be yyyy-mm-dd, today, today+N or today-N',
      'pick: no options',
      'many: minItems above the number of options',
      'proof: attachment "passport" is not one of the procedure\'s',
      'ghost: visibleIf names "nobody", which is not in reach',
      'mail: prefill "email" cannot fill a date',
      'bad key: key must be letters, digits, _',
      'odd: unknown type "colour"',
      'dogs: repeatable.min above max',
      'dogs: no fields',
    ]);
  });

  it('refuses conditions that name themselves, a group, a field inside a repeated item, or go round in circles', () => {
    const mistakes = validateDefinition(
      form(
        { key: 'a', type: 'text', label, visibleIf: { field: 'b', filled: true } },
        { key: 'b', type: 'text', label, visibleIf: { field: 'a', filled: true } },
        { key: 'c', type: 'text', label, visibleIf: { field: 'c', filled: true } },
        { key: 'd', type: 'text', label, visibleIf: { field: 'g', filled: true } },
        { key: 'e', type: 'text', label, visibleIf: { field: 'inner', equals: 'x' } },
        { key: 'f', type: 'text', label, visibleIf: { field: 'a' } },
        { key: 'g', type: 'group', label, repeatable: { max: 2 }, fields: [{ key: 'inner', type: 'text', label }] },
      ),
    );
    expect(mistakes).toEqual([
      'c: visibleIf names the field itself',
      'd: visibleIf names the group "g"',
      'e: visibleIf names "inner", which is not in reach',
      'f: visibleIf on "a" says neither equals, in nor filled',
      'a: visibleIf loops',
      'b: visibleIf loops',
      'c: visibleIf loops',
    ]);
  });
});
