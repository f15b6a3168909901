/**
 * The expected failures every domain returns in its mutation payloads (plugin-errors), written once: the `Error`
 * interface and `ValidationError`, `NotFoundError`, `ForbiddenError`, `InsufficientAssuranceError`, each
 * `@shareable` so that every subgraph can return them and the router can take them from any. Messages are in the
 * request language and say what to do; unexpected failures stay GraphQL errors.
 */
import type { InterfaceRef, SchemaTypes } from '@pothos/core';
import { type Language, pickLanguage } from '../language.ts';
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

export type Texts = Record<Language, string>;

/** A text in `lang` (fallback fr → de → lb → en), with `{name}` placeholders filled in. */
export function localize(texts: Partial<Texts>, lang: Language, vars: Record<string, string | number> = {}): string {
  return pickLanguage(texts, lang).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** The kit's own messages; a domain's field problems use its own texts through `localize`. */
export const ERROR_TEXTS = {
  notFound: {
    lb: 'Dat gëtt et net (méi): kuckt d’Lëscht no a probéiert et nach eng Kéier.',
    fr: 'Cet élément n’existe pas (ou plus) : vérifiez la liste et réessayez.',
    de: 'Das gibt es nicht (mehr): Prüfen Sie die Liste und versuchen Sie es erneut.',
    en: 'This does not exist (any more): check the list and try again.',
  },
  forbidden: {
    lb: 'Dir däerft dat net maachen: mellt Iech mat engem Kont un, deen déi richteg Roll huet.',
    fr: 'Vous n’avez pas le droit de faire ceci : connectez-vous avec un compte qui a le bon rôle.',
    de: 'Sie dürfen das nicht tun: Melden Sie sich mit einem Konto an, das die richtige Rolle hat.',
    en: 'You are not allowed to do this: sign in with an account that has the right role.',
  },
  insufficientAssurance: {
    lb: 'Dofir braucht Dir eng méi staark Umeldung: mellt Iech nach eng Kéier mat engem zweete Facteur un (Code-Kaart, Authenticator-App oder Passkey).',
    fr: 'Ceci demande une connexion plus forte : reconnectez-vous avec un second facteur (carte de codes, application d’authentification ou clé d’accès).',
    de: 'Dafür ist eine stärkere Anmeldung nötig: Melden Sie sich erneut mit einem zweiten Faktor an (Codekarte, Authenticator-App oder Passkey).',
    en: 'This needs a stronger sign-in: sign in again with a second factor (code card, authenticator app or passkey).',
  },
  required: {
    lb: 'Dëst Feld ass obligatoresch.',
    fr: 'Ce champ est obligatoire.',
    de: 'Dieses Feld ist erforderlich.',
    en: 'This field is required.',
  },
  length: {
    lb: 'Gitt tëscht {min} an {max} Zeechen an.',
    fr: 'Saisissez de {min} à {max} caractères.',
    de: 'Geben Sie {min} bis {max} Zeichen ein.',
    en: 'Enter {min} to {max} characters.',
  },
  range: {
    lb: 'Gitt eng ganz Zuel tëscht {min} an {max} an.',
    fr: 'Saisissez un nombre entier de {min} à {max}.',
    de: 'Geben Sie eine ganze Zahl von {min} bis {max} ein.',
    en: 'Enter a whole number from {min} to {max}.',
  },
} satisfies Record<string, Texts>;

export const notFoundError = (lang: Language, texts: Texts = ERROR_TEXTS.notFound) =>
  new NotFoundError(localize(texts, lang));
export const forbiddenError = (lang: Language, texts: Texts = ERROR_TEXTS.forbidden) =>
  new ForbiddenError(localize(texts, lang));
export const insufficientAssuranceError = (lang: Language, options: { maxAge?: number } = {}) =>
  new InsufficientAssuranceError(localize(ERROR_TEXTS.insufficientAssurance, lang), options.maxAge);

/** Field checks for `validate`: each gives a problem, or nothing when the value is fine. */
export const check = {
  length(field: string, value: string, min: number, max: number, lang: Language): FieldProblem | undefined {
    const length = value.trim().length;
    if (length === 0 && min > 0) return { field, message: localize(ERROR_TEXTS.required, lang) };
    if (length < min || length > max) return { field, message: localize(ERROR_TEXTS.length, lang, { min, max }) };
    return undefined;
  },
  range(field: string, value: number, min: number, max: number, lang: Language): FieldProblem | undefined {
    if (Number.isInteger(value) && value >= min && value <= max) return undefined;
    return { field, message: localize(ERROR_TEXTS.range, lang, { min, max }) };
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
