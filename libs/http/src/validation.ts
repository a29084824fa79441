import { Logger, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { InvalidInputError } from './domain-error';
import type { FieldError } from './problem-details';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const path = parent === '' ? error.property : isIndex ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own: FieldError[] = error.constraints
      ? [{ field: path, messages: Object.values(error.constraints), codes: Object.keys(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

export function toFieldErrors(errors: ValidationError[]): FieldError[] {
  return flatten(errors);
}

/**
 * A validator that throws on hostile input instead of saying "invalid" (class-validator's IsNumber with
 * maxDecimalPlaces on 5e-324, validator's isEmail on an unpaired surrogate: TypeError / URIError) would
 * make the request a 500. The request is refused as invalid instead (400 `validation-failed`, nothing
 * reaches the handler), and the throw is logged so the validator can be fixed. Found by
 * test/security/openapi-fuzz.int-spec.ts.
 */
class FailClosedValidationPipe extends ValidationPipe {
  private readonly logger = new Logger('ValidationPipe');

  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    try {
      return await super.validate(object, validatorOptions);
    } catch (e) {
      this.logger.warn({ err: e, dto: object?.constructor?.name }, 'a validator threw on this input; refused as invalid (400)');
      throw new InvalidInputError([{ field: 'request', messages: ['a value in the request could not be validated'], codes: ['unvalidatable'] }]);
    }
  }
}

/**
 * The global pipe: strips nothing silently (unknown fields are an error), converts types, and
 * reports every invalid field at once as a 400 problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new FailClosedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError(toFieldErrors(errors)),
  });
}
