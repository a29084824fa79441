import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { parseCaseCode } from './case-code';

/**
 * Accepts anything `parseCaseCode` accepts (loose typing included); handlers store
 * `normalizeCaseCode(value)`, never the raw input.
 */
export function IsCaseCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCaseCode',
      validator: {
        validate: (value: unknown): boolean => parseCaseCode(value).ok,
        defaultMessage: (args?: ValidationArguments): string => {
          const result = parseCaseCode(args?.value);
          const why = result.ok ? '' : ` ${result.message}`;
          return `${args?.property ?? 'value'} must be a case code (一案一码).${why}`;
        },
      },
    },
    validationOptions,
  );
}
