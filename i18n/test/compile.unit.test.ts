import { describe, expect, it } from 'vitest';
import { catalogProblems, messageArguments, parseMessage } from '../src/compile.ts';

describe('messageArguments', () => {
  it('lists arguments with their kinds, also inside plural and select branches', () => {
    const ast = parseMessage(
      '{count, plural, one {# file of {owner}} other {# files}} {when, date, short} {role, select, admin {A} other {B}}',
    );
    expect(messageArguments(ast)).toEqual(['count:plural', 'owner:text', 'role:select(admin|other)', 'when:date']);
  });

  it('treats < as text', () => {
    expect(messageArguments(parseMessage('a <b>{x}</b>'))).toEqual(['x:text']);
  });
});

describe('catalogProblems', () => {
  it('is empty for complete catalogs whose plural categories differ', () => {
    expect(
      catalogProblems({
        lb: { n: '{n, plural, one {# Stonn} other {# Stonnen}}' },
        fr: { n: '{n, plural, one {# heure} many {# heures} other {# heures}}' },
      }),
    ).toEqual([]);
  });

  it('names missing keys, empty or unparsable messages and differing arguments', () => {
    expect(
      catalogProblems({
        lb: { a: 'A {name}', b: 'B', c: '{broken' },
        fr: { a: 'A {nom}', c: 'C' },
        de: { a: 'A {name}', b: ' ', c: 'C' },
      }),
    ).toEqual([
      '"a" takes different arguments: lb/de: {name:text} vs fr: {nom:text}',
      'fr: "b" is missing',
      'de: "b" is not a non-empty string',
      expect.stringMatching(/^lb: "c" does not parse/),
    ]);
  });
});
