/**
 * The expected failures every domain returns in its mutation payloads (plugin-errors), written once: the `Error`
 * interface and `ValidationError`, `NotFoundError`, `ForbiddenError`, `InsufficientAssuranceError`, each
 * `@shareable` so that every subgraph can return them and the router can take them from any. Messages are in the
 * request language and say what to do; unexpected failures stay GraphQL errors.
 */

import { createMessages } from '@gemeng/i18n';
import type { InterfaceRef, SchemaTypes } from '@pothos/core';
import type { Language } from '../language.ts';
import de from '../messages/errors/de.json' with { type: 'json' };
import en from '../messages/errors/en.json' with { type: 'json' };
import fr from '../messages/errors/fr.json' with { type: 'json' };
import lb from '../messages/errors/lb.json' with { type: 'json' };
import { type LooseBuilder, loose } from './loose.ts';

/** The level of assurance a step-up asks for (`acr_values`): two factors. */
const SUBSTANTIAL = 'substantial';

/** What is wrong with one input field; `field` names it as in the input (e.g. "name", "seats"). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An input value is not acceptable: the first problem, and all of them for forms that show each at its field. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly problems: readonly FieldProblem[];

  constructor(
    readonly field: string,
    message: string,
    problems: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.problems = problems.length > 0 ? problems : [{ field, message }];
  }

  /** One error for all the problems found (at least one). */
  static of(problems: readonly FieldProblem[]): ValidationError {
    const [first] = problems;
    if (!first) throw new Error('ValidationError.of needs at least one problem: return [] when the input is fine.');
    return new ValidationError(first.field, first.message, problems);
  }
}

/** What the input names does not exist, or is not active any more (or the caller may not know it exists). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** A rule that depends on the data refuses the caller (e.g. another person's booking); scope rules stay GraphQL errors. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/**
 * The act needs two factors (RFC 9470 semantics, as the `substantial` scope's GraphQL error): the client signs in
 * again with `acr_values` (and `max_age` when a recent second factor is needed).
 */
export class InsufficientAssuranceError extends Error {
  override name = 'InsufficientAssuranceError';
  readonly acrValues = SUBSTANTIAL;

  constructor(
    message: string,
    readonly maxAge?: number,
  ) {
    super(message);
  }
}

/**
 * The kit's own messages (ICU, `src/messages/errors/<language>.json`); a domain's own texts are its own
 * `createMessages` set, whose formatted message it passes to these errors.
 */
export const errorMessages = createMessages('errors', { lb, fr, de, en });

export const notFoundError = (lang: Language, message = errorMessages.t(lang, 'notFound')) =>
  new NotFoundError(message);
export const forbiddenError = (lang: Language, message = errorMessages.t(lang, 'forbidden')) =>
  new ForbiddenError(message);
export const insufficientAssuranceError = (lang: Language, options: { maxAge?: number } = {}) =>
  new InsufficientAssuranceError(errorMessages.t(lang, 'insufficientAssurance'), options.maxAge);

/** Field checks for `validate`: each gives a problem, or nothing when the value is fine. */
export const check = {
  length(field: string, value: string, min: number, max: number, lang: Language): FieldProblem | undefined {
    const length = value.trim().length;
    if (length === 0 && min > 0) return { field, message: errorMessages.t(lang, 'required') };
    if (length < min || length > max) return { field, message: errorMessages.t(lang, 'length', { min, max }) };
    return undefined;
  },
  range(field: string, value: number, min: number, max: number, lang: Language): FieldProblem | undefined {
    if (Number.isInteger(value) && value >= min && value <= max) return undefined;
    return { field, message: errorMessages.t(lang, 'range', { min, max }) };
  },
};

/** The problems among `checks` (undefined ones are fine), for `validate`. */
export function problems(...checks: (FieldProblem | undefined | false | null)[]): FieldProblem[] {
  return checks.filter((found): found is FieldProblem => Boolean(found));
}

/** The error classes a mutation may list in its `errors`, besides its own. */
export type ErrorClass = new (...args: never[]) => Error;

const registered = new WeakMap<object, unknown>();

/**
 * Registers the `Error` interface and the four error types on a builder, once (later calls return the same
 * refs). `createBuilder` calls it, so every subgraph has them; a subgraph's own error types implement
 * `ErrorInterface`.
 */
export function errorTypes<Types extends SchemaTypes>(
  builder: PothosSchemaTypes.SchemaBuilder<Types>,
): { ErrorInterface: InterfaceRef<Types, Error> } {
  const existing = registered.get(builder);
  if (existing) return existing as { ErrorInterface: InterfaceRef<Types, Error> };
  const created = registerErrorTypes(loose(builder));
  registered.set(builder, created);
  return created as unknown as { ErrorInterface: InterfaceRef<Types, Error> };
}

function registerErrorTypes(builder: LooseBuilder) {
  // The JavaScript Error class is the interface's shape: every error class a domain throws implements it.
  const ErrorInterface = builder.interfaceType(Error, {
    name: 'Error',
    description: 'An expected failure of a mutation, with a message in the request language that says what to do.',
    fields: (t) => ({ message: t.exposeString('message') }),
  });

  const FieldProblemType = builder.objectRef<FieldProblem>('FieldProblem').implement({
    description: 'What is wrong with one input field.',
    shareable: true,
    fields: (t) => ({
      field: t.exposeString('field', { description: 'The input field, e.g. "name".' }),
      message: t.exposeString('message'),
    }),
  });

  builder.objectType(ValidationError, {
    name: 'ValidationError',
    description: 'An input value is not acceptable.',
    shareable: true,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof ValidationError,
    fields: (t) => ({
      field: t.exposeString('field', { description: 'The input field, e.g. "name".' }),
      problems: t.field({
        type: [FieldProblemType],
        description: 'Every field that is not acceptable, the first one included, for forms that mark each.',
        resolve: (error) => [...error.problems],
      }),
    }),
  });

  builder.objectType(NotFoundError, {
    name: 'NotFoundError',
    description: 'What the input names does not exist, or is not active any more.',
    shareable: true,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof NotFoundError,
    fields: () => ({}),
  });

  builder.objectType(ForbiddenError, {
    name: 'ForbiddenError',
    description: 'A rule that depends on the data refuses this caller, e.g. for another person’s booking.',
    shareable: true,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof ForbiddenError,
    fields: () => ({}),
  });

  builder.objectType(InsufficientAssuranceError, {
    name: 'InsufficientAssuranceError',
    description: 'This needs a sign-in with two factors: sign in again with acr_values (and max_age when given).',
    shareable: true,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof InsufficientAssuranceError,
    fields: (t) => ({
      acrValues: t.exposeString('acrValues', { description: 'The level of assurance to ask for: "substantial".' }),
      maxAge: t.int({
        nullable: true,
        description: 'At most this many seconds since the second factor was entered, when the act needs it recent.',
        resolve: (error) => error.maxAge ?? null,
      }),
    }),
  });

  return { ErrorInterface };
}
