/**
 * The `<entity><Verb>` mutation convention (`eventBook`, `applicationSubmit`), written once: one input object
 * argument `input` (`EventBookInput`), a payload (`EventBookPayload`) returned in a union with the typed errors
 * (`EventBookResult = ValidationError | … | EventBookPayload`), the scope rules next to the field, and
 * validation that throws `ValidationError` before `resolve` runs, so nothing is written for bad input.
 */
import type {
  InputFieldMap,
  InputShapeFromFields,
  MaybePromise,
  SchemaTypes,
  ShapeFromTypeParam,
  TypeParam,
} from '@pothos/core';
import type { AuthScopeMap } from '@pothos/plugin-scope-auth';
import { type ErrorClass, type FieldProblem, ValidationError } from './errors.ts';
import { type LooseBuilder, loose } from './loose.ts';

/** entity (lower camel case) then a verb (upper camel case): `eventBook`, `applicationSubmit`, `apiClientCreate`. */
const MUTATION_NAME = /^[a-z][a-zA-Z0-9]*[A-Z][a-z0-9]+$/;

/** The payload's fields: each the type of the property of the same name in what `resolve` returns. */
export type PayloadFields<Types extends SchemaTypes> = Record<string, TypeParam<Types>>;

/** What `resolve` returns for payload fields `P`: `{ booking: Booking }` → `{ booking: <a Booking row> }`. */
export type PayloadShape<Types extends SchemaTypes, P extends PayloadFields<Types>> = {
  [K in keyof P]: ShapeFromTypeParam<Types, P[K], false>;
};

export interface MutationOptions<
  Types extends SchemaTypes,
  Fields extends InputFieldMap,
  Payload extends PayloadFields<Types>,
> {
  description: string;
  /** The fields of `<Name>Input`. */
  input: (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => Fields;
  /** The fields of `<Name>Payload`, e.g. `{ booking: Booking }`: what changed, non-null, from `resolve`'s result. */
  payload: Payload;
  /**
   * Who may call it, from the token (scope-auth, see `authScopesOf`): a map, or a function of the input, e.g.
   * `(input) => ({ agentOf: input.communeId })`. Required: a public mutation says `{ public: true }`.
   */
  authScopes:
    | AuthScopeMap<Types>
    | ((input: InputShapeFromFields<Fields>, ctx: Types['Context']) => MaybePromise<AuthScopeMap<Types> | boolean>);
  /** Typed errors `resolve` may throw besides `ValidationError`, e.g. `[NotFoundError, ForbiddenError]`. */
  errors?: readonly ErrorClass[];
  /** The input's problems (`check`, `problems`), all of them; any problem fails the call before `resolve`. */
  validate?: (input: InputShapeFromFields<Fields>, ctx: Types['Context']) => MaybePromise<readonly FieldProblem[]>;
  /** Does it (through `ctx.services`), once the caller passed the scopes and the input its validation. */
  resolve: (input: InputShapeFromFields<Fields>, ctx: Types['Context']) => Promise<PayloadShape<Types, Payload>>;
}

/** Adds `name(input: <Name>Input!): <Name>Result!` to the Mutation type (created on first use). */
export function entityMutation<
  Types extends SchemaTypes,
  Fields extends InputFieldMap,
  Payload extends PayloadFields<Types>,
>(
  builder: PothosSchemaTypes.SchemaBuilder<Types>,
  name: string,
  options: MutationOptions<Types, Fields, Payload>,
): void {
  if (!MUTATION_NAME.test(name)) {
    throw new Error(
      `Mutation "${name}" does not follow <entity><Verb>: name the entity, then the verb, e.g. "eventBook" or "applicationSubmit".`,
    );
  }
  const typeName = name.charAt(0).toUpperCase() + name.slice(1);
  const any = loose(builder);
  const Input = any.inputType(`${typeName}Input`, { fields: options.input as never });
  const Payload = any.objectRef<Record<string, unknown>>(`${typeName}Payload`).implement({
    fields: (t) =>
      Object.fromEntries(
        Object.entries(options.payload).map(([key, type]) => [
          key,
          t.field({ type: type as never, resolve: (result) => result[key] as never }),
        ]),
      ),
  });
  ensureMutationType(any);

  const { authScopes, validate, resolve } = options;
  // Pothos cannot follow a field's generic types through a helper generic over the builder: the options above are
  // checked; this field is assembled from them.
  const field = {
    type: Payload,
    description: options.description,
    args: {} as Record<string, unknown>,
    authScopes:
      typeof authScopes === 'function'
        ? (_root: unknown, args: { input: InputShapeFromFields<Fields> }, ctx: Types['Context']) =>
            authScopes(args.input, ctx)
        : authScopes,
    errors: {
      types: [ValidationError, ...(options.errors ?? [])],
      directResult: true,
      union: { name: `${typeName}Result` },
    },
    resolve: async (_root: unknown, args: { input: InputShapeFromFields<Fields> }, ctx: Types['Context']) => {
      const found = validate ? await validate(args.input, ctx) : [];
      if (found.length > 0) throw ValidationError.of(found);
      return resolve(args.input, ctx);
    },
  };
  any.mutationField(name, (t) => {
    field.args = { input: t.arg({ type: Input, required: true }) };
    return t.field(field as never);
  });
}

/** Creates the Mutation type unless the subgraph already did (identity's builder.ts, before this helper). */
function ensureMutationType(builder: LooseBuilder): void {
  if (!builder.configStore.hasConfig('Mutation')) builder.mutationType({});
}
