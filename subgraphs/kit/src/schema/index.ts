export { communeRef, type EntityKey, entityFields, externalFields, userRef } from './entities.ts';
export {
  check,
  type ErrorClass,
  errorMessages,
  errorTypes,
  type FieldProblem,
  ForbiddenError,
  forbiddenError,
  InsufficientAssuranceError,
  insufficientAssuranceError,
  NotFoundError,
  notFoundError,
  problems,
  ValidationError,
} from './errors.ts';
export { entityMutation, type MutationOptions } from './mutations.ts';
