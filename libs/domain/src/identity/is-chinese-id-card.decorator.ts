import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { IdCardOptions, validateIdCard } from './id-card';

/** An 18-digit GB 11643 citizen number (or HK/MO/TW residence permit number); see `validateIdCard`. */
export function IsChineseIdCard(
  options: Omit<IdCardOptions, 'today'> = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isChineseIdCard',
      validator: {
        validate: (value: unknown): boolean => validateIdCard(value, options).ok,
        // The message never repeats the value: it is personal data and messages end up in logs.
        defaultMessage: (args?: ValidationArguments): string => {
          const result = validateIdCard(args?.value, options);
          const why = result.ok ? '' : ` ${result.message}`;
          return `${args?.property ?? 'value'} must be a valid identity card number.${why}`;
        },
      },
    },
    validationOptions,
  );
}
