export { ConflictError, DomainError, InvalidInputError, NotFoundError } from './domain-error';
export { PROBLEM_CONTENT_TYPE, PROBLEM_DETAILS_SCHEMA, PROBLEM_TYPE_BASE } from './problem-details';
export type { FieldError, ProblemDetails } from './problem-details';
export { ProblemDetailsFilter } from './problem-details.filter';
export { createValidationPipe, toFieldErrors } from './validation';
export { mapBodyParserErrors } from './body-parser-errors';
export {
  CONTROL_CHARACTER_MESSAGE,
  findControlCharacters,
  findIllFormedUnicode,
  ILL_FORMED_UNICODE_MESSAGE,
  InputGuard,
  jsonDepthExceeds,
  MAX_JSON_DEPTH,
  verifyJsonDepth,
} from './input-guard';
export { ERROR_CODES, isErrorCode } from './error-codes';
export type { ErrorCode, ErrorCodeEntry } from './error-codes';
