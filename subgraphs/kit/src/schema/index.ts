export { communeRef, type EntityKey, entityFields, externalFields, userRef } from './entities.ts';
export {
  check,
  ERROR_TEXTS,
  type ErrorClass,
  errorTypes,
  type FieldProblem,
  ForbiddenError,
  forbiddenError,
  InsufficientAssuranceError,
  insufficientAssuranceError,
  localize,
  NotFoundError,
  notFoundError,
  problems,
  type Texts,
  ValidationError,
} from './errors.ts';
export { entityMutation, type MutationOptions } from './mutations.ts';
