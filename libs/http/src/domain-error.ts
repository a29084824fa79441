import { HttpStatus } from '@nestjs/common';
import type { FieldError } from './problem-details';

/**
 * A failure the caller can understand and act on. `code` is stable (clients switch on it) and
 * becomes the last segment of the problem's `type` URI.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.UNPROCESSABLE_ENTITY,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not-found', `${what} ${id} was not found`, HttpStatus.NOT_FOUND);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, extensions: Record<string, unknown> = {}) {
    super(code, message, HttpStatus.CONFLICT, undefined, extensions);
  }
}

/** A request that passed DTO validation but breaks a rule about its content (400). */
export class InvalidInputError extends DomainError {
  constructor(errors: FieldError[], message = 'The request has invalid fields') {
    super('validation-failed', message, HttpStatus.BAD_REQUEST, errors);
  }
}
